/**
 * A font with fixed advances for layout unit tests (STYLE.md 23): every character has a
 * glyph (its code point), Han and full-width marks `cjk` em wide, everything else `latin`
 * em; full-width marks have their empty half on the side clreq gives them.
 */
import type { FontFace } from '../../src/fonts/fontBook.js';

const OPENING = new Set([...'“‘（《「『【〔']);
const CLOSING = new Set([...'”’）》」』】〕，。、；：？！']);

export function fakeFont(opts: { cjk?: number; latin?: number; key?: string } = {}): FontFace {
  const cjk = opts.cjk ?? 1, latin = opts.latin ?? 0.5;
  const wide = (cp: number) => cp >= 0x2e80 || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 || cp === 0x2014 || cp === 0x2026;
  const face = {
    key: opts.key ?? 'fake',
    roleName: 'fake',
    file: '/fake.ttf',
    name: 'Fake',
    upm: 1000,
    ascent: 0.88,
    descent: -0.12,
    emTop: 0.88,
    emBottom: 0.12,
    gid: (cp: number) => cp,
    adv: (cp: number) => (wide(cp) ? cjk : latin),
    trimL: (cp: number) => (OPENING.has(String.fromCodePoint(cp)) ? cjk / 2 : 0),
    trimR: (cp: number) => (CLOSING.has(String.fromCodePoint(cp)) ? cjk / 2 : 0),
    glyphAdvance: () => cjk,
  };
  return face as unknown as FontFace;
}
