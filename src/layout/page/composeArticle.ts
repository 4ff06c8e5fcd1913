import type { FrameItem, PlacedGraphic, PlacedImage, PlacedLine } from '../items.js';
import type { FontBook } from '../../fonts/fontBook.js';
import type { LoadedArticle } from '../../content/loadEdition.js';
import type { GridRect } from '../../model/schema/template.js';
import { typesetParagraph } from '../../text/typesetParagraph.js';
import type { SetLine } from '../../text/setLines.js';
import { fillBalanced, fillColumns, type FlowLine, type Slot } from '../fillColumns.js';
import { placeLine } from '../placeLine.js';
import type { PageGrid } from './pageGrid.js';
import { setHeads, type HeadFit, type HeadPart, type SetHeads } from './setHeads.js';
import { setVerticalHead } from './setVerticalHead.js';
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
  const diagnostics: LayoutDiagnostic[] = [];
  const vertical = a.meta.headForm === 'vertical';
  const [minScale, maxScale] = t.copyfit.headScale;
  let headScale = a.meta.headScale;
  if (headScale !== undefined && (headScale < minScale || headScale > maxScale)) {
    diagnostics.push({ level: 'error', file: a.file, field: 'headScale', message: `${headScale} % is outside the template's copyfit.headScale [${minScale}, ${maxScale}]` });
    headScale = undefined;
  }
  const parts: HeadPart[] = [];
  if (a.meta.kicker && !vertical) parts.push({ component: 'kicker', text: a.meta.kicker, font: t.fonts.kicker, sizes: sizes.kicker, maxLines: 1, scale: headScale });
  if (!vertical) parts.push({ component: 'head', text: a.meta.title, font: t.fonts.head, sizes: sizes.head, maxLines: a.meta.rank === 'lead' ? 2 : rect.cols === 1 ? 3 : 2, scale: headScale });
  if (a.meta.deck && !vertical) parts.push({ component: 'deck', text: a.meta.deck, font: t.fonts.deck, sizes: sizes.deck, maxLines: 2, scale: headScale });
  if (vertical) {
    for (const f of ['kicker', 'deck'] as const) {
      if (a.meta[f]) diagnostics.push({ level: 'error', file: a.file, field: f, message: `a vertical head (headForm: vertical) stands alone: drop the ${f} or set the head across the block` });
    }
    if (headScale !== undefined) diagnostics.push({ level: 'error', file: a.file, field: 'headScale', message: 'a vertical head is not scaled (长体/扁体 is for heads set across)' });
  }
  // 题上图: photos above the heads take the block's first lines; the heads start under them
  const aboveRows = a.photos.reduce((n, p) => (p.above ? Math.max(n, p.place.line - 1 + p.place.lines) : n), 0);
  const beside = vertical ? Math.min(a.meta.headBeside ?? 1, Math.max(0, area.columns.length - 1)) : headBesideColumns(a, area);
  if (vertical && !beside) diagnostics.push({ level: 'error', file: a.file, field: 'headForm', message: 'a vertical head needs a column of its own beside the text: the block has one column' });
  const headInset = rect.cols > 1 && !a.meta.box && !beside ? grid.charPt : 0;
  const headX = beside ? area.columns[0].x : area.x;
  const headW = beside ? area.columns[beside - 1].x + area.columns[beside - 1].width - headX : area.width;
  const heads = vertical && beside
    ? verticalHead(a, headX, headW, area.firstLine + aboveRows, area.lastLine, grid, fonts)
    : setHeads(parts, headX + headInset, headW - 2 * headInset, area.firstLine + aboveRows, grid, fonts, id, beside ? 'left' : t.heads.align);
  if (area.fill) for (const l of heads.runs) for (const r of l.runs) r.fill = area.fill;
  const items: FrameItem[] = [...area.graphics, ...heads.runs];
  for (const f of heads.fits) {
    const field = f.component === 'head' ? 'title' : f.component;
    // one message per head, only when it does not fit: a head stepped down a 号 to fit is
    // routine copyfitting, recorded in report.json (heads[].step), not a warning
    if (f.over > 0 && vertical) diagnostics.push({ level: 'warning', code: 'head.over', file: a.file, field, message: `the vertical head does not fit its column: even at the smallest allowed size (${f.size} pt) its ${f.chars} characters run past the block's foot — shorten it` });
    else if (f.over > 0) diagnostics.push({ level: 'warning', code: 'head.over', file: a.file, field, message: `does not fit in ${f.maxLines} line(s): even at the smallest allowed size (${f.size} pt, ${f.step ? `${f.step} size(s) down` : 'the template allows no smaller'}${f.scale !== 100 ? `, at ${f.scale} %` : ''}) it takes ${f.lines} lines, ${f.over} too many — shorten it` });
  }
  // beside the heads, the body starts at the top of the block
  const bodyTop = area.firstLine + aboveRows + (beside ? 0 : heads.rows);
  const bottom = area.lastLine;
  // Photos: the rows they cover are taken out of the slots of the columns they overlap.
  const taken: { x0: number; x1: number; from: number; to: number }[] = [];
  const photoJobs: PhotoJob[] = [];
  const captions: TextFit[] = [];
  a.photos.forEach((p, i) => {
    // a 组图 is set once, from its first picture
    if (p.group && p.group.index > 0) return;
    const abs = { col: rect.col + p.place.col - 1, line: area.firstLine + p.place.line - 1, cols: p.place.cols, lines: p.place.lines };
    if (!p.above && abs.line < bodyTop) {
      // line 1 means the top of the block: the photo goes under the heads, as meant
      if (p.place.line > 1) diagnostics.push({ level: 'warning', file: a.file, field: fieldOf(p, i).replace(/\.(group\[\d+\]\.)?file$/, '.place.line'), message: `moved down ${bodyTop - abs.line} line(s) to clear the heads` });
      abs.line = bodyTop;
    }
    abs.lines = Math.min(abs.lines, bottom - abs.line + 1);
    const set = setPhoto(a, i, abs, ctx, items, diagnostics);
    if (set) {
      photoJobs.push(...set.jobs);
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

/** 竖排: the 主题 in the head column, top to bottom from the first line to the block's foot. */
function verticalHead(a: LoadedArticle, x: number, width: number, firstRow: number, lastRow: number, grid: PageGrid, fonts: FontBook): SetHeads {
  const t = grid.template;
  const v = setVerticalHead(a.meta.title, t.fonts.head, t.heads.vertical ?? t.heads[a.meta.rank].head, { x, width, firstRow, lastRow }, grid, fonts, a.meta.id);
  return { runs: [v.line], rows: 0, fits: [v.fit] };
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

/**
 * A picture, or a 组图 (the pictures of a group, from index i on), and its caption in a
 * grid rect. The caption goes under the pictures (its lines the rect's last grid lines) or
 * beside them (its own `captionCols` grid columns, its last line on the pictures' last
 * line). A group's cells share the picture area: `grid` columns × rows, a grid gutter
 * apart across and a fifth of a 字 down, each on whole grid lines, each cropped round its
 * own focus.
 */
function setPhoto(a: LoadedArticle, i: number, abs: GridRect, ctx: BlockContext, items: FrameItem[], diagnostics: LayoutDiagnostic[]) {
  const { grid, fonts } = ctx;
  const t = grid.template;
  const p = a.photos[i];
  const id = a.meta.id;
  const field = fieldOf(p, i).replace(/\.(group\[\d+\]\.)?file$/, '');
  const members = a.photos.slice(i, i + (p.group?.size ?? 1));
  const side = p.captionSide ?? 'below';
  const capCols = side === 'below' ? 0 : Math.min(p.captionCols ?? 1, abs.cols - 1);
  const picCol = side === 'left' ? abs.col + capCols : abs.col;
  const picCols = abs.cols - capCols;
  const x = grid.colX(picCol);
  const w = grid.span(picCols);
  const capX = side === 'below' ? x : side === 'left' ? grid.colX(abs.col) : grid.colX(abs.col + picCols);
  const capW = side === 'below' ? w : grid.span(capCols);
  const capSize = grid.size(t.text.caption);
  // 楷 captions take their full-width marks from 宋 (LXGW WenKai's quotes read as Latin ones)
  const caption = typesetParagraph([{ text: p.caption, face: fonts.face(t.fonts.caption) }], { ...textOptions(t, 'caption', fonts.face(t.fonts.body)), size: capSize, measure: capW, indent: 0, align: 'justify', fallbacks: fonts.fallbacks(), where: `${id} ${field}.caption` });
  const credit = p.credit ? setOneLine(p.credit, t.fonts.credit, grid.size(t.text.credit), capW, 'right', grid, fonts, `${id} ${field}.credit`) : undefined;
  const capRows = caption.length + (credit ? 1 : 0);
  const [gc, gr] = p.grid ?? [members.length, 1];
  const imgRows = side === 'below' ? abs.lines - capRows : abs.lines;
  // whole grid lines per row of cells
  const cellRows = Math.floor(imgRows / gr);
  if (members.some((m) => !ctx.photoInfo.get(m.path)) || cellRows < 2 || (side !== 'below' && capRows > abs.lines)) {
    const room = side === 'below' ? `above its ${capRows}-line caption` : `beside its ${capRows}-line caption`;
    diagnostics.push({ level: 'error', file: a.file, field: `${field}.place.lines`, message: `${abs.lines} lines leave no room for the picture${members.length > 1 ? 's' : ''} ${room}` });
    return undefined;
  }
  const gutterX = grid.gutterWidth;
  const cellW = (w - (gc - 1) * gutterX) / gc;
  const jobs: PhotoJob[] = [];
  members.forEach((m, j) => {
    const cx = x + (j % gc) * (cellW + gutterX);
    const y = grid.rowTop(abs.line + Math.floor(j / gc) * cellRows);
    const job = placePicture(a, i + j, m, { x: cx, y, w: cellW, h: cellRows * grid.linePitch - 0.4 * grid.charPt }, ctx, items, diagnostics);
    if (job) jobs.push(job);
  });
  // the caption: under the pictures, or beside them with its foot on their last line
  const capTop = side === 'below' ? abs.line + gr * cellRows : abs.line + gr * cellRows - capRows;
  caption.forEach((line, k) => items.push(placeLine(line, capX, grid.baseline(capTop + k), capSize, { id, component: 'caption', para: i })));
  if (credit) items.push(...creditRuns(credit, capX, grid.baseline(capTop + caption.length), grid.size(t.text.credit), id, i));
  const capChars = caption.reduce((n, l) => n + l.chars, 0);
  return {
    jobs,
    caption: { capacityLines: capRows, usedLines: capRows, overLines: 0, capacityChars: capRows * Math.floor(capW / capSize), usedChars: capChars, overChars: 0 },
  };
}

/** One picture cropped to its box round its focus: the image item, its ppi checks and the crop job. */
function placePicture(a: LoadedArticle, i: number, p: LoadedArticle['photos'][number], box: { x: number; y: number; w: number; h: number }, ctx: BlockContext, items: FrameItem[], diagnostics: LayoutDiagnostic[]): PhotoJob | undefined {
  const t = ctx.grid.template;
  const id = a.meta.id;
  const info = ctx.photoInfo.get(p.path)!;
  const { x, y, w, h } = box;
  const aspect = w / h;
  const [fx, fy] = p.focus ?? [0.5, 0.5];
  let cw = info.width, ch = info.height;
  if (cw / ch > aspect) cw = Math.round(ch * aspect);
  else ch = Math.round(cw / aspect);
  const left = clamp(Math.round(fx * info.width - cw / 2), 0, info.width - cw);
  const top = clamp(Math.round(fy * info.height - ch / 2), 0, info.height - ch);
  const ppi = cw / (w / 72);
  const field = fieldOf(p, i);
  if (ppi < t.photos.errorBelowPpi) {
    diagnostics.push({ level: 'error', code: 'photo.ppi-too-low', file: a.file, field, message: `${p.file} gives ${Math.round(ppi)} ppi at ${(w / 72 * 25.4).toFixed(0)} mm wide after cropping to the box (${cw}×${ch} of ${info.width}×${info.height} px kept); at least ${t.photos.errorBelowPpi} ppi is needed` });
  } else if (ppi < t.photos.warnBelowPpi) {
    diagnostics.push({ level: 'warning', code: 'photo.ppi-low', file: a.file, field, message: `${p.file} gives only ${Math.round(ppi)} ppi at ${(w / 72 * 25.4).toFixed(0)} mm wide after cropping to the box (${cw}×${ch} of ${info.width}×${info.height} px kept; ${t.photos.warnBelowPpi} ppi recommended)` });
  }
  const scale = Math.min(1, t.photos.ppi / ppi);
  const asset = `${id}-${i + 1}`;
  const image: PlacedGraphic & PlacedImage = { kind: 'image', x, y, w, h, asset, ppi: Math.round(Math.min(ppi, t.photos.ppi)), source: { id, component: 'photo', para: i } };
  items.push(image);
  return { asset, src: p.path, file: p.file, ppi: image.ppi, article: a.file, field: fieldOf(p, i), crop: { left, top, width: cw, height: ch }, width: Math.max(1, Math.round(cw * scale)), height: Math.max(1, Math.round(ch * scale)), grey: t.photos.grey };
}

function creditRuns(line: SetLine, x: number, y: number, size: number, id: string, i: number): PlacedLine[] {
  return [placeLine(line, x, y, size, { id, component: 'credit', para: i })];
}

/** The front-matter field a picture comes from (photos[i].file for one made without the loader). */
const fieldOf = (p: { field?: string }, i: number) => p.field ?? `photos[${i}].file`;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
