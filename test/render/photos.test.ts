/**
 * The photo cache is keyed by the photo's content: a photo replaced in place — same size,
 * its mtime put back — gets a new crop, never the old one; a crop's hash is the hash of
 * its bytes, kept beside it, and checked again when that note is damaged.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import type { PhotoJob } from '../../src/layout/page/composeArticle.js';
import { preparePhotos } from '../../src/render/photos.js';

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

it('--- photo-swapped-in-place --- a new crop for new content, whatever size and mtime say', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-photos-'));
  const src = path.join(dir, 'p.tif');
  // uncompressed TIFFs of one size: the two files have the same length
  const tiff = (r: number, b: number) => sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g: 0, b } } }).tiff({ compression: 'none' }).toFile(src);
  await tiff(255, 0);
  const job: PhotoJob = { asset: 'p-1', src, file: 'p.tif', ppi: 300, article: 'a.md', field: 'photos[0].file', crop: { left: 0, top: 0, width: 64, height: 48 }, width: 32, height: 24, grey: false };
  const cache = path.join(dir, 'cache', 'photos');
  const first = await preparePhotos([job], path.join(dir, 'out1'), cache, dir);
  expect(first['p-1'].sha256).toBe(sha(path.join(dir, 'out1', first['p-1'].file)));
  const { size, mtime } = fs.statSync(src);
  await new Promise((r) => setTimeout(r, 20));
  await tiff(0, 255);
  fs.utimesSync(src, mtime, mtime);
  expect(fs.statSync(src).size).toBe(size);
  const second = await preparePhotos([job], path.join(dir, 'out2'), cache, dir);
  expect(second['p-1'].sha256).not.toBe(first['p-1'].sha256);
  const { data } = await sharp(path.join(dir, 'out2', second['p-1'].file)).raw().toBuffer({ resolveWithObject: true });
  expect(data[2]).toBeGreaterThan(200); // blue, the new content
  expect(data[0]).toBeLessThan(50);
  // the crop's note of its hash, damaged, is not believed
  const crops = fs.readdirSync(cache).filter((f) => f.endsWith('.jpg.sha256'));
  expect(crops).toHaveLength(2);
  for (const c of crops) fs.writeFileSync(path.join(cache, c), 'not a hash');
  const third = await preparePhotos([job], path.join(dir, 'out3'), cache, dir);
  expect(third['p-1'].sha256).toBe(sha(path.join(dir, 'out3', third['p-1'].file)));
  fs.rmSync(dir, { recursive: true, force: true });
});
