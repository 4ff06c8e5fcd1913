/**
 * Grid arithmetic of a template (see the comment at the top of schema/template.ts for the
 * rules): from mm and 号 to pt, grid rectangles to pt boxes, and the checks on rectangles
 * that content validation needs. Pure functions of a parsed template.
 */
import { haoToPt } from './schema/hao.js';
import type { SizeSpec } from './schema/hao.js';
import type { GridRect, Template } from './schema/template.js';

/** Points per millimetre (1 pt = 1/72 in, 1 in = 25.4 mm). */
export const PT_PER_MM = 72 / 25.4;

/** A length in mm converted to pt. */
export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** A box in pt, origin at the page's top-left corner, y growing downwards. */
export interface BoxPt {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The 版心 (type area) in pt: the paper less the margins. */
export function typeAreaPt(t: Pick<Template, 'paper' | 'margins'>): BoxPt & { width: number; height: number } {
  const x = mmToPt(t.margins.left);
  const y = mmToPt(t.margins.top);
  const w = mmToPt(t.paper.width - t.margins.left - t.margins.right);
  const h = mmToPt(t.paper.height - t.margins.top - t.margins.bottom);
  return { x, y, w, h, width: w, height: h };
}

type GridSpec = Pick<Template['grid'], 'columns' | 'columnChars' | 'gutterChars'>;

/** Measure in 字 of `cols` merged columns: columnChars·n + gutterChars·(n − 1) (对开: 13n + n − 1). */
export function measureChars(grid: GridSpec, cols: number): number {
  return grid.columnChars * cols + grid.gutterChars * (cols - 1);
}

/** Width of the whole grid in pt. */
export function gridWidthPt(grid: GridSpec, bodyPt: number): number {
  return measureChars(grid, grid.columns) * bodyPt;
}

/** The body size in pt (the grid's 字). The template must have passed TemplateSchema. */
export function bodySizePt(t: Pick<Template, 'hao' | 'grid'>): number {
  const pt = haoToPt(t.hao, t.grid.bodySize);
  if (pt === undefined) throw new Error(`unchecked template: body size ${t.grid.bodySize}`);
  return pt;
}

/**
 * Lines per column that the 版心 holds: floor((height − bodySize) / linePitch) + 1, so the
 * em box of the last line stays inside the 版心 and its leading may hang into the margin.
 */
export function derivedLinesPerColumn(t: Pick<Template, 'paper' | 'margins' | 'hao' | 'grid'>): number {
  const body = bodySizePt(t);
  // A hair of tolerance so 494 mm that is "exactly" n lines does not lose one to rounding.
  return Math.floor((typeAreaPt(t).height - body + 1e-6) / t.grid.linePitch) + 1;
}

/** Everything in pt that layout needs to turn grid units into page positions. */
export interface GridGeometry {
  /** Page (paper) size in pt. */
  pageWidth: number;
  pageHeight: number;
  /** The 版心 in pt. */
  typeArea: BoxPt;
  /** Left edge of column 1 in pt: the grid is centred in the 版心. */
  gridLeft: number;
  /** Top of line 1 in pt (= the 版心 top). */
  gridTop: number;
  /** Width of the grid in pt. */
  gridWidth: number;
  /** One 字 = the body size, in pt. */
  charPt: number;
  /** Width of one column in pt. */
  columnWidth: number;
  /** Width of a gutter in pt. */
  gutterWidth: number;
  /** Baseline-to-baseline distance in pt. */
  linePitch: number;
  columns: number;
  linesPerColumn: number;
  /** Baseline of a line below the top of its row, in pt. */
  baselineOffset: number;
}

/** The pt geometry of a parsed template. */
export function gridGeometry(t: Template): GridGeometry {
  const charPt = bodySizePt(t);
  const area = typeAreaPt(t);
  const gridWidth = gridWidthPt(t.grid, charPt);
  return {
    pageWidth: mmToPt(t.paper.width),
    pageHeight: mmToPt(t.paper.height),
    typeArea: { x: area.x, y: area.y, w: area.w, h: area.h },
    gridLeft: area.x + (area.w - gridWidth) / 2,
    gridTop: area.y,
    gridWidth,
    charPt,
    columnWidth: t.grid.columnChars * charPt,
    gutterWidth: t.grid.gutterChars * charPt,
    linePitch: t.grid.linePitch,
    columns: t.grid.columns,
    linesPerColumn: t.grid.linesPerColumn,
    baselineOffset: t.grid.firstBaseline * charPt,
  };
}

/**
 * The pt box of a grid rectangle: from the left of its first column to the right of its
 * last, and from the top of its first line's row to the top of the row after its last
 * line, so rectangles that touch on the grid touch on the page.
 */
export function rectToPt(g: GridGeometry, r: GridRect): BoxPt {
  return {
    x: g.gridLeft + (r.col - 1) * (g.columnWidth + g.gutterWidth),
    y: g.gridTop + (r.line - 1) * g.linePitch,
    w: r.cols * g.columnWidth + (r.cols - 1) * g.gutterWidth,
    h: r.lines * g.linePitch,
  };
}

/**
 * Why a rectangle does not lie inside a grid of `columns` × `lines` (called `what` in the
 * message), or undefined if it does.
 */
export function rectOutsideGrid(
  r: GridRect,
  columns: number,
  lines: number,
  what = 'grid',
): { field: keyof GridRect; message: string } | undefined {
  if (r.col > columns) return { field: 'col', message: `column ${r.col} is outside the ${columns}-column ${what}` };
  if (r.col + r.cols - 1 > columns) {
    return {
      field: 'cols',
      message: `${plural(r.cols, 'column')} starting at column ${r.col} ${r.cols === 1 ? 'runs' : 'run'} past the ${columns}-column ${what}`,
    };
  }
  if (r.line > lines) return { field: 'line', message: `line ${r.line} is below the last line (${lines}) of the ${what}` };
  if (r.line + r.lines - 1 > lines) {
    return {
      field: 'lines',
      message: `${plural(r.lines, 'line')} starting at line ${r.line} ${r.lines === 1 ? 'runs' : 'run'} past the last line (${lines}) of the ${what}`,
    };
  }
  return undefined;
}

/** The common part of two rectangles, or undefined if they do not overlap. */
export function intersectRects(a: GridRect, b: GridRect): GridRect | undefined {
  const col = Math.max(a.col, b.col);
  const line = Math.max(a.line, b.line);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  const lineEnd = Math.min(a.line + a.lines, b.line + b.lines);
  if (colEnd <= col || lineEnd <= line) return undefined;
  return { col, line, cols: colEnd - col, lines: lineEnd - line };
}

/** Whether `inner` lies wholly inside `outer`. */
export function rectContains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.col >= outer.col &&
    inner.line >= outer.line &&
    inner.col + inner.cols <= outer.col + outer.cols &&
    inner.line + inner.lines <= outer.line + outer.lines
  );
}

/** A rectangle in words: “columns 2–4, lines 17–40”. */
export function describeRect(r: GridRect): string {
  const span = (a: number, n: number) => (n === 1 ? `${a}` : `${a}–${a + n - 1}`);
  return `${r.cols === 1 ? 'column' : 'columns'} ${span(r.col, r.cols)}, ${r.lines === 1 ? 'line' : 'lines'} ${span(r.line, r.lines)}`;
}

/** Where a page sits in the edition: the first page carries the 报头, the others a 报眉. */
export type PageKind = 'front' | 'inside';

/** The grid rectangles taken by furniture on a page of the given kind. */
export function furnitureRects(t: Template, kind: PageKind): { id: 'masthead' | 'runningHead' | 'footer'; rect: GridRect }[] {
  const { columns, linesPerColumn } = t.grid;
  const f = t.furniture;
  const top =
    kind === 'front'
      ? { id: 'masthead' as const, rect: { col: 1, line: 1, cols: f.masthead.cols ?? columns, lines: f.masthead.lines } }
      : { id: 'runningHead' as const, rect: { col: 1, line: 1, cols: columns, lines: f.runningHead.lines } };
  const footer = {
    id: 'footer' as const,
    rect: { col: 1, line: linesPerColumn - f.footer.lines + 1, cols: columns, lines: f.footer.lines },
  };
  return [top, footer];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface TemplateProblem {
  path: (string | number)[];
  message: string;
}

/** Cross-field checks: 号 names exist, the grid fits the 版心, linesPerColumn is right. */
export function checkTemplate(t: Template): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const { path, size } of sizeFields(t)) {
    if (haoToPt(t.hao, size) === undefined) {
      problems.push({ path, message: `“${size}” is not a 号 of the ${t.hao} convention` });
    }
  }
  const body = haoToPt(t.hao, t.grid.bodySize);
  if (body === undefined) return problems;
  const area = typeAreaPt(t);
  const gridWidth = gridWidthPt(t.grid, body);
  if (gridWidth > area.width + 0.01) {
    problems.push({
      path: ['margins'],
      message:
        `the grid is ${gridWidth.toFixed(2)} pt wide but the 版心 between the left and right ` +
        `margins only ${area.width.toFixed(2)} pt`,
    });
  }
  if (t.grid.linePitch < body) {
    problems.push({ path: ['grid', 'linePitch'], message: `${t.grid.linePitch} pt is less than the body size ${body} pt` });
  }
  const lines = derivedLinesPerColumn(t);
  if (lines !== t.grid.linesPerColumn) {
    problems.push({
      path: ['grid', 'linesPerColumn'],
      message:
        `${t.grid.linesPerColumn} does not fit the 版心: floor((${area.height.toFixed(2)} pt − ${body} pt) / ` +
        `${t.grid.linePitch} pt) + 1 = ${lines}`,
    });
  }
  const f = t.furniture;
  if ((f.masthead.cols ?? t.grid.columns) > t.grid.columns) {
    problems.push({ path: ['furniture', 'masthead', 'cols'], message: `more than the ${t.grid.columns} columns of the grid` });
  }
  for (const [name, lines] of [['masthead', f.masthead.lines], ['runningHead', f.runningHead.lines]] as const) {
    if (lines + f.footer.lines >= t.grid.linesPerColumn) {
      problems.push({ path: ['furniture', name, 'lines'], message: `leaves no lines for articles` });
    }
  }
  for (const [name, rect] of Object.entries(t.slots)) {
    const reason = rectOutsideGrid(rect, t.grid.columns, t.grid.linesPerColumn);
    if (reason) problems.push({ path: ['slots', name, reason.field], message: reason.message });
  }
  return problems;
}

/** Every size field of a template with its path, for the 号 check. */
function sizeFields(t: Template): { path: (string | number)[]; size: SizeSpec }[] {
  const out: { path: (string | number)[]; size: SizeSpec }[] = [{ path: ['grid', 'bodySize'], size: t.grid.bodySize }];
  const f = t.furniture;
  out.push(
    { path: ['furniture', 'masthead', 'titleSize'], size: f.masthead.titleSize },
    { path: ['furniture', 'masthead', 'infoSize'], size: f.masthead.infoSize },
    { path: ['furniture', 'runningHead', 'size'], size: f.runningHead.size },
    { path: ['furniture', 'footer', 'size'], size: f.footer.size },
  );
  for (const rank of ['lead', 'secondary', 'brief'] as const) {
    for (const part of ['kicker', 'head', 'deck'] as const) {
      t.heads[rank][part].forEach((size, i) => out.push({ path: ['heads', rank, part, i], size }));
    }
  }
  t.heads.vertical?.forEach((size, i) => out.push({ path: ['heads', 'vertical', i], size }));
  for (const part of ['subhead', 'caption', 'credit', 'byline'] as const) {
    out.push({ path: ['text', part], size: t.text[part] });
  }
  return out;
}
