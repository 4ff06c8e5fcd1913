import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateGs15 } from '../../../src/notices/identifiers/validateGs15.js';
import { FC, validGs15 } from './arbitraries.js';
import { anyReplacement, sameAfterNormalising, substitute } from './substitution.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('validateGs15', () => {
  it('reads region, sequence and check digit', () => {
    expect(validateGs15('320102000123459').parsed).toMatchObject({
      regionCode: '320102',
      region: { name: '玄武区' },
      sequence: '00012345',
      checkDigit: '9',
      expectedCheckDigit: '9',
    });
  });

  it('raises nothing for an unknown region (the spec sets no rule on it)', () => {
    const r = validateGs15('320199000123450');
    expect(r.parsed?.region).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  // ISO 7064 MOD 11,10 (hybrid) detects every single-digit substitution: each step
  // P ↦ 2·((P + d) mod 10 ‖ 10) mod 11 is injective in d and in P (P runs over 1–10, distinct
  // mod 10), so a changed digit changes every later P, and the final condition fixes c.
  // Not guaranteed: two or more substitutions (about 1 in 10 still passes).
  it('catches every single-digit substitution (exhaustive per generated number)', () => {
    fc.assert(
      fc.property(validGs15, (n) => {
        for (let i = 0; i < 15; i++) {
          for (const d of '0123456789') {
            if (d !== n[i]) expect(codes(validateGs15(substitute(n, i, d)).errors)).toEqual(['gs15.check']);
          }
        }
      }),
      { ...FC, numRuns: 50 },
    );
  });

  it('catches any other single substitution by the character set or length', () => {
    fc.assert(
      fc.property(validGs15, fc.nat(14), anyReplacement, (n, i, ch) => {
        fc.pre(!sameAfterNormalising(n[i], ch));
        expect(validateGs15(substitute(n, i, ch)).ok).toBe(false);
      }),
      { ...FC, numRuns: 1000 },
    );
  });
});
