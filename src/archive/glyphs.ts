/** The glyphs of a set line, placed on the page: what ALTO and the archive PDF both draw from. */
import type { Line } from '../frame/types.js';

export interface PlacedGlyph {
  /** The character (one code point). */
  ch: string;
  /** Origin, pt from the page's left edge (the trim box's). */
  x: number;
  /** Natural advance, pt: the glyph's box in the PDF ends there. */
  w: number;
  /** Index of the run in the line. */
  run: number;
  /** 竖排 only: the glyph's em box, top and height, pt (a vertical run's glyphs each have their own). */
  y?: number;
  h?: number;
}

/** A line's glyphs left to right (runs in order, each glyph at `line.x + xs[i]`). */
export function lineGlyphs(line: Line): PlacedGlyph[] {
  const out: PlacedGlyph[] = [];
  line.runs.forEach((run, r) => {
    const chars = [...run.text];
    if (chars.length !== run.gids.length) throw new Error(`run text and glyphs differ in length: ${JSON.stringify(run.text)}`);
    if (run.vertical) {
      for (let i = 0; i < chars.length; i++) out.push({ ch: chars[i], x: line.x + run.xs[i], w: run.advs[i], run: r, y: line.baseline + (run.ys?.[i] ?? 0) - line.ascent, h: run.size });
    } else for (let i = 0; i < chars.length; i++) out.push({ ch: chars[i], x: line.x + run.xs[i], w: run.advs[i], run: r });
  });
  return out;
}
