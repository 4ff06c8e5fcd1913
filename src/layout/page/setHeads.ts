import type { Component } from '../../frame/types.js';
import type { PlacedLine } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { SizeSpec } from '../../model/schema/hao.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import type { SetLine } from '../../text/setLines.js';
import { placeLine } from '../placeLine.js';
import type { PageGrid } from './pageGrid.js';

/** One headline component to set: its text, font role, allowed sizes (largest first) and line limit. */
export interface HeadPart {
  component: Component;
  text: string;
  font: string;
  sizes: SizeSpec[];
  /** Lines it may take at most before the size steps down. */
  maxLines: number;
}

/** Copyfit of a headline component: the size used and whether it had to step down. */
export interface HeadFit {
  component: Component;
  size: number;
  /** Index into the allowed sizes (0 = the largest). */
  step: number;
  lines: number;
  maxLines: number;
  /** Lines beyond maxLines at the smallest allowed size. */
  over: number;
  chars: number;
}

export interface SetHeads {
  runs: PlacedLine[];
  /** Grid rows the heads take, the blank row after them included. */
  rows: number;
  fits: HeadFit[];
}

/**
 * Sets 引题/主题/副题 across a block: each part at the largest allowed 号 at which it takes
 * no more than its line limit, stepping down otherwise; the smallest size is used (and the
 * excess reported) when none fits. Every head line takes whole grid rows and sits centred
 * in them, so the body below stays on the page's baseline grid.
 */
export function setHeads(parts: readonly HeadPart[], x: number, measure: number, firstRow: number, grid: PageGrid, fonts: FontBook, id: string, align: 'center' | 'left'): SetHeads {
  const runs: PlacedLine[] = [];
  const fits: HeadFit[] = [];
  let row = firstRow;
  for (const part of parts) {
    let lines: SetLine[] = [];
    let size = 0;
    let step = 0;
    for (; step < part.sizes.length; step++) {
      size = grid.size(part.sizes[step]);
      lines = typesetParagraph([{ text: part.text, face: fonts.face(part.font) }], {
        size, measure, indent: 0, align, fallbacks: fonts.fallbacks(), where: `${id} ${part.component}`,
      });
      if (lines.length <= part.maxLines) break;
    }
    step = Math.min(step, part.sizes.length - 1);
    const rowsPerLine = Math.max(1, Math.ceil((size * 1.2) / grid.linePitch - 1e-9));
    for (const line of lines) {
      const bandTop = grid.rowTop(row);
      const y = bandTop + (rowsPerLine * grid.linePitch) / 2 + 0.38 * size;
      runs.push(placeLine(line, x, y, size, { id, component: part.component }));
      row += rowsPerLine;
    }
    fits.push({
      component: part.component, size, step, lines: lines.length, maxLines: part.maxLines,
      over: Math.max(0, lines.length - part.maxLines), chars: [...part.text].length,
    });
  }
  const rows = parts.length ? row - firstRow + 1 : 0;
  return { runs, rows, fits };
}
