/**
 * What the archive reads of a document's structure beyond each block: the pieces of an
 * article or notice across pages (one logical unit per source id, in reading order),
 * and the type of each notice.
 */
import type { Block, Component, Document, Page } from '../frame/types.js';

/** Chinese names of the components, for ALTO tags and METS labels. */
export const COMPONENT_NAMES: Record<Component, string> = {
  kicker: '引题',
  head: '主题',
  deck: '副题',
  subhead: '小标题',
  body: '正文',
  photo: '图片',
  caption: '图说',
  credit: '摄影署名',
  byline: '署名',
  jump: '转版提示',
  notice: '声明/公告',
  'notice-group': '声明/公告栏题',
  ad: '广告',
  furniture: '版面元素',
  panel: '框',
  proof: '校样标记',
};

/** The text a block shows, in reading order (lines joined without separators). */
export function blockText(block: Block): string {
  let s = '';
  for (const line of block.lines) for (const run of line.runs) s += run.text;
  return s;
}

export type UnitType = 'article' | 'notice' | 'notice-group' | 'advertisement' | 'furniture';

/** An article, notice, notices group header, ad or piece of page furniture, across the pages it is on. */
export interface Unit {
  /** The source id (article, notice or furniture id); for furniture `<page label>/<id>`, one unit a page. */
  id: string;
  type: UnitType;
  /** Its blocks page by page (an article's pages in reading order), with their pages. */
  pieces: { page: Page; block: Block }[];
  /** For a notice: its type, the group header it is set under (遗失声明 …) or its file's name. */
  noticeType?: string;
}

function unitType(c: Component): UnitType {
  if (c === 'notice') return 'notice';
  if (c === 'notice-group') return 'notice-group';
  if (c === 'ad') return 'advertisement';
  if (c === 'furniture') return 'furniture';
  return 'article';
}

/**
 * The document's units in order of first appearance. Blocks of one source id form one
 * unit, so an article jumped to another page is one unit spanning both; furniture (报眉,
 * 责任编辑, rules) is a unit per page, though its source id recurs on every page. A notice's type
 * is the text of the notice-group header above it on its page (the last one before it in
 * block order) or else the slug of its file name (`017-lost-person.yaml` → lost-person);
 * frame v1 has no field for it.
 */
export function units(doc: Document): Unit[] {
  let u = cache.get(doc);
  if (!u) cache.set(doc, (u = scanUnits(doc)));
  return u;
}

/** Per document: ALTO asks for every page's notices, METS for all. */
const cache = new WeakMap<Document, Unit[]>();

function scanUnits(doc: Document): Unit[] {
  const byId = new Map<string, Unit>();
  for (const page of doc.pages) {
    let group: string | undefined;
    for (const block of page.blocks) {
      const c = block.source.component;
      const key = c === 'furniture' ? `${page.label}/${block.source.id}` : block.source.id;
      let u = byId.get(key);
      if (!u) {
        u = { id: key, type: unitType(c), pieces: [] };
        byId.set(key, u);
      }
      u.pieces.push({ page, block });
      // 遗　失　声　明 → 遗失声明
      if (c === 'notice-group') group = blockText(block).replace(/\s+/gu, '') || group;
      if (c === 'notice' && u.noticeType === undefined) {
        const slug = /(?:^|\/)\d*-?([a-z][a-z0-9-]*)\.ya?ml$/.exec(block.source.file ?? '')?.[1];
        u.noticeType = group ?? slug;
      }
    }
  }
  const all = [...byId.values()];
  for (const u of all) if (u.type === 'article') inReadingOrder(u);
  return all;
}

/**
 * An article jumped to an earlier page (A02 → A01) has its pages in the order its body
 * chain (`next`) visits them; its blocks keep their order on each page.
 */
function inReadingOrder(u: Unit): void {
  const pages = new Set(u.pieces.map((p) => p.page));
  if (pages.size < 2) return;
  const byId = new Map(u.pieces.map((p) => [p.block.id, p]));
  const targets = new Set(u.pieces.map((p) => p.block.next));
  const rank = new Map<Page, number>();
  let at = u.pieces.find((p) => p.block.source.component === 'body' && !targets.has(p.block.id));
  const seen = new Set<string>();
  while (at && !seen.has(at.block.id)) {
    seen.add(at.block.id);
    if (!rank.has(at.page)) rank.set(at.page, rank.size);
    at = at.block.next ? byId.get(at.block.next) : undefined;
  }
  for (const p of u.pieces) if (!rank.has(p.page)) rank.set(p.page, rank.size);
  u.pieces.sort((a, b) => rank.get(a.page)! - rank.get(b.page)!);
}
