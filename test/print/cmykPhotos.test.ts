import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertPhoto, decodePressJpeg, encodePressJpeg, JPEG_HEADROOM, limitTac, preparePrintPhotos } from '../../src/print/cmykPhotos.js';
import { coverage } from '../../src/print/ink.js';
import { defaultPrintCondition, type PrintCondition } from '../../src/print/printCondition.js';
import { makeAsset } from './fixtures.js';

let out: string;
let cond: PrintCondition;
beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'zuban-cmyk-'));
  cond = await defaultPrintCondition();
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('limitTac', () => {
  const pixel = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
  it('brings every pixel within the limit, never lowers K, leaves pixels within it as they were', () => {
    fc.assert(
      fc.property(fc.array(pixel, { minLength: 1, maxLength: 64 }), fc.integer({ min: 200, max: 260 }), (pixels, limit) => {
        const data = Uint8Array.from(pixels.flat());
        const before = Uint8Array.from(data);
        limitTac(data, limit);
        const L = Math.floor((limit / 100) * 255);
        for (let i = 0; i < data.length; i += 4) {
          const s0 = before[i] + before[i + 1] + before[i + 2] + before[i + 3];
          const s = data[i] + data[i + 1] + data[i + 2] + data[i + 3];
          if (s0 <= L) expect([...data.subarray(i, i + 4)]).toEqual([...before.subarray(i, i + 4)]);
          else expect(s).toBeLessThanOrEqual(L);
          expect(data[i + 3]).toBeGreaterThanOrEqual(before[i + 3]);
        }
      }),
    );
  });

  it('moves the grey component into K first: 100/100/100/100 becomes neutral, not a colour cast', () => {
    const d = Uint8Array.from([255, 255, 255, 255]);
    limitTac(d, 240);
    expect(d[3]).toBe(255);
    expect(d[0]).toBe(d[1]);
    expect(d[1]).toBe(d[2]);
    expect(d[0] + d[1] + d[2] + d[3]).toBeLessThanOrEqual(612);
  });
});

describe('photos for the press', () => {
  it('writes CMYK numbers into a JPEG and reads them back as they were', async () => {
    const raw = Buffer.from([0, 0, 0, 255, 255, 0, 0, 0, 100, 50, 25, 10, 200, 200, 200, 100]);
    const jpeg = await encodePressJpeg(Buffer.from(raw), 2, 2, 4, 100);
    expect((await sharp(jpeg).metadata()).space).toBe('cmyk');
    const back = await decodePressJpeg(jpeg);
    for (let i = 0; i < raw.length; i++) expect(Math.abs(back[i] - raw[i])).toBeLessThanOrEqual(2);
  });

  it('converts an RGB photo to 4-channel CMYK through the profile and keeps it within the limit', async () => {
    const a = await makeAsset(out, 'dark', 'dark', 400, 300);
    const p = await convertPhoto(path.join(out, a.file), out, 'print/dark.jpg', cond, { key: 'dark', colorSpace: 'rgb', ppi: 200 });
    const meta = await sharp(path.join(out, p.file)).metadata();
    expect(meta).toMatchObject({ space: 'cmyk', channels: 4, width: 400, height: 300 });
    expect(p).toMatchObject({ colorSpace: 'cmyk', conversion: 'profile', from: 'rgb' });
    // the generic profile puts deep shadows over 240 %: the limit step brought them in
    expect(p.before.max).toBeGreaterThan(cond.tac.limit);
    expect(p.limited).toBeGreaterThan(0);
    expect(p.coverage.p999).toBeLessThanOrEqual(cond.tac.limit);
    expect(p.coverage.max).toBeLessThanOrEqual(cond.tac.limit + 2);
    // the figure is the file's own
    const again = coverage(await decodePressJpeg(await readFile(path.join(out, p.file))), 4, cond.tac.limit);
    expect(again.max).toBe(p.coverage.max);
  });

  it('keeps a grey photo single-channel (K only) and a CMYK photo’s numbers, limited', async () => {
    const g = await makeAsset(out, 'grey', 'gray', 300, 200);
    const pg = await convertPhoto(path.join(out, g.file), out, 'print/grey.jpg', cond, { colorSpace: 'gray', ppi: 200 });
    expect(await sharp(path.join(out, pg.file)).metadata()).toMatchObject({ channels: 1 });
    expect(pg).toMatchObject({ colorSpace: 'gray', conversion: 'gray', limited: 0 });
    expect(pg.coverage.max).toBeGreaterThan(95);

    const c = await makeAsset(out, 'desk', 'cmyk', 300, 200);
    const pc = await convertPhoto(path.join(out, c.file), out, 'print/desk.jpg', cond, { colorSpace: 'cmyk', ppi: 200 });
    expect(pc).toMatchObject({ colorSpace: 'cmyk', conversion: 'kept-cmyk' });
    expect(pc.before.max).toBeGreaterThan(270); // 60+50+70+100 in the corner
    expect(pc.before.mean).toBeGreaterThan(130);
    expect(pc.coverage.max).toBeLessThanOrEqual(cond.tac.limit + 2);
  });

  it('leaves the numbers alone when the profile holds the limit itself', async () => {
    const holds = await defaultPrintCondition({ profile: { file: 'builtin:cmyk', condition: 't', holdsLimit: true } });
    const a = await makeAsset(out, 'dark2', 'dark', 200, 150);
    const p = await convertPhoto(path.join(out, a.file), out, 'print/dark2.jpg', holds, { colorSpace: 'rgb', ppi: 200 });
    expect(p.limited).toBe(0);
    expect(p.coverage.max).toBeGreaterThan(holds.tac.limit);
  });

  it('caches by content and condition: one photo placed twice converts once, a second build copies', async () => {
    const a = await makeAsset(out, 'twice', 'dark', 300, 200);
    const doc = { assets: { first: a, second: { ...a } } };
    const cacheDir = path.join(out, 'cache');
    const p1 = await preparePrintPhotos(doc, out, cond, { destDir: path.join(out, 'b1'), cacheDir });
    expect(Object.keys(p1)).toEqual(['first', 'second']);
    expect(p1.first.sha256).toBe(p1.second.sha256);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.jpg'))).toHaveLength(1);
    const p2 = await preparePrintPhotos(doc, out, cond, { destDir: path.join(out, 'b2'), cacheDir });
    expect(p2.first).toEqual(p1.first);
    expect(await readFile(path.join(out, 'b2', p2.second.file))).toEqual(await readFile(path.join(out, 'b1', p1.second.file)));
    const other = await defaultPrintCondition({ tac: { limit: 220 } });
    const p3 = await preparePrintPhotos(doc, out, other, { destDir: path.join(out, 'b3'), cacheDir });
    expect(p3.first.coverage.max).toBeLessThanOrEqual(222);
  });

  it('aims under the limit by the JPEG headroom', () => {
    expect(JPEG_HEADROOM).toBeGreaterThan(0);
  });
});
