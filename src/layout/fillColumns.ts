import type { Source } from '../frame/types.js';
import type { PlacedLine } from './items.js';
import type { SetLine } from '../text/setLines.js';
import { placeLine } from './placeLine.js';

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
  placed: PlacedLine[];
  /** Lines placed in each slot. */
  used: number[];
  remaining: FlowLine[];
  /** Slots ended a line early to keep a widow or orphan off a slot's edge (FillOptions.keepLines). */
  kept?: number;
}

/** How filling treats paragraph ends at slot boundaries. */
export interface FillOptions {
  /**
   * Keep a paragraph's last line from standing alone at a slot's top (widow) and its first
   * line from standing alone at a slot's foot (orphan): the slot then ends a line early,
   * leaving that grid line blank (issue 11 item 3). Counted in `kept`.
   */
  keepLines?: boolean;
}

/** Flows lines top-down, slot after slot (left to right); returns what was placed and what remains. */
export function fillColumns(lines: readonly FlowLine[], slots: readonly Slot[], opts: FillOptions = {}): FillResult {
  const placed: PlacedLine[] = [];
  const used: number[] = [];
  for (let s = 0; s < slots.length; s++) used.push(0);
  const isFirst = (k: number) => k === 0 || lines[k - 1].line.last;
  let kept = 0;
  let i = 0;
  for (let s = 0; s < slots.length && i < lines.length; s++) {
    const slot = slots[s];
    // Where the slot ends: lines [i, end) fit.
    let end = i;
    for (let rows = 0; end < lines.length; end++) {
      const span = lines[end].span ?? 1;
      if (rows + span > slot.lines) break;
      // A multi-line item (subhead) is not left alone at a slot's foot: it needs a line after it.
      if (span > 1 && rows + span >= slot.lines && end + 1 < lines.length) break;
      rows += span;
    }
    if (opts.keepLines && end < lines.length && end - i > 2 && (lines[end].span ?? 1) === 1) {
      // clreq has no rule here; newspaper practice (and Typst's widow/orphan costs) does.
      if (lines[end].line.last && !isFirst(end)) end--, kept++;
      if (isFirst(end - 1) && !lines[end - 1].line.last) end--, kept++;
    }
    let row = 0;
    // the block key of the story whose lines these are, made once per story and slot
    let keyOf: string | undefined, key = '';
    for (; i < end; i++) {
      const fl = lines[i];
      const span = fl.span ?? 1;
      const y = slot.firstBaseline + (row + (fl.row ?? span - 1)) * slot.pitch;
      const placedLine = placeLine(fl.line, slot.x, y, fl.size, fl.source);
      // a body column is one block (ALTO TextBlock); its subheads and jump lines are its lines
      if (fl.source.component !== 'head') {
        if (fl.source.id !== keyOf) key = `${(keyOf = fl.source.id)}/body/${s}`;
        placedLine.block = key;
      }
      placed.push(placedLine);
      row += span;
    }
    used[s] = row;
  }
  return { placed, used, remaining: lines.slice(i), kept };
}

/**
 * Fills like fillColumns, but when everything fits, levels the columns' feet (均衡分栏):
 * the lines stop at the highest common foot row that still takes them all, so a story
 * shorter than its block ends in an even band of white under every column instead of
 * one short last column. Slots are compared by their rows on the page's baseline grid
 * (a slot under a photo starts lower, and its foot is what counts).
 */
export function fillBalanced(lines: readonly FlowLine[], slots: readonly Slot[]): FillResult {
  const full = fillColumns(lines, slots);
  if (full.remaining.length || slots.length < 2) return full;
  const pitch = slots[0].pitch;
  const top0 = Math.min(...slots.map((s) => s.firstBaseline));
  const tops = slots.map((s) => Math.round((s.firstBaseline - top0) / pitch));
  const lastFoot = Math.max(...slots.map((s, k) => tops[k] + s.lines));
  const needed = lines.reduce((n, l) => n + (l.span ?? 1), 0);
  // The foot can be no higher than an even share of the lines over the columns.
  for (let foot = Math.min(lastFoot, Math.ceil(needed / slots.length)); foot < lastFoot; foot++) {
    const cut = slots.map((s, k) => ({ ...s, lines: Math.max(0, Math.min(s.lines, foot - tops[k])) }));
    const fill = fillColumns(lines, cut);
    if (!fill.remaining.length) return fill;
  }
  return full;
}
