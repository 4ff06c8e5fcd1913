/**
 * Preflight inside placed PDFs (issue 13): an ad with an RGB fill, an RGB image of too
 * few pixels for its placed size and a font it does not embed is reported — each finding
 * naming the ad's file and page; a CMYK ad with its font embedded is clean. The sample
 * edition's ad passes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPlacedPdf } from '../../src/print/formPreflight.js';
import { preflight } from '../../src/print/preflight.js';
import { defaultPrintCondition, type PrintCondition } from '../../src/print/printCondition.js';
import { fonts } from '../helpers/fonts.js';
import { BLEED, document, graphic, page } from './fixtures.js';

const PDFDocument = createRequire(import.meta.url)('pdfkit');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-formpf-'));

async function pdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: [200, 100], margin: 0 }) as PDFKit.PDFDocument;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

let bad: Buffer;
let clean: Buffer;
let cond: PrintCondition;

beforeAll(async () => {
  cond = await defaultPrintCondition();
  // 40 × 20 px drawn 100 pt wide: 28.8 ppi placed at full size
  const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 60 } } }).png().toBuffer();
  bad = await pdf((d) => {
    d.rect(0, 0, 200, 100).fill('#ff0000');
    d.image(png, 10, 10, { width: 100, height: 50 });
    d.font('Helvetica').fontSize(12).fillColor([0, 0, 0, 100]).text('Bank', 120, 40);
  });
  clean = await pdf((d) => {
    d.rect(0, 0, 200, 100).fill([0, 60, 100, 0]);
    d.font(fonts.face('hei').file).fontSize(12).fillColor([0, 0, 0, 100]).text('泓江银行', 20, 40);
  });
});

describe('inspectPlacedPdf', () => {
  it('--- rgb-font-ppi --- finds the RGB fill, the RGB image, the font without a program and the image’s ppi at the placed size', () => {
    const f = inspectPlacedPdf(bad, 1, 1);
    const rgb = f.filter((x) => x.kind === 'rgb').map((x) => (x as { what: string }).what);
    // pdfkit selects the fill colour as `/DeviceRGB cs … scn`
    expect(rgb.some((w) => /colour space DeviceRGB is RGB|DeviceRGB \(rg\)/.test(w))).toBe(true);
    expect(rgb.some((w) => /^image .* is RGB$/.test(w))).toBe(true);
    expect(f.filter((x) => x.kind === 'font').map((x) => (x as { font: string }).font)).toEqual(['Helvetica']);
    const ppi = f.find((x) => x.kind === 'ppi') as { ppi: number };
    expect(ppi.ppi).toBeCloseTo(28.8, 1);
    // placed at half its size, the same image has twice the ppi
    expect((inspectPlacedPdf(bad, 1, 0.5).find((x) => x.kind === 'ppi') as { ppi: number }).ppi).toBeCloseTo(57.6, 1);
  });

  it('--- clean-ad --- a CMYK ad with its font embedded has nothing to report', () => {
    expect(inspectPlacedPdf(clean, 1, 1)).toEqual([]);
  });
});

describe('preflight of a page with placed PDFs', () => {
  it('--- named-by-file-and-page --- each finding names the ad’s file and page; PDF/X-1a makes RGB an error', async () => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(path.join(out, 'forms'), { recursive: true });
    fs.writeFileSync(path.join(out, 'forms/bad.pdf'), bad);
    fs.writeFileSync(path.join(out, 'forms/clean.pdf'), clean);
    const rect = (x: number) => ({ x: BLEED + x, y: BLEED + 100, w: 200, h: 100 });
    const doc = document([page('A01', 1, [
      graphic('A01', 'ad-bad', 'ad', rect(100), [{ kind: 'form', ...rect(100), asset: 'bad' }]),
      graphic('A01', 'ad-clean', 'ad', rect(400), [{ kind: 'form', ...rect(400), asset: 'clean' }]),
    ])], {});
    doc.forms = {
      bad: { file: 'forms/bad.pdf', sha256: '0'.repeat(64), page: 1, box: [0, 0, 200, 100], source: 'ads/bad.pdf' },
      clean: { file: 'forms/clean.pdf', sha256: '0'.repeat(64), page: 1, box: [0, 0, 200, 100], source: 'ads/clean.pdf' },
    };
    const r = await preflight(doc, cond, { outDir: out });
    const mine = r.findings.filter((f) => f.asset === 'bad');
    expect(r.findings.filter((f) => f.asset === 'clean')).toEqual([]);
    expect(new Set(mine.map((f) => f.check))).toEqual(new Set(['rgb', 'font', 'ppi']));
    for (const f of mine) {
      expect(f.messageEn).toContain('ads/bad.pdf page 1');
      expect(f.message).toContain('ads/bad.pdf 第 1 页');
      expect(f.source.id).toBe('ad-bad');
    }
    const rgb = mine.filter((f) => f.check === 'rgb');
    expect(rgb.every((f) => f.severity === (cond.pdfx.version === 'X-1a:2001' ? 'error' : 'warning'))).toBe(true);
    expect(mine.find((f) => f.check === 'ppi')!.severity).toBe('error');
  });
});
