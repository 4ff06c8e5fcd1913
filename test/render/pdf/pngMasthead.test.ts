/**
 * PNG masthead art (issue 13 item 6): a greyscale or transparent PNG read as ink coverage,
 * placed as a `mask` graphic in the template's spot colour, printed as an inline image in
 * the Separation (qpdf), red where the calligraphy is (pixels), and in the preview.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPngArt } from '../../../src/content/readArt.js';
import type { Document } from '../../../src/frame/types.js';
import { readFrame } from '../../../src/frame/schema.js';
import { readPngCoverage } from '../../../src/io/readPng.js';
import { mastheadArt } from '../../../src/layout/page/mastheadArt.js';
import { renderPdf } from '../../../src/render/pdf/renderPdf.js';
import { OutlineCache, renderPreview } from '../../../src/render/preview/renderPreview.js';
import { fonts } from '../../helpers/fonts.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-pngart-'));

describe('readPngCoverage', () => {
  it('--- grey-and-alpha --- black is full ink, white none, half-transparent black half, in every PNG type zuban reads', async () => {
    // 4 pixels: black, white, mid grey, black at alpha 128
    const rgba = Buffer.from([0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255, 0, 0, 0, 128]);
    const png = await sharp(rgba, { raw: { width: 2, height: 2, channels: 4 } }).png().toBuffer();
    expect([...readPngCoverage(png).ink]).toEqual([255, 0, 127, 128]);
    const grey = await sharp(Buffer.from([0, 255, 64, 200]), { raw: { width: 2, height: 2, channels: 1 } }).png({ palette: false }).toColourspace('b-w').toBuffer();
    expect([...readPngCoverage(grey).ink]).toEqual([255, 0, 191, 55]);
    expect(() => readPngCoverage(Buffer.from('GIF89a'))).toThrow(/not a PNG/);
  });
});

describe('PNG masthead art in a spot colour', async () => {
  // the sample's calligraphy, rasterised: black on transparent
  const png = path.join(dir, 'masthead.png');
  await sharp(fs.readFileSync('content/art/masthead.svg'), { density: 150 }).png().toFile(png);
  const art = readPngArt(png);
  const [{ source: _source, ...g }] = mastheadArt(art, 20, 20, 360, 120, '报头红');
  const doc: Document = {
    kind: 'document', version: 1, title: 't', channel: 'print', meta: { paper: 'p', date: '2026-11-24', pages: [] }, fonts: {}, assets: {},
    spots: { 报头红: [0, 1, 0.85, 0.05] },
    pages: [{ label: 'A01', number: 1, width: 400, height: 160, trim: { x: 0, y: 0, w: 400, h: 160 }, channel: 'print', blocks: [{ id: 'A01/masthead', kind: 'graphic', source: { id: 'masthead', component: 'furniture' }, rect: { x: 20, y: 20, w: 360, h: 120 }, lines: [], graphics: [g] }] }],
  };
  const file = path.join(dir, 'art.pdf');
  fs.writeFileSync(file, await renderPdf(readFrame(JSON.parse(JSON.stringify(doc))), { openFont: (r) => fonts.faceForFile(r.role, r.file) }));

  it('--- mask-on-the-frame --- a mask graphic of the PNG’s pixel size, proportions kept, painted in the spot', () => {
    expect(g.kind).toBe('mask');
    if (g.kind !== 'mask') return;
    expect([g.width, g.height]).toEqual([art.width, art.height]);
    expect(g.w / g.h).toBeCloseTo(art.width / art.height, 2);
    expect(g.fill).toEqual({ spot: '报头红', tint: 1 });
  });

  it('--- separation-in-the-pdf --- qpdf: the page’s colour space is a Separation named 报头红 and the inline image uses it', () => {
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8' }));
    const objects = Object.values(json.qpdf[1] as Record<string, { value?: unknown }>).map((o) => JSON.stringify(o));
    expect(objects.some((o) => o.includes('"/Separation","/报头红","/DeviceCMYK"'))).toBe(true);
    const qdf = path.join(dir, 'art.qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    expect(fs.readFileSync(qdf, 'latin1')).toMatch(/BI \/W \d+ \/H \d+ \/CS \/SP1 \/BPC 8/);
  });

  it('--- red-where-the-ink-is --- pdftoppm shows the calligraphy in the spot’s red, paper elsewhere', () => {
    execFileSync('pdftoppm', ['-r', '72', '-singlefile', file, path.join(dir, 'art')]);
    const ppm = fs.readFileSync(path.join(dir, 'art.ppm'));
    const m = ppm.toString('latin1', 0, 20).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
    const px = ppm.subarray(m[0].length);
    let red = 0, other = 0;
    for (let i = 0; i < px.length; i += 3) {
      const [r, gg, b] = [px[i], px[i + 1], px[i + 2]];
      if (r > 180 && gg < 90 && b < 110) red++;
      // anything but paper and tints of the red (anti-aliased edges) would be another ink
      else if (!(r > 180 && Math.abs(gg - b) < 60)) other++;
    }
    expect(red).toBeGreaterThan(500);
    expect(other).toBe(0);
  });

  it('--- preview --- the preview paints the same ink red', async () => {
    const outlines = new OutlineCache(() => { throw new Error('no fonts'); });
    const shot = await renderPreview(doc.pages[0], { fonts: {}, images: {} }, outlines, 72);
    const { data, info } = await sharp(shot).raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i] > 180 && data[i + 1] < 90 && data[i + 2] < 110) red++;
    expect(red).toBeGreaterThan(500);
  });
});
