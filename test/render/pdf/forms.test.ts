/**
 * Placing supplied PDFs and spot colours (issue 13): the small PDF reader finds a page's
 * box and content; a form XObject keeps the ad's text as text and draws no raster; a
 * spot paint selects a Separation named in UTF-8; an ad of another size than its booking
 * is an error naming it; SVG path data becomes PDF path operators.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPage, readPdf } from '../../../src/io/readPdf.js';
import { renderPdf } from '../../../src/render/pdf/renderPdf.js';
import { svgPathToPdf } from '../../../src/render/pdf/pathOps.js';
import { pdfName } from '../../../src/render/pdf/pageExtras.js';
import type { Document } from '../../../src/frame/types.js';
import { adBlock } from '../../../src/layout/page/adBlock.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import { loadEdition } from '../../../src/content/loadEdition.js';
import { fonts } from '../../helpers/fonts.js';
import { projectRoot } from '../../../src/projectRoot.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-forms-'));

/**
 * A one-page ad another program made: the sample edition's (vectors, and text in two
 * embedded CJK fonts, 243 × 216 pt), as it is or with its streams decompressed by qpdf.
 */
async function makeAd(compress: boolean): Promise<Buffer> {
  const file = path.join(projectRoot, 'content/ads/hongjiang-bank.pdf');
  if (compress) return fs.readFileSync(file);
  const out = path.join(dir, 'ad-plain.pdf');
  execFileSync('qpdf', ['--stream-data=uncompress', '--object-streams=disable', file, out]);
  return fs.readFileSync(out);
}

function doc(graphics: Document['pages'][number]['blocks'][number]['graphics'], forms?: Document['forms']): Document {
  const d: Document = {
    kind: 'document', version: 1, title: 't', channel: 'print', meta: { paper: 'p', date: '2026-11-24', pages: [] }, fonts: {}, assets: {},
    spots: { 报头红: [0, 1, 0.85, 0.05] },
    pages: [{ label: 'A01', number: 1, width: 300, height: 300, trim: { x: 0, y: 0, w: 300, h: 300 }, channel: 'print', blocks: [{ id: 'A01/x', kind: 'graphic', source: { id: 'x', component: 'ad' }, rect: { x: 0, y: 0, w: 300, h: 300 }, lines: [], graphics }] }],
  };
  if (forms) d.forms = forms;
  return d;
}

describe('readPdf', () => {
  it('--- page-box-and-content --- reads the box and the content of another program’s file, compressed or not', async () => {
    for (const compress of [true, false]) {
      const page = pdfPage(readPdf(await makeAd(compress)), 1);
      expect(page.box).toEqual([0, 0, 243, 216]);
      expect(Buffer.from(page.content).toString('latin1')).toMatch(/re/);
      expect(page.resources.has('Font')).toBe(true);
    }
  });
  it('--- not-a-pdf --- says so', () => {
    expect(() => readPdf(Buffer.from('hello'))).toThrow(/not a PDF/);
  });
});

describe('forms and spots in the PDF', () => {
  it('--- ad-stays-text --- a placed ad keeps its text and fonts and draws no raster', async () => {
    const file = path.join(dir, 'ad.pdf');
    fs.writeFileSync(file, await makeAd(true));
    const d = doc([{ kind: 'form', x: 20, y: 40, w: 243, h: 216, asset: 'ad' }], { ad: { file: 'ad.pdf', sha256: '0'.repeat(64), page: 1, box: [0, 0, 243, 216], source: 'ad.pdf' } });
    const out = path.join(dir, 'page.pdf');
    fs.writeFileSync(out, await renderPdf(d, { openFont: (r) => fonts.faceForFile(r.role, r.file), assetDir: dir }));
    expect(execFileSync('pdftotext', [out, '-']).toString()).toContain('泓江银行');
    expect(execFileSync('pdfimages', ['-list', out]).toString().trim().split('\n')).toHaveLength(2); // the header only
    expect(execFileSync('pdffonts', [out]).toString()).toMatch(/NotoSansSC-Bold.*yes/);
    // placed upright at its place: the text's top-left is inside the form's rect
    const bbox = execFileSync('pdftotext', ['-bbox', out, '-']).toString();
    const m = /xMin="([\d.]+)" yMin="([\d.]+)"/.exec(bbox.slice(bbox.indexOf('<word')))!;
    expect(Number(m[1])).toBeGreaterThan(20);
    expect(Number(m[2])).toBeGreaterThan(40);
    expect(Number(m[2])).toBeLessThan(80);
  });

  it('--- spot-is-separation --- a path in a spot paint selects a Separation named in UTF-8 with its CMYK alternate', async () => {
    const d = doc([{ kind: 'path', x: 10, y: 10, w: 100, h: 50, viewBox: [0, 0, 10, 5], d: 'M0 0H10V5H0Z', fill: { spot: '报头红', tint: 1 } }]);
    const pdf = (await renderPdf(d, { openFont: (r) => fonts.faceForFile(r.role, r.file), compress: false })).toString('latin1');
    expect(pdfName('报头红')).toBe('#E6#8A#A5#E5#A4#B4#E7#BA#A2');
    expect(pdf).toContain('/Separation /#E6#8A#A5#E5#A4#B4#E7#BA#A2 /DeviceCMYK');
    expect(pdf).toMatch(/\/C1 \[0 1 0\.85 0\.05\]/);
    expect(pdf).toContain('/SP1 cs 1 scn');
  });

  it('--- svg-path --- relative, shorthand and quadratic commands become absolute m/l/c', () => {
    expect(svgPathToPdf('M1 2h3v4l-1 1z')).toBe('1 2 m 4 2 l 4 6 l 3 7 l h');
    expect(svgPathToPdf('M0 0Q3 3 6 0')).toBe('0 0 m 2 2 4 2 6 0 c');
    expect(() => svgPathToPdf('M0 0A1 1 0 0 1 2 2')).toThrow(/arcs/);
  });
});

describe('ads', () => {
  it('--- wrong-size-is-an-error --- an ad not of its booked size is named, with both sizes', () => {
    const ed = loadEdition('content/edition.yaml');
    const grid = pageGrid(ed.templates.broadsheet);
    const ad = { ...ed.ads![0], pdf: { kind: 'pdf' as const, path: 'x.pdf', box: [0, 0, 243, 200] as [number, number, number, number] } };
    const set = adBlock(ad, 0, grid, fonts, undefined, 'content/edition.yaml');
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0]).toMatchObject({ level: 'error', field: 'ads[0].file' });
    expect(set.diagnostics[0].message).toMatch(/hongjiang-bank.*85\.7 × 70\.6 mm.*85\.7 × 76\.2 mm/);
    expect(adBlock(ed.ads![0], 0, grid, fonts, undefined, 'e').diagnostics).toEqual([]);
  });
});
