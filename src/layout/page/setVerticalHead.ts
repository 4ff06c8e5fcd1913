import type { Run } from '../../frame/types.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { SizeSpec } from '../../model/schema/hao.js';
import type { PlacedLine } from '../items.js';
import type { PageGrid } from './pageGrid.js';
import type { HeadFit } from './setHeads.js';

/** Where a 竖排 head goes: a column of the block, over grid lines [firstRow, lastRow]. */
export interface VerticalColumn {
  x: number;
  width: number;
  firstRow: number;
  lastRow: number;
}

export interface VerticalHead {
  line: PlacedLine;
  fit: HeadFit;
}

/**
 * 竖排 — a head set top to bottom in one column, as Chinese features and 专栏 heads are:
 * each character is the font's vertical form (GSUB `vert`/`vrt2`: ，。 move to the cell's
 * upper right, 「」《》（）—— turn), upright, centred across the column, one em below the
 * last (the two bars of a —— closer, so that they meet). A source space (a phrase
 * break) or a `|` is half an em of air.
 *
 * The size is the largest allowed 号 whose column fits the rows given and whose em leaves
 * a quarter em of air either side in the column; else the smallest, and the excess is
 * reported. The first character's em starts at the top of the first row, so the head
 * lines up with the text beside it.
 */
export function setVerticalHead(text: string, font: string, sizes: readonly SizeSpec[], col: VerticalColumn, grid: PageGrid, fonts: FontBook, id: string): VerticalHead {
  const face = fonts.face(font);
  // characters and half-em gaps, with their place in the source text
  const cells: { cp: number; start: number; end: number; gapBefore: number }[] = [];
  let gap = 0;
  let i = 0;
  for (const ch of text) {
    const start = i;
    i += ch.length;
    if (/[\s|]/u.test(ch)) {
      if (cells.length) gap = 0.5;
      continue;
    }
    cells.push({ cp: ch.codePointAt(0)!, start, end: i, gapBefore: gap });
    gap = 0;
  }
  // each cell's step down to the next: an em, but the bars of a —— meet (clreq: a dash is
  // one unbroken line), so a bar followed by a bar steps by its ink's height
  const isBar = (cp: number) => cp === 0x2014 || cp === 0x2015;
  const steps = cells.map((c, k) => {
    const v = face.verticalGlyph(c.cp);
    const next = cells[k + 1];
    if (isBar(c.cp) && next && next.gapBefore === 0 && isBar(next.cp)) return Math.min(v.adv, v.inkY[1] - v.inkY[0]);
    return v.adv;
  });
  const ems = cells.reduce((n, c, k) => n + steps[k] + c.gapBefore, 0);
  const height = (col.lastRow - col.firstRow + 1) * grid.linePitch;
  let step = 0;
  const fits = (s: number) => ems * s <= height + 1e-6 && s * 1.5 <= col.width + 1e-6;
  while (step + 1 < sizes.length && !fits(grid.size(sizes[step]))) step++;
  const size = grid.size(sizes[step]);
  const run: Run = { font: face.key, size, text: '', gids: [], xs: [], advs: [], ranges: [], vertical: true, ys: [] };
  let y = 0;
  for (const [k, c] of cells.entries()) {
    const v = face.verticalGlyph(c.cp);
    y += c.gapBefore * size;
    run.text += String.fromCodePoint(c.cp);
    run.gids.push(v.gid);
    run.advs.push(v.width * size);
    run.xs.push((col.width - v.width * size) / 2);
    run.ys!.push(y);
    run.ranges.push(c.start, c.end);
    y += steps[k] * size;
  }
  const ascent = face.emTop * size;
  const top = grid.rowTop(col.firstRow);
  const line: PlacedLine = {
    kind: 'line', baseline: top + ascent, x: col.x, measure: col.width, ascent,
    // the column's foot: the last em's bottom
    descent: Math.max(0, y - ascent), last: true, runs: [run], source: { id, component: 'head' },
  };
  const used = ems * size;
  const overRows = Math.max(0, Math.ceil((used - height) / grid.linePitch - 1e-9));
  return {
    line,
    fit: { component: 'head', size, step, lines: 1, maxLines: 1, over: overRows > 0 ? 1 : 0, chars: cells.length, scale: 100 },
  };
}
