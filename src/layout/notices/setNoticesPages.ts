/**
 * The 声明/公告 pages: a header box, then the notices in the spec's group order (§5
 * "Page": 遗失 → 作废 → 注销/清算 → 减资 → 合并/分立 → other company notices → 更正 →
 * 寻人/认领), each group under its header, flowed into narrow columns at the rate card's
 * 字 per line, never split, columns squared. Notices that do not fit go to the next
 * notices page of the edition; what no page holds is reported as left out.
 *
 * Every notice's glyph runs carry `source = { id: notice id, component: 'notice' }`, and
 * its quote is read back from the page's items with setLinesOf: quote = print.
 */
import { pinyin } from 'pinyin-pro';
import type { FrameItem } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { NoticeStyle, Paper } from '../../notices/config.js';
import { quoteNotice, type Quote } from '../../notices/pricing.js';
import { setLinesOf } from './noticeLines.js';
import type { Deadline } from '../../notices/deadlines.js';
import type { RateCard } from '../../notices/rateCard.js';
import { NOTICE_GROUPS, type Notice, type NoticeGroupId } from '../../notices/schema/notice.js';
import type { NoticeText } from '../../notices/wording.js';
import type { PageFiller } from '../page/composeEdition.js';
import type { PageGrid } from '../page/pageGrid.js';
import { flowNotices } from './flowNotices.js';
import { headerHeight, noticesHeader } from './noticesHeader.js';
import { placeBlock, setGroupHeader, setNoticeBlock, type FlowBlock, type NoticeBlock, type NoticeMeasure } from './setNoticeBlock.js';

/** A notice that passed its checks, worded for print. */
export interface NoticeToSet {
  id: string;
  file: string;
  notice: Notice;
  text: NoticeText;
  /** Legal deadlines (company notices), shown beside the proof and in the report. */
  deadlines?: readonly Deadline[];
}

/** What setting notices needs besides the notices. */
export interface NoticesLayoutContext {
  fonts: FontBook;
  style: NoticeStyle;
  rateCard: RateCard;
  /** The desk details the header box prints. */
  desk: Paper['desk'];
}

/** One notice as set: where, how many lines, and its quote from those lines. */
export interface SetNotice {
  id: string;
  file: string;
  type: Notice['type'];
  group: NoticeGroupId;
  page: string;
  /** 1-based notice column on the page. */
  column: number;
  /** Lines set wider than the measure (they stick into the gutter). */
  overfullLines: number;
  quote: Quote;
}

/** One notices page as set. */
export interface NoticesPageReport {
  page: string;
  columns: number;
  measurePt: number;
  gutterPt: number;
  notices: number;
  /** Bottom of each column below the columns' top, pt (0 = empty). */
  bottomsPt: number[];
  /** Largest difference between the bottoms of non-empty columns, in notice lines. */
  squarenessLines: number;
}

/** A notice that no page could hold. */
export interface LeftOut {
  id: string;
  file: string;
  reason: string;
  reasonEn: string;
}

export interface NoticesSet {
  pages: NoticesPageReport[];
  notices: SetNotice[];
  leftOut: LeftOut[];
  /** Notices whose setting failed (a glyph no font has, …): refused, never the end of the edition. */
  unset: LeftOut[];
}

/** The notice measure: the rate card's 字 per line at the notice size. */
export function noticeMeasure(style: NoticeStyle, rateCard: RateCard): NoticeMeasure {
  return { measure: rateCard.line.charsPerLine * style.size, style };
}

/** How many notice columns a width holds, and the gutter that spreads them over it. */
export function noticeColumns(width: number, m: NoticeMeasure): { columns: number; gutter: number } {
  const g = m.style.minGutter;
  const columns = Math.max(1, Math.floor((width + g + 1e-6) / (m.measure + g)));
  return { columns, gutter: columns > 1 ? (width - columns * m.measure) / (columns - 1) : 0 };
}

/** Who declares: the name a reader looks for (holder, organisation, company …). */
export function declarant(n: Notice): string {
  switch (n.type) {
    case 'lost-person':
      return n.holder;
    case 'lost-org':
    case 'lost-seal':
    case 'lost-invoice':
      return n.org;
    case 'void':
      return n.issuer;
    case 'merger':
      return n.parties[0].name;
    case 'correction':
      return n.title;
    case 'missing-person':
      return n.name;
    case 'found-property':
      return n.finder;
    default:
      return n.company;
  }
}

/**
 * Notices in group order (spec §5), each group in order of acceptance (stable), or by
 * the declarant's pinyin (toneless, then the characters) when `order` is `pinyin`.
 */
export function orderNotices<T extends { text: NoticeText; notice: Notice }>(list: readonly T[], order: 'acceptance' | 'pinyin' = 'acceptance'): T[] {
  const rank = new Map<NoticeGroupId, number>(NOTICE_GROUPS.map((g, i) => [g.id, i]));
  const key = (n: T) => (order === 'pinyin' ? `${pinyin(declarant(n.notice), { toneType: 'none', type: 'array' }).join(' ')}\u0000${declarant(n.notice)}` : '');
  return list
    .map((n, i) => ({ n, i, k: key(n) }))
    .sort((a, b) => rank.get(a.n.text.group)! - rank.get(b.n.text.group)! || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || a.i - b.i)
    .map((x) => x.n);
}

const groupTitle = (id: NoticeGroupId) => NOTICE_GROUPS.find((g) => g.id === id)!.title;

/**
 * A page filler for composeEdition that sets the notices onto the edition's notices pages
 * in order, from one queue; `result` fills in as pages are set. `remaining()` lists the
 * notices not set yet (after the last notices page: the ones left out).
 */
export function createNoticesPages(list: readonly NoticeToSet[], ctx: NoticesLayoutContext): { fill: PageFiller; result: NoticesSet; remaining: () => NoticeToSet[] } {
  const m = noticeMeasure(ctx.style, ctx.rateCard);
  const byId = new Map(list.map((n) => [n.id, n]));
  const result: NoticesSet = { pages: [], notices: [], leftOut: [], unset: [] };
  let queue: NoticeBlock[] = orderNotices(list, ctx.style.order).flatMap((n) => {
    try {
      return [setNoticeBlock(n.id, n.file, n.text, m, ctx.fonts)];
    } catch (err) {
      const cause = err instanceof Error ? err.message : String(err);
      result.unset.push({ id: n.id, file: n.file, reason: `排版失败：${cause}`, reasonEn: `could not be set: ${cause}` });
      return [];
    }
  });
  let continuing: NoticeGroupId | undefined;

  const fill: PageFiller = (page: string, grid: PageGrid, firstLine: number, lastLine: number) => {
    const top = grid.rowTop(firstLine);
    const area = { x: grid.gridLeft, y: top, width: grid.gridWidth, height: grid.rowTop(lastLine) + grid.linePitch - top };
    const out = setNoticesArea(queue, area, m, ctx, byId, continuing);
    queue = out.remaining;
    continuing = out.lastGroup;
    result.leftOut.push(...out.tooTall);
    result.pages.push({ page, ...out.report });
    for (const p of out.placed) {
      const n = byId.get(p.id)!;
      const set = setLinesOf(out.items, p.id, { columnWidthPt: m.measure, gutterPt: out.report.gutterPt, digitPair: ctx.rateCard.char.digitPair });
      result.notices.push({ id: n.id, file: n.file, type: n.notice.type, group: n.text.group, page, column: p.column, overfullLines: p.overfull, quote: quoteNotice(n.notice, set, ctx.rateCard) });
    }
    return out.items;
  };
  return { fill, result, remaining: () => queue.map((b) => byId.get(b.id)!) };
}

/** The blocks of a page: each group's header before its first notice (续 when continued). */
function withHeaders(queue: readonly NoticeBlock[], byId: ReadonlyMap<string, NoticeToSet>, m: NoticeMeasure, fonts: FontBook, continuing: NoticeGroupId | undefined): FlowBlock[] {
  const out: FlowBlock[] = [];
  let group: NoticeGroupId | undefined;
  for (const b of queue) {
    const g = byId.get(b.id)!.text.group;
    if (g !== group) {
      const title = group === undefined && g === continuing ? `${groupTitle(g)}（续）` : groupTitle(g);
      out.push(setGroupHeader(g, title, m, fonts));
      group = g;
    }
    out.push(b);
  }
  return out;
}

/** Sets as many notices of `queue` as fit into `area`: header box, columns, rules. */
function setNoticesArea(
  queue: readonly NoticeBlock[],
  area: { x: number; y: number; width: number; height: number },
  m: NoticeMeasure,
  ctx: NoticesLayoutContext,
  byId: ReadonlyMap<string, NoticeToSet>,
  continuing: NoticeGroupId | undefined,
) {
  const { style } = m;
  const items: FrameItem[] = noticesHeader(ctx.desk, area.x, area.y, area.width, style, ctx.fonts);
  const colTop = area.y + headerHeight(style) + 0.6 * style.pitch;
  const colHeight = area.y + area.height - colTop;
  const { columns, gutter } = noticeColumns(area.width, m);
  // a notice taller than a whole column can go on no page
  const tooTall = queue.filter((b) => b.height > colHeight);
  const fits = queue.filter((b) => b.height <= colHeight);
  const flow = flowNotices(withHeaders(fits, byId, m, ctx.fonts, continuing), columns, colHeight, style);
  const placed: { id: string; column: number; overfull: number }[] = [];
  for (const p of flow.placed) {
    const x = area.x + p.column * (m.measure + gutter);
    items.push(...placeBlock(p.block, x, colTop + p.y, m.measure));
    if (p.block.kind === 'notice') placed.push({ id: p.block.id, column: p.column + 1, overfull: p.block.overfull });
  }
  const deepest = Math.max(0, ...flow.bottoms);
  for (let c = 1; c < columns; c++) {
    const used = flow.bottoms[c] > 0 || flow.bottoms[c - 1] > 0;
    if (!used) continue;
    const gx = area.x + c * (m.measure + gutter) - gutter / 2;
    items.push({ kind: 'rule', x1: gx, y1: colTop, x2: gx, y2: colTop + deepest, width: 0.3 });
  }
  const remaining = flow.remaining.filter((b): b is NoticeBlock => b.kind === 'notice');
  const filled = flow.bottoms.filter((b) => b > 0);
  const lastPlaced = [...placed].pop();
  return {
    items,
    placed,
    remaining,
    lastGroup: lastPlaced ? byId.get(lastPlaced.id)!.text.group : continuing,
    tooTall: tooTall.map((b) => ({
      id: b.id,
      file: b.file,
      reason: `声明高${(b.height / style.pitch).toFixed(1)}行，超过一栏（${Math.floor(colHeight / style.pitch)}行）`,
      reasonEn: `the notice is ${(b.height / style.pitch).toFixed(1)} lines tall, more than a column (${Math.floor(colHeight / style.pitch)} lines)`,
    })),
    report: {
      columns,
      measurePt: m.measure,
      gutterPt: gutter,
      notices: placed.length,
      bottomsPt: flow.bottoms.map((b) => Math.round(b * 100) / 100),
      squarenessLines: filled.length ? Math.round(((Math.max(...filled) - Math.min(...filled)) / style.pitch) * 100) / 100 : 0,
    },
  };
}
