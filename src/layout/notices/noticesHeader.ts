/**
 * The head of a notices page (栏头): the section title large and bold, how to place a
 * notice (phone, WeChat, address, daily deadline) and the “广告” label that the
 * Advertising Law (art. 14) requires on paid notices, in a box across the page.
 */
import type { Source } from '../../frame/types.js';
import type { FrameItem } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { NoticeStyle, Paper } from '../../notices/config.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import { placeLine } from '../placeLine.js';

const SOURCE: Source = { id: 'notices-header', component: 'furniture' };

/** Height of the header box in pt. */
export function headerHeight(style: NoticeStyle): number {
  return Math.round(6.6 * style.pitch * 100) / 100;
}

/** A desk field (`phone`, `address`, `hours`, …) too long for its line of the header box. */
export class HeaderTooLong extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function line(text: string, font: string, size: number, x: number, y: number, fonts: FontBook, align: 'left' | 'center', measure: number): FrameItem[] {
  const [l] = typesetParagraph([{ text, face: fonts.face(font) }], { size, measure, indent: 0, align, fallbacks: fonts.fallbacks(), where: 'notices header' });
  return [placeLine(l, x, y, size, SOURCE)];
}

/** `text` set on one line of `measure` at the largest size from `size` down to `min` (¼ pt steps), placed at (x, y); undefined when none fits. */
function fittingLine(text: string, font: string, size: number, min: number, measure: number, x: number, y: number, fonts: FontBook): FrameItem | undefined {
  for (let s = size; s >= min; s -= 0.25) {
    const lines = typesetParagraph([{ text, face: fonts.face(font) }], { size: s, measure, indent: 0, align: 'left', fallbacks: fonts.fallbacks(), where: 'notices header' });
    if (lines.length === 1) return placeLine(lines[0], x, y, s, SOURCE);
  }
  return undefined;
}

/** The header box with its top-left corner at (x, y), `width` pt wide. */
export function noticesHeader(desk: Paper['desk'], x: number, y: number, width: number, style: NoticeStyle, fonts: FontBook): FrameItem[] {
  const h = headerHeight(style);
  const items: FrameItem[] = [{ kind: 'box', x, y, w: width, h, stroke: 1.2, source: SOURCE }];
  // title: reversed out of a black panel at the left
  const T = Math.min(30, h * 0.6);
  const panel = T * [...desk.title].length * 1.05 + T;
  items.push({ kind: 'box', x, y, w: panel, h, stroke: 0, fill: { gray: 0 }, source: SOURCE });
  const [t] = typesetParagraph([{ text: desk.title, face: fonts.face(style.fonts.header) }], { size: T, measure: panel, indent: 0, align: 'center', fallbacks: fonts.fallbacks(), where: 'notices header' });
  items.push(placeLine(t, x, y + h / 2 + 0.38 * T, T, SOURCE, { gray: 1 }));
  // how to place a notice
  const S = style.size + 1;
  const ix = x + panel + 2 * S;
  // 广告 label, boxed, at the right
  const L = style.groupSize;
  const lw = L * [...desk.adLabel].length + L;
  const lx = x + width - lw - S;
  const ly = y + (h - L * 1.8) / 2;
  // each row between the title panel and the label: a long one is set smaller, down to the notices' own size
  const measure = lx - S - ix;
  const rows: [field: string, text: string][] = [
    ['phone', `刊登热线：${desk.phone}${desk.wechat ? `　　微信：${desk.wechat}` : ''}`],
    ['address', `受理地址：${desk.address}`],
    ['hours', `受理时间：${desk.hours}`],
    ['', '本版声明、公告内容由刊登者负责，本报仅据刊登者提交的材料刊出。'],
  ];
  const pitch = Math.min(S * 1.6, (h - S) / rows.length);
  const y0 = y + (h - pitch * rows.length) / 2;
  rows.forEach(([field, r], i) => {
    const font = i === 0 ? style.fonts.header : style.fonts.body;
    const set = fittingLine(r, font, S, style.size * 0.8, measure, ix, y0 + pitch * i + pitch / 2 + 0.38 * S, fonts);
    if (!set) {
      const what = field === 'phone' && desk.wechat ? 'phone and wechat' : field || 'statement';
      throw new HeaderTooLong(field, `“${r}” does not fit on its line of the notices header (${Math.round(measure)} pt between the title and the 广告 label, even at ${style.size * 0.8} pt): shorten the ${what}`);
    }
    items.push(set);
  });
  items.push({ kind: 'box', x: lx, y: ly, w: lw, h: L * 1.8, stroke: 0.8, source: SOURCE });
  items.push(...line(desk.adLabel, style.fonts.header, L, lx, ly + 0.9 * L + 0.38 * L, fonts, 'center', lw));
  return items;
}
