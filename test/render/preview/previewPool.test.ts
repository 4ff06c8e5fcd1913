import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/projectRoot.js';
import { PreviewPool } from '../../../src/render/preview/previewPool.js';
import type { Page } from '../../../src/frame/types.js';
import { pageRuns } from '../../../src/frame/walk.js';
import { workloadDocument } from '../../helpers/frame.js';
import { fonts } from '../../helpers/fonts.js';
import { workload } from '../../helpers/workload.js';

const DPI = 40;

describe('previews', async () => {
  // A workload page with a pure red photo pasted over the bottom-right corner.
  const doc = workloadDocument(workload(1), fonts);
  const tree: Page = doc.pages[0];
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-prev-')), 'red.jpg');
  await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 255, g: 0, b: 0 } } }).jpeg().toFile(photo);
  const box = { x: tree.width - 300, y: tree.height - 250, w: 200, h: 150 };
  const photoBlock = { id: '1/p/photo/0', kind: 'image' as const, source: { id: 'p', component: 'photo' as const }, rect: box, lines: [], graphics: [{ kind: 'image' as const, asset: 'p-1', ppi: 200, ...box }] };
  const page: Page = { ...tree, blocks: [...tree.blocks, photoBlock] };
  const pool = new PreviewPool(projectRoot);
  const png = PNG.sync.read(await pool.render(page, { fonts: doc.fonts, images: { 'p-1': photo } }, DPI));
  await pool.close();
  const px = (xPt: number, yPt: number) => {
    const i = (Math.round((yPt * DPI) / 72) * png.width + Math.round((xPt * DPI) / 72)) * 4;
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };

  it('--- page-size --- the PNG is the page at 40 dpi', () => {
    expect(png.width).toBe(Math.ceil((page.width * DPI) / 72));
    expect(png.height).toBe(Math.ceil((page.height * DPI) / 72));
  });

  it('--- photo-pasted-at-its-box --- red inside the box, not outside it', () => {
    const [r, g, b] = px(box.x + box.w / 2, box.y + box.h / 2);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(80);
    expect(px(box.x - 20, box.y - 20)).not.toEqual([r, g, b]);
  });

  it('--- text-drawn --- the headline’s box has dark pixels, the margin none', () => {
    const head = pageRuns(page).find((i) => i.source.component === 'head')!;
    let dark = 0;
    for (let x = head.x; x < head.x + head.width; x += 2) for (let y = head.y - head.size * 0.8; y < head.y; y += 2) if (px(x, y)[0] < 100) dark++;
    expect(dark).toBeGreaterThan(20);
    expect(px(5, 5)).toEqual([255, 255, 255]);
  });
});

describe('previews when the workers cannot start', () => {
  it('--- falls-back-to-this-thread --- a missing worker file still gives every page its PNG', async () => {
    const doc = workloadDocument(workload(1), fonts);
    const tree = doc.pages[0];
    const inputs = { fonts: doc.fonts, images: {} };
    const pool = new PreviewPool(projectRoot, 2, path.join(os.tmpdir(), 'no-such-preview-worker.js'));
    const pngs = await Promise.all([pool.render(tree, inputs, 10), pool.render(tree, inputs, 10), pool.render(tree, inputs, 10)]);
    await pool.close();
    for (const png of pngs) expect(PNG.sync.read(png).width).toBe(Math.ceil((tree.width * 10) / 72));
  });
});
