import { describe, expect, it } from 'vitest';
import { validateBusinessLicence } from '../../../src/notices/identifiers/validateBusinessLicence.js';

describe('validateBusinessLicence', () => {
  it('takes a USCC or a GS15 number by length', () => {
    expect(validateBusinessLicence('91320102MA1G2K3LXW')).toMatchObject({ ok: true, kind: 'business-licence', parsed: { form: 'uscc' } });
    expect(validateBusinessLicence('320102000123459')).toMatchObject({ ok: true, kind: 'business-licence', parsed: { form: 'gs15' } });
    expect(validateBusinessLicence('320102000123458').errors.map((m) => m.code)).toEqual(['gs15.check']);
  });
  it('rejects other lengths', () => {
    expect(validateBusinessLicence('3201020001234').errors.map((m) => m.code)).toEqual(['input.length']);
  });
});
