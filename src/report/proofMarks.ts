/**
 * Proof marks (校样标记): what a page editor must act on, drawn over a page — overset text
 * (溢出 N 字) on the last body block of the article, underset (欠 N 行) on its last body
 * block too, and a head past its line limit. Read from the page tree and the report's
 * copyfit only, so the same marks go on the previews, the proof PDF and `zuban serve`;
 * never on the print PDF.
 */
import type { FontBook } from '../fonts/fontBook.js';
import { fontRef } from '../frame/document.js';
import type { Block, Document, Page, Paint, Rect } from '../frame/types.js';
import { placeLine } from '../layout/placeLine.js';
import { typesetParagraph } from '../text/typesetParagraph.js';

/** The copyfit of one article as report.json gives it (the fields the marks read). */
export interface CopyfitEntry {
  id: string;
  file: string;
  page: string;
  heads: { component: string; lines: number; maxLines: number; over: number }[];
  body: { overLines: number; overChars: number; underLines: number; underChars: number; capacityLines: number; usedLines: number; undersetLimit?: number };
  /** Per block of a 转版 chain (report.json): the lines to fill in each. */
  blocks?: { page: string; emptyLines: number; underset: boolean }[];
}

export interface ProofMark {
  kind: 'overset' | 'underset' | 'head-over';
  page: string;
  /** The block the mark stands on, and its article. */
  block: string;
  article: string;
  file: string;
  rect: Rect;
  /** The mark's text, e.g. 溢出 120 字, 欠 6 行. */
  label: string;
}

/**
 * Every proof mark of a document. A body is marked underset from its template's threshold
 * (report.json's `body.undersetLimit`, the template's copyfit.undersetLines), else from
 * `minUnderLines` lines.
 */
export function proofMarks(doc: Pick<Document, 'pages'>, copyfit: readonly CopyfitEntry[], minUnderLines = 1): ProofMark[] {
  const lastBody = new Map<string, { page: string; id: string; rect: Rect }>();
  const lastOnPage = new Map<string, { page: string; id: string; rect: Rect }>();
  const heads = new Map<string, { page: string; id: string; rect: Rect }>();
  for (const p of doc.pages) {
    for (const b of p.blocks) {
      if (b.source.component === 'body') {
        lastBody.set(b.source.id, { page: p.label, id: b.id, rect: b.rect });
        lastOnPage.set(`${p.label} ${b.source.id}`, { page: p.label, id: b.id, rect: b.rect });
      }
      if (b.source.component === 'head' && !heads.has(b.source.id)) heads.set(b.source.id, { page: p.label, id: b.id, rect: b.rect });
    }
  }
  const marks: ProofMark[] = [];
  for (const a of copyfit) {
    const body = lastBody.get(a.id);
    const at = (kind: ProofMark['kind'], where: { page: string; id: string; rect: Rect }, label: string) =>
      marks.push({ kind, page: where.page, block: where.id, article: a.id, file: a.file, rect: where.rect, label });
    if (body && a.body.overLines > 0) at('overset', body, `溢出 ${a.body.overChars} 字`);
    else if (a.blocks && a.blocks.length > 1) {
      // a 转版 chain: each short block marked on its own page with its own lines to fill
      for (const b of a.blocks) {
        const where = lastOnPage.get(`${b.page} ${a.id}`);
        if (where && b.underset) at('underset', where, `欠 ${b.emptyLines} 行`);
      }
    } else if (body && a.body.underLines >= (a.body.undersetLimit ?? minUnderLines)) at('underset', body, `欠 ${a.body.underLines} 行`);
    const head = heads.get(a.id);
    for (const h of a.heads) if (h.over > 0 && head) at('head-over', head, `标题超 ${h.over} 行`);
  }
  return marks;
}

/** Proof-mark red and underset blue as press colours (the proof PDF is printed and read on screen). */
const MARK_PAINT: Record<ProofMark['kind'], Paint> = {
  overset: { cmyk: [0, 0.95, 0.9, 0] },
  'head-over': { cmyk: [0, 0.95, 0.9, 0] },
  underset: { cmyk: [0.9, 0.45, 0, 0] },
};
const WHITE: Paint = { gray: 1 };
/** The label's size, pt, and its tab's padding. */
const LABEL_SIZE = 9;
const PAD = 2;

/**
 * The proof channel's document (`zuban build --proof`): the print document's pages with the
 * proof marks added as ordinary blocks of component `proof` — a box around the marked block
 * and its label (溢出 N 字, 欠 N 行, 标题超 N 行) set in 黑 on a white tab at the block's
 * bottom right — so the one renderer draws them; the print document is not changed.
 */
export function proofDocument(doc: Document, marks: readonly ProofMark[], fonts: FontBook, root: string): Document {
  const face = fonts.face(fonts.has('hei') ? 'hei' : Object.keys(fonts.config.roles)[0]);
  const fallbacks = fonts.fallbacks();
  const fontsOut = { ...doc.fonts };
  const pages = doc.pages.map((page): Page => {
    const own = marks.filter((m) => m.page === page.label);
    if (!own.length) return { ...page, channel: 'proof' };
    const blocks: Block[] = own.map((m, n) => {
      const paint = MARK_PAINT[m.kind];
      const [line] = typesetParagraph([{ text: m.label, face }], { size: LABEL_SIZE, measure: Math.max(m.rect.w, 40 * LABEL_SIZE), indent: 0, align: 'left', fallbacks, where: `proof mark ${m.block}` });
      for (const r of line.runs) fontsOut[r.font] ??= fontRef(fonts.face(r.font), root);
      const w = line.used + 2 * PAD;
      const h = LABEL_SIZE * 1.3 + 2 * PAD;
      const tab = { x: m.rect.x + m.rect.w - w, y: m.rect.y + m.rect.h - h, w, h };
      const source = { id: m.article, component: 'proof' as const };
      const { kind: _kind, source: _source, ...placed } = placeLine(line, tab.x + PAD, tab.y + PAD + LABEL_SIZE * 1.02, LABEL_SIZE, source, paint);
      return {
        id: `${page.label}/${m.article}/proof/${n}`,
        kind: 'text',
        source: { ...source, file: m.file },
        rect: { ...m.rect },
        lines: [placed],
        graphics: [
          { kind: 'box', x: m.rect.x, y: m.rect.y, w: m.rect.w, h: m.rect.h, stroke: 1.5, strokePaint: paint },
          { kind: 'box', ...tab, stroke: 0.75, strokePaint: paint, fill: WHITE },
        ],
      };
    });
    return { ...page, channel: 'proof', blocks: [...page.blocks, ...blocks] };
  });
  return { ...doc, title: `${doc.title} 校样`, channel: 'proof', fonts: fontsOut, pages };
}
