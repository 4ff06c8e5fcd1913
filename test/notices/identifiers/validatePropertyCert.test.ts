import { describe, expect, it } from 'vitest';
import { validatePropertyCert } from '../../../src/notices/identifiers/validatePropertyCert.js';
import { TODAY } from './arbitraries.js';

const opts = { today: TODAY };
const errors = (value: string) => validatePropertyCert(value, opts).errors.map((m) => m.code);

describe('validatePropertyCert', () => {
  it('reads the spec example, with ASCII or full-width brackets', () => {
    for (const value of ['苏(2020)南京市不动产权第0012345号', '苏（2020）南京市不动产权第0012345号']) {
      expect(validatePropertyCert(value, opts)).toMatchObject({
        ok: true,
        warnings: [],
        parsed: { form: 'certificate', province: '苏', year: 2020, place: '南京市', serial: '0012345' },
      });
    }
    expect(validatePropertyCert('浙(2019)杭州市不动产证明第0001234号', opts).parsed?.form).toBe('proof');
  });
  it('strict: province abbreviation, year 2014–now, 7-digit serial, brackets', () => {
    expect(errors('中(2020)南京市不动产权第0012345号')).toEqual(['property-cert.province']);
    expect(errors('苏(2013)南京市不动产权第0012345号')).toEqual(['property-cert.year']);
    expect(errors('苏(2027)南京市不动产权第0012345号')).toEqual(['property-cert.year']);
    expect(errors('苏(2020)南京市不动产权第012345号')).toEqual(['property-cert.serial']);
    expect(errors('苏2020南京市不动产权第0012345号')).toEqual(['property-cert.format']);
  });
  it('loose: a pre-2015 title passes with a warning', () => {
    const r = validatePropertyCert('京房权证朝字第123456号', opts);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((m) => m.code)).toEqual(['property-cert.old-title']);
  });
});
