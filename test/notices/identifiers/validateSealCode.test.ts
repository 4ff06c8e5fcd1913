import { describe, expect, it } from 'vitest';
import { validateSealCode } from '../../../src/notices/identifiers/validateSealCode.js';

describe('validateSealCode', () => {
  it('13 digits is the common form; another form is only a hint', () => {
    expect(validateSealCode('3201020012345')).toMatchObject({ ok: true, warnings: [], parsed: { thirteenDigits: true } });
    const other = validateSealCode('32010200123');
    expect(other.ok).toBe(true);
    expect(other.warnings.map((m) => m.code)).toEqual(['seal-code.pattern']);
  });
  it('what cannot be a code is an error', () => {
    expect(validateSealCode('3201/0200123').ok).toBe(false);
    expect(validateSealCode('1'.repeat(33)).ok).toBe(false);
  });
});
