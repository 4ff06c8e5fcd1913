/**
 * Acceptance on the sample edition (content/): `buildEdition(…, { pdfx: true })`, every page
 * checked in the file — PDF/X-1a keys, no RGB colour space, every image CMYK or grey at the
 * warning ppi or reported, Ghostscript's maximum TAC within the limit + 2 %, black body text
 * overprinting, subset tags unlike between fonts and pages — and preflight.json written.
 * Needs qpdf, poppler-utils and ghostscript.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/frame/types.js';
import { buildEdition } from '../../src/pipeline.js';
import { coverage } from '../../src/print/ink.js';
import type { PreflightReport } from '../../src/print/preflight.js';

import { contents, run, textShows } from './pdfTools.js';
let dir: string;
let out: string;
let doc: Document;
let report: PreflightReport;
const LIMIT = 240;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-edition-pdfx-'));
  out = path.join(dir, 'out');
  await buildEdition('content/edition.yaml', out, { preview: false, pdfx: true, log: () => {} });
  doc = JSON.parse(fs.readFileSync(path.join(out, 'frame.json'), 'utf8'));
  report = JSON.parse(fs.readFileSync(path.join(out, 'preflight.json'), 'utf8'));
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the sample edition with --pdfx', () => {
  it('writes preflight.json with a summary per page and no errors', () => {
    expect(report.pages.map((p) => p.label)).toEqual(doc.pages.map((p) => p.label));
    expect(report.summary.errors).toBe(0);
    expect(report.condition).toMatchObject({ tacLimit: LIMIT, pdfx: 'X-1a:2001' });
  });

  it('every page: PDF/X-1a keys, TrimBox and BleedBox, no RGB, images CMYK or grey at ≥ the warning ppi', () => {
    for (const p of doc.pages) {
      const file = path.join(out, 'pages', `${p.label}.pdf`);
      const j = JSON.parse(run('qpdf', ['--json', file]));
      const objs = j.qpdf[1];
      // an indirect object's value, or a direct value as it is
      const get = (r: string) => (typeof r === 'string' && / 0 R$/.test(r) ? (objs[`obj:${r}`]?.value ?? objs[`obj:${r}`]?.stream) : r);
      expect(j.qpdf[0].pdfversion).toBe('1.3');
      const info = get(objs.trailer.value['/Info']);
      expect(get(info['/GTS_PDFXVersion'])).toBe('u:PDF/X-1:2001');
      expect(get(info['/GTS_PDFXConformance'])).toBe('u:PDF/X-1a:2001');
      expect(get(info['/Trapped'])).toBe('/False');
      const intent = get(get(objs.trailer.value['/Root'])['/OutputIntents'][0]);
      expect(intent['/S']).toBe('/GTS_PDFX');
      expect(get(intent['/DestOutputProfile']).dict['/N']).toBe(4);
      const page = get(j.pages[0].object);
      expect(page['/TrimBox']).toHaveLength(4);
      expect(page['/BleedBox']).toHaveLength(4);
      expect(JSON.stringify(objs)).not.toMatch(/DeviceRGB|CalRGB/);
      const images = run('pdfimages', ['-list', file]).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
      for (const im of images) {
        expect(['cmyk', 'gray']).toContain(im[5]);
        const ppi = Number(im[12]);
        const reported = report.findings.some((f) => f.page === p.label && f.check === 'ppi');
        expect(ppi >= 150 || reported).toBe(true);
      }
    }
  });

  it('black body text overprints (/ZOP gs, 0 0 0 1 k) and no text is in RGB or DeviceGray', () => {
    for (const p of doc.pages) {
      const file = path.join(out, 'pages', `${p.label}.pdf`);
      const s = contents(file, 1);
      const shows = textShows(s);
      const small = shows.filter((t) => t.size < 12 && t.fill === '0 0 0 1');
      expect(small.length, p.label).toBeGreaterThan(0);
      for (const t of small) expect(t.gs, p.label).toBe('/ZOP');
      for (const t of shows.filter((t) => t.size >= 12 || t.fill !== '0 0 0 1')) expect(t.gs, p.label).toBe('/ZKO');
      expect(s).not.toMatch(/(^|\s)(rg|RG|g|G)(\s|$)/);
    }
  });

  it('Ghostscript’s CMYK rendering of every page (200 dpi, the photos’ resolution) stays within the limit + 2 % and gives preflight’s page maximum', async () => {
    for (const [i, p] of doc.pages.entries()) {
      const tif = path.join(out, `${p.label}.tif`);
      run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=tiff32nc', '-r200', '-o', tif, path.join(out, 'pages', `${p.label}.pdf`)]);
      const data = await sharp(tif).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer();
      const cov = coverage(data, 4, LIMIT);
      expect(cov.max, p.label).toBeLessThanOrEqual(LIMIT + 2);
      expect(Math.abs(cov.max - report.pages[i].tacMax), p.label).toBeLessThanOrEqual(1);
    }
  });

  it('subset tags differ between the fonts of a file and between files', () => {
    const seen = new Map<string, string>();
    for (const f of [...doc.pages.map((p) => `pages/${p.label}.pdf`), 'edition.pdf']) {
      for (const line of run('pdffonts', [path.join(out, f)]).trim().split('\n').slice(2)) {
        const name = line.trim().split(/\s+/)[0];
        const tag = name.slice(0, 6);
        expect(name).toMatch(/^[A-Z]{6}\+/);
        expect(seen.get(tag), `${tag} in ${f} and ${seen.get(tag)}`).toBeUndefined();
        seen.set(tag, f);
      }
    }
    expect(seen.size).toBeGreaterThan(doc.pages.length);
  });
});
