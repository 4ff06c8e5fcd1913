/**
 * A photo with transparency is composited on white, the same in the PDF and in the preview
 * (issue 12: a transparent PNG printed on black while the preview showed white). Pixels are
 * read back: the prepared asset, the PDF rasterised by pdftoppm, the preview PNG.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/frame/types.js';
import type { PhotoJob } from '../../src/layout/page/composeArticle.js';
import { projectRoot } from '../../src/projectRoot.js';
import { preparePhotos } from '../../src/render/photos.js';
import { renderPdf } from '../../src/render/pdf/renderPdf.js';
import { PreviewPool } from '../../src/render/preview/previewPool.js';
import { renderOptions, workloadDocument } from '../helpers/frame.js';
import { fonts } from '../helpers/fonts.js';
import { workload } from '../helpers/workload.js';

describe('transparency', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-alpha-'));
  // left half fully transparent (black underneath), right half opaque blue
  const w = 400, h = 300;
  const raw = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = w / 2; x < w; x++) raw.set([0, 0, 255, 255], (y * w + x) * 4);
  const src = path.join(dir, 'alpha.png');
  await sharp(raw, { raw: { width: w, height: h, channels: 4 } }).png().toFile(src);
  const job: PhotoJob = { asset: 'p-1', src, file: 'alpha.png', ppi: 200, article: 'articles/a.md', field: 'photos[0].file', crop: { left: 0, top: 0, width: w, height: h }, width: w, height: h, grey: false };
  const out = path.join(dir, 'out');
  const assets = await preparePhotos([job], out, path.join(dir, 'cache'), dir);

  const doc = workloadDocument(workload(1), fonts);
  const tree = doc.pages[0];
  const box = { x: 100, y: tree.height - 300, w: 200, h: 150 };
  const photo = { id: '1/p/photo/0', kind: 'image' as const, source: { id: 'p', component: 'photo' as const }, rect: box, lines: [], graphics: [{ kind: 'image' as const, asset: 'p-1', ppi: 200, ...box }] };
  const page: Page = { ...tree, blocks: [...tree.blocks.filter((b) => b.rect.y + b.rect.h < box.y - 20), photo] };
  const single = { ...doc, assets, pages: [page] };
  const left = { x: box.x + box.w / 4, y: box.y + box.h / 2 }, right = { x: box.x + (3 * box.w) / 4, y: box.y + box.h / 2 };

  it('--- prepared-asset --- the transparent half is white, the opaque half blue', async () => {
    const { data, info } = await sharp(path.join(out, assets['p-1'].file)).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number) => [...data.subarray((150 * info.width + x) * info.channels, (150 * info.width + x) * info.channels + 3)];
    expect(Math.min(...at(100))).toBeGreaterThan(245);
    const [r, g, b] = at(300);
    expect(b).toBeGreaterThan(200);
    expect(r + g).toBeLessThan(60);
  });

  it('--- pdf-and-preview-agree --- white where the photo is transparent, in the PDF (pdftoppm) and in the preview', async () => {
    const pdf = await renderPdf(single, { ...renderOptions(fonts), assetDir: out });
    fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
    const dpi = 36;
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', path.join(dir, 'p.pdf'), path.join(dir, 'p')]);
    const fromPdf = PNG.sync.read(fs.readFileSync(path.join(dir, 'p.png')));
    const pool = new PreviewPool(projectRoot);
    // the preview of the source photo itself, and of the prepared asset
    const previews = [
      PNG.sync.read(await pool.render(page, { fonts: doc.fonts, images: { 'p-1': src } }, dpi)),
      PNG.sync.read(await pool.render(page, { fonts: doc.fonts, images: { 'p-1': path.join(out, assets['p-1'].file) } }, dpi)),
    ];
    await pool.close();
    const px = (png: ReturnType<typeof PNG.sync.read>, p: { x: number; y: number }) => {
      const i = (Math.round((p.y * dpi) / 72) * png.width + Math.round((p.x * dpi) / 72)) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    };
    for (const png of [fromPdf, ...previews]) {
      expect(Math.min(...px(png, left))).toBeGreaterThan(240);
      const [r, g, b] = px(png, right);
      expect(b).toBeGreaterThan(200);
      expect(r + g).toBeLessThan(80);
    }
  });
});
