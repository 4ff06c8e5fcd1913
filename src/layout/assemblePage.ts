/**
 * A page's placed items → the page tree's blocks. Items are grouped by the block key their
 * producer gave (a body column, a notice, a head); an item without one belongs to its
 * source's component block. Nothing is moved or measured: a block's rect is its grid rect
 * where layout gave one, else the extent of what it holds.
 */
import type { Block, Channel, Graphic, Line, Page, Rect, Source } from '../frame/types.js';
import type { FrameItem, PageFrame } from './items.js';

const PAGE_SOURCE: Source = { id: 'page', component: 'furniture' };

export interface PageInfo {
  number: number;
  name?: string;
  template?: string;
  channel: Channel;
  /** The 版心, pt. */
  printSpace?: Rect;
  /** Grid rects of blocks, by block key, where layout knows them. */
  rects?: ReadonlyMap<string, Rect>;
  /** The content file of each source id, relative to the edition folder. */
  fileOf?: (id: string) => string | undefined;
}

/** The key of the block an item belongs to. */
export function blockKey(item: FrameItem): string {
  if (item.block) return item.block;
  const s = item.source ?? PAGE_SOURCE;
  const c = s.component;
  return c === 'photo' || c === 'caption' || c === 'credit' ? `${s.id}/${c}/${s.para ?? 0}` : `${s.id}/${c}`;
}

export function assemblePage(page: PageFrame, info: PageInfo): Page {
  const blocks = new Map<string, Block>();
  for (const item of page.items) {
    const key = blockKey(item);
    let b = blocks.get(key);
    if (!b) {
      const s = item.source ?? PAGE_SOURCE;
      const source: Block['source'] = { id: s.id, component: blockComponent(s.component, key) };
      const file = info.fileOf?.(s.id);
      if (file !== undefined) source.file = file;
      b = { id: `${page.id}/${key}`, kind: 'graphic', source, rect: { x: 0, y: 0, w: 0, h: 0 }, lines: [], graphics: [] };
      blocks.set(key, b);
    }
    if (item.kind === 'line') {
      const line: Line = { baseline: item.baseline, x: item.x, measure: item.measure, ascent: item.ascent, descent: item.descent, runs: item.runs };
      if (item.para !== undefined) line.para = item.para;
      if (item.last !== undefined) line.last = item.last;
      if (item.source.component !== b.source.component) line.component = item.source.component;
      b.lines.push(line);
    } else {
      const { source: _s, block: _b, ...g } = item;
      b.graphics.push(g as Graphic);
    }
  }
  const out: Block[] = [];
  for (const [key, b] of blocks) {
    b.kind = b.lines.length ? 'text' : b.graphics.some((g) => g.kind === 'image') ? 'image' : 'graphic';
    b.rect = info.rects?.get(key) ?? extent(b);
    out.push(b);
  }
  const p: Page = {
    label: page.id, number: info.number, width: page.width, height: page.height,
    trim: { x: 0, y: 0, w: page.width, h: page.height }, channel: info.channel, blocks: out,
  };
  if (info.name !== undefined) p.name = info.name;
  if (info.template !== undefined) p.template = info.template;
  if (info.printSpace) p.printSpace = info.printSpace;
  return p;
}

/** A body column's key is `${id}/body/${n}`: its component is the body, whatever its first line (a byline, a jump line). */
function blockComponent(c: Source['component'], key: string): Source['component'] {
  return key.includes('/body/') ? 'body' : c;
}

/** The box that holds a block's lines (measure × em box) and graphics. */
export function extent(b: Pick<Block, 'lines' | 'graphics'>): Rect {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const add = (a: number, b: number, c: number, d: number) => {
    if (a < x0) x0 = a;
    if (b < y0) y0 = b;
    if (c > x1) x1 = c;
    if (d > y1) y1 = d;
  };
  for (const l of b.lines) add(l.x, l.baseline - l.ascent, l.x + l.measure, l.baseline + l.descent);
  for (const g of b.graphics) {
    if (g.kind === 'rule') {
      const h = g.width / 2;
      add(Math.min(g.x1, g.x2) - (g.y1 === g.y2 ? 0 : h), Math.min(g.y1, g.y2) - (g.y1 === g.y2 ? h : 0), Math.max(g.x1, g.x2) + (g.y1 === g.y2 ? 0 : h), Math.max(g.y1, g.y2) + (g.y1 === g.y2 ? h : 0));
    } else add(g.x, g.y, g.x + g.w, g.y + g.h);
  }
  if (x0 === Infinity) return { x: 0, y: 0, w: 0, h: 0 };
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { x: r(x0), y: r(y0), w: r(x1 - x0), h: r(y1 - y0) };
}
