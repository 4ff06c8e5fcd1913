import { describe, expect, it } from 'vitest';
import { validateDrivingFile, validateDrivingLicence } from '../../../src/notices/identifiers/validateDrivingLicence.js';

describe('validateDrivingLicence', () => {
  it('is the holder ID number, with every §1 rule', () => {
    expect(validateDrivingLicence('320102198506120317')).toMatchObject({ ok: true, kind: 'driving-licence' });
    expect(validateDrivingLicence('320102198506120318').errors.map((m) => m.code)).toEqual(['id.check']);
  });
});

describe('validateDrivingFile', () => {
  it('loose: 12 digits; another length warns, a letter is an error', () => {
    expect(validateDrivingFile('320100123456')).toMatchObject({ ok: true, warnings: [] });
    expect(validateDrivingFile('32010012345').warnings.map((m) => m.code)).toEqual(['driving-file.length']);
    expect(validateDrivingFile('3201001234567').warnings.map((m) => m.code)).toEqual(['driving-file.length']);
    expect(validateDrivingFile('32010012345A').errors.map((m) => m.code)).toEqual(['input.charset']);
  });
});
