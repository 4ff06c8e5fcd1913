// Single substitutions in the other MOD 11-2 numbers: the disability certificate (an ID plus two
// digits), the 港澳台 residence permit and the new permanent residence ID. Positions 1–18 of each
// are under MOD 11-2, which catches every in-set substitution there (see validateResidentId.test.ts).
// Not guaranteed: positions 19–20 of a disability certificate carry no check, so a wrong category
// or grade is caught only when it leaves 1–7 / 1–4.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateIdentifier, type IdentifierKind } from '../../../src/notices/identifiers/index.js';
import { FC, TODAY, VALID } from './arbitraries.js';
import { substitute } from './substitution.js';

const opts = { today: TODAY };
const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe.each<IdentifierKind>(['disability', 'hmt'])('single substitutions in positions 1–18 of %s', (kind) => {
  it('are all caught by the MOD 11-2 check (exhaustive per generated number)', () => {
    fc.assert(
      fc.property(VALID[kind], (value) => {
        for (let i = 0; i < 18; i++) {
          for (const ch of i === 17 ? '0123456789X' : '0123456789') {
            if (ch === value[i]) continue;
            expect(codes(validateIdentifier(kind, substitute(value, i, ch), opts).errors)).toContain('id.check');
          }
        }
      }),
      { ...FC, numRuns: 30 },
    );
  });
});

describe('single substitutions in a new permanent residence ID', () => {
  const newForm = VALID.pr.filter((v) => v.length === 18);
  it('are all caught by the MOD 11-2 check (exhaustive per generated number)', () => {
    fc.assert(
      fc.property(newForm, (value) => {
        for (let i = 0; i < 18; i++) {
          for (const ch of i === 17 ? '0123456789X' : '0123456789') {
            if (ch === value[i]) continue;
            expect(codes(validateIdentifier('pr', substitute(value, i, ch), opts).errors)).toContain('id.check');
          }
        }
      }),
      { ...FC, numRuns: 30 },
    );
  });
});

describe('positions 19–20 of a disability certificate', () => {
  it('are caught only outside category 1–7 and grade 1–4: they have no check', () => {
    const cert = '32010219850612031741';
    expect(validateIdentifier('disability', substitute(cert, 18, '5'), opts).ok).toBe(true); // 智力 instead of 肢体
    expect(codes(validateIdentifier('disability', substitute(cert, 18, '0'), opts).errors)).toEqual(['disability.category']);
    expect(codes(validateIdentifier('disability', substitute(cert, 19, '9'), opts).errors)).toEqual(['disability.grade']);
  });
});
