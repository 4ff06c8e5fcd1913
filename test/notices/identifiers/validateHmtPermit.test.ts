import { describe, expect, it } from 'vitest';
import { validateHmtPermit } from '../../../src/notices/identifiers/validateHmtPermit.js';
import { TODAY } from './arbitraries.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);
const opts = { today: TODAY };

describe('validateHmtPermit', () => {
  it('reads the region, birth date and sex', () => {
    expect(validateHmtPermit('830000197001011139', opts).parsed).toMatchObject({
      code: '830000',
      region: 'TW',
      regionName: '台湾',
      birthDate: '1970-01-01',
      sex: 'male',
    });
  });

  it('rejects a resident ID: only 810000, 820000 and 830000 are permit codes', () => {
    expect(codes(validateHmtPermit('320102198506120317', opts).errors)).toEqual(['hmt.code']);
  });

  it('applies every §1 rule after the code', () => {
    expect(codes(validateHmtPermit('810000209901010011', opts).errors)).toContain('birth-date.future');
  });
});
