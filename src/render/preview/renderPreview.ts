/**
 * Small PNG previews of pages for a quick look (out/preview/A01.png), drawn straight from
 * the page tree on @napi-rs/canvas (an npm package, so no system renderer is needed):
 * every glyph is its outline from the same font file the PDF embeds, filled at the
 * position layout gave it — nothing is measured or set again. Photos are pasted in by
 * sharp from the prepared files the PDF embeds.
 * Why not render the PDF with pdf.js: it re-parses every embedded subset for every page
 * and decodes each photo at print resolution in JavaScript — about 0.4 s a page, where
 * this takes a third of that once the outlines of a few thousand glyphs are cached.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type * as fontkit from 'fontkit';
import sharp from 'sharp';
import type { SfntMetrics } from '../../fonts/sfntMetrics.js';
import type { FontRef, Graphic, MaskItem, Page, Paint } from '../../frame/types.js';
import { coverage, type Coverage } from './coverage.js';
import { fontkitOutline, glyfOutline, type Outline } from './glyfOutline.js';

/**
 * The canvas library (Skia), loaded only for what the pixel code here does not draw: SVG
 * paths (masthead art), slanted rules, the box of an ad without its picture, and the proof
 * marks' labels. A thumbnail of an article page never loads it: it is a third of a
 * preview worker's memory.
 */
let canvasLib: Promise<typeof import('@napi-rs/canvas')> | undefined;
const canvas = () => (canvasLib ??= import('@napi-rs/canvas'));

/** What a preview needs beside the page: its document's fonts and the image files. */
export interface PreviewInputs {
  fonts: Record<string, Pick<FontRef, 'role' | 'file'>>;
  /** Asset id → absolute path of its file. */
  images: Record<string, string>;
  /** Form (ad) asset id → a PNG of its page (rasterForm), pasted where the form is placed. */
  forms?: Record<string, string>;
  /**
   * Asset id → the SHA-256 of its file (the page tree's assets have it): a photo drawn before
   * is then taken from the cache without touching its file, which a later build may have
   * removed with its folder (watch mode switches out/ twice).
   */
  imageKeys?: Record<string, string>;
  /** Proof marks drawn over the page (src/report/proofMarks.ts): never in the print PDF. */
  marks?: readonly PreviewMark[];
  /** The font file the marks' labels are drawn in (a Han font). */
  markFont?: string;
}

/** A proof mark as the preview draws it: a box around the block and a label on it. */
export interface PreviewMark {
  kind: 'overset' | 'underset' | 'head-over';
  rect: { x: number; y: number; w: number; h: number };
  label: string;
}

const markColour = (kind: PreviewMark['kind']) => (kind === 'underset' ? '#1f6fd1' : '#e0201b');

/** Draws the marks: a 1.5-px box around each block, its label on a white tab at the box's bottom right. */
function drawMarks(ctx: SKRSContext2D, marks: readonly PreviewMark[], s: number, fontFamily: string): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const px = Math.max(11, Math.round(9 * s));
  ctx.font = `${px}px "${fontFamily}"`;
  for (const m of marks) {
    const c = markColour(m.kind);
    const x = m.rect.x * s, y = m.rect.y * s, w = m.rect.w * s, h = m.rect.h * s;
    ctx.strokeStyle = c;
    ctx.lineWidth = Math.max(1.5, s * 0.75);
    ctx.strokeRect(x, y, w, h);
    const tw = ctx.measureText(m.label).width + px * 0.6;
    const th = px * 1.4;
    const tx = x + w - tw, ty = y + h - th;
    ctx.fillStyle = c;
    ctx.fillRect(tx, ty, tw, th);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(m.label, tx + px * 0.3, ty + px * 1.05);
  }
}

let markFamily: string | undefined;
let pageCanvas: Canvas | undefined;

/** What a preview needs of a font: a FontFace (src/fonts/fontBook.ts) gives all three. */
export interface PreviewFace {
  upm: number;
  /** The font's own tables: TrueType outlines are read from its glyf records. */
  sfnt?: SfntMetrics;
  /** fontkit's font, opened only for a font without glyf outlines (CFF). */
  font: fontkit.Font;
}

/** The face of a document's font entry. */
export type FaceFor = (ref: Pick<FontRef, 'role' | 'file'>) => PreviewFace;

/**
 * Glyphs kept across pages, per font file: outlines (read from the glyf records) and their
 * coverage masks, per size and phase.
 */
export class OutlineCache {
  private readonly faces = new Map<string, PreviewFace>();
  private readonly outlines = new Map<string, Map<number, Outline>>();
  private readonly masks = new Map<string, Map<number, (Coverage | null)[]>>();

  constructor(private readonly faceFor: FaceFor) {}

  private face(ref: Pick<FontRef, 'role' | 'file'>): PreviewFace {
    let f = this.faces.get(ref.file);
    if (!f) this.faces.set(ref.file, (f = this.faceFor(ref)));
    return f;
  }

  /** The glyph's outline, font units, y up. */
  private outline(ref: Pick<FontRef, 'role' | 'file'>, gid: number): Outline {
    let byGid = this.outlines.get(ref.file);
    if (!byGid) this.outlines.set(ref.file, (byGid = new Map()));
    let o = byGid.get(gid);
    if (!o) {
      const face = this.face(ref);
      byGid.set(gid, (o = face.sfnt?.hasGlyf ? glyfOutline(face.sfnt, gid) : fontkitOutline(face.font, gid)));
    }
    return o;
  }

  /** Reads the glyf records of `gids` in one pass over the file (they are read one by one otherwise). */
  prefetch(ref: Pick<FontRef, 'role' | 'file'>, gids: Iterable<number>): void {
    this.face(ref).sfnt?.readGlyphs(gids);
  }

  unitsPerEm(ref: Pick<FontRef, 'role' | 'file'>): number {
    return this.face(ref).upm;
  }

  /**
   * The coverage masks of a font at `k` pixels a font unit (`kx` across: 长体/扁体): the
   * function returned gives a glyph's with its origin at phase/PHASES px (null: no ink). Asked once a run, so
   * that the glyph loop builds no key.
   */
  masksAt(ref: Pick<FontRef, 'role' | 'file'>, k: number, kx = k): (gid: number, phaseX: number, phaseY: number) => Coverage | null {
    const key = `${ref.file}|${k}|${kx}`;
    let byGid = this.masks.get(key);
    if (!byGid) this.masks.set(key, (byGid = new Map()));
    const masks = byGid;
    const face = this.face(ref);
    return (gid, phaseX, phaseY) => {
      let phases = masks.get(gid);
      if (!phases) masks.set(gid, (phases = []));
      const i = phaseX * PHASES + phaseY;
      let m = phases[i];
      if (m === undefined) {
        const box = face.sfnt?.hasGlyf ? face.sfnt.box(gid) : face.font.getGlyph(gid).bbox;
        m = phases[i] = !box || box.maxX <= box.minX || box.maxY <= box.minY ? null : coverage(this.outline(ref, gid), box, k, phaseX / PHASES, phaseY / PHASES, kx);
      }
      return m;
    };
  }
}

/**
 * Every glyph is drawn from a coverage mask made in JavaScript (./coverage.ts), kept per
 * glyph, size and position to a quarter pixel: a thumbnail's 80,000 glyphs are a few
 * thousand distinct ones, and a canvas fill of each (~10 µs, its path parsed first) was
 * most of a thumbnail's time. A readable page's body text (150 dpi: ~21 px) and heads are
 * drawn the same way.
 */
const PHASES = 4;

/** A paint as 0–255 RGB: CMYK and spots by their naive RGB. */
function rgb(p: Paint | undefined): [number, number, number] {
  if (!p) return [0, 0, 0];
  if ('gray' in p) {
    const v = Math.round(255 * p.gray);
    return [v, v, v];
  }
  const [c, m, y, k] = 'cmyk' in p ? p.cmyk : [0, p.tint, p.tint, 0];
  const ch = (v: number) => Math.round(255 * (1 - v) * (1 - k));
  return [ch(c), ch(m), ch(y)];
}

/** A paint as a CSS colour, for the canvas. */
export function cssColour(p: Paint | undefined): string {
  const [r, g, b] = rgb(p);
  return `rgb(${r},${g},${b})`;
}

/** Graphics the pixel code does not draw: an SVG path, a slanted rule, an ad's box without its picture. */
function onCanvasOnly(g: Graphic, inputs: PreviewInputs): boolean {
  return g.kind === 'path' || (g.kind === 'rule' && g.x1 !== g.x2 && g.y1 !== g.y2) || (g.kind === 'form' && !inputs.forms?.[g.asset]);
}

/** The page's canvas (one for every page of a size: its pixels are native memory the garbage collector does not see). */
async function pageContext(W: number, H: number): Promise<SKRSContext2D> {
  const { createCanvas } = await canvas();
  if (!pageCanvas || pageCanvas.width !== W || pageCanvas.height !== H) pageCanvas = createCanvas(W, H);
  const ctx = pageCanvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return ctx;
}

/** Renders one page of the tree to PNG bytes at `dpi`. */
export async function renderPreview(page: Page, inputs: PreviewInputs, outlines: OutlineCache, dpi = 40): Promise<Buffer> {
  const s = dpi / 72;
  const W = Math.ceil(page.width * s), H = Math.ceil(page.height * s);
  const images: { x: number; y: number; w: number; h: number; file?: string; key?: string; mask?: MaskItem }[] = [];
  for (const b of page.blocks) {
    for (const g of b.graphics) {
      if (g.kind === 'mask') images.push({ x: g.x, y: g.y, w: g.w, h: g.h, mask: g }); // PNG masthead art: its ink in the paint's colour over paper
      else if (g.kind === 'form' && inputs.forms?.[g.asset]) images.push({ x: g.x, y: g.y, w: g.w, h: g.h, file: inputs.forms[g.asset] }); // an ad, drawn once to a PNG
      else if (g.kind === 'image') images.push({ x: g.x, y: g.y, w: g.w, h: g.h, file: inputs.images[g.asset], key: inputs.imageKeys?.[g.asset] });
    }
  }
  // rules and boxes: on the pixels here, or all on the canvas where one graphic needs it (their order kept)
  const onCanvas = page.blocks.some((b) => b.graphics.some((g) => onCanvasOnly(g, inputs)));
  const px = onCanvas ? await graphicsOnCanvas(page, inputs, W, H, s) : pixels(W * H * 4).fill(255);
  if (!onCanvas) {
    for (const b of page.blocks) {
      for (const g of b.graphics) {
        if (g.kind === 'box') {
          if (g.fill !== undefined) fillRect(px, W, H, g.x * s, g.y * s, (g.x + g.w) * s, (g.y + g.h) * s, rgb(g.fill));
          if (g.stroke > 0) {
            const h = Math.max(g.stroke, 0.5 / s) / 2;
            fillFrame(px, W, H, [(g.x - h) * s, (g.y - h) * s, (g.x + g.w + h) * s, (g.y + g.h + h) * s], [(g.x + h) * s, (g.y + h) * s, (g.x + g.w - h) * s, (g.y + g.h - h) * s], rgb(g.strokePaint));
          }
        } else if (g.kind === 'rule') {
          // level or plumb (slanted ones went to the canvas), butt ends as the canvas draws them
          const h = Math.max(g.width, 0.5 / s) / 2;
          const x0 = Math.min(g.x1, g.x2), x1 = Math.max(g.x1, g.x2), y0 = Math.min(g.y1, g.y2), y1 = Math.max(g.y1, g.y2);
          if (y0 === y1) fillRect(px, W, H, x0 * s, (y0 - h) * s, x1 * s, (y0 + h) * s, rgb(g.stroke));
          else fillRect(px, W, H, (x0 - h) * s, y0 * s, (x0 + h) * s, y1 * s, rgb(g.stroke));
        }
      }
    }
  }
  // text: every glyph from its coverage mask, read from the font in one pass per font
  const byFont = new Map<string, number[]>();
  for (const b of page.blocks) for (const line of b.lines) for (const run of line.runs) {
    let gids = byFont.get(run.font);
    if (!gids) byFont.set(run.font, (gids = []));
    for (const g of run.gids) gids.push(g);
  }
  for (const [font, gids] of byFont) outlines.prefetch(inputs.fonts[font], gids);
  for (const b of page.blocks) {
    for (const line of b.lines) {
      for (const run of line.runs) {
        const ref = inputs.fonts[run.font];
        const k = (run.size / outlines.unitsPerEm(ref)) * s;
        // 长体/扁体 scales the outlines across; 竖排 gives each glyph its own baseline
        const kx = (k * (run.scale ?? 100)) / 100;
        const [r, g, bl] = rgb(run.fill);
        const ys = run.ys;
        const mask = outlines.masksAt(ref, k, kx);
        for (let i = 0; i < run.gids.length; i++) {
          const qx = Math.round((line.x + run.xs[i]) * s * PHASES), qy = Math.round((line.baseline + (ys ? ys[i] : 0)) * s * PHASES);
          const bx0 = Math.floor(qx / PHASES), by0 = Math.floor(qy / PHASES);
          const pm = mask(run.gids[i], qx - bx0 * PHASES, qy - by0 * PHASES);
          if (pm) blit(px, W, H, pm, bx0 + pm.x, by0 + pm.y, r, g, bl);
        }
      }
    }
  }
  // photos over the text, as the PDF draws them after it
  await Promise.all(images.map((im) => pastePhoto(px, W, H, im, s)));
  // the marks on top of everything
  if (inputs.marks?.length) {
    const lib = await canvas();
    if (inputs.markFont && !markFamily) {
      lib.GlobalFonts.registerFromPath(inputs.markFont, 'zuban-marks');
      markFamily = 'zuban-marks';
    }
    // the one canvas is shared by every draw in progress: from here to getImageData nothing
    // is awaited, so no other page's draw runs on it meanwhile
    const ctx = await pageContext(W, H);
    const img = ctx.createImageData(W, H);
    img.data.set(px);
    ctx.putImageData(img, 0, 0);
    drawMarks(ctx, inputs.marks, s, markFamily ?? 'sans-serif');
    px.set(ctx.getImageData(0, 0, W, H).data);
  }
  const data = Buffer.from(px.buffer, px.byteOffset, px.byteLength);
  // a readable page (150 dpi: 7 Mpx) is drawn to be looked at at once: zlib level 1 takes
  // 40 % less time than 2 (70 against 120 ms) for a file 10 % larger, sent over loopback;
  // a thumbnail, kept in out/, is packed tighter
  try {
    return await sharp(data, { raw: { width: W, height: H, channels: 4 } }).removeAlpha().png({ compressionLevel: W * H > 2e6 ? 1 : 6 }).toBuffer();
  } finally {
    release(px);
  }
}

/**
 * Page-sized pixel buffers kept for the next page of the size (two at most): a readable
 * page's 28 MB allocated afresh each time was a garbage collection a draw.
 */
const freePixels = new Map<number, Uint8ClampedArray[]>();
function pixels(length: number): Uint8ClampedArray {
  return freePixels.get(length)?.pop() ?? new Uint8ClampedArray(length);
}
function release(px: Uint8ClampedArray): void {
  const free = freePixels.get(px.length) ?? [];
  if (free.length < 2) free.push(px);
  freePixels.set(px.length, free);
}

/** The page's rules, boxes, paths and ad boxes drawn on the canvas, in order; its pixels. */
async function graphicsOnCanvas(page: Page, inputs: PreviewInputs, W: number, H: number, s: number): Promise<Uint8ClampedArray> {
  const { Path2D } = await canvas();
  // the shared canvas: nothing is awaited from here to getImageData (see the marks)
  const ctx = await pageContext(W, H);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  for (const b of page.blocks) {
    for (const g of b.graphics) {
      ctx.setTransform(s, 0, 0, s, 0, 0);
      if (g.kind === 'box') {
        if (g.fill !== undefined) {
          ctx.fillStyle = cssColour(g.fill);
          ctx.fillRect(g.x, g.y, g.w, g.h);
        }
        if (g.stroke > 0) stroke(ctx, g.stroke, s, () => ctx.rect(g.x, g.y, g.w, g.h), cssColour(g.strokePaint));
      } else if (g.kind === 'rule') {
        stroke(ctx, g.width, s, () => {
          ctx.moveTo(g.x1, g.y1);
          ctx.lineTo(g.x2, g.y2);
        }, cssColour(g.stroke));
      } else if (g.kind === 'path') {
        const [vx, vy, vw, vh] = g.viewBox;
        ctx.setTransform((s * g.w) / vw, 0, 0, (s * g.h) / vh, s * (g.x - (vx * g.w) / vw), s * (g.y - (vy * g.h) / vh));
        ctx.fillStyle = cssColour(g.fill);
        ctx.fill(new Path2D(g.d));
      } else if (g.kind === 'form' && !inputs.forms?.[g.asset]) {
        // a placed PDF page without a picture of it: the preview shows its box
        ctx.fillStyle = '#e8e8e8';
        ctx.fillRect(g.x, g.y, g.w, g.h);
        stroke(ctx, 0.5, s, () => {
          ctx.rect(g.x, g.y, g.w, g.h);
          ctx.moveTo(g.x, g.y);
          ctx.lineTo(g.x + g.w, g.y + g.h);
          ctx.moveTo(g.x + g.w, g.y);
          ctx.lineTo(g.x, g.y + g.h);
        }, '#999999');
      }
    }
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return ctx.getImageData(0, 0, W, H).data;
}

/** How much of pixel row/column `i` the span [a, b) covers. */
const span = (i: number, a: number, b: number) => Math.max(0, Math.min(i + 1, b) - Math.max(i, a));

/** Fills [x0, x1) × [y0, y1) (pixels) in `c`, edges by the share of each pixel they cover. */
function fillRect(px: Uint8ClampedArray, W: number, H: number, x0: number, y0: number, x1: number, y1: number, c: [number, number, number]): void {
  fillFrame(px, W, H, [x0, y0, x1, y1], undefined, c);
}

/** Fills the outer rectangle less the inner one (a box's stroke), each pixel by the area covered. */
function fillFrame(px: Uint8ClampedArray, W: number, H: number, o: number[], inner: number[] | undefined, [r, g, b]: [number, number, number]): void {
  const hole = inner && inner[2] > inner[0] && inner[3] > inner[1] ? inner : undefined;
  for (let y = Math.max(0, Math.floor(o[1])); y < Math.min(H, Math.ceil(o[3])); y++) {
    const cy = span(y, o[1], o[3]);
    const hy = hole ? span(y, hole[1], hole[3]) : 0;
    for (let x = Math.max(0, Math.floor(o[0])); x < Math.min(W, Math.ceil(o[2])); x++) {
      const a = cy * span(x, o[0], o[2]) - (hy ? hy * span(x, hole![0], hole![2]) : 0);
      if (a <= 0) continue;
      const i = 4 * (y * W + x);
      px[i] += (r - px[i]) * a;
      px[i + 1] += (g - px[i + 1]) * a;
      px[i + 2] += (b - px[i + 2]) * a;
    }
  }
}

/** Lays a coverage mask in colour (r, g, b) on the pixels, its top left at (bx, by). */
function blit(px: Uint8ClampedArray, W: number, H: number, pm: Coverage, bx: number, by: number, r: number, g: number, b: number): void {
  for (let v = 0; v < pm.h; v++) {
    const py = by + v;
    if (py < 0 || py >= H) continue;
    for (let u = 0; u < pm.w; u++) {
      const a = pm.data[v * pm.w + u];
      const pxx = bx + u;
      if (!a || pxx < 0 || pxx >= W) continue;
      const o = 4 * (py * W + pxx);
      if (a === 255) {
        px[o] = r;
        px[o + 1] = g;
        px[o + 2] = b;
      } else {
        const f = a / 255;
        px[o] += (r - px[o]) * f;
        px[o + 1] += (g - px[o + 1]) * f;
        px[o + 2] += (b - px[o + 2]) * f;
      }
    }
  }
}


/**
 * Photos at the size they are drawn, kept by file (device, inode, size, mtime: a rebuild
 * links the kept photos into its folder) and size, up to PHOTO_CACHE bytes: a rebuilt page
 * does not decode its photos again.
 */
const photoCache = new Map<string, Promise<{ data: Buffer; channels: number }>>();
let photoBytes = 0;
const PHOTO_CACHE = 48 << 20;

/** Pastes a photo, a placed ad's picture (`file`) or a one-ink mask into the page's pixels. */
async function pastePhoto(px: Uint8ClampedArray, W: number, H: number, im: { x: number; y: number; w: number; h: number; file?: string; key?: string; mask?: MaskItem }, s: number): Promise<void> {
  const left = Math.round(im.x * s), top = Math.round(im.y * s);
  const width = Math.max(1, Math.round((im.x + im.w) * s) - left), height = Math.max(1, Math.round((im.y + im.h) * s) - top);
  let key: string;
  if (im.mask) key = `mask:${createHash('sha1').update(im.mask.data).update(JSON.stringify(im.mask.fill)).digest('hex')}|${width}x${height}`;
  else if (im.key) key = `sha256:${im.key}|${width}x${height}`;
  else {
    const st = fs.statSync(im.file!);
    key = `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}|${width}x${height}`;
  }
  let got = photoCache.get(key);
  if (!got) {
    // transparency on white, as the PDF shows it (see preparePhotos)
    got = (im.mask ? sharp(await maskImage(im.mask).png().toBuffer()) : sharp(im.file!)).resize(width, height, { fit: 'fill' }).flatten({ background: '#ffffff' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, channels: info.channels }));
    photoCache.set(key, got);
    got.then(({ data }) => {
      photoBytes += data.length;
      for (const [k, v] of photoCache) {
        if (photoBytes <= PHOTO_CACHE || k === key) break;
        photoCache.delete(k);
        void v.then((x) => (photoBytes -= x.data.length));
      }
    }, () => photoCache.delete(key));
  }
  const { data, channels } = await got;
  for (let y = 0; y < height; y++) {
    const py = top + y;
    if (py < 0 || py >= H) continue;
    for (let x = 0; x < width; x++) {
      const pxx = left + x;
      if (pxx < 0 || pxx >= W) continue;
      const i = (y * width + x) * channels, o = 4 * (py * W + pxx);
      px[o] = data[i];
      px[o + 1] = data[channels >= 3 ? i + 1 : i];
      px[o + 2] = data[channels >= 3 ? i + 2 : i];
    }
  }
}

/** Strokes a path at `width` pt, never thinner than half a pixel so hairlines still show. */
function stroke(ctx: SKRSContext2D, width: number, s: number, path: () => void, colour = '#000000'): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = Math.max(width, 0.5 / s);
  ctx.beginPath();
  path();
  ctx.stroke();
}

/** A mask graphic as a sharp image: its paint's colour, the ink as opacity (flattened on white by the caller). */
function maskImage(g: MaskItem): ReturnType<typeof sharp> {
  const ink = inflateSync(Buffer.from(g.data, 'base64'));
  const [r, gr, b] = rgb(g.fill);
  const rgba = Buffer.alloc(g.width * g.height * 4);
  for (let i = 0; i < g.width * g.height; i++) {
    rgba[4 * i] = r;
    rgba[4 * i + 1] = gr;
    rgba[4 * i + 2] = b;
    rgba[4 * i + 3] = ink[i];
  }
  return sharp(rgba, { raw: { width: g.width, height: g.height, channels: 4 } });
}
