/**
 * Hand-built print Documents (frame v1) for the print tests, until the builder writes
 * out/frame.json: a broadsheet page (390 × 540 mm trim, 3 mm of media around it for the
 * bleed), blocks of text, photos, boxes and rules, and the asset files they name.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import type { Asset, Block, Component, Document, FontRef, Graphic, Page, Paint, Rect } from '../../src/frame/types.js';

const MM = 72 / 25.4;
export const TRIM_W = 390 * MM;
export const TRIM_H = 540 * MM;
export const BLEED = 3 * MM;

export const FONTS: Record<string, FontRef> = {
  song: { role: 'song', file: 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', sha256: '', postscriptName: 'NotoSerifSC-Regular', unitsPerEm: 1000, ascent: 1.16, descent: 0.288, emTop: 0.88, emBottom: 0.12 },
  hei: { role: 'hei', file: 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', sha256: '', postscriptName: 'NotoSansSC-Bold', unitsPerEm: 1000, ascent: 1.16, descent: 0.288, emTop: 0.88, emBottom: 0.12 },
};

let counter = 0;
const src = (id: string, component: Component, file?: string) => ({ id, component, ...(file ? { file } : {}) });

/** A page with `blocks`, the trim inset by the bleed in a media box that holds it. */
export function page(label: string, number: number, blocks: Block[]): Page {
  return {
    label, number, name: '测试', template: 'broadsheet',
    width: TRIM_W + 2 * BLEED, height: TRIM_H + 2 * BLEED,
    trim: { x: BLEED, y: BLEED, w: TRIM_W, h: TRIM_H },
    printSpace: { x: BLEED + 18.5 * MM, y: BLEED + 22 * MM, w: 353 * MM, h: 494 * MM },
    channel: 'print', blocks,
  };
}

/** A text block: one line of `text` set solid at `size`, left end x, baseline y (page coordinates). */
export function text(
  pageLabel: string, sourceId: string, component: Component, x: number, baseline: number, size: number, str: string,
  opts: { fill?: Paint; font?: string; file?: string } = {},
): Block {
  const chars = [...str];
  const w = chars.length * size;
  const ranges: number[] = [];
  let at = 0;
  for (const c of chars) {
    ranges.push(at, at + c.length);
    at += c.length;
  }
  return {
    id: `${pageLabel}/${sourceId}/${component}/${++counter}`,
    kind: 'text',
    source: src(sourceId, component, opts.file),
    rect: { x, y: baseline - 0.88 * size, w, h: size },
    lines: [{
      baseline, x, measure: w, ascent: 0.88 * size, descent: 0.12 * size, last: true,
      runs: [{ font: opts.font ?? 'song', size, text: str, gids: chars.map(() => 0), xs: chars.map((_, i) => i * size), advs: chars.map(() => size), ranges, ...(opts.fill ? { fill: opts.fill } : {}) }],
    }],
    graphics: [],
  };
}

/** A block of graphics only (boxes and rules), its rect their extent. */
export function graphic(pageLabel: string, sourceId: string, component: Component, rect: Rect, graphics: Graphic[]): Block {
  return { id: `${pageLabel}/${sourceId}/${component}/${++counter}`, kind: 'graphic', source: src(sourceId, component), rect, lines: [], graphics };
}

/** A photo block: the asset placed at `rect` (ppi from the asset's pixels and the placed width). */
export function photo(pageLabel: string, sourceId: string, rect: Rect, asset: string, a: Asset, component: Component = 'photo'): Block {
  const ppi = (a.width / rect.w) * 72;
  return {
    id: `${pageLabel}/${sourceId}/${component}/${++counter}`, kind: 'image', source: src(sourceId, component), rect, lines: [],
    graphics: [{ kind: 'image', x: rect.x, y: rect.y, w: rect.w, h: rect.h, asset, ppi }],
  };
}

export function document(pages: Page[], assets: Record<string, Asset>, spots?: Record<string, [number, number, number, number]>): Document {
  return {
    kind: 'document', version: 1, title: '测试日报 2026-12-03', channel: 'print',
    meta: { paper: '测试日报', date: '2026-12-03', pages: pages.map((p) => ({ label: p.label, number: p.number, name: p.name })) },
    fonts: FONTS, assets, ...(spots ? { spots } : {}), pages,
  };
}

export type AssetKind = 'photo' | 'dark' | 'logo' | 'gray' | 'cmyk';

/**
 * An asset file under `outDir/assets/`: `photo` a colourful RGB gradient, `dark` an RGB
 * picture with deep saturated shadows (over the ink limit out of the generic profile),
 * `logo` a flat red-and-blue RGB PNG, `gray` a one-channel JPEG, `cmyk` a CMYK JPEG (numbers
 * as a photo desk would send them, 280 % in its darkest corner).
 */
export async function makeAsset(outDir: string, key: string, kind: AssetKind, width: number, height: number, placedWidthPt = width): Promise<Asset> {
  const dir = path.join(outDir, 'assets');
  await mkdir(dir, { recursive: true });
  const ext = kind === 'logo' ? 'png' : 'jpg';
  const file = `assets/${key}.${ext}`;
  let bytes: Buffer;
  if (kind === 'gray') {
    const px = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) px[y * width + x] = Math.round((255 * x) / (width - 1));
    bytes = await sharp(px, { raw: { width, height, channels: 1 } }).toColourspace('b-w').jpeg({ quality: 92 }).toBuffer();
  } else if (kind === 'cmyk') {
    const planes = [0, 1, 2, 3].map(() => Buffer.alloc(width * height));
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const t = (x / (width - 1) + y / (height - 1)) / 2; // 0 … 1 toward the corner
        const i = y * width + x;
        planes[0][i] = Math.round(255 * 0.6 * t); planes[1][i] = Math.round(255 * 0.5 * t); planes[2][i] = Math.round(255 * 0.7 * t); planes[3][i] = Math.round(255 * t);
      }
    }
    const raw = { raw: { width, height, channels: 1 as const } };
    bytes = await sharp(planes[0], raw).joinChannel(planes.slice(1), raw).toColourspace('cmyk').jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer();
  } else {
    const px = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 3 * (y * width + x);
        const u = x / (width - 1), v = y / (height - 1);
        if (kind === 'logo') {
          const red = (x < width / 2) !== (y < height / 2);
          px[i] = red ? 220 : 20; px[i + 1] = red ? 20 : 40; px[i + 2] = red ? 30 : 160;
        } else if (kind === 'dark') {
          const d = 1 - Math.max(u, v); // deep navy, brown and black toward the top-left
          px[i] = Math.round(40 * u * (1 - d)); px[i + 1] = Math.round(20 * v * (1 - d)); px[i + 2] = Math.round(60 * (1 - d));
        } else {
          px[i] = Math.round(255 * u); px[i + 1] = Math.round(255 * v); px[i + 2] = Math.round(255 * (1 - u) * (1 - v));
        }
      }
    }
    const img = sharp(px, { raw: { width, height, channels: 3 } });
    bytes = kind === 'logo' ? await img.png().toBuffer() : await img.jpeg({ quality: 92 }).toBuffer();
  }
  await writeFile(path.join(outDir, file), bytes);
  return {
    file, sha256: createHash('sha256').update(bytes).digest('hex'), width, height,
    colorSpace: kind === 'gray' ? 'gray' : kind === 'cmyk' ? 'cmyk' : 'rgb',
    source: `photos/${key}.${ext}`, crop: { left: 0, top: 0, width, height }, ppi: (width / placedWidthPt) * 72,
  };
}

export const mm = (v: number) => v * MM;
