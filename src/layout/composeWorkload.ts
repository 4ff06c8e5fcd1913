import type { Page } from '../frame/types.js';
import { assemblePage } from './assemblePage.js';
import type { FrameItem } from './items.js';
import type { FontBook } from '../fonts/fontBook.js';
import type { Workload } from '../model/workload/parseWorkload.js';
import { typesetParagraph } from '../text/typesetParagraph.js';
import { fillColumns, type FlowLine, type Slot } from './fillColumns.js';
import { placeLine } from './placeLine.js';

/** Overflow of one page: lines that did not fit its columns. */
export interface Overflow {
  page: number;
  lines: number;
  chars: number;
}

/** The reference workload's pages, set; `overflow` is filled as pages are set. */
export function composeWorkload(input: Workload, fonts: FontBook): { pages: Page[]; overflow: Overflow[] } {
  const overflow: Overflow[] = [];
  const pages = [...workloadPages(input, fonts, overflow)];
  return { pages, overflow };
}

export const WORKLOAD_TITLE = 'zuban workload';

/**
 * Sets the reference workload a page at a time (so a PDF writer can take each page while
 * the next is set): per page a headline in 黑 centred in its box across all columns, then
 * the body in 宋, justified, flowing top-down and left-to-right through the columns on
 * one baseline grid (the same geometry every engine in ../shared/bench gets). Lines that
 * do not fit a page are added to `overflow`.
 */
export function* workloadPages(input: Workload, fonts: FontBook, overflow: Overflow[]): Generator<Page> {
  const g = input.geometry;
  const colW = g.colW ?? (g.textW - (g.cols - 1) * g.gutter) / g.cols;
  const colH = g.colH ?? g.textH - g.headBlock;
  const linesPerCol = g.linesPerCol ?? Math.floor(colH / g.pitch + 1e-6);
  const song = fonts.face('song');
  const hei = fonts.face('hei');
  // opened when a character is missing from 宋 or 黑, not before
  const fallbacks = () => fonts.fallbacks();
  // The first baseline sits the face's em-box top below the line's top (0.88 em for Noto CJK).
  const firstBaseline = g.marginY + g.headBlock + song.emTop * g.bodySize;
  const slots: Slot[] = Array.from({ length: g.cols }, (_, c) => ({
    x: g.marginX + c * (colW + g.gutter),
    width: colW,
    firstBaseline,
    pitch: g.pitch,
    lines: linesPerCol,
  }));
  for (const [p, pg] of input.pagesData.entries()) {
    const id = `p${p + 1}`;
    const items: FrameItem[] = [];
    // the head's options have the body's fields in the same order, so the text engine sees
    // one shape of options object (a second shape deoptimises its compiled code mid-run)
    const head = typesetParagraph([{ text: pg.headline, face: hei }], {
      size: g.headSize, measure: g.textW, indent: 0, align: 'center', fallbacks, fullWidthPunct: false, breakLongRuns: false, where: `page ${p + 1} headline`,
    });
    const headTop = g.marginY + (g.headBlock - head.length * g.headSize * 1.2) / 2;
    head.forEach((line, i) => {
      const y = headTop + (i + 0.5) * g.headSize * 1.2 + ((hei.emTop - hei.emBottom) / 2) * g.headSize;
      items.push(placeLine(line, g.marginX, y, g.headSize, { id, component: 'head' }));
    });
    const body: FlowLine[] = [];
    pg.paras.forEach((text, para) => {
      const lines = typesetParagraph([{ text, face: song }], {
        size: g.bodySize, measure: colW, indent: g.indentEm * g.bodySize, align: 'justify', fallbacks, fullWidthPunct: true, breakLongRuns: true,
        where: `page ${p + 1} paragraph ${para + 1}`,
      });
      for (const line of lines) body.push({ line, source: { id, component: 'body', para }, size: g.bodySize, chars: line.chars });
    });
    const { placed, remaining } = fillColumns(body, slots, { keepLines: true });
    items.push(...placed);
    if (remaining.length) overflow.push({ page: p + 1, lines: remaining.length, chars: remaining.reduce((n, l) => n + l.chars, 0) });
    yield assemblePage({ kind: 'page', id: String(p + 1), width: g.paperW, height: g.paperH, items }, { number: p + 1, channel: 'print' });
  }
}
