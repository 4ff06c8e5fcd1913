import { describe, expect, it } from 'vitest';
import { validateAccountPermit } from '../../../src/notices/identifiers/validateAccountPermit.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('validateAccountPermit', () => {
  it('J + 13 digits is a basic account, noted as no longer issued', () => {
    const r = validateAccountPermit('J3010001234567');
    expect(r).toMatchObject({ ok: true, warnings: [], parsed: { prefix: 'J', accountType: '基本存款账户' } });
    expect(codes(r.info)).toEqual(['account-permit.discontinued']);
  });
  it('L and Z are unverified: a warning', () => {
    expect(codes(validateAccountPermit('L3010001234567').warnings)).toEqual(['account-permit.prefix-unverified']);
  });
  it('loose pattern: another shape only warns; what cannot be a number is an error', () => {
    expect(codes(validateAccountPermit('J301000123').warnings)).toEqual(['account-permit.pattern']);
    expect(codes(validateAccountPermit('J30100/123').errors)).toEqual(['input.charset']);
  });
});
