/**
 * Character classes for line breaking and spacing, after clreq §3.1.7 (禁则, line-start
 * and line-end prohibition) and §3.2 (mixed Chinese/Western text). Full-width marks
 * and their ASCII forms are both covered, because real copy carries both.
 */
export const enum CharClass {
  /** Ideographs, kana, full-width letters: solid on the character grid. */
  Han = 0,
  /** Opening brackets and quotes: never at a line end. */
  Open = 1,
  /** Closing brackets and quotes: never at a line start. */
  Close = 2,
  /** Pause, comma, full stop, colon, semicolon, ?, !: never at a line start. */
  Stop = 3,
  /** Interpunct in transliterated names (·): never at either end. */
  MidDot = 4,
  /** Dash — : a run (——) is never split. */
  Dash = 5,
  /** Ellipsis … : a run (……) is never split. */
  Ellipsis = 6,
  /** Latin letters, digits and narrow symbols: runs form unbreakable words. */
  Latin = 7,
  /** Breaking space between Western words. */
  Space = 8,
}

const OPEN = '“‘（《「『【〔〈〖｛［([{';
const CLOSE = '”’）》」』】〕〉〗｝］)]}';
const STOP = '，。、；：？！．,.;:?!';

const table = new Uint8Array(0x10000);
for (let cp = 0; cp < 0x10000; cp++) table[cp] = cp < 0x2e80 ? CharClass.Latin : CharClass.Han;
for (const ch of OPEN) table[ch.charCodeAt(0)] = CharClass.Open;
for (const ch of CLOSE) table[ch.charCodeAt(0)] = CharClass.Close;
for (const ch of STOP) table[ch.charCodeAt(0)] = CharClass.Stop;
for (const ch of '·・‧') table[ch.charCodeAt(0)] = CharClass.MidDot;
for (const ch of '—―⸺') table[ch.charCodeAt(0)] = CharClass.Dash;
for (const ch of '…⋯') table[ch.charCodeAt(0)] = CharClass.Ellipsis;
for (const ch of ' \t\u00a0') table[ch.charCodeAt(0)] = CharClass.Space;
// Wide symbols below U+2E80 that set on the grid like ideographs.
for (const ch of '○●■□◆◇★☆※→←↑↓№') table[ch.charCodeAt(0)] = CharClass.Han;

/** The class of a code point; everything outside the BMP is an ideograph (Ext. B and on). */
export function charClass(cp: number): CharClass {
  return cp < 0x10000 ? (table[cp] as CharClass) : CharClass.Han;
}

/** ASCII marks that stay inside a number or word when a letter or digit follows: 1,961.7 15.25 U.S. */
export function joinsWord(cp: number): boolean {
  return cp === 0x2c || cp === 0x2e || cp === 0x3a || cp === 0x27 || cp === 0x2019;
}

/** True for classes that may not begin a line. */
export function noStart(c: CharClass): boolean {
  return c === CharClass.Close || c === CharClass.Stop || c === CharClass.MidDot;
}

/** True for classes that may not end a line. */
export function noEnd(c: CharClass): boolean {
  return c === CharClass.Open || c === CharClass.MidDot;
}
