import type { Paint, Run, Source } from '../frame/types.js';
import type { SetLine } from '../text/setLines.js';
import type { PlacedLine } from './items.js';

/**
 * Places a set line with its measure's left end at x and its baseline at y: one Run per
 * face on the line, each glyph with its own source range in the paragraph, and the line
 * box's height from the faces' em boxes.
 */
export function placeLine(line: SetLine, x: number, y: number, size: number, source: Source, fill?: Paint): PlacedLine {
  const runs: Run[] = [];
  let top = 0, bottom = 0;
  for (const r of line.runs) {
    // spelled out rather than spread: this runs for every line of a page, mostly before
    // the optimiser has seen it, and object spread is slow there
    const run: Run = { font: r.font, size, text: r.text, gids: r.gids, xs: r.xs, advs: r.advs, ranges: r.ranges };
    if (fill !== undefined) run.fill = fill;
    if (r.emTop > top) top = r.emTop;
    if (r.emBottom > bottom) bottom = r.emBottom;
    runs.push(run);
  }
  const placed: PlacedLine = { kind: 'line', baseline: y, x, measure: line.width, ascent: top * size, descent: bottom * size, last: line.last, runs, source };
  if (source.para !== undefined) placed.para = source.para;
  return placed;
}
