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
