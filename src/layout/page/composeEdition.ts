import type { FrameItem, PageFrame } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { LoadedArticle, LoadedEdition, PlacedBlock } from '../../content/loadEdition.js';
import type { GridRect } from '../../model/schema/template.js';
import type { FlowLine, Slot } from '../fillColumns.js';
import { fillBalanced, fillColumns } from '../fillColumns.js';
import { placeLine } from '../placeLine.js';
import { collectGlyphNotes, type GlyphNote } from '../../text/missingGlyph.js';
import { takeTextDiagnostics } from '../../text/typesetParagraph.js';
import { bodyLines } from './bodyLines.js';
import { articleArea, composeArticle, jumpText, setOneLine, textFit, type LayoutDiagnostic, type PhotoInfo, type PhotoJob, type TextFit } from './composeArticle.js';
import { firstArticleLine, furniture, lastArticleLine } from './furniture.js';
import { pageGrid, type PageGrid } from './pageGrid.js';
import { setHeads, type HeadFit } from './setHeads.js';
import { adBlock, type FormJob } from './adBlock.js';
import { guideBox, guideEntries } from './guideBox.js';
import { MASTHEAD_FORM } from './mastheadArt.js';

/** Copyfit of one article: heads, body (both halves of a jump together), captions. */
export interface ArticleFit {
  id: string;
  file: string;
  page: string;
  continuedOn?: string;
  /** 转版 — the pages of every block the body continues in, when it continues in more than one. */
  chain?: string[];
  heads: HeadFit[];
  body: TextFit;
  /** The body's lines per block of the chain (the article's own block, then each 转版 hop), with the template's underset threshold. */
  blocks: BlockFit[];
  captions: TextFit[];
}

/** The body lines one block (the article's placed rect, or a 转版 hop) holds and could hold. */
export interface BlockFit {
  page: string;
  /** `place`, or `continue[k].place` for the k-th hop (the front matter's field). */
  field: string;
  capacityLines: number;
  usedLines: number;
  /** The template's `copyfit.undersetLines`: this many empty lines or more is underset. */
  undersetLimit: number;
}

export interface ComposedEdition {
  /** The print channel's pages. */
  pages: PageFrame[];
  /** The archive channel's pages, where they differ (the notices pages, set with the archive's wording). */
  archivePages: Map<string, PageFrame>;
  articles: ArticleFit[];
  photoJobs: PhotoJob[];
  /** PDF pages placed as forms (ads, masthead art): the build copies them to the output. */
  forms: FormJob[];
  diagnostics: LayoutDiagnostic[];
}

/** Sets the non-article content of a page (the notices page); returns its items. */
export type PageFiller = (page: string, grid: PageGrid, firstLine: number, lastLine: number) => FrameItem[];

export interface EditionContext {
  fonts: FontBook;
  photoInfo: ReadonlyMap<string, PhotoInfo>;
  fillPage?: PageFiller;
  /** The notices pages again, with the archive's wording and consent (spec §6). */
  fillArchivePage?: PageFiller;
  /**
   * Compose only these pages (an incremental rebuild): furniture, fillers and the articles
   * that touch them; the other pages come back empty and their articles without a fit.
   * The caller keeps the pages it did not ask for from an earlier composition.
   */
  only?: ReadonlySet<string>;
}

/**
 * The lines a notices page's notices take: the longest band from `first` to `last` that no
 * block (article, ad, guide) touches in any column, a line clear of each block beside it.
 */
export function noticesBand(first: number, last: number, blocks: readonly GridRect[]): [number, number] {
  const taken = (l: number) => blocks.some((r) => l >= r.line && l < r.line + r.lines);
  let best: [number, number] = [first, first - 1];
  let start = first;
  for (let l = first; l <= last + 1; l++) {
    if (l <= last && !taken(l)) continue;
    // a line of white between the notices and a block above or below
    const a = start > first ? start + 1 : start;
    const b = l <= last ? l - 2 : last;
    if (b - a > best[1] - best[0]) best = [a, b];
    start = l + 1;
  }
  return best;
}

/**
 * Composes every page of an edition: furniture, then each article's first block, then the
 * continuations of articles that jump (转版), whose 转第N版 / 上接第N版 lines use the pages'
 * final order in edition.yaml.
 */
export function composeEdition(ed: LoadedEdition, ctx: EditionContext): ComposedEdition {
  const { edition } = ed;
  const pageNo = new Map(edition.pages.map((p, i) => [p.page, i + 1]));
  const grids = new Map(edition.pages.map((p) => [p.page, pageGrid(ed.templates[p.template])]));
  const items = new Map<string, FrameItem[]>(edition.pages.map((p) => [p.page, []]));
  const diagnostics: LayoutDiagnostic[] = [];
  const photoJobs: PhotoJob[] = [];
  const fits: ArticleFit[] = [];
  const occupied = new Map<string, GridRect[]>();
  const boxed = new Map<string, GridRect[]>();
  const occupy = (page: string, rect: GridRect, box: boolean) => {
    occupied.set(page, [...(occupied.get(page) ?? []), rect]);
    if (box) boxed.set(page, [...(boxed.get(page) ?? []), rect]);
  };
  for (const a of ed.articles) {
    occupy(a.block.page, a.block.rect, a.meta.box !== undefined);
    for (const hop of chainOf(a)) occupy(hop.page, hop.rect, false);
  }
  for (const ad of edition.ads ?? []) occupy(ad.page, ad.place, true);
  for (const g of edition.guides ?? []) occupy(g.page, g.place, true);

  const archiveFill = new Map<string, FrameItem[]>();
  const printFill = new Map<string, FrameItem[]>();
  const wanted = (page: string | undefined) => page !== undefined && (!ctx.only || ctx.only.has(page));
  edition.pages.forEach((spec, i) => {
    if (!wanted(spec.page)) return;
    const grid = grids.get(spec.page)!;
    const list = items.get(spec.page)!;
    list.push(...furniture(edition, spec, i + 1, grid, ctx.fonts, i === 0 ? ed.mastheadArt : undefined));
    if (spec.notices && ctx.fillPage) {
      // the notices keep clear of the page's articles, ads and guides
      const [first, last] = noticesBand(firstArticleLine(grid, i === 0), lastArticleLine(grid), occupied.get(spec.page) ?? []);
      const fill = ctx.fillPage(spec.page, grid, first, last);
      printFill.set(spec.page, fill);
      list.push(...fill);
      if (ctx.fillArchivePage) archiveFill.set(spec.page, ctx.fillArchivePage(spec.page, grid, first, last));
    }
  });

  const forms: FormJob[] = [];
  if (ed.mastheadArt?.kind === 'pdf') forms.push({ asset: MASTHEAD_FORM, path: ed.mastheadArt.path, file: edition.masthead!.art!, box: ed.mastheadArt.box });
  const editionFile = ed.editionFile ?? 'edition.yaml';
  (ed.ads ?? []).forEach((ad, i) => {
    const grid = grids.get(ad.page)!;
    const set = adBlock(ad, i, grid, ctx.fonts, ctx.photoInfo.get(ad.path), editionFile);
    items.get(ad.page)!.push(...set.items);
    diagnostics.push(...set.diagnostics);
    if (set.form) forms.push(set.form);
    if (set.photoJob) photoJobs.push(set.photoJob);
  });
  (edition.guides ?? []).forEach((g, i) => {
    const grid = grids.get(g.page)!;
    const set = guideBox(g, i, guideEntries(g, edition, ed.articles), grid, ctx.fonts, hasBelow(g.place, grid), editionFile);
    items.get(g.page)!.push(...set.items);
    diagnostics.push(...set.diagnostics);
  });

  for (const a of ed.articles) {
    if (![a.block.page, ...(a.chain ?? (a.continuation ? [a.continuation] : [])).map((h) => h.page)].some((p) => wanted(p))) continue;
    takeTextDiagnostics(); // what an earlier setting left is not this article's
    // 缺字: every character no font has is an error, every one set from a fallback font a
    // warning (--strict fails on it), each with its field, paragraph and code point
    const { notes } = collectGlyphNotes(() => composeOne(a));
    diagnostics.push(...glyphDiagnostics(notes, a.file, a.meta.id));
    // a number or URL wider than its column was cut to fit: the copy desk hears of it (clreq has no rule for it)
    // (the file and field are the diagnostic's own: the text's “where: ” is not said twice)
    for (const d of takeTextDiagnostics()) {
      const message = d.message.startsWith(`${d.where}: `) ? d.message.slice(d.where.length + 2) : d.message;
      diagnostics.push({ level: 'warning', code: `text.${d.code}`, file: a.file, field: d.where.replace(`${a.meta.id} `, ''), message });
    }
  }

  function composeOne(a: LoadedArticle): void {
    const grid = grids.get(a.block.page)!;
    const rect = a.block.rect;
    const chain = chainOf(a);
    const area = articleArea(a, rect, grid, hasBelow(rect, grid));
    const measure = area.columns[0]?.width ?? grid.columnWidth;
    const lines = bodyLines(a.meta.id, a.meta.byline, a.body, grid, ctx.fonts, undefined, measure);
    const block = composeArticle(a, lines, { grid, fonts: ctx.fonts, rect, reserveBottom: hasBelow(rect, grid), photoInfo: ctx.photoInfo }, chain.length ? hopTo(a.block.page, chain[0]) : undefined);
    items.get(a.block.page)!.push(...block.items, ...separators(rect, grid, occupied.get(a.block.page) ?? [], boxed.get(a.block.page)));
    diagnostics.push(...block.diagnostics);
    photoJobs.push(...block.photoJobs);
    let body = block.body;
    let remaining = block.remaining;
    const blockFits: BlockFit[] = [{ page: a.block.page, field: 'place', capacityLines: block.body.capacityLines, usedLines: block.body.usedLines, undersetLimit: grid.template.copyfit.undersetLines }];
    if (chain.length) {
      // 转版 through every block of the chain; the copyfit counts the chain as one story
      const placed: FlowLine[] = lines.slice(0, lines.length - remaining.length);
      let capacity = body.capacityLines;
      let from = { page: a.block.page, rect, grid, measure };
      chain.forEach((hop, k) => {
        const contGrid = grids.get(hop.page)!;
        // Text is broken at its slot's own measure: a block of another measure (another
        // template, a 变栏 first block) sets the rest of the body again there.
        const rest = remaining.length && !(sameMeasure(from.grid, contGrid) && Math.abs(from.measure - contGrid.columnWidth) < 1e-6) ? rebreak(a, remaining, contGrid, ctx.fonts) : remaining;
        const next = chain[k + 1];
        const cont = composeContinuation(a, hop, rest, contGrid, ctx, hopFrom(hop.page, from.page, from.rect), next && hopTo(hop.page, next), k);
        const field = Array.isArray(a.meta.continue) ? `continue[${k}].place` : 'continue.place';
        // the text ended before this block: no head and no 上接 line over an empty block
        if (!rest.length) {
          diagnostics.push({ level: 'warning', code: 'jump.empty', file: a.file, field, message: `the text ends on ${from.page}: nothing is left for ${hop.page}, so its block there is left empty (no head, no 上接 line); remove the jump or add text` });
        }
        items.get(hop.page)!.push(...(rest.length ? cont.items : []), ...separators(hop.rect, contGrid, occupied.get(hop.page) ?? [], boxed.get(hop.page)));
        const here = rest.slice(0, rest.length - cont.remaining.length);
        placed.push(...here);
        blockFits.push({ page: hop.page, field, capacityLines: cont.capacityLines, usedLines: here.reduce((n, l) => n + (l.span ?? 1), 0), undersetLimit: contGrid.template.copyfit.undersetLines });
        remaining = cont.remaining;
        capacity += cont.capacityLines;
        if (rest.length) from = { page: hop.page, rect: hop.rect, grid: contGrid, measure: contGrid.columnWidth };
      });
      body = textFit([...placed, ...remaining], remaining, capacity, grid.template.grid.columnChars);
    }
    if (remaining.length) {
      diagnostics.push({ level: 'warning', code: 'body.overset', file: a.file, field: 'body', message: `overset: ${body.overLines} lines (${body.overChars} 字) do not fit` });
    } else {
      const empty = body.capacityLines - body.usedLines;
      const limit = grid.template.copyfit.undersetLines;
      // a chain: which of its blocks are short, each with its own template's threshold
      const short = blockFits.length > 1 ? blockFits.filter((b) => b.capacityLines - b.usedLines >= b.undersetLimit).map((b) => `; ${b.page} ${b.field}: ${b.capacityLines - b.usedLines} of ${b.capacityLines} empty`).join('') : '';
      if (empty >= limit || short) diagnostics.push({ level: 'warning', code: 'body.underset', file: a.file, field: 'body', message: `underset: ${empty} of ${body.capacityLines} lines empty (about ${Math.max(0, body.capacityChars - body.usedChars)} 字 to fill; the template allows ${limit - 1})${short}` });
    }
    const fit: ArticleFit = { id: a.meta.id, file: a.file, page: a.block.page, continuedOn: chain[0]?.page, heads: block.heads, body, blocks: blockFits, captions: block.captions };
    if (chain.length > 1) fit.chain = chain.map((h) => h.page);
    fits.push(fit);
  }

  /** 转第N版 to another page; 下转第N栏 to a block on the same page. */
  function hopTo(page: string, hop: PlacedBlock): number | string {
    return hop.page !== page ? pageNo.get(hop.page)! : `（下转第${hop.rect.col}栏）`;
  }
  function hopFrom(page: string, fromPage: string, fromRect: GridRect): string {
    return fromPage !== page ? `（上接第${pageNo.get(fromPage)}版）` : `（上接第${fromRect.col}栏）`;
  }

  const pages: PageFrame[] = edition.pages.map((spec) => {
    const g = grids.get(spec.page)!;
    return { kind: 'page', id: spec.page, width: g.pageWidth, height: g.pageHeight, items: items.get(spec.page)! };
  });
  const archivePages = new Map<string, PageFrame>();
  for (const [page, fill] of archiveFill) {
    const print = new Set(printFill.get(page));
    const p = pages.find((x) => x.id === page)!;
    archivePages.set(page, { ...p, items: [...p.items.filter((i) => !print.has(i)), ...fill] });
  }
  return { pages, archivePages, articles: fits, photoJobs, forms, diagnostics };
}

function sameMeasure(a: PageGrid, b: PageGrid): boolean {
  return Math.abs(a.columnWidth - b.columnWidth) < 1e-6 && a.charPt === b.charPt && JSON.stringify(a.template.fonts) === JSON.stringify(b.template.fonts) && a.template.text.subhead === b.template.text.subhead;
}

/** The lines not yet placed, set again at another grid's measure from where they start in the source. */
function rebreak(a: LoadedArticle, remaining: readonly FlowLine[], grid: PageGrid, fonts: FontBook): FlowLine[] {
  const first = remaining.find((l) => l.source.para !== undefined);
  if (!first) return [...remaining];
  return bodyLines(a.meta.id, undefined, a.body, grid, fonts, { para: first.source.para!, start: first.line.start });
}

/**
 * A continuation block (转版 target): a small repeat of the title where the hop comes from
 * another page, 上接第N版 (or 上接第N栏), the rest of the body, and 转第N版 on its last line
 * when the chain goes on and the body still overflows.
 */
function composeContinuation(a: LoadedArticle, hop: PlacedBlock, lines: readonly FlowLine[], grid: PageGrid, ctx: EditionContext, fromText: string, jumpTo: number | string | undefined, k: number) {
  const rect = hop.rect;
  const t = grid.template;
  const id = a.meta.id;
  const x = grid.colX(rect.col);
  const measure = grid.span(rect.cols);
  const samePage = fromText.endsWith('栏）');
  const heads = samePage ? { runs: [], rows: 0 } : setHeads([{ component: 'head', text: a.meta.title, font: t.fonts.head, sizes: t.heads.brief.head, maxLines: 2 }], x, measure, rect.line, grid, ctx.fonts, id, t.heads.align);
  // a second head block of the article on a page gets its own key
  if (k > 0) for (const r of heads.runs) r.block = `${id}/head/${k}`;
  const size = grid.size(t.text.byline);
  const from = setOneLine(fromText, t.fonts.byline, size, grid.columnWidth, 'left', grid, ctx.fonts, id);
  const flow: FlowLine[] = [{ line: from, source: { id, component: 'jump' }, size, chars: 0 }, ...lines];
  const top = rect.line + heads.rows;
  const bottom = rect.line + rect.lines - 1 - (hasBelow(rect, grid) ? 1 : 0);
  const slots: Slot[] = [];
  for (let c = rect.col; c < rect.col + rect.cols; c++) if (bottom >= top) slots.push(grid.slot(c, top, bottom - top + 1));
  let fill = fillBalanced(flow, slots);
  const out: FrameItem[] = [...heads.runs];
  let jumpLine: FrameItem | undefined;
  if (fill.remaining.length && jumpTo !== undefined && slots.length) {
    const last = slots[slots.length - 1];
    fill = fillColumns(flow, [...slots.slice(0, -1), { ...last, lines: last.lines - 1 }]);
    const jump = setOneLine(jumpText(jumpTo), t.fonts.byline, size, last.width, 'right', grid, ctx.fonts, id);
    jumpLine = placeLine(jump, last.x, last.firstBaseline + (last.lines - 1) * last.pitch, size, { id, component: 'jump' });
    jumpLine.block = `${id}/jump/${k + 1}`;
  }
  // body columns of a later block of the chain are keyed apart from the first block's
  const rekey = k > 0 || samePage;
  const placed = fill.placed.map((l) => (rekey && l.block?.includes('/body/') ? { ...l, block: `${id}/body/${k + 1}.${l.block.split('/').pop()}` } : l));
  out.push(...placed);
  if (jumpLine) out.push(jumpLine);
  return {
    items: out,
    remaining: fill.remaining,
    capacityLines: slots.reduce((n, s) => n + s.lines, 0) - 1,
  };
}

/** The blocks an article's body continues in, in reading order. */
function chainOf(a: LoadedArticle): PlacedBlock[] {
  return a.chain ?? (a.continuation ? [a.continuation] : []);
}

/** True when the block ends above the page's last article line (another block is below). */
function hasBelow(rect: GridRect, grid: PageGrid): boolean {
  return rect.line + rect.lines - 1 < lastArticleLine(grid);
}

/**
 * Rules between blocks: a hairline through the empty last row of a block that has
 * another below it, and one down the gutter to its right when a block is beside it.
 */
function separators(rect: GridRect, grid: PageGrid, all: readonly GridRect[], boxed?: readonly GridRect[]): FrameItem[] {
  const out: FrameItem[] = [];
  const w = grid.template.ruleWidth;
  const x0 = grid.colX(rect.col);
  const x1 = x0 + grid.span(rect.cols);
  const lastRow = rect.line + rect.lines - 1;
  if (hasBelow(rect, grid) && !boxed?.includes(rect)) {
    const y = grid.rowTop(lastRow) + grid.linePitch / 2;
    out.push({ kind: 'rule', x1: x0, y1: y, x2: x1, y2: y, width: w });
  }
  const rightCol = rect.col + rect.cols;
  const beside = all.some((r) => r.col === rightCol && r.line <= lastRow && r.line + r.lines - 1 >= rect.line);
  // a boxed block (its own or its neighbour's frame) needs no rule down the gutter
  const framed = boxed?.some((r) => r === rect || (r.col === rightCol && r.line <= lastRow && r.line + r.lines - 1 >= rect.line));
  if (beside && !framed) {
    const gx = x1 + grid.gutterWidth / 2;
    const yTop = grid.rowTop(rect.line);
    const yBottom = grid.rowTop(lastRow) + (hasBelow(rect, grid) ? grid.linePitch / 2 : grid.linePitch);
    out.push({ kind: 'rule', x1: gx, y1: yTop, x2: gx, y2: yBottom, width: w });
  }
  return out;
}


/**
 * The 缺字 notes of one article as diagnostics, one per character and place (a head set at
 * several sizes, a body set again at another measure, notes each character once).
 */
export function glyphDiagnostics(notes: readonly GlyphNote[], file: string, id: string): LayoutDiagnostic[] {
  const seen = new Set<string>();
  const out: LayoutDiagnostic[] = [];
  for (const n of notes) {
    const key = `${n.kind} ${n.where} ${n.at} ${n.codePoint}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // the front matter's names: the head is `title`; a jump line (转版, the title repeated) names the article only
    const part = n.where.startsWith(`${id} `) ? n.where.slice(id.length + 1) : n.where === id ? 'continue' : n.where;
    const field = part === 'head' ? 'title' : part;
    out.push(
      n.kind === 'missing'
        ? { level: 'error', code: 'text.missing-glyph', file, field, message: `缺字 “${n.char}” (${n.hex}) at offset ${n.at}: not in ${n.lacking} nor in any fallback font; add a font that has it to "fallback" in fonts/fonts.json, or change the text` }
        : { level: 'warning', code: 'text.fallback-glyph', file, field, message: `缺字 “${n.char}” (${n.hex}) at offset ${n.at} set in ${n.from}: ${n.lacking} lacks it` },
    );
  }
  return out;
}
