import type { FontFace } from '../fonts/fontBook.js';

/**
 * A character that neither the role's font nor any configured fallback can draw.
 * Printing a .notdef box in a newspaper is never acceptable, so this is an error.
 */
export class MissingGlyphError extends Error {
  readonly codePoint: number;
  readonly char: string;
  /** Where the text comes from, as the caller named it (e.g. 'bus body ¶1'). */
  readonly where: string;
  /** The message without `where`, for callers that report the place themselves. */
  readonly reason: string;
  constructor(cp: number, face: FontFace, where: string, text: string, at: number) {
    const char = String.fromCodePoint(cp);
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    const context = text.slice(Math.max(0, at - 8), at + 9).replace(/\s+/g, ' ');
    const reason =
      `character “${char}” (U+${hex}) at offset ${at} is not in font ${face.name} ` +
      `(role ${face.key} ${face.roleName}, ${face.file}) and no fallback font covers it; context: “${context}”. ` +
      `Add a font that has it to "fallback" in fonts/fonts.json, or change the text.`;
    super(`${where ? `${where}: ` : ''}${reason}`);
    this.name = 'MissingGlyphError';
    this.codePoint = cp;
    this.char = char;
    this.where = where;
    this.reason = reason;
  }
}

/** A 缺字 event of one character: set from a fallback font, or found in no font at all. */
export interface GlyphNote {
  kind: 'fallback' | 'missing';
  char: string;
  codePoint: number;
  /** U+20BB7 */
  hex: string;
  /** Where the text comes from, as the caller named it (ItemizeOptions.where). */
  where: string;
  /** UTF-16 offset in the paragraph's text. */
  at: number;
  /** The role and font that lacked it, e.g. 宋 NotoSerifSC-Regular. */
  lacking: string;
  /** The fallback role that set it (kind 'fallback'), e.g. 缺字（明朝） NotoSerifJP-Regular. */
  from?: string;
  /** The fallback's role key (kind 'fallback'). */
  fromRole?: string;
}

let collecting: GlyphNote[] | undefined;

/**
 * Runs `fn` (synchronous text setting) noting every character set from a fallback font and
 * every one no font has, instead of stopping at the first: a character missing everywhere
 * is set as a 1-字 .notdef so the rest of the text is still looked at, and the caller must
 * refuse the result when `missing` is not empty. Outside this, a missing character throws
 * MissingGlyphError and fallbacks are not noted.
 */
export function collectGlyphNotes<T>(fn: () => T): { value: T; notes: GlyphNote[] } {
  const outer = collecting;
  const notes: GlyphNote[] = [];
  collecting = notes;
  try {
    return { value: fn(), notes };
  } finally {
    collecting = outer;
    outer?.push(...notes);
  }
}

const hexOf = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const faceLabel = (face: FontFace) => `${face.roleName} ${face.name}`;

/** A character set from `fallback` because `face` lacks it (noted only inside collectGlyphNotes). */
export function noteFallback(cp: number, face: FontFace, fallback: FontFace, where: string, at: number): void {
  collecting?.push({ kind: 'fallback', char: String.fromCodePoint(cp), codePoint: cp, hex: hexOf(cp), where, at, lacking: faceLabel(face), from: faceLabel(fallback), fromRole: fallback.key });
}

/** A character no font has: noted inside collectGlyphNotes (returns), else MissingGlyphError. */
export function missingGlyph(cp: number, face: FontFace, where: string, text: string, at: number): void {
  if (!collecting) throw new MissingGlyphError(cp, face, where, text, at);
  collecting.push({ kind: 'missing', char: String.fromCodePoint(cp), codePoint: cp, hex: hexOf(cp), where, at, lacking: faceLabel(face) });
}
