// Every row of notices.md "Test vectors", one named case each. V = valid with no note,
// W = valid with a warning or info note, I = invalid. `codes` are the findings the "Why"
// column names; each must be present (in errors for I, in warnings/info for W).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateIdentifier, type IdentifierKind } from '../../../src/notices/identifiers/index.js';

type Expected = 'V' | 'W' | 'I';
interface Vector {
  kind: IdentifierKind;
  label: string;
  value: string;
  expected: Expected;
  why: string;
  codes?: string[];
}

const TODAY = new Date('2026-06-01T00:00:00+08:00');

const VECTORS: Vector[] = [
  { kind: 'id', label: 'ID18', value: '320102198506120317', expected: 'V', why: '玄武区, male, check 7' },
  { kind: 'id', label: 'ID18', value: '11010319781103002X', expected: 'W', why: 'Check X; 崇文区 abolished 2010 (info)', codes: ['region.abolished'] },
  { kind: 'id', label: 'ID18', value: '51010419880401107X', expected: 'V', why: 'Check X' },
  { kind: 'id', label: 'ID18', value: '330106199901011040', expected: 'V', why: 'Check 0' },
  { kind: 'id', label: 'ID18', value: '320102198506120318', expected: 'I', why: 'Check should be 7', codes: ['id.check'] },
  { kind: 'id', label: 'ID18', value: '440306200102290049', expected: 'I', why: 'Check right, but 2001-02-29 does not exist', codes: ['birth-date.invalid'] },
  { kind: 'id', label: 'ID18', value: '990102198506120311', expected: 'I', why: 'Province 99', codes: ['id.province'] },
  { kind: 'id', label: 'ID18', value: '320199198506120316', expected: 'W', why: 'Code 320199 is in no revision', codes: ['region.unknown'] },
  { kind: 'id', label: 'ID18', value: '320102209912310010', expected: 'I', why: 'Future birth date', codes: ['birth-date.future'] },
  { kind: 'id', label: 'ID15', value: '320102850612031', expected: 'V', why: '→ 320102198506120317' },
  { kind: 'id', label: 'ID15', value: '110103781103002', expected: 'W', why: '→ 11010319781103002X; abolished code (info)', codes: ['region.abolished'] },
  { kind: 'id', label: 'ID15', value: '650102921231024', expected: 'V', why: '→ 650102199212310247' },
  { kind: 'id', label: 'ID15', value: '320102851312031', expected: 'I', why: 'Month 13', codes: ['birth-date.invalid'] },
  { kind: 'id', label: 'ID15', value: '32010285061203X', expected: 'I', why: 'X not allowed', codes: ['input.charset'] },
  { kind: 'id', label: 'ID15', value: '32010285061203', expected: 'I', why: '14 digits', codes: ['input.length'] },
  { kind: 'disability', label: 'Disability', value: '32010219850612031741', expected: 'V', why: '肢体, 一级' },
  { kind: 'disability', label: 'Disability', value: '65010219921231024772', expected: 'V', why: '多重, 二级' },
  {
    kind: 'disability',
    label: 'Disability',
    value: '11010319781103002X23',
    expected: 'W',
    why: 'X at position 18; 听力, 三级; abolished code (info)',
    codes: ['region.abolished'],
  },
  { kind: 'disability', label: 'Disability', value: '32010219850612031781', expected: 'I', why: 'Category 8', codes: ['disability.category'] },
  { kind: 'disability', label: 'Disability', value: '32010219850612031745', expected: 'I', why: 'Grade 5', codes: ['disability.grade'] },
  { kind: 'disability', label: 'Disability', value: '32010219850612031641', expected: 'I', why: 'ID check should be 7', codes: ['id.check'] },
  { kind: 'uscc', label: 'USCC', value: '91320102MA1G2K3LXW', expected: 'V', why: 'Organisation check X' },
  { kind: 'uscc', label: 'USCC', value: '52110105574618328R', expected: 'V', why: '民办非企业' },
  { kind: 'uscc', label: 'USCC', value: '124403003001278637', expected: 'V', why: '事业单位, all digits' },
  { kind: 'uscc', label: 'USCC', value: '91440300MA01K7Q870', expected: 'V', why: '31 → 0' },
  { kind: 'uscc', label: 'USCC', value: '91350100M000100Y43', expected: 'V', why: 'Widely cited sample' },
  { kind: 'uscc', label: 'USCC', value: '91320102MA1G2K3LXY', expected: 'I', why: 'Check should be W', codes: ['uscc.check'] },
  { kind: 'uscc', label: 'USCC', value: '91320102MA1O2K3LXW', expected: 'I', why: 'Letter O', codes: ['input.charset'] },
  { kind: 'uscc', label: 'USCC', value: '91320102MA1G2K3L7Q', expected: 'I', why: 'MOD 31 passes; organisation check should be X', codes: ['uscc.org-check'] },
  { kind: 'uscc', label: 'USCC', value: '96320102MA1G2K3LXD', expected: 'I', why: 'MOD 31 passes; type 6 is not defined under department 9', codes: ['uscc.type'] },
  {
    kind: 'uscc',
    label: 'USCC',
    value: '320506199107151839',
    expected: 'I',
    why: 'A valid ID number that passes MOD 31; organisation check fails',
    codes: ['uscc.org-check'],
  },
  { kind: 'orgcode', label: 'Org code', value: '57461832-8', expected: 'V', why: 'Σ mod 11 = 3' },
  { kind: 'orgcode', label: 'Org code', value: 'MA1G2K3L-X', expected: 'V', why: '10 → X' },
  { kind: 'orgcode', label: 'Org code', value: '12340002-0', expected: 'V', why: '11 → 0' },
  { kind: 'orgcode', label: 'Org code', value: '57461832-9', expected: 'I', why: 'Should be 8', codes: ['orgcode.check'] },
  { kind: 'orgcode', label: 'Org code', value: 'MA1G2K3L-0', expected: 'I', why: 'Should be X', codes: ['orgcode.check'] },
  { kind: 'orgcode', label: 'Org code', value: '5746183-2', expected: 'I', why: '8 characters', codes: ['input.length'] },
  { kind: 'gs15', label: 'GS15', value: '320102000123459', expected: 'V', why: 'MOD 11,10' },
  { kind: 'gs15', label: 'GS15', value: '110105000987650', expected: 'V', why: 'Check 0' },
  { kind: 'gs15', label: 'GS15', value: '440300001234568', expected: 'V', why: 'Check 8' },
  { kind: 'gs15', label: 'GS15', value: '320102000123458', expected: 'I', why: 'Should be 9', codes: ['gs15.check'] },
  { kind: 'gs15', label: 'GS15', value: '32010200012345', expected: 'I', why: '14 digits', codes: ['input.length'] },
  { kind: 'gs15', label: 'GS15', value: '11010500098765A', expected: 'I', why: 'Letter', codes: ['input.charset'] },
  { kind: 'hmt', label: 'HMT permit', value: '810000198805230127', expected: 'V', why: 'Hong Kong' },
  { kind: 'hmt', label: 'HMT permit', value: '820000199508170240', expected: 'V', why: 'Macau' },
  { kind: 'hmt', label: 'HMT permit', value: '830000197001011139', expected: 'V', why: 'Taiwan' },
  { kind: 'hmt', label: 'HMT permit', value: '810000198805230128', expected: 'I', why: 'Check should be 7', codes: ['id.check'] },
  { kind: 'hmt', label: 'HMT permit', value: '810000200502290114', expected: 'I', why: '2005-02-29 does not exist', codes: ['birth-date.invalid'] },
  { kind: 'hmt', label: 'HMT permit', value: '840000198805230122', expected: 'I', why: '840000 is not a permit code', codes: ['hmt.code'] },
  { kind: 'pr', label: 'PR new', value: '911840198004120015', expected: 'V', why: 'Beijing, 840 = USA' },
  { kind: 'pr', label: 'PR new', value: '931392199506300021', expected: 'V', why: 'Shanghai, 392 = Japan' },
  { kind: 'pr', label: 'PR new', value: '944276200109180155', expected: 'V', why: 'Guangdong, 276 = Germany' },
  { kind: 'pr', label: 'PR new', value: '911840198004120011', expected: 'I', why: 'Check should be 5', codes: ['id.check'] },
  { kind: 'pr', label: 'PR new', value: '999840198004120017', expected: 'I', why: 'Province 99', codes: ['pr.province'] },
  { kind: 'pr', label: 'PR new', value: '911999198004120011', expected: 'I', why: '999 is not an ISO country code', codes: ['pr.country'] },
  { kind: 'pr', label: 'PR old', value: 'USA110080041218', expected: 'W', why: 'Format and date valid; check rule unverified', codes: ['pr.old-check-unverified'] },
  { kind: 'pr', label: 'PR old', value: 'US1100800412189', expected: 'I', why: 'Only 2 letters', codes: ['input.charset'] },
  { kind: 'pr', label: 'PR old', value: 'USA110080131218', expected: 'I', why: 'Month 13', codes: ['birth-date.invalid'] },
  { kind: 'name', label: 'Name', value: '张明', expected: 'V', why: 'Level-1 characters' },
  { kind: 'name', label: 'Name', value: '阿依古丽·买买提', expected: 'V', why: 'U+00B7' },
  { kind: 'name', label: 'Name', value: '王𬉼', expected: 'W', why: 'Outside the BMP; check the font', codes: ['name.outside-bmp'] },
  { kind: 'name', label: 'Name', value: '阿依古丽・买买提', expected: 'W', why: 'U+30FB → U+00B7', codes: ['name.dot-mapped'] },
  { kind: 'name', label: 'Name', value: '·买买提', expected: 'I', why: 'Leading dot', codes: ['name.dot-leading'] },
  { kind: 'name', label: 'Name', value: '阿依古丽··买买提', expected: 'I', why: 'Doubled dot', codes: ['name.dot-doubled'] },
];

// The specification, when this checkout sits beside the shared reference material.
const SPEC = new URL('../../../../shared/spec/notices.md', import.meta.url);

/** [label, value, V/W/I] of every row of the spec's "Test vectors" table. */
function specRows(): [string, string, string][] {
  const text = readFileSync(SPEC, 'utf8');
  const table = text.slice(text.indexOf('## Test vectors'));
  return [...table.matchAll(/^\| ([^|]+?) \| `([^`]+)` \| ([VWI]) \|/gm)].map((m) => [m[1], m[2], m[3]]);
}

const codesOf = (list: { code: string }[]) => list.map((m) => m.code);

describe('notices.md test vectors', () => {
  it('has all 64 rows of the table', () => {
    expect(VECTORS).toHaveLength(64);
  });

  it.skipIf(!existsSync(SPEC))('is the table of ../shared/spec/notices.md, row for row', () => {
    expect(VECTORS.map((v) => [v.label, v.value, v.expected])).toEqual(specRows());
  });

  it.each(VECTORS)('$label $value → $expected: $why', ({ kind, value, expected, codes = [] }) => {
    const r = validateIdentifier(kind, value, { today: TODAY });
    const notes = [...codesOf(r.warnings), ...codesOf(r.info)];
    if (expected === 'V') {
      expect(r.errors).toEqual([]);
      expect(notes).toEqual([]);
      expect(r.ok).toBe(true);
    } else if (expected === 'W') {
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      expect(notes.length).toBeGreaterThan(0);
      for (const code of codes) expect(notes).toContain(code);
    } else {
      expect(r.ok).toBe(false);
      for (const code of codes) expect(codesOf(r.errors)).toContain(code);
    }
  });
});
