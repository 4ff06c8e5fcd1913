import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHanIdeograph, validatePersonName } from '../../../src/notices/identifiers/validatePersonName.js';
import { FC } from './arbitraries.js';

const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('validatePersonName', () => {
  it('gives each character its level in 通用规范汉字表', () => {
    const r = validatePersonName('王𬉼乂𰻞');
    expect(r.parsed?.characters.map((c) => [c.char, c.level])).toEqual([
      ['王', 1],
      ['𬉼', 2],
      ['乂', 2],
      ['𰻞', null],
    ]);
    expect(codes(r.warnings)).toEqual(['name.not-in-table', 'name.outside-bmp']);
    expect(r.warnings[1].message).toBe('“𬉼”（U+2C27C）、“𰻞”（U+30EDE）在基本多文种平面之外，请确认字库和下游系统能显示');
  });

  it.each([
    ['U+30FB', '\u30fb'],
    ['U+FF65', '\uff65'],
    ['U+2022', '\u2022'],
    ['U+2027', '\u2027'],
    ['U+2219', '\u2219'],
    ['U+22C5', '\u22c5'],
  ])('maps the look-alike dot %s to U+00B7 with a warning', (hex, dot) => {
    const r = validatePersonName(`阿依古丽${dot}买买提`);
    expect(r.normalized).toBe('阿依古丽·买买提');
    expect(r.ok).toBe(true);
    expect(codes(r.warnings)).toEqual(['name.dot-mapped']);
    expect(r.warnings[0].message).toContain(hex);
  });

  it.each([
    ['leading', '·买买提', 'name.dot-leading'],
    ['trailing', '买买提·', 'name.dot-trailing'],
    ['doubled', '阿依··买买提', 'name.dot-doubled'],
    ['doubled after mapping', '阿依・·买买提', 'name.dot-doubled'],
  ])('rejects a %s dot', (_label, name, code) => {
    expect(codes(validatePersonName(name).errors)).toContain(code);
  });

  it('applies the length rules: 1–25 Han characters, warning on 1 or on more than 6 without a dot', () => {
    expect(codes(validatePersonName('张').warnings)).toEqual(['name.single-character']);
    expect(codes(validatePersonName('张三李四王五赵').warnings)).toEqual(['name.long-without-dot']);
    expect(validatePersonName('张三李四王五').warnings).toEqual([]);
    expect(validatePersonName('阿依古丽·买买提江').warnings).toEqual([]);
    expect(validatePersonName('阿'.repeat(12) + '·' + '买'.repeat(13)).ok).toBe(true);
    expect(codes(validatePersonName('阿'.repeat(13) + '·' + '买'.repeat(13)).errors)).toEqual(['name.length']);
    expect(codes(validatePersonName('·').errors)).toEqual(['name.dot-leading', 'name.length']);
  });

  it('drops padding spaces silently and warns when NFKC changes a character', () => {
    expect(validatePersonName('张　明')).toMatchObject({ ok: true, normalized: '张明', warnings: [] });
    const kangxi = validatePersonName('\u2f08明'); // KANGXI RADICAL MAN → 人
    expect(kangxi.normalized).toBe('人明');
    expect(codes(kangxi.warnings)).toEqual(['name.normalized']);
  });

  it('rejects Latin letters, digits and punctuation', () => {
    expect(codes(validatePersonName('张Ming').errors)).toEqual(['name.charset']);
    expect(codes(validatePersonName('张明2').errors)).toEqual(['name.charset']);
    expect(codes(validatePersonName('张-明').errors)).toEqual(['name.charset']);
  });

  it('warns on a character the page font lacks (injected glyph test)', () => {
    const hasGlyph = (cp: number) => cp !== 0x2c27c;
    const r = validatePersonName('王𬉼', { hasGlyph });
    expect(codes(r.warnings)).toEqual(['name.outside-bmp', 'name.no-glyph']);
    expect(r.parsed?.glyphChecked).toBe(true);
    expect(validatePersonName('张明', { hasGlyph }).warnings).toEqual([]);
    expect(validatePersonName('张明').parsed?.glyphChecked).toBe(false);
  });

  it('rejects a Private Use character unless the font maps it, then warns', () => {
    expect(codes(validatePersonName('王\ue000').errors)).toEqual(['name.private-use']);
    expect(codes(validatePersonName('王\ue000', { hasGlyph: () => false }).errors)).toEqual(['name.private-use']);
    const mapped = validatePersonName('王\ue000', { hasGlyph: () => true });
    expect(mapped.ok).toBe(true);
    expect(codes(mapped.warnings)).toEqual(['name.private-use-mapped']);
  });

  it('accepts the ideographs of every extension block and the 12 in FAxx', () => {
    // first and last code point of each block: URO, A, B, C–F and I, G–H, and FAxx
    const han = [0x4e00, 0x9fff, 0x3400, 0x4dbf, 0x20000, 0x2a6df, 0x2a700, 0x2b740, 0x2b820, 0x2ceb0, 0x2ebf0, 0x2ee5d, 0x30000, 0x31350, 0x323af, 0xfa0e, 0xfa29];
    for (const cp of han) expect(isHanIdeograph(cp)).toBe(true);
    // just outside: the gaps between blocks, compatibility ideographs, radicals, 〇, the dot
    for (const cp of [0x4dc0, 0x33ff, 0x2a6e0, 0x2a6ff, 0x2ee60, 0x2ffff, 0x323b0, 0xfa10, 0xf900, 0x2e80, 0x3007, 0x00b7]) {
      expect(isHanIdeograph(cp)).toBe(false);
    }
  });

  it('never counts by UTF-16 units: 25 characters outside the BMP are 25 characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), (n) => {
        expect(validatePersonName('𬉼'.repeat(n)).parsed?.hanCount).toBe(n);
      }),
      FC,
    );
  });
});
