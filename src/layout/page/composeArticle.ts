import type { FrameItem, PlacedGraphic, PlacedImage, PlacedLine } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { LoadedArticle } from '../../content/loadEdition.js';
import type { GridRect } from '../../model/schema/template.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import type { SetLine } from '../../text/setLines.js';
import { fillBalanced, fillColumns, type FlowLine, type Slot } from '../fillColumns.js';
import { placeLine } from '../placeLine.js';
import type { PageGrid } from './pageGrid.js';
import { setHeads, type HeadFit, type HeadPart } from './setHeads.js';
import { blockArea, type BlockArea } from './blockArea.js';
import { textOptions } from './textOptions.js';

/** Pixel size of a photo file, read at load time. */
export interface PhotoInfo {
  width: number;
  height: number;
}

/** A crop-and-resize job for the build to run (sharp), producing the file of an image's asset. */
export interface PhotoJob {
  /** The asset id the page's image names. */
  asset: string;
  /** The source photo (absolute path) and its path as the article gives it. */
  src: string;
  file: string;
  /** Effective ppi at the placed size. */
  ppi: number;
  /** The article file and field that name the photo, for messages. */
  article: string;
  field: string;
  crop: { left: number; top: number; width: number; height: number };
  width: number;
  height: number;
  grey: boolean;
}

/** A problem found while composing: errors stop the build, warnings are reported. */
export interface LayoutDiagnostic {
  level: 'error' | 'warning';
  /** Stable code for the ones --strict looks at: head.over, photo.ppi-low, body.underset, body.overset. */
  code?: string;
  file: string;
  field: string;
  message: string;
}

/** Copyfit of a block's body or caption, in lines and 字. */
export interface TextFit {
  capacityLines: number;
  usedLines: number;
  /** Lines that did not fit (0 when everything was set). */
  overLines: number;
  capacityChars: number;
  usedChars: number;
  overChars: number;
}

export interface ComposedBlock {
  items: FrameItem[];
  /** Body lines left over (the overflow), to jump or to report. */
  remaining: FlowLine[];
  heads: HeadFit[];
  body: TextFit;
  captions: TextFit[];
  photoJobs: PhotoJob[];
  diagnostics: LayoutDiagnostic[];
}

export interface BlockContext {
  grid: PageGrid;
  fonts: FontBook;
  /** The block's rectangle on the grid. */
  rect: GridRect;
  /** Leave the block's last row empty (a rule runs through it) — another block is below. */
  reserveBottom: boolean;
  photoInfo: ReadonlyMap<string, PhotoInfo>;
}

/**
 * Sets an article's first block: heads across the block, photos with captions, and the
 * body flowing column by column through what is left. When the body overflows and the
 * article continues on another page, the block's last line says 转第N版.
 */
export function composeArticle(a: LoadedArticle, lines: readonly FlowLine[], ctx: BlockContext, jumpTo?: number | string): ComposedBlock {
  const { grid, fonts, rect } = ctx;
  const t = grid.template;
  const id = a.meta.id;
  const area = articleArea(a, rect, grid, ctx.reserveBottom);
  const sizes = t.heads[a.meta.rank];
  const parts: HeadPart[] = [];
  if (a.meta.kicker) parts.push({ component: 'kicker', text: a.meta.kicker, font: t.fonts.kicker, sizes: sizes.kicker, maxLines: 1 });
  parts.push({ component: 'head', text: a.meta.title, font: t.fonts.head, sizes: sizes.head, maxLines: a.meta.rank === 'lead' ? 2 : rect.cols === 1 ? 3 : 2 });
  if (a.meta.deck) parts.push({ component: 'deck', text: a.meta.deck, font: t.fonts.deck, sizes: sizes.deck, maxLines: 2 });
  // 题上图: photos above the heads take the block's first lines; the heads start under them
  const aboveRows = a.photos.reduce((n, p) => (p.above ? Math.max(n, p.place.line - 1 + p.place.lines) : n), 0);
  const beside = headBesideColumns(a, area);
  const headInset = rect.cols > 1 && !a.meta.box && !beside ? grid.charPt : 0;
  const headX = beside ? area.columns[0].x : area.x;
  const headW = beside ? area.columns[beside - 1].x + area.columns[beside - 1].width - headX : area.width;
  const heads = setHeads(parts, headX + headInset, headW - 2 * headInset, area.firstLine + aboveRows, grid, fonts, id, beside ? 'left' : t.heads.align);
  if (area.fill) for (const l of heads.runs) for (const r of l.runs) r.fill = area.fill;
  const items: FrameItem[] = [...area.graphics, ...heads.runs];
  const diagnostics: LayoutDiagnostic[] = [];
  for (const f of heads.fits) {
    const field = f.component === 'head' ? 'title' : f.component;
    // one message per head, only when it does not fit: a head stepped down a 号 to fit is
    // routine copyfitting, recorded in report.json (heads[].step), not a warning
    if (f.over > 0) diagnostics.push({ level: 'warning', code: 'head.over', file: a.file, field, message: `does not fit in ${f.maxLines} line(s): even at the smallest allowed size (${f.size} pt, ${f.step} size(s) down) it takes ${f.lines} lines, ${f.over} too many — shorten it` });
  }
  // beside the heads, the body starts at the top of the block
  const bodyTop = area.firstLine + aboveRows + (beside ? 0 : heads.rows);
  const bottom = area.lastLine;
  // Photos: the rows they cover are taken out of the slots of the columns they overlap.
  const taken: { x0: number; x1: number; from: number; to: number }[] = [];
  const photoJobs: PhotoJob[] = [];
  const captions: TextFit[] = [];
  a.photos.forEach((p, i) => {
    const abs = { col: rect.col + p.place.col - 1, line: area.firstLine + p.place.line - 1, cols: p.place.cols, lines: p.place.lines };
    if (!p.above && abs.line < bodyTop) {
      // line 1 means the top of the block: the photo goes under the heads, as meant
      if (p.place.line > 1) diagnostics.push({ level: 'warning', file: a.file, field: `photos.${i}.place.line`, message: `moved down ${bodyTop - abs.line} line(s) to clear the heads` });
      abs.line = bodyTop;
    }
    abs.lines = Math.min(abs.lines, bottom - abs.line + 1);
    const set = setPhoto(a, i, abs, ctx, items, diagnostics);
    if (set) {
      photoJobs.push(set.job);
      captions.push(set.caption);
    }
    taken.push({ x0: grid.colX(abs.col), x1: grid.colX(abs.col) + grid.span(abs.cols), from: abs.line, to: abs.line + abs.lines - 1 });
  });
  const slots: Slot[] = [];
  for (const col of area.columns.slice(beside)) {
    let start = bodyTop;
    const blocked = taken.filter((b) => b.x0 < col.x + col.width - 1 && b.x1 > col.x + 1).sort((p, q) => p.from - q.from);
    for (const { from, to } of blocked) {
      if (from > start) slots.push(columnSlot(grid, col, start, from - start));
      start = Math.max(start, to + 1);
    }
    if (bottom >= start) slots.push(columnSlot(grid, col, start, bottom - start + 1));
  }
  let fill = fillBalanced(lines, slots);
  if (fill.remaining.length && jumpTo !== undefined && slots.length) {
    // Room for 转第N版 on the block's last line.
    const last = slots[slots.length - 1];
    const shorter = [...slots.slice(0, -1), { ...last, lines: last.lines - 1 }];
    fill = fillColumns(lines, shorter);
    const jump = setOneLine(jumpText(jumpTo), fonts.face(t.fonts.byline).key, grid.size(t.text.byline), last.width, 'right', grid, fonts, id);
    const jl = placeLine(jump, last.x, last.firstBaseline + (last.lines - 1) * last.pitch, grid.size(t.text.byline), { id, component: 'jump' }, area.fill);
    items.push(jl);
  }
  if (area.fill) for (const l of fill.placed) for (const r of l.runs) r.fill = area.fill;
  items.push(...fill.placed);
  const capacityLines = slots.reduce((n, s) => n + s.lines, 0);
  return {
    items,
    remaining: fill.remaining,
    heads: heads.fits,
    body: textFit(lines, fill.remaining, capacityLines, Math.round((area.columns[0]?.width ?? grid.columnWidth) / grid.charPt)),
    captions,
    photoJobs,
    diagnostics,
  };
}

/** How many of the area's columns the heads take beside the text (0: heads across the block). */
function headBesideColumns(a: LoadedArticle, area: BlockArea): number {
  const n = a.meta.headBeside ?? 0;
  return n > 0 && n < area.columns.length ? n : 0;
}

/** 转第N版 for a page number, or the text given (a same-page hop's 下转第N栏). */
export function jumpText(to: number | string): string {
  return typeof to === 'number' ? `（转第${to}版）` : to;
}

/** The text area of an article's first block: its box, 变栏 and reserved last line. */
export function articleArea(a: LoadedArticle, rect: GridRect, grid: PageGrid, reserveBottom: boolean): BlockArea {
  return blockArea(rect, grid, { box: a.meta.box, columns: a.meta.columns, gutter: a.meta.gutter, reserveBottom, id: a.meta.id });
}

function columnSlot(grid: PageGrid, col: { x: number; width: number }, first: number, lines: number): Slot {
  return { x: col.x, width: col.width, firstBaseline: grid.baseline(first), pitch: grid.linePitch, lines };
}

/** Copyfit of flowed lines: capacity in lines and 字 (lines × the measure in 字). */
export function textFit(lines: readonly FlowLine[], remaining: readonly FlowLine[], capacityLines: number, charsPerLine: number): TextFit {
  const used = lines.length - remaining.length;
  const usedRows = lines.slice(0, used).reduce((n, l) => n + (l.span ?? 1), 0);
  const usedChars = lines.slice(0, used).reduce((n, l) => n + l.chars, 0);
  return {
    capacityLines,
    usedLines: usedRows,
    overLines: remaining.reduce((n, l) => n + (l.span ?? 1), 0),
    capacityChars: capacityLines * charsPerLine,
    usedChars,
    overChars: remaining.reduce((n, l) => n + l.chars, 0),
  };
}

/** One line of text set flush left, right or centred in a measure (jump lines, credits). */
export function setOneLine(text: string, font: string, size: number, measure: number, align: 'left' | 'right' | 'center', grid: PageGrid, fonts: FontBook, id: string): SetLine {
  const [line] = typesetParagraph([{ text, face: fonts.face(font) }], { size, measure: Math.max(measure, 1), indent: 0, align: align === 'center' ? 'center' : 'left', fallbacks: fonts.fallbacks(), where: id });
  if (align === 'right' && line.used < measure) {
    const shift = measure - line.used;
    return { ...line, runs: line.runs.map((r) => ({ ...r, xs: r.xs.map((x) => x + shift) })) };
  }
  void grid;
  return line;
}

function setPhoto(a: LoadedArticle, i: number, abs: GridRect, ctx: BlockContext, items: FrameItem[], diagnostics: LayoutDiagnostic[]) {
  const { grid, fonts } = ctx;
  const t = grid.template;
  const p = a.photos[i];
  const id = a.meta.id;
  const info = ctx.photoInfo.get(p.path);
  const x = grid.colX(abs.col);
  const w = grid.span(abs.cols);
  const capSize = grid.size(t.text.caption);
  // 楷 captions take their full-width marks from 宋 (LXGW WenKai's quotes read as Latin ones)
  const caption = typesetParagraph([{ text: p.caption, face: fonts.face(t.fonts.caption) }], { ...textOptions(t, 'caption', fonts.face(t.fonts.body)), size: capSize, measure: w, indent: 0, align: 'justify', fallbacks: fonts.fallbacks(), where: `${id} photos.${i}.caption` });
  const credit = p.credit ? setOneLine(p.credit, t.fonts.credit, grid.size(t.text.credit), w, 'right', grid, fonts, `${id} photos.${i}.credit`) : undefined;
  const capRows = caption.length + (credit ? 1 : 0);
  const imgRows = abs.lines - capRows;
  if (!info || imgRows < 2) {
    diagnostics.push({ level: 'error', file: a.file, field: `photos.${i}.place.lines`, message: `${abs.lines} lines leave no room for the picture above its ${capRows}-line caption` });
    return undefined;
  }
  const y = grid.rowTop(abs.line);
  const h = imgRows * grid.linePitch - 0.4 * grid.charPt;
  const aspect = w / h;
  const [fx, fy] = p.focus ?? [0.5, 0.5];
  let cw = info.width, ch = info.height;
  if (cw / ch > aspect) cw = Math.round(ch * aspect);
  else ch = Math.round(cw / aspect);
  const left = clamp(Math.round(fx * info.width - cw / 2), 0, info.width - cw);
  const top = clamp(Math.round(fy * info.height - ch / 2), 0, info.height - ch);
  const ppi = cw / (w / 72);
  if (ppi < t.photos.errorBelowPpi) {
    diagnostics.push({ level: 'error', file: a.file, field: `photos.${i}.file`, message: `${p.file} gives ${Math.round(ppi)} ppi at ${(w / 72 * 25.4).toFixed(0)} mm wide after cropping to the box (${cw}×${ch} of ${info.width}×${info.height} px kept); at least ${t.photos.errorBelowPpi} ppi is needed` });
  } else if (ppi < t.photos.warnBelowPpi) {
    diagnostics.push({ level: 'warning', code: 'photo.ppi-low', file: a.file, field: `photos.${i}.file`, message: `${p.file} gives only ${Math.round(ppi)} ppi at ${(w / 72 * 25.4).toFixed(0)} mm wide after cropping to the box (${cw}×${ch} of ${info.width}×${info.height} px kept; ${t.photos.warnBelowPpi} ppi recommended)` });
  }
  const scale = Math.min(1, t.photos.ppi / ppi);
  const asset = `${id}-${i + 1}`;
  const image: PlacedGraphic & PlacedImage = { kind: 'image', x, y, w, h, asset, ppi: Math.round(Math.min(ppi, t.photos.ppi)), source: { id, component: 'photo', para: i } };
  items.push(image);
  const capTop = abs.line + imgRows;
  caption.forEach((line, k) => items.push(placeLine(line, x, grid.baseline(capTop + k), capSize, { id, component: 'caption', para: i })));
  if (credit) items.push(...creditRuns(credit, x, grid.baseline(capTop + caption.length), grid.size(t.text.credit), id, i));
  const capChars = caption.reduce((n, l) => n + l.chars, 0);
  return {
    job: { asset, src: p.path, file: p.file, ppi: image.ppi, article: a.file, field: `photos[${i}].file`, crop: { left, top, width: cw, height: ch }, width: Math.max(1, Math.round(cw * scale)), height: Math.max(1, Math.round(ch * scale)), grey: t.photos.grey },
    caption: { capacityLines: capRows, usedLines: capRows, overLines: 0, capacityChars: capRows * Math.floor(w / capSize), usedChars: capChars, overChars: 0 },
  };
}

function creditRuns(line: SetLine, x: number, y: number, size: number, id: string, i: number): PlacedLine[] {
  return [placeLine(line, x, y, size, { id, component: 'credit', para: i })];
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
