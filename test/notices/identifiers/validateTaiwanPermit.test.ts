import { describe, expect, it } from 'vitest';
import { validateTaiwanPermit } from '../../../src/notices/identifiers/validateTaiwanPermit.js';

describe('validateTaiwanPermit', () => {
  it('strict: 8 digits', () => {
    expect(validateTaiwanPermit('12345678')).toMatchObject({ ok: true, warnings: [], parsed: { form: 'current', lifelongNumber: '12345678' } });
  });
  it('loose: an old card form passes with a warning', () => {
    for (const value of ['1234567801', '1234567801(B)', '1234567801（B）', '1234567801B']) {
      const r = validateTaiwanPermit(value);
      expect(r.ok).toBe(true);
      expect(r.warnings.map((m) => m.code)).toEqual(['taiwan-permit.old-form']);
    }
    expect(validateTaiwanPermit('1234567801(B)').parsed).toMatchObject({ form: 'old', issueCount: '01', officeCode: 'B' });
  });
  it.each(['1234567', '123456789', 'T1234567'])('rejects %s', (value) => {
    expect(validateTaiwanPermit(value).ok).toBe(false);
  });
});
