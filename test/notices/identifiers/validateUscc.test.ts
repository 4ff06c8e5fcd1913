import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateUscc } from '../../../src/notices/identifiers/validateUscc.js';
import { FC, mod31, orgCheck, validUscc } from './arbitraries.js';
import { anyReplacement, sameAfterNormalising, substitute } from './substitution.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);
const USCC_SET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A USCC with both checks made right, from its first 16 characters. */
const complete = (first16: string) => {
  const first17 = first16 + orgCheck(first16.slice(8, 16));
  return first17 + mod31(first17);
};

describe('validateUscc', () => {
  it('reads department, type, region and organisation code', () => {
    const r = validateUscc('91350100M000100Y43');
    expect(r.ok).toBe(true);
    expect(r.parsed).toMatchObject({
      department: '工商/市场监管',
      type: '企业',
      regionCode: '350100',
      region: { name: '福州市' },
      orgCode: { body: 'M000100Y', checkChar: '4', display: 'M000100Y-4' },
      checkChar: '3',
    });
  });

  it('lists the failed checks in the spec order: department/type → organisation check → MOD 31', () => {
    // type 6 under department 9, wrong organisation check, wrong MOD 31 check
    const r = validateUscc('96320102MA1G2K3L7Y');
    expect(codes(r.errors)).toEqual(['uscc.type', 'uscc.org-check', 'uscc.check']);
  });

  it('stops at the character set: no value can be computed from I, O, Z, S or V', () => {
    for (const letter of 'IOZSV') {
      const r = validateUscc(`91320102MA1${letter}2K3LXW`);
      expect(codes(r.errors)).toEqual(['input.charset']);
      expect(r.parsed).toBeNull();
    }
  });

  it('rejects an undefined department', () => {
    expect(codes(validateUscc(complete('B1320102MA1G2K3L')).errors)).toEqual(['uscc.department']);
  });

  it('accepts the national authority code 100000 and warns on an unknown region', () => {
    expect(validateUscc(complete('11100000MA1G2K3L')).warnings).toEqual([]);
    const unknown = validateUscc(complete('91320199MA1G2K3L'));
    expect(unknown.ok).toBe(true);
    expect(codes(unknown.warnings)).toEqual(['region.unknown']);
  });

  it('notes an abolished authority region as info', () => {
    const r = validateUscc(complete('91110103MA1G2K3L'));
    expect(r.ok).toBe(true);
    expect(codes(r.info)).toEqual(['region.abolished']);
  });

  it('accepts lowercase input with its letters upper-cased', () => {
    const r = validateUscc('91320102ma1g2k3lxw');
    expect(r.normalized).toBe('91320102MA1G2K3LXW');
    expect(r.ok).toBe(true);
  });

  // MOD 31-3 guarantee: 31 is prime and every weight 3^(i−1) mod 31 is non-zero, so replacing a
  // character of the 31-set by another (values differ by 1–30) always changes Σ mod 31. The
  // organisation check alone would miss differences of 11 or 22 at positions 9–16 (see
  // validateOrgCode.test.ts); inside a USCC the MOD 31 check catches those too.
  it('catches every in-set single substitution by MOD 31 (exhaustive per generated USCC)', () => {
    fc.assert(
      fc.property(validUscc, (uscc) => {
        for (let i = 0; i < 18; i++) {
          for (const ch of USCC_SET) {
            if (ch === uscc[i]) continue;
            expect(codes(validateUscc(substitute(uscc, i, ch)).errors)).toContain('uscc.check');
          }
        }
      }),
      { ...FC, numRuns: 30 },
    );
  });

  it('catches any other single substitution by the character set or length', () => {
    fc.assert(
      fc.property(validUscc, fc.nat(17), anyReplacement, (uscc, i, ch) => {
        fc.pre(!sameAfterNormalising(uscc[i], ch));
        expect(validateUscc(substitute(uscc, i, ch)).ok).toBe(false);
      }),
      { ...FC, numRuns: 1000 },
    );
  });
});
