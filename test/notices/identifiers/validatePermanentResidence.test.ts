import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePermanentResidence } from '../../../src/notices/identifiers/validatePermanentResidence.js';
import { FC, TODAY, VALID, mod11_2 } from './arbitraries.js';
import { substitute } from './substitution.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);
const opts = { today: TODAY };

describe('validatePermanentResidence', () => {
  it('reads the new form: province, ISO country, birth date, sex', () => {
    const r = validatePermanentResidence('944276200109180155', opts);
    expect(r.parsed).toMatchObject({
      format: 'new',
      provinceCode: '44',
      province: '广东省',
      countryCode: '276',
      country: { alpha3: 'DEU', name: '德国' },
      birthDate: '2001-09-18',
      sex: 'male',
    });
  });

  it('requires a new-form number to start with 9', () => {
    const body = '81184019800412001';
    expect(codes(validatePermanentResidence(body + mod11_2(body), opts).errors)).toEqual(['pr.prefix']);
  });

  it('reads the old form and always warns that its check rule is unverified', () => {
    const ok = validatePermanentResidence('USA110080041218', opts);
    expect(ok.parsed).toMatchObject({ format: 'old', countryCode: 'USA', placeCode: '1100', birthDate: '1980-04-12', checkDigit: '8', expectedCheckDigit: '8' });
    expect(codes(ok.warnings)).toEqual(['pr.old-check-unverified']);
    const mismatch = validatePermanentResidence('USA110080041217', opts);
    expect(mismatch.ok).toBe(true);
    expect(codes(mismatch.warnings)).toEqual(['pr.old-check-mismatch']);
  });

  // The generator computes 7-3-1 itself (arbitraries.ts); a wrong last digit must say "mismatch".
  // 7-3-1 mod 10 catches a digit substitution at any position: the weights 7, 3, 1 are prime to 10.
  it('tells a matching 7-3-1 digit from a mismatching one on generated old-form numbers', () => {
    fc.assert(
      fc.property(
        VALID.pr.filter((v) => v.length === 15),
        fc.integer({ min: 1, max: 9 }),
        (value, shift) => {
          expect(codes(validatePermanentResidence(value, opts).warnings)).toEqual(['pr.old-check-unverified']);
          const wrong = substitute(value, 14, String((Number(value[14]) + shift) % 10));
          const r = validatePermanentResidence(wrong, opts);
          expect(r.ok).toBe(true);
          expect(codes(r.warnings)).toEqual(['pr.old-check-mismatch']);
        },
      ),
      FC,
    );
  });

  it('warns on letters that are no ISO alpha-3 code', () => {
    expect(codes(validatePermanentResidence('QQQ110080041210', opts).warnings)).toContain('pr.old-country');
  });

  it('takes the old form two-digit year in the 2000s when that is not in the future', () => {
    expect(validatePermanentResidence('USA110010041218', opts).parsed).toMatchObject({ birthDate: '2010-04-12' });
    expect(validatePermanentResidence('USA110030041218', opts).parsed).toMatchObject({ birthDate: '1930-04-12' });
    // 29 February exists in 2000 but not 1900
    expect(validatePermanentResidence('USA110000022918', opts).parsed).toMatchObject({ birthDate: '2000-02-29' });
  });

  it('rejects other lengths', () => {
    expect(codes(validatePermanentResidence('USA11008004121', opts).errors)).toEqual(['input.length']);
  });
});
