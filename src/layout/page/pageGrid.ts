import { gridGeometry, type GridGeometry } from '../../model/grid.js';
import type { GridRect, Template } from '../../model/schema/template.js';
import { haoToPt, type SizeSpec } from '../../model/schema/hao.js';
import type { Slot } from '../fillColumns.js';

/** A page's grid in pt, with the conversions layout needs (1-based columns and lines). */
export interface PageGrid extends GridGeometry {
  template: Template;
  /** Left edge of column c. */
  colX(c: number): number;
  /** Width of n merged columns (gutters included). */
  span(n: number): number;
  /** Top of grid line l's row. */
  rowTop(l: number): number;
  /** Baseline of grid line l. */
  baseline(l: number): number;
  /** A 号 name or pt value of the template's convention, in pt. */
  size(s: SizeSpec): number;
  /** Slot of one column over grid lines [first, first + lines). */
  slot(c: number, first: number, lines: number, cols?: number): Slot;
}

export function pageGrid(template: Template): PageGrid {
  const g = gridGeometry(template);
  const colX = (c: number) => g.gridLeft + (c - 1) * (g.columnWidth + g.gutterWidth);
  const span = (n: number) => n * g.columnWidth + (n - 1) * g.gutterWidth;
  const rowTop = (l: number) => g.gridTop + (l - 1) * g.linePitch;
  const baseline = (l: number) => rowTop(l) + g.baselineOffset;
  return {
    ...g,
    template,
    colX,
    span,
    rowTop,
    baseline,
    size: (s) => {
      const pt = haoToPt(template.hao, s);
      if (pt === undefined) throw new Error(`unchecked template size ${s}`);
      return pt;
    },
    slot: (c, first, lines, cols = 1) => ({ x: colX(c), width: span(cols), firstBaseline: baseline(first), pitch: g.linePitch, lines }),
  };
}

/** The rows a rectangle covers, as [first, last] grid lines. */
export function rectRows(r: GridRect): [number, number] {
  return [r.line, r.line + r.lines - 1];
}
