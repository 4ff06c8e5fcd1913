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
import { createCanvas, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type * as fontkit from 'fontkit';
import sharp from 'sharp';
import type { PageFrame } from '../../frame/types.js';

/** A fontkit font for a font key of the page tree. */
export type FontFor = (key: string) => fontkit.Font;

/** Glyph outlines as canvas paths, per font key and glyph id, kept across pages. */
export class OutlineCache {
  private readonly paths = new Map<string, Map<number, Path2D>>();

  constructor(private readonly fontFor: FontFor) {}

  get(key: string, gid: number): Path2D {
    let byGid = this.paths.get(key);
    if (!byGid) this.paths.set(key, (byGid = new Map()));
    let p = byGid.get(gid);
    if (!p) byGid.set(gid, (p = new Path2D(this.fontFor(key).getGlyph(gid).path.toSVG())));
    return p;
  }

  unitsPerEm(key: string): number {
    return this.fontFor(key).unitsPerEm;
  }
}

/** PDF grey (0 black … 1 white) as a CSS colour. */
const grey = (g = 0) => {
  const v = Math.round(255 * g);
  return `rgb(${v},${v},${v})`;
};

/** Renders one page of the tree to PNG bytes at `dpi`. */
export async function renderPreview(page: PageFrame, outlines: OutlineCache, dpi = 40): Promise<Buffer> {
  const s = dpi / 72;
  const canvas = createCanvas(Math.ceil(page.width * s), Math.ceil(page.height * s));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const item of page.items) {
    if (item.kind === 'box') {
      ctx.setTransform(s, 0, 0, s, 0, 0);
      if (item.fill !== undefined) {
        ctx.fillStyle = grey(item.fill);
        ctx.fillRect(item.x, item.y, item.w, item.h);
      }
      if (item.stroke > 0) stroke(ctx, item.stroke, s, () => ctx.rect(item.x, item.y, item.w, item.h));
    } else if (item.kind === 'rule') {
      ctx.setTransform(s, 0, 0, s, 0, 0);
      stroke(ctx, item.width, s, () => {
        ctx.moveTo(item.x1, item.y1);
        ctx.lineTo(item.x2, item.y2);
      });
    }
  }
  for (const item of page.items) {
    if (item.kind !== 'glyphs') continue;
    const k = (item.size / outlines.unitsPerEm(item.font)) * s;
    ctx.fillStyle = grey(item.grey);
    for (let i = 0; i < item.gids.length; i++) {
      // font units, y up → page pixels, y down
      ctx.setTransform(k, 0, 0, -k, (item.x + item.xs[i]) * s, item.y * s);
      ctx.fill(outlines.get(item.font, item.gids[i]));
    }
  }
  const png = canvas.toBuffer('image/png');
  const images = page.items.flatMap((i) => (i.kind === 'image' ? [i] : []));
  if (!images.length) return png;
  const layers = await Promise.all(
    images.map(async (im) => {
      const left = Math.round(im.x * s), top = Math.round(im.y * s);
      const width = Math.max(1, Math.round((im.x + im.w) * s) - left), height = Math.max(1, Math.round((im.y + im.h) * s) - top);
      return { input: await sharp(im.file).resize(width, height, { fit: 'fill' }).toBuffer(), left, top };
    }),
  );
  return sharp(png).composite(layers).png().toBuffer();
}

/** Strokes a path at `width` pt, never thinner than half a pixel so hairlines still show. */
function stroke(ctx: SKRSContext2D, width: number, s: number, path: () => void): void {
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = Math.max(width, 0.5 / s);
  ctx.beginPath();
  path();
  ctx.stroke();
}
