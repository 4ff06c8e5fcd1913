/**
 * Preflight inside placed PDFs (issue 13): an ad with an RGB fill, an RGB image of too
 * few pixels for its placed size and a font it does not embed is reported — each finding
 * naming the ad's file and page; the sample edition's ad (CMYK, its fonts
 * embedded) is clean.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPlacedPdf } from '../../src/print/formPreflight.js';
import { preflight } from '../../src/print/preflight.js';
import { defaultPrintCondition, type PrintCondition } from '../../src/print/printCondition.js';
import { projectRoot } from '../../src/projectRoot.js';
import { imageXObject, PdfObjects, type PdfRef } from '../../src/render/pdf/pdfObjects.js';
import { BLEED, document, graphic, page } from './fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-formpf-'));

/** A one-page 200 × 100 pt PDF, as an ad maker's tool might write it: its content and resources as given. */
function pdf(content: string, resources: (o: PdfObjects) => Record<string, unknown>): Buffer {
  const o = new PdfObjects(false);
  const pages = o.ref({ Type: 'Pages', Count: 1, Kids: [] as PdfRef[] });
  const stream = o.ref({});
  stream.end(content);
  const pg = o.ref({ Type: 'Page', Parent: pages, MediaBox: [0, 0, 200, 100], Resources: resources(o), Contents: stream });
  pg.end();
  (pages.data as { Kids: PdfRef[] }).Kids.push(pg);
  pages.end();
  const root = o.ref({ Type: 'Catalog', Pages: pages });
  root.end();
  const info = o.ref({ Producer: new String('test') });
  info.end();
  return o.finish(root, info);
}

let bad: Buffer;
let clean: Buffer;
let cond: PrintCondition;

beforeAll(async () => {
  cond = await defaultPrintCondition();
  // an RGB fill, a 40 × 20 px RGB image drawn 100 pt wide (28.8 ppi placed at full size), Helvetica not embedded
  const pixels = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 60 } } }).raw().toBuffer();
  bad = pdf('1 0 0 rg 0 0 200 100 re f\nq 100 0 0 50 10 40 cm /Im1 Do Q\nBT 0 0 0 1 k /F1 12 Tf 120 40 Td (Bank) Tj ET', (o) => {
    const font = o.ref({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica' });
    font.end();
    return { Font: { F1: font }, XObject: { Im1: imageXObject(o, { width: 40, height: 20, channels: 3, pixels }) } };
  });
  // the sample edition's ad: CMYK, its fonts embedded
  clean = fs.readFileSync(path.join(projectRoot, 'content/ads/hongjiang-bank.pdf'));
});

describe('inspectPlacedPdf', () => {
  it('--- rgb-font-ppi --- finds the RGB fill, the RGB image, the font without a program and the image’s ppi at the placed size', () => {
    const f = inspectPlacedPdf(bad, 1, 1);
    const rgb = f.filter((x) => x.kind === 'rgb').map((x) => (x as { what: string }).what);
    expect(rgb.some((w) => /colour space DeviceRGB is RGB|DeviceRGB \(rg\)/.test(w))).toBe(true);
    expect(rgb.some((w) => /^image .* is RGB$/.test(w))).toBe(true);
    expect(f.filter((x) => x.kind === 'font').map((x) => (x as { font: string }).font)).toEqual(['Helvetica']);
    const ppi = f.find((x) => x.kind === 'ppi') as { ppi: number };
    expect(ppi.ppi).toBeCloseTo(28.8, 1);
    // placed at half its size, the same image has twice the ppi
    expect((inspectPlacedPdf(bad, 1, 0.5).find((x) => x.kind === 'ppi') as { ppi: number }).ppi).toBeCloseTo(57.6, 1);
  });

  it('--- clean-ad --- the sample ad (CMYK, fonts embedded) has nothing to report', () => {
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
