import type { GlyphRun, Source } from '../frame/types.js';
import type { SetLine } from '../text/setLines.js';

/** Places a set line at (x, baseline y): one GlyphRun per face on the line. */
export function toGlyphRuns(line: SetLine, x: number, y: number, size: number, source: Source, grey?: number): GlyphRun[] {
  return line.runs.map((r) => ({
    kind: 'glyphs' as const,
    font: r.font,
    size,
    x,
    y,
    width: line.width,
    text: r.text,
    gids: r.gids,
    xs: r.xs,
    advs: r.advs,
    source: { ...source, range: [line.start, line.end] as [number, number] },
    ...(grey !== undefined ? { grey } : {}),
  }));
}
