/**
 * Walking a page tree: every run with its line's position and its block's source, flat —
 * what tests, checkers and exporters that look at glyphs (not structure) want.
 */
import type { Block, Line, Page, Run, Source } from './types.js';

export interface PlacedRun extends Run {
  /** The line's left end and baseline, pt. */
  x: number;
  y: number;
  /** The line's measure, pt. */
  width: number;
  /** The block's source, with the line's component and paragraph where they differ. */
  source: Source;
  block: Block;
  line: Line;
}

/** Every run of a page, in drawing order. */
export function pageRuns(page: Page): PlacedRun[] {
  const out: PlacedRun[] = [];
  for (const block of page.blocks) {
    for (const line of block.lines) {
      const source: Source = { id: block.source.id, component: line.component ?? block.source.component };
      const para = line.para ?? block.source.para;
      if (para !== undefined) source.para = para;
      for (const r of line.runs) out.push({ ...r, x: line.x, y: line.baseline, width: line.measure, source, block, line });
    }
  }
  return out;
}

/** The text of a line, runs joined. */
export function lineText(line: Line): string {
  let s = '';
  for (const r of line.runs) s += r.text;
  return s;
}
