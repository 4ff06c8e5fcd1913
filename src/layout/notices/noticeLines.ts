/**
 * What a notice occupies, read from its Line nodes in the page tree: the lines set (title
 * and sign-off included), the billable characters on them, the columns it spans and its
 * height (its box when it has one, else its lines' em boxes). Quote = print: the page,
 * the proof and `zuban notice quote` all price these numbers.
 */
import type { Line, Graphic, Source } from '../../frame/types.js';
import { billableChars, type SetLines } from '../../notices/pricing.js';

export interface SetLinesOptions {
  /** Width of one column and of a gutter, pt, to tell how many columns the notice spans. */
  columnWidthPt: number;
  gutterPt: number;
  /** The rate card's counting rule for `chars`. */
  digitPair: boolean;
}

/** A notice's lines and graphics, as the page tree (or layout's placed items) holds them. */
export function noticeLines(lines: readonly Line[], graphics: readonly Graphic[], opts: SetLinesOptions): SetLines {
  if (lines.length === 0) return { lines: 0, chars: 0, columns: 0, heightPt: 0 };
  let chars = 0, width = 0, top = Infinity, bottom = -Infinity;
  for (const l of lines) {
    chars += billableChars(l.runs.map((r) => r.text).join(''), opts.digitPair);
    width = Math.max(width, l.measure);
    top = Math.min(top, l.baseline - l.ascent);
    bottom = Math.max(bottom, l.baseline + l.descent);
  }
  const columns = Math.max(1, Math.round((width + opts.gutterPt) / (opts.columnWidthPt + opts.gutterPt)));
  const box = graphics.find((g) => g.kind === 'box');
  return { lines: lines.length, chars, columns, heightPt: box && box.kind === 'box' ? box.h : bottom - top };
}

/** The same from a page's placed items: the notice's lines and graphics by source. */
export function setLinesOf(items: readonly { kind: string; source?: Source }[], noticeId: string, opts: SetLinesOptions): SetLines {
  const mine = items.filter((i) => i.source?.id === noticeId && i.source.component === 'notice');
  return noticeLines(mine.filter((i): i is Line & { kind: 'line' } => i.kind === 'line'), mine.filter((i) => i.kind !== 'line') as unknown as Graphic[], opts);
}
