import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIdentifier } from '../../../src/notices/identifiers/normalizeIdentifier.js';
import { validateOrgCode } from '../../../src/notices/identifiers/validateOrgCode.js';
import { FC, orgValue, validOrgCode } from './arbitraries.js';
import { anyReplacement, sameAfterNormalising, substitute } from './substitution.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);
const BODY_SET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('validateOrgCode', () => {
  it('reads body and check, with or without the hyphen', () => {
    expect(validateOrgCode('574618328').parsed).toEqual({ body: '57461832', checkChar: '8', expectedCheckChar: '8', display: '57461832-8' });
    expect(validateOrgCode('57461832－8').ok).toBe(true);
  });

  it('allows X only as the check character', () => {
    expect(codes(validateOrgCode('12345678-A').errors)).toEqual(['input.charset']);
  });

  // MOD 11 over values 0–35: every weight (3 7 9 10 5 8 4 2) is non-zero mod 11, so a body
  // substitution is caught exactly when the two values differ by a non-multiple of 11.
  // NOT caught (mathematically impossible for this check): body characters whose values differ
  // by 11, 22 or 33 — 0↔B↔M↔X, 1↔C↔N↔Y, 2↔D↔O↔Z, 3↔E↔P, …, A↔L↔W. Digit-for-digit
  // substitutions (difference 1–9) and any change of the check character are always caught.
  it('catches a body substitution exactly when the value difference is not a multiple of 11', () => {
    fc.assert(
      fc.property(validOrgCode, (code) => {
        for (let i = 0; i < 8; i++) {
          for (const ch of BODY_SET) {
            if (ch === code[i]) continue;
            const r = validateOrgCode(substitute(code, i, ch));
            const invisible = (orgValue(ch) - orgValue(code[i])) % 11 === 0;
            expect(r.ok).toBe(invisible);
            if (!invisible) expect(codes(r.errors)).toEqual(['orgcode.check']);
          }
        }
        for (const ch of '0123456789X') {
          if (ch !== code[8]) expect(codes(validateOrgCode(substitute(code, 8, ch)).errors)).toEqual(['orgcode.check']);
        }
      }),
      { ...FC, numRuns: 50 },
    );
  });

  it('always catches digit-for-digit substitutions', () => {
    fc.assert(
      fc.property(validOrgCode, fc.nat(8), fc.integer({ min: 0, max: 9 }), (code, i, d) => {
        fc.pre(/\d/.test(code[i]) && String(d) !== code[i]);
        expect(validateOrgCode(substitute(code, i, String(d))).ok).toBe(false);
      }),
      FC,
    );
  });

  it('catches substitutions outside the character set by the set or the length', () => {
    fc.assert(
      fc.property(validOrgCode, fc.nat(8), anyReplacement, (code, i, ch) => {
        // In-set replacements (also after §0, e.g. full-width Ｘ → X) are the exhaustive test's business.
        const normalised = normalizeIdentifier(ch).normalized;
        fc.pre(!sameAfterNormalising(code[i], ch) && !(normalised.length === 1 && (i < 8 ? BODY_SET : '0123456789X').includes(normalised)));
        expect(validateOrgCode(substitute(code, i, ch)).ok).toBe(false);
      }),
      { ...FC, numRuns: 1000 },
    );
  });
});
