import type { GlyphRun, Source } from '../frame/types.js';
import type { SetLine } from '../text/setLines.js';

/** Places a set line at (x, baseline y): one GlyphRun per face on the line. */
export function toGlyphRuns(line: SetLine, x: number, y: number, size: number, source: Source, grey?: number): GlyphRun[] {
  const runs: GlyphRun[] = [];
  for (const r of line.runs) {
    // spelled out rather than spread: this runs for every line of a page, mostly before
    // the optimiser has seen it, and object spread is slow there
    const range: [number, number] = [line.start, line.end];
    const src: Source = source.para !== undefined
      ? { id: source.id, component: source.component, para: source.para, range }
      : { id: source.id, component: source.component, range };
    const run: GlyphRun = { kind: 'glyphs', font: r.font, size, x, y, width: line.width, text: r.text, gids: r.gids, xs: r.xs, advs: r.advs, source: src };
    if (grey !== undefined) run.grey = grey;
    runs.push(run);
  }
  return runs;
}
