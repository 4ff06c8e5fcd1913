/**
 * A page of the page tree as a PDF content stream: each block's graphics (rules, boxes),
 * then all text in one BT … ET block, glyphs named by CID (CidMap), then the images.
 * Plain strings and numbers out; pdfFile.ts writes them into the file.
 */
import type { Document, Graphic, Page, Paint, Rect, Run } from '../../frame/types.js';
import type { PressColour } from '../../print/pdfx.js';
import type { CidMap } from './cidMap.js';
import { pathOps } from './pathOps.js';
import { maskOps } from './maskOps.js';

/** A font the operators select: its resource name and its font id in the document. */
export interface FontUse {
  id: string;
  key: string;
}

export interface PageContent {
  width: number;
  height: number;
  /** The trim box (PDF/X writes it, with the bleed box round it). */
  trim: Rect;
  /** Content-stream operators, ASCII. */
  ops: string;
  /** The fonts the operators select. */
  fonts: FontUse[];
  /** Images, drawn after the operators (PdfFile places them): asset ids. */
  images: { asset: string; x: number; y: number; w: number; h: number }[];
  /** Form XObjects the operators draw (`/Fm1 Do`): resource name and form asset id. */
  forms?: { id: string; asset: string }[];
  /** Separation colour spaces the operators select (`/SP1 cs`): resource name, colourant, CMYK alternate. */
  spots?: { id: string; name: string; cmyk: [number, number, number, number] }[];
}

const num = (v: number) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * Fill (`g`/`k`) or stroke (`G`/`K`) operator of a paint. A spot named in the document's
 * spots table selects its Separation colour space (`/SPn cs t scn`, resource SPn = its
 * position in the table); a spot the table lacks is drawn as black at its tint.
 */
export function paintOp(p: Paint | undefined, stroke: boolean, spots?: Document['spots']): string {
  if (!p) return stroke ? '0 G' : '0 g';
  if ('gray' in p) return `${num(p.gray)} ${stroke ? 'G' : 'g'}`;
  if ('spot' in p) {
    const i = spots ? Object.keys(spots).indexOf(p.spot) : -1;
    if (i >= 0) return stroke ? `/SP${i + 1} CS ${num(p.tint)} SCN` : `/SP${i + 1} cs ${num(p.tint)} scn`;
    return `0 0 0 ${num(p.tint)} ${stroke ? 'K' : 'k'}`;
  }
  return `${p.cmyk.map(num).join(' ')} ${stroke ? 'K' : 'k'}`;
}

/** The Separation resources a page's operators select (the screen/proof way; PDF/X names its own). */
function spotsUsed(ops: string, spots?: Document['spots']): NonNullable<PageContent['spots']> {
  if (!spots) return [];
  return Object.entries(spots).flatMap(([name, cmyk], i) => (ops.includes(`/SP${i + 1} `) ? [{ id: `SP${i + 1}`, name, cmyk }] : []));
}

/** How a page's colours are written: the screen/proof way (below), or the press's (PressColour). */
interface Painter {
  rule(g: Extract<Graphic, { kind: 'rule' }>): string;
  box(g: Extract<Graphic, { kind: 'box' }>): string[];
  /** A filled path (masthead art). */
  path(g: Extract<Graphic, { kind: 'path' }>): string;
  /** The operator that sets a run's fill, when it changes. */
  text(fill: Paint | undefined, size: number): string | undefined;
  /** What comes after the text (before the images are drawn). */
  end(): string | undefined;
}

/** Device colours as the page tree gives them (grey, CMYK; a spot as its CMYK alternate). */
function devicePainter(spots?: Document['spots']): Painter {
  let cur = '0 g';
  return {
    rule: (g) => `${num(g.width)} w ${paintOp(g.stroke, true, spots)} ${num(g.x1)} ${num(g.y1)} m ${num(g.x2)} ${num(g.y2)} l S`,
    box: (g) => {
      const fill = g.fill !== undefined ? `${paintOp(g.fill, false, spots)} ` : '';
      const paint = g.fill !== undefined ? (g.stroke > 0 ? 'B' : 'f') : 'S';
      return [`q ${fill}${num(g.stroke)} w ${paintOp(g.strokePaint, true, spots)} ${num(g.x)} ${num(g.y)} ${num(g.w)} ${num(g.h)} re ${paint} Q`];
    },
    path: (g) => pathOps(g, paintOp(g.fill, false, spots)),
    text: (f) => {
      const op = f ? paintOp(f, false, spots) : '0 g';
      if (op === cur) return undefined;
      cur = op;
      return op;
    },
    end: () => undefined,
  };
}

/** The press's colours (src/print/pdfx.ts): process CMYK and Separations, black text overprinting. */
function pressPainter(press: PressColour): Painter {
  press.reset();
  return {
    rule: (g) => `${press.strokePaint(g.stroke)}${num(g.width)} w ${num(g.x1)} ${num(g.y1)} m ${num(g.x2)} ${num(g.y2)} l S`,
    box: (g) => [
      ...(g.fill !== undefined ? [`${press.fillPaint(g.fill)}${num(g.x)} ${num(g.y)} ${num(g.w)} ${num(g.h)} re f`] : []),
      ...(g.stroke > 0 ? [`${press.strokePaint(g.strokePaint)}${num(g.stroke)} w ${num(g.x)} ${num(g.y)} ${num(g.w)} ${num(g.h)} re S`] : []),
    ],
    path: (g) => pathOps(g, press.fillPaint(g.fill).trimEnd()),
    text: (f, size) => press.text(f, size)?.trimEnd() || undefined,
    // images (drawn after these operators) knock out
    end: () => press.image()?.trimEnd() || undefined,
  };
}

/**
 * The content of a page; `fontFor` gives the CidMap of a font id (it keeps the CIDs across
 * pages). With `press` (PDF/X), colours are process CMYK and Separations only and 100 % K
 * text under the condition's size overprints (src/print/pdfx.ts).
 */
export function pageContent(page: Page, fontFor: (id: string) => CidMap, spots?: Document['spots'], press?: PressColour, formBox?: (asset: string) => [number, number, number, number] | undefined): PageContent {
  const painter = press ? pressPainter(press) : devicePainter(spots);
  const ops = opWriter();
  const images: PageContent['images'] = [];
  const forms = new Map<string, string>();
  for (const block of page.blocks) {
    for (const g of block.graphics) {
      if (g.kind === 'rule') ops.op(painter.rule(g));
      else if (g.kind === 'box') for (const o of painter.box(g)) ops.op(o);
      else if (g.kind === 'path') ops.op(painter.path(g));
      else if (g.kind === 'mask') ops.op(maskOps(g, (press ? press.fillPaint(g.fill) : paintOp(g.fill, false, spots)).trim()));
      else if (g.kind === 'form') {
        // the page's CTM is y-down (PdfFile flips it); the form's own space is y-up: scale y by −1
        const bbox = formBox?.(g.asset) ?? [0, 0, g.w, g.h];
        const id = forms.get(g.asset) ?? `Fm${forms.size + 1}`;
        forms.set(g.asset, id);
        const sx = g.w / (bbox[2] - bbox[0]), sy = g.h / (bbox[3] - bbox[1]);
        ops.op(`q ${num(sx)} 0 0 ${num(-sy)} ${num(g.x - bbox[0] * sx)} ${num(g.y + g.h + bbox[1] * sy)} cm /${id} Do Q`);
      } else images.push({ asset: g.asset, x: g.x, y: g.y, w: g.w, h: g.h });
    }
  }
  // Text in one BT … ET block: page coordinates are top-down (PdfFile flips the CTM), so
  // each line's text matrix flips back (d = −1) to draw glyphs upright.
  ops.op('BT');
  const fonts = new Map<string, FontUse>();
  let curFont = '';
  let curSize = -1;
  let curScale = 100;
  for (const block of page.blocks) {
    for (const line of block.lines) {
      for (const run of line.runs) {
        const font = fontFor(run.font);
        if (!fonts.has(font.id)) fonts.set(font.id, { id: font.id, key: font.key });
        if (font.id !== curFont || run.size !== curSize) {
          ops.op(`/${font.id} ${num(run.size)} Tf`);
          curFont = font.id;
          curSize = run.size;
        }
        const colour = painter.text(run.fill, run.size);
        if (colour) ops.op(colour);
        const scale = run.scale ?? 100;
        if (scale !== curScale) ops.op(`${num((curScale = scale))} Tz`);
        if (run.vertical) ops.op(verticalOps(run, line.x, line.baseline, font));
        else {
          ops.op('1 0 0 -1 ');
          ops.num(line.x + (run.xs[0] ?? 0));
          ops.byte(SP);
          ops.num(line.baseline);
          ops.str(' Tm ');
          tjArray(ops, run, line.measure, font);
          ops.str(' TJ');
        }
      }
    }
  }
  if (curScale !== 100) ops.op('100 Tz');
  ops.op('ET');
  const end = painter.end();
  if (end) ops.op(end);
  const text = ops.text();
  const out: PageContent = { width: page.width, height: page.height, trim: page.trim, ops: text, fonts: [...fonts.values()], images };
  if (forms.size) out.forms = [...forms].map(([asset, id]) => ({ id, asset }));
  const sp = press ? [] : spotsUsed(text, spots);
  if (sp.length) out.spots = sp;
  return out;
}

const SP = 0x20, NL = 0x0a, LT = 0x3c, GT = 0x3e;

/**
 * A page's operators as they are written: Latin-1 bytes in one buffer, kept from page to
 * page, made a string once at the end (a TJ array built by string concatenation left a
 * string object per glyph for the GC, and a flattening copy per line).
 */
class OpWriter {
  private buf = Buffer.allocUnsafe(1 << 17);
  private n = 0;
  private ops = 0;
  /** The last number written, and its text: a justified line repeats one kerning value. */
  private lastNum = NaN;
  private lastText = '';

  reset(): this {
    this.n = this.ops = 0;
    return this;
  }

  /** An operator on its own line (the first without a line break before it). */
  op(s: string): void {
    if (this.ops++ > 0) this.byte(NL);
    this.str(s);
  }

  /** Characters as Latin-1, as the PDF file writes the operators (Buffer.from(…, 'latin1')). */
  str(s: string): void {
    const len = s.length;
    if (this.n + len > this.buf.length) this.grow(len);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) b[n++] = s.charCodeAt(i);
    this.n = n;
  }

  byte(c: number): void {
    if (this.n === this.buf.length) this.grow(1);
    this.buf[this.n++] = c;
  }

  /** A number as num() writes it. */
  num(v: number): void {
    const r = Math.round(v * 1000) / 1000;
    if (r !== this.lastNum) {
      this.lastNum = r;
      this.lastText = Object.is(r, -0) ? '0' : String(r);
    }
    this.str(this.lastText);
  }

  text(): string {
    return this.buf.toString('latin1', 0, this.n);
  }

  private grow(k: number): void {
    const b = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.n + k));
    this.buf.copy(b, 0, 0, this.n);
    this.buf = b;
  }
}

let writer: OpWriter | undefined;
const opWriter = () => (writer ??= new OpWriter()).reset();

/**
 * The TJ array of a run: glyph CIDs, with a kerning number wherever the layout moved a
 * glyph away from where its natural advance would put it (stretch). A glyph the layout
 * compressed — the next glyph, or the line's end, comes before its natural advance ends —
 * is drawn through a narrower CID (see CidMap.narrowCid), so its box is its place.
 */
function tjArray(out: OpWriter, run: Run, measure: number, font: CidMap): void {
  // 长体/扁体: Tz scales every width in the array, so they are written unscaled
  const k = 100000 / (run.size * (run.scale ?? 100));
  const { xs, advs, gids, text } = run;
  const n = xs.length;
  out.byte(0x5b); // [
  out.byte(LT);
  let pen = xs[0] ?? 0;
  let at = 0; // code unit of glyph i in text
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(at)!;
    at += cp > 0xffff ? 2 : 1;
    const x = xs[i];
    const gap = x - pen;
    if (gap > 0.0005 || gap < -0.0005) {
      out.byte(GT);
      out.byte(SP);
      out.num(-gap * k);
      out.byte(SP);
      out.byte(LT);
    }
    const natural = advs[i];
    const room = i + 1 < n ? xs[i + 1] - x : measure - x;
    if (room < natural - 0.01 && room > 0.25 * natural) {
      out.str(font.narrowCid(gids[i], room * k, cp));
      pen = x + room;
    } else {
      out.str(font.cid(gids[i], natural * k, cp));
      pen = x + natural;
    }
  }
  out.byte(GT);
  out.byte(0x5d); // ]
}

/**
 * 竖排: a vertical run's glyphs, each upright at its own place (the layout centred it in
 * the column and stepped it down by the em), one `Tm … Tj` each. The glyph is the font's
 * vertical form already (GSUB vert), so the horizontal font draws it as vertical text
 * wants it; its CID's width is its horizontal advance, which extractors read as its box.
 */
function verticalOps(run: Run, x: number, baseline: number, font: CidMap): string {
  const ys = run.ys ?? [];
  const k = 1000 / run.size;
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < run.gids.length; i++) {
    const cp = run.text.codePointAt(at)!;
    at += cp > 0xffff ? 2 : 1;
    out.push(`1 0 0 -1 ${num(x + run.xs[i])} ${num(baseline + (ys[i] ?? 0))} Tm <${font.cid(run.gids[i], run.advs[i] * k, cp)}> Tj`);
  }
  return out.join('\n');
}
