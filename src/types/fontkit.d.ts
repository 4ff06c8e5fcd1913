// The part of fontkit 2 that zuban uses (the package ships no types).
declare module 'fontkit' {
  export interface BBox {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }
  export interface Glyph {
    id: number;
    advanceWidth: number;
    bbox: BBox;
    codePoints: number[];
    /** The outline, in font units (y up). */
    path: { toSVG(): string };
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    numGlyphs: number;
    availableFeatures: string[];
    getGlyph(id: number): Glyph;
    glyphForCodePoint(cp: number): Glyph;
    hasGlyphForCodePoint(cp: number): boolean;
    layout(text: string, features?: string[]): { glyphs: Glyph[]; positions: { xAdvance: number; xOffset: number }[] };
    /** internal: the cmap lookup, 20× faster than glyphForCodePoint */
    _cmapProcessor: { lookup(cp: number): number };
    /** internal: horizontal metrics */
    hmtx: { metrics: { get(i: number): { advance: number } | undefined; length: number }; bearings?: unknown };
    hhea: { numberOfMetrics: number };
    'OS/2'?: { typoAscender: number; typoDescender: number };
  }
  export function openSync(path: string, postscriptName?: string): Font;
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
