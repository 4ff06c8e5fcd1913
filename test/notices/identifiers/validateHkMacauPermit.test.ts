import { describe, expect, it } from 'vitest';
import { validateHkMacauPermit } from '../../../src/notices/identifiers/validateHkMacauPermit.js';

describe('validateHkMacauPermit', () => {
  it('reads region, lifelong number and issue count', () => {
    expect(validateHkMacauPermit('H1234567801')).toMatchObject({
      ok: true,
      info: [],
      parsed: { region: 'HK', lifelongNumber: '12345678', issueCount: '01' },
    });
  });
  it('accepts the 9-character display with an info note (unverified)', () => {
    const r = validateHkMacauPermit('M12345678');
    expect(r.ok).toBe(true);
    expect(r.info.map((m) => m.code)).toEqual(['hk-macau-permit.no-issue-count']);
  });
  it.each(['K1234567801', 'H123456780', 'H123456789012'])('rejects %s', (value) => {
    expect(validateHkMacauPermit(value).errors.map((m) => m.code)).toEqual(['hk-macau-permit.pattern']);
  });
});
