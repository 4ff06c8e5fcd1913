import type { Paint, Source } from '../../frame/types.js';
import type { Box } from '../../model/schema/article.js';
import type { GridRect } from '../../model/schema/template.js';
import type { PlacedGraphic } from '../items.js';
import type { PageGrid } from './pageGrid.js';

/** Where a block's text goes: inside its frame and inner margin, in its own columns (变栏). */
export interface BlockArea {
  /** Left edge and width of the text area, pt. */
  x: number;
  width: number;
  /** First and last grid line the text may take (whole lines: the text stays on the page's baseline grid). */
  firstLine: number;
  lastLine: number;
  /** The body's columns, left to right, pt; each a whole number of 字 wide. */
  columns: { x: number; width: number }[];
  /** The panel: tint, then frame rules — drawn under the text. */
  graphics: PlacedGraphic[];
  /** Text paint: white in a 反白 panel. */
  fill?: Paint;
}

export interface AreaOptions {
  box?: Box;
  /** 变栏: columns of the body; default the rect's grid columns. */
  columns?: number;
  /** Gutter between them, 字; default the grid's. */
  gutter?: number;
  /** Leave the rect's last line empty (another block is below; a rule runs through it). */
  reserveBottom: boolean;
  /** Source of the panel graphics (an article id). */
  id: string;
}

/**
 * The text area of a block. Without a box and 变栏 it is the grid rect itself, one column
 * per grid column. A box draws its frame on the rect's edge (the bottom edge on the last
 * line kept) and insets the text by `inset` 字 plus the frame's thickness left and right,
 * and by whole grid lines top and bottom. 变栏 divides the area into `columns` columns of a
 * whole number of 字, centred, with `gutter` 字 between them.
 */
export function blockArea(rect: GridRect, grid: PageGrid, o: AreaOptions): BlockArea {
  const x0 = grid.colX(rect.col);
  const x1 = x0 + grid.span(rect.cols);
  const last = rect.line + rect.lines - 1 - (o.reserveBottom ? 1 : 0);
  const graphics: PlacedGraphic[] = [];
  let x = x0, width = x1 - x0, firstLine = rect.line, lastLine = last;
  let fill: Paint | undefined;
  const box = o.box;
  if (box) {
    const y0 = grid.rowTop(rect.line);
    const y1 = grid.rowTop(last) + grid.linePitch;
    const source: Source = { id: o.id, component: 'panel' };
    const block = `${o.id}/panel`;
    const tint = box.reverse ? (box.tint ?? 0.85) : box.tint;
    if (tint !== undefined && tint > 0) graphics.push({ kind: 'box', x: x0, y: y0, w: x1 - x0, h: y1 - y0, stroke: 0, fill: { gray: round(1 - tint) }, source, block });
    if (box.reverse) fill = { gray: 1 };
    const thick = frameRules(box).reduce((t, r) => Math.max(t, r.offset + r.width), 0);
    for (const r of frameRules(box)) {
      const d = r.offset + r.width / 2;
      graphics.push({ kind: 'box', x: x0 + d, y: y0 + d, w: x1 - x0 - 2 * d, h: y1 - y0 - 2 * d, stroke: r.width, source, block });
    }
    const side = box.inset * grid.charPt + thick;
    x = x0 + side;
    width = x1 - x0 - 2 * side;
    const rows = Math.max(1, Math.ceil((box.inset * grid.charPt + thick) / grid.linePitch - 1e-9));
    firstLine = rect.line + rows;
    lastLine = last - rows;
  }
  const n = o.columns ?? rect.cols;
  let columns: BlockArea['columns'];
  if (!box && o.columns === undefined) {
    columns = Array.from({ length: rect.cols }, (_, k) => ({ x: grid.colX(rect.col + k), width: grid.columnWidth }));
  } else {
    const g = (o.gutter ?? grid.template.grid.gutterChars) * grid.charPt;
    const chars = Math.max(1, Math.floor((width - (n - 1) * g) / n / grid.charPt + 1e-9));
    const w = chars * grid.charPt;
    const left = x + (width - (n * w + (n - 1) * g)) / 2;
    columns = Array.from({ length: n }, (_, k) => ({ x: left + k * (w + g), width: w }));
  }
  return { x, width, firstLine, lastLine, columns, graphics, fill };
}

/** The frame's rules from the outside in: width and distance from the rect's edge, pt. */
function frameRules(box: Box): { width: number; offset: number }[] {
  const w = box.weight;
  switch (box.frame) {
    case 'none':
      return [];
    case 'single':
      return [{ width: w, offset: 0 }];
    case 'double':
      return [{ width: w, offset: 0 }, { width: w, offset: w + 1.5 }];
    case 'thick-thin': {
      // 文武线: the thick rule outside, a hairline inside it
      const thin = Math.max(0.3, round(w / 4));
      return [{ width: w, offset: 0 }, { width: thin, offset: w + 1.2 }];
    }
  }
}

const round = (v: number) => Math.round(v * 1000) / 1000;
