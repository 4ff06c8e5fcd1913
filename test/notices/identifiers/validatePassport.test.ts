import { describe, expect, it } from 'vitest';
import { validatePassport } from '../../../src/notices/identifiers/validatePassport.js';

describe('validatePassport', () => {
  it.each([
    ['E12345678', 'ordinary-e-2012', 'CN'],
    ['EA1234567', 'ordinary-e-2017', 'CN'],
    ['G12345678', 'ordinary-g', 'CN'],
    ['141234567', 'old-numeric', 'CN'],
    ['151234567', 'old-numeric', 'CN'],
    ['DE1234567', 'diplomatic', 'CN'],
    ['SE1234567', 'service', 'CN'],
    ['PE1234567', 'public-affairs', 'CN'],
    ['K12345678', 'hksar', 'HK'],
    ['MA1234567', 'msar', 'MO'],
  ])('%s is a %s passport', (value, series, issuer) => {
    const r = validatePassport(value);
    expect(r).toMatchObject({ ok: true, warnings: [], parsed: { series, issuer, hasCheckDigit: false } });
  });
  it.each(['EI1234567', 'EO1234567', 'E1234567', 'H12345678', '161234567', 'DE123456', 'MA123456', 'MA12345678', 'K1234567'])('%s matches no pattern', (value) => {
    expect(validatePassport(value).errors.map((m) => m.code)).toEqual(['passport.pattern']);
  });
  it('normalises lowercase and spaces', () => {
    expect(validatePassport('ea 123 4567').normalized).toBe('EA1234567');
  });
});
