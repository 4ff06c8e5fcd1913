/**
 * 校样 — a proof of one notice: the notice set exactly as the page sets it (same block,
 * same measure, same size), with its quote beside it. The quote is read from the proof
 * page's items with setLinesOf, like the page's, so proof, page and invoice agree.
 */
import type { Source } from '../../frame/types.js';
import type { FrameItem, PageFrame } from '../items.js';
import { quoteNotice, type Quote } from '../../notices/pricing.js';
import { setLinesOf } from './noticeLines.js';
import { deadlineLines } from '../../notices/deadlines.js';
import { NOTICE_TITLES } from '../../notices/schema/notice.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import { placeLine } from '../placeLine.js';
import { placeBlock, setNoticeBlock } from './setNoticeBlock.js';
import { noticeMeasure, type NoticesLayoutContext, type NoticeToSet } from './setNoticesPages.js';

const MARGIN = 36;
const PANEL = 210;
const SOURCE: Source = { id: 'proof', component: 'furniture' };

const EXTRA_NAMES: Record<string, string> = { box: '边框', boldTitle: '标题加粗', logo: '标志' };

/** The quote as the lines printed beside the proof (and by `zuban notice proof`). */
export function quoteLines(q: Quote, charsPerLine: number): string[] {
  const y = (n: number) => `¥${n.toFixed(2).replace(/\.00$/, '')}`;
  return [
    `行数：${q.lines}行（每行${charsPerLine}字）`,
    `计费字数：${q.chars}字`,
    `计价单位：${q.unitLabel}　单价：${y(q.rate)}`,
    `基价：${q.quantity}${q.unitLabel} × ${y(q.rate)} = ${y(q.base)}`,
    ...(q.minimumApplied ? ['低于最低收费，按最低收费计'] : []),
    ...q.extras.map((e) => `附加：${EXTRA_NAMES[e.name] ?? e.name} ${y(e.amount)}`),
    `每次刊登：${y(q.perInsertion)} × ${q.insertions}次`,
    `合计：${y(q.total)}（${q.currency}）${q.free ? ' 免费' : ''}`,
  ];
}

/** A one-page proof of a notice and its quote. */
export function proofNotice(n: NoticeToSet, ctx: NoticesLayoutContext): { page: PageFrame; quote: Quote } {
  const m = noticeMeasure(ctx.style, ctx.rateCard);
  const block = setNoticeBlock(n.id, n.file, n.text, m, ctx.fonts);
  const items: FrameItem[] = [];
  const head = 10;
  const put = (text: string, font: string, size: number, x: number, y: number, measure: number) => {
    for (const [i, l] of typesetParagraph([{ text, face: ctx.fonts.face(font) }], { size, measure, indent: 0, align: 'left', fallbacks: ctx.fonts.fallbacks(), where: 'proof' }).entries()) {
      items.push(placeLine(l, x, y + i * size * 1.4, size, SOURCE));
    }
  };
  put(`校样　${NOTICE_TITLES[n.notice.type]}　${n.id}`, ctx.style.fonts.header, head, MARGIN, MARGIN, 2000);
  const top = MARGIN + head * 1.6;
  const x = MARGIN;
  // the column's edges, so the measure shows
  for (const cx of [x - 3, x + m.measure + 3]) items.push({ kind: 'rule', x1: cx, y1: top - 4, x2: cx, y2: top + block.height + 4, width: 0.25, source: SOURCE });
  items.push(...placeBlock(block, x, top, m.measure));
  const set = setLinesOf(items, n.id, { columnWidthPt: m.measure, gutterPt: ctx.style.minGutter, digitPair: ctx.rateCard.char.digitPair });
  const quote = quoteNotice(n.notice, set, ctx.rateCard);
  const px = x + m.measure + 24;
  const lines = [`文件：${n.file}`, `刊登：${n.notice.run.dates.join('、')}`, `版面：${m.style.size}pt，栏宽${ctx.rateCard.line.charsPerLine}字（${m.measure.toFixed(1)}pt）`, ...quoteLines(quote, ctx.rateCard.line.charsPerLine), ...deadlineLines(n.deadlines ?? [])];
  const ps = 9;
  let py = top + ps;
  for (const l of lines) {
    const before = items.length;
    put(l, ctx.style.fonts.body, ps, px, py, PANEL);
    const rows = new Set(items.slice(before).map((r) => (r.kind === 'line' ? r.baseline : 0))).size;
    py += Math.max(1, rows) * ps * 1.4;
  }
  const height = Math.max(top + block.height, py) + MARGIN;
  return { page: { kind: 'page', id: n.id, width: px + PANEL + MARGIN, height, items }, quote };
}
