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
import { createCanvas, GlobalFonts, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type * as fontkit from 'fontkit';
import sharp from 'sharp';
import { inflateSync } from 'node:zlib';
import type { FontRef, MaskItem, Page, Paint } from '../../frame/types.js';

/** A fontkit font for a document's font entry. */
export type FontFor = (ref: Pick<FontRef, 'role' | 'file'>) => fontkit.Font;

/** What a preview needs beside the page: its document's fonts and the image files. */
export interface PreviewInputs {
  fonts: Record<string, Pick<FontRef, 'role' | 'file'>>;
  /** Asset id → absolute path of its file. */
  images: Record<string, string>;
  /** Form (ad) asset id → a PNG of its page (rasterForm), pasted where the form is placed. */
  forms?: Record<string, string>;
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

/** Glyph outlines as canvas paths, per font file and glyph id, kept across pages. */
export class OutlineCache {
  private readonly paths = new Map<string, Map<number, Path2D>>();

  constructor(private readonly fontFor: FontFor) {}

  get(ref: Pick<FontRef, 'role' | 'file'>, gid: number): Path2D {
    let byGid = this.paths.get(ref.file);
    if (!byGid) this.paths.set(ref.file, (byGid = new Map()));
    let p = byGid.get(gid);
    if (!p) byGid.set(gid, (p = new Path2D(this.fontFor(ref).getGlyph(gid).path.toSVG())));
    return p;
  }

  unitsPerEm(ref: Pick<FontRef, 'role' | 'file'>): number {
    return this.fontFor(ref).unitsPerEm;
  }
}

/** A paint as a CSS colour (CMYK and spots by their naive RGB). */
export function cssColour(p: Paint | undefined): string {
  if (!p) return '#000000';
  if ('gray' in p) {
    const v = Math.round(255 * p.gray);
    return `rgb(${v},${v},${v})`;
  }
  const [c, m, y, k] = 'cmyk' in p ? p.cmyk : [0, p.tint, p.tint, 0];
  const ch = (v: number) => Math.round(255 * (1 - v) * (1 - k));
  return `rgb(${ch(c)},${ch(m)},${ch(y)})`;
}

/** Renders one page of the tree to PNG bytes at `dpi`. */
export async function renderPreview(page: Page, inputs: PreviewInputs, outlines: OutlineCache, dpi = 40): Promise<Buffer> {
  const s = dpi / 72;
  const canvas = createCanvas(Math.ceil(page.width * s), Math.ceil(page.height * s));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const images: { asset: string; x: number; y: number; w: number; h: number; file?: string; mask?: MaskItem }[] = [];
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
      } else if (g.kind === 'mask') {
        // a one-ink image (PNG masthead art): its ink as the paint's colour over paper
        images.push({ asset: '', x: g.x, y: g.y, w: g.w, h: g.h, mask: g });
      } else if (g.kind === 'form' && inputs.forms?.[g.asset]) {
        // a placed PDF page (an ad), drawn once to a PNG: pasted like a photo
        images.push({ asset: g.asset, x: g.x, y: g.y, w: g.w, h: g.h, file: inputs.forms[g.asset] });
      } else if (g.kind === 'form') {
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
      } else images.push(g);
    }
  }
  for (const b of page.blocks) {
    for (const line of b.lines) {
      for (const run of line.runs) {
        const ref = inputs.fonts[run.font];
        const k = (run.size / outlines.unitsPerEm(ref)) * s;
        ctx.fillStyle = cssColour(run.fill);
        // 长体/扁体 scales the outlines across; 竖排 gives each glyph its own baseline
        const kx = (k * (run.scale ?? 100)) / 100;
        const ys = run.ys;
        for (let i = 0; i < run.gids.length; i++) {
          // font units, y up → page pixels, y down
          ctx.setTransform(kx, 0, 0, -k, (line.x + run.xs[i]) * s, (line.baseline + (ys ? ys[i] : 0)) * s);
          ctx.fill(outlines.get(ref, run.gids[i]));
        }
      }
    }
  }
  // the marks on a layer of their own, over the photos too
  let marks: Buffer | undefined;
  if (inputs.marks?.length) {
    if (inputs.markFont && !markFamily) {
      GlobalFonts.registerFromPath(inputs.markFont, 'zuban-marks');
      markFamily = 'zuban-marks';
    }
    const layer = images.length ? createCanvas(canvas.width, canvas.height) : canvas;
    drawMarks(layer.getContext('2d'), inputs.marks, s, markFamily ?? 'sans-serif');
    if (layer !== canvas) marks = layer.toBuffer('image/png');
  }
  const png = canvas.toBuffer('image/png');
  if (!images.length) return png;
  const layers = await Promise.all(
    images.map(async (im) => {
      const left = Math.round(im.x * s), top = Math.round(im.y * s);
      const width = Math.max(1, Math.round((im.x + im.w) * s) - left), height = Math.max(1, Math.round((im.y + im.h) * s) - top);
      // transparency on white, as the PDF shows it (see preparePhotos)
      const img = (im.mask ? maskImage(im.mask) : sharp(im.file ?? inputs.images[im.asset])).resize(width, height, { fit: 'fill' }).flatten({ background: '#ffffff' });
      // a mask's raw pixels come out as PNG (raw in, raw out otherwise)
      const input = await (im.mask ? img.png() : img).toBuffer();
      return { input, left, top };
    }),
  );
  return sharp(png).composite(marks ? [...layers, { input: marks, left: 0, top: 0 }] : layers).png().toBuffer();
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
  const [r, gr, b] = cssColour(g.fill).match(/\d+/g)!.map(Number);
  const rgba = Buffer.alloc(g.width * g.height * 4);
  for (let i = 0; i < g.width * g.height; i++) {
    rgba[4 * i] = r;
    rgba[4 * i + 1] = gr;
    rgba[4 * i + 2] = b;
    rgba[4 * i + 3] = ink[i];
  }
  return sharp(rgba, { raw: { width: g.width, height: g.height, channels: 4 } });
}
