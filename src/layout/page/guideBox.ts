import type { FontBook } from '../../fonts/fontBook.js';
import type { LoadedArticle } from '../../content/loadEdition.js';
import type { Edition, Guide } from '../../model/schema/edition.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import { fillColumns, type FillResult, type FlowLine, type Slot } from '../fillColumns.js';
import type { FrameItem } from '../items.js';
import { blockArea } from './blockArea.js';
import type { LayoutDiagnostic } from './composeArticle.js';
import type { PageGrid } from './pageGrid.js';
import { setHeads } from './setHeads.js';

const RANK = { lead: 0, secondary: 1, brief: 2 } as const;

/** One line of a 导读: a story and the 版次 it is on. */
export interface GuideEntry {
  page: string;
  title: string;
  id: string;
}

/**
 * The stories a 导读 lists: for every other page in print order (notices pages left out),
 * its lead first, then its other stories by rank and file order, `perPage` of them.
 */
export function guideEntries(g: Guide, edition: Edition, articles: readonly LoadedArticle[]): GuideEntry[] {
  const out: GuideEntry[] = [];
  for (const p of edition.pages) {
    if (p.page === g.page || p.notices) continue;
    const on = articles.filter((a) => a.block.page === p.page).sort((a, b) => RANK[a.meta.rank] - RANK[b.meta.rank]);
    for (const a of on.slice(0, g.perPage)) out.push({ page: p.page, title: a.meta.title, id: a.meta.id });
  }
  return out;
}

/**
 * A 导读 box, generated: its title across the top, then one paragraph per story — the
 * 版次 in 黑, the title in 宋 — set in the box's own columns (变栏), balanced, inside a
 * frame; every line on the page's baseline grid. Source id `guide`.
 */
export function guideBox(g: Guide, index: number, entries: readonly GuideEntry[], grid: PageGrid, fonts: FontBook, reserveBottom: boolean, editionFile: string): { items: FrameItem[]; diagnostics: LayoutDiagnostic[] } {
  const id = index ? `guide-${index + 1}` : 'guide';
  const t = grid.template;
  const area = blockArea(g.place, grid, {
    box: { frame: g.frame, weight: g.frame === 'thick-thin' ? 2 : 0.75, tint: g.tint, reverse: false, inset: 1 },
    columns: g.columns, gutter: g.gutter, reserveBottom, id,
  });
  const heads = setHeads([{ component: 'head', text: g.title, font: t.fonts.head, sizes: ['四号'], maxLines: 1 }], area.x, area.width, area.firstLine, grid, fonts, id, 'center');
  const size = grid.charPt;
  const measure = area.columns[0].width;
  const flow: FlowLine[] = [];
  entries.forEach((e, para) => {
    const lines = typesetParagraph([{ text: `${e.page}　`, face: fonts.face(t.fonts.bold) }, { text: e.title, face: fonts.face(t.fonts.body) }], {
      size, measure, indent: 0, align: 'left', fallbacks: fonts.fallbacks(), where: `${id} ${e.id}`,
    });
    for (const line of lines) flow.push({ line, source: { id, component: 'body', para }, size, chars: line.chars });
  });
  const first = area.firstLine + heads.rows - 1;
  const slots: Slot[] = area.columns.map((c) => ({ x: c.x, width: c.width, firstBaseline: grid.baseline(first), pitch: grid.linePitch, lines: Math.max(0, area.lastLine - first + 1) }));
  const fill = fillWhole(flow, slots);
  const diagnostics: LayoutDiagnostic[] = [];
  const field = `guides[${index}]`;
  if (!entries.length) diagnostics.push({ level: 'warning', file: editionFile, field, message: 'the 导读 lists no stories: no other page has articles' });
  if (fill.remaining.length) diagnostics.push({ level: 'warning', file: editionFile, field: `${field}.place`, message: `the 导读 needs ${fill.remaining.length} more line(s) than its box holds` });
  return { items: [...area.graphics, ...heads.runs, ...fill.placed], diagnostics };
}

/**
 * Fills the columns without splitting an entry (a paragraph), balanced: the lowest foot
 * (lines per column) at which the entries, whole, fit the columns in order.
 */
function fillWhole(flow: readonly FlowLine[], slots: readonly Slot[]): FillResult {
  const entries: FlowLine[][] = [];
  for (const l of flow) {
    if (!entries.length || entries[entries.length - 1][0].source.para !== l.source.para) entries.push([]);
    entries[entries.length - 1].push(l);
  }
  const room = slots[0]?.lines ?? 0;
  for (let foot = Math.ceil(flow.length / Math.max(1, slots.length)); foot <= room; foot++) {
    const cols: FlowLine[][] = [[]];
    for (const e of entries) {
      if (cols[cols.length - 1].length + e.length > foot) cols.push([]);
      cols[cols.length - 1].push(...e);
    }
    if (cols.length > slots.length) continue;
    const placed = cols.flatMap((c, k) => fillColumns(c, [slots[k]]).placed.map((l) => ({ ...l, block: `${l.source.id}/body/${k}` })));
    return { placed, used: cols.map((c) => c.length), remaining: [] };
  }
  return fillColumns(flow, slots);
}
