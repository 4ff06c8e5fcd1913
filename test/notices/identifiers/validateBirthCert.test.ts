import { describe, expect, it } from 'vitest';
import { validateBirthCert } from '../../../src/notices/identifiers/validateBirthCert.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('validateBirthCert', () => {
  it('accepts the spec example and reads its province', () => {
    const r = validateBirthCert('X320101001');
    expect(r).toMatchObject({ ok: true, warnings: [], parsed: { batch: 'X', provinceCode: '32', province: '江苏省' } });
  });
  it('strict: one letter then nine digits', () => {
    expect(codes(validateBirthCert('3201010012').errors)).toEqual(['input.charset']);
    expect(codes(validateBirthCert('X32010100').errors)).toEqual(['input.length']);
  });
  it('loose: digits 2–3 that are no province code only warn', () => {
    const r = validateBirthCert('X990101001');
    expect(r.ok).toBe(true);
    expect(codes(r.warnings)).toEqual(['birth-cert.province']);
  });
});
