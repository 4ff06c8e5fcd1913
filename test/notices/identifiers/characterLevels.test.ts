import { describe, expect, it } from 'vitest';
import { characterLevel } from '../../../src/notices/identifiers/characterLevels.js';

describe('characterLevel', () => {
  it('splits 通用规范汉字表 at indices 3500 and 6500', () => {
    expect(characterLevel('一'.codePointAt(0)!)).toBe(1);
    expect(characterLevel('矗'.codePointAt(0)!)).toBe(1); // index 3499
    expect(characterLevel('乂'.codePointAt(0)!)).toBe(2); // index 3500
    expect(characterLevel('齉'.codePointAt(0)!)).toBe(2); // index 6499
    expect(characterLevel('亍'.codePointAt(0)!)).toBe(3); // index 6500
    expect(characterLevel('蠼'.codePointAt(0)!)).toBe(3); // index 8104
  });
  it('has the three level-2 characters outside the BMP', () => {
    for (const cp of [0x2c27c, 0x20cd0, 0x25ed7]) expect(characterLevel(cp)).toBe(2);
  });
  it('holds the counts of spec §7: 8,105 = 3,500 + 3,000 + 1,605, of them 77 in Ext A and 196 outside the BMP', () => {
    const perLevel = [0, 0, 0, 0];
    let extA = 0;
    let astral = 0;
    for (let cp = 0; cp <= 0x323af; cp++) {
      const level = characterLevel(cp);
      if (level === null) continue;
      perLevel[level]++;
      if (cp >= 0x3400 && cp <= 0x4dbf) extA++;
      if (cp > 0xffff) astral++;
    }
    expect(perLevel.slice(1)).toEqual([3500, 3000, 1605]);
    expect([extA, astral]).toEqual([77, 196]);
  });
  it('returns null outside the table', () => {
    expect(characterLevel(0x30ede)).toBeNull();
    expect(characterLevel(0x41)).toBeNull();
  });
});
