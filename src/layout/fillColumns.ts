import type { GlyphRun, Source } from '../frame/types.js';
import type { SetLine } from '../text/setLines.js';
import { toGlyphRuns } from './toGlyphRuns.js';

/** A line waiting to be placed, with where it came from. */
export interface FlowLine {
  line: SetLine;
  source: Source;
  /** Font size of the line, pt. */
  size: number;
  /** Characters on the line (code points, spaces excluded) — for copyfit in 字. */
  chars: number;
  /** Grid lines the line takes (1 for body text; more for a subhead with space around it). */
  span?: number;
  /** Lines from the top of the span to this line's baseline row (default span − 1). */
  row?: number;
}

/**
 * A column (or merged-column measure) of a block: its left edge, measure, the baseline
 * of its first grid line, the pitch, and how many grid lines it holds. Every slot of a
 * page uses the page's baseline grid, so lines align across columns.
 */
export interface Slot {
  x: number;
  width: number;
  firstBaseline: number;
  pitch: number;
  lines: number;
}

/** What filling returned: the runs placed, and the lines that did not fit (overflow). */
export interface FillResult {
  placed: GlyphRun[];
  /** Lines placed in each slot. */
  used: number[];
  remaining: FlowLine[];
}

/** Flows lines top-down, slot after slot (left to right); returns what was placed and what remains. */
export function fillColumns(lines: readonly FlowLine[], slots: readonly Slot[]): FillResult {
  const placed: GlyphRun[] = [];
  const used = slots.map(() => 0);
  let i = 0;
  for (let s = 0; s < slots.length && i < lines.length; s++) {
    const slot = slots[s];
    let row = 0;
    while (i < lines.length) {
      const fl = lines[i];
      const span = fl.span ?? 1;
      if (row + span > slot.lines) break;
      // A multi-line item (subhead) is not left alone at a slot's foot: it needs a line after it.
      if (span > 1 && row + span >= slot.lines && i + 1 < lines.length) break;
      const y = slot.firstBaseline + (row + (fl.row ?? span - 1)) * slot.pitch;
      placed.push(...toGlyphRuns(fl.line, slot.x, y, fl.size, fl.source));
      row += span;
      i++;
    }
    used[s] = row;
  }
  return { placed, used, remaining: lines.slice(i) };
}
