import type { FrameItem, PageFrame } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { LoadedArticle, LoadedEdition } from '../../content/loadEdition.js';
import type { GridRect } from '../../model/schema/template.js';
import type { FlowLine, Slot } from '../fillColumns.js';
import { fillBalanced } from '../fillColumns.js';
import { MissingGlyphError } from '../../text/missingGlyph.js';
import { bodyLines } from './bodyLines.js';
import { composeArticle, setOneLine, textFit, type LayoutDiagnostic, type PhotoInfo, type PhotoJob, type TextFit } from './composeArticle.js';
import { firstArticleLine, furniture, lastArticleLine } from './furniture.js';
import { pageGrid, type PageGrid } from './pageGrid.js';
import { setHeads, type HeadFit } from './setHeads.js';

/** Copyfit of one article: heads, body (both halves of a jump together), captions. */
export interface ArticleFit {
  id: string;
  file: string;
  page: string;
  continuedOn?: string;
  heads: HeadFit[];
  body: TextFit;
  captions: TextFit[];
}

export interface ComposedEdition {
  /** The print channel's pages. */
  pages: PageFrame[];
  /** The archive channel's pages, where they differ (the notices pages, set with the archive's wording). */
  archivePages: Map<string, PageFrame>;
  articles: ArticleFit[];
  photoJobs: PhotoJob[];
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
  for (const a of ed.articles) {
    occupied.set(a.block.page, [...(occupied.get(a.block.page) ?? []), a.block.rect]);
    if (a.continuation) occupied.set(a.continuation.page, [...(occupied.get(a.continuation.page) ?? []), a.continuation.rect]);
  }

  const archiveFill = new Map<string, FrameItem[]>();
  const printFill = new Map<string, FrameItem[]>();
  const wanted = (page: string | undefined) => page !== undefined && (!ctx.only || ctx.only.has(page));
  edition.pages.forEach((spec, i) => {
    if (!wanted(spec.page)) return;
    const grid = grids.get(spec.page)!;
    const list = items.get(spec.page)!;
    list.push(...furniture(edition, spec, i + 1, grid, ctx.fonts));
    if (spec.notices && ctx.fillPage) {
      const fill = ctx.fillPage(spec.page, grid, firstArticleLine(grid, i === 0), lastArticleLine(grid));
      printFill.set(spec.page, fill);
      list.push(...fill);
      if (ctx.fillArchivePage) archiveFill.set(spec.page, ctx.fillArchivePage(spec.page, grid, firstArticleLine(grid, i === 0), lastArticleLine(grid)));
    }
  });

  for (const a of ed.articles) {
    if (!wanted(a.block.page) && !wanted(a.continuation?.page)) continue;
    try {
      composeOne(a);
    } catch (err) {
      // A character no font has: reported against the article's file, with the others.
      if (!(err instanceof MissingGlyphError)) throw err;
      diagnostics.push({ level: 'error', file: a.file, field: err.where.replace(`${a.meta.id} `, ''), message: err.reason });
    }
  }

  function composeOne(a: LoadedArticle): void {
    const grid = grids.get(a.block.page)!;
    const lines = bodyLines(a.meta.id, a.meta.byline, a.body, grid, ctx.fonts);
    const rect = a.block.rect;
    const jumpTo = a.continuation ? pageNo.get(a.continuation.page) : undefined;
    const block = composeArticle(a, lines, { grid, fonts: ctx.fonts, rect, reserveBottom: hasBelow(rect, grid), photoInfo: ctx.photoInfo }, jumpTo);
    items.get(a.block.page)!.push(...block.items, ...separators(rect, grid, occupied.get(a.block.page) ?? []));
    diagnostics.push(...block.diagnostics);
    photoJobs.push(...block.photoJobs);
    let body = block.body;
    let remaining = block.remaining;
    if (a.continuation) {
      const contGrid = grids.get(a.continuation.page)!;
      // Text is broken at its slot's own measure: a continuation on a page of another
      // template (another column width or body size) sets the rest of the body again there.
      const rest = remaining.length && !sameMeasure(grid, contGrid) ? rebreak(a, remaining, contGrid, ctx.fonts) : remaining;
      const cont = composeContinuation(a, rest, contGrid, ctx, pageNo.get(a.block.page)!);
      items.get(a.continuation.page)!.push(...cont.items, ...separators(a.continuation.rect, grids.get(a.continuation.page)!, occupied.get(a.continuation.page) ?? []));
      const placedFirst = lines.slice(0, lines.length - remaining.length);
      remaining = cont.remaining;
      body = textFit([...placedFirst, ...rest], remaining, body.capacityLines + cont.capacityLines, grid.template.grid.columnChars);
    }
    if (remaining.length) {
      diagnostics.push({ level: 'warning', code: 'body.overset', file: a.file, field: 'body', message: `overset: ${body.overLines} lines (${body.overChars} 字) do not fit` });
    } else {
      const empty = body.capacityLines - body.usedLines;
      const limit = grid.template.copyfit.undersetLines;
      if (empty >= limit) diagnostics.push({ level: 'warning', code: 'body.underset', file: a.file, field: 'body', message: `underset: ${empty} of ${body.capacityLines} lines empty (about ${Math.max(0, body.capacityChars - body.usedChars)} 字 to fill; the template allows ${limit - 1})` });
    }
    fits.push({ id: a.meta.id, file: a.file, page: a.block.page, continuedOn: a.continuation?.page, heads: block.heads, body, captions: block.captions });
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
  return { pages, archivePages, articles: fits, photoJobs, diagnostics };
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

/** The continuation block (转版 target): a small repeat of the title, 上接第N版, the rest of the body. */
function composeContinuation(a: LoadedArticle, lines: readonly FlowLine[], grid: PageGrid, ctx: EditionContext, fromPage: number) {
  const rect = a.continuation!.rect;
  const t = grid.template;
  const id = a.meta.id;
  const x = grid.colX(rect.col);
  const measure = grid.span(rect.cols);
  const heads = setHeads([{ component: 'head', text: a.meta.title, font: t.fonts.head, sizes: t.heads.brief.head, maxLines: 2 }], x, measure, rect.line, grid, ctx.fonts, id, t.heads.align);
  const size = grid.size(t.text.byline);
  const from = setOneLine(`（上接第${fromPage}版）`, t.fonts.byline, size, grid.columnWidth, 'left', grid, ctx.fonts, id);
  const flow: FlowLine[] = [{ line: from, source: { id, component: 'jump' }, size, chars: 0 }, ...lines];
  const top = rect.line + heads.rows;
  const bottom = rect.line + rect.lines - 1 - (hasBelow(rect, grid) ? 1 : 0);
  const slots: Slot[] = [];
  for (let c = rect.col; c < rect.col + rect.cols; c++) if (bottom >= top) slots.push(grid.slot(c, top, bottom - top + 1));
  const fill = fillBalanced(flow, slots);
  return {
    items: [...heads.runs, ...fill.placed],
    remaining: fill.remaining,
    capacityLines: slots.reduce((n, s) => n + s.lines, 0) - 1,
  };
}

/** True when the block ends above the page's last article line (another block is below). */
function hasBelow(rect: GridRect, grid: PageGrid): boolean {
  return rect.line + rect.lines - 1 < lastArticleLine(grid);
}

/**
 * Rules between blocks: a hairline through the empty last row of a block that has
 * another below it, and one down the gutter to its right when a block is beside it.
 */
function separators(rect: GridRect, grid: PageGrid, all: readonly GridRect[]): FrameItem[] {
  const out: FrameItem[] = [];
  const w = grid.template.ruleWidth;
  const x0 = grid.colX(rect.col);
  const x1 = x0 + grid.span(rect.cols);
  const lastRow = rect.line + rect.lines - 1;
  if (hasBelow(rect, grid)) {
    const y = grid.rowTop(lastRow) + grid.linePitch / 2;
    out.push({ kind: 'rule', x1: x0, y1: y, x2: x1, y2: y, width: w });
  }
  const rightCol = rect.col + rect.cols;
  const beside = all.some((r) => r.col === rightCol && r.line <= lastRow && r.line + r.lines - 1 >= rect.line);
  if (beside) {
    const gx = x1 + grid.gutterWidth / 2;
    const yTop = grid.rowTop(rect.line);
    const yBottom = grid.rowTop(lastRow) + (hasBelow(rect, grid) ? grid.linePitch / 2 : grid.linePitch);
    out.push({ kind: 'rule', x1: gx, y1: yTop, x2: gx, y2: yBottom, width: w });
  }
  return out;
}

