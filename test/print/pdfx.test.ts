/**
 * The PDF/X files themselves: written by test/print/pressPdf.ts through src/print/pdfx.ts,
 * checked with qpdf --json (keys, output intent, boxes, colour spaces), pdfimages -list
 * (image colour and ppi), pdffonts (embedding, subset tags), the content stream (black text
 * overprints) and Ghostscript's CMYK rendering (ink coverage against preflight's figures).
 * Needs qpdf, poppler-utils and ghostscript (apt-get install -y qpdf poppler-utils ghostscript).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Block, Document } from '../../src/frame/types.js';
import { preparePrintPhotos, type PrintPhoto } from '../../src/print/cmykPhotos.js';
import { coverage } from '../../src/print/ink.js';
import { PdfName, pdfxPageBoxes, subsetTag } from '../../src/print/pdfx.js';
import { preflight, type PreflightReport } from '../../src/print/preflight.js';
import { defaultPrintCondition, type PrintCondition } from '../../src/print/printCondition.js';
import { BLEED, document, graphic, makeAsset, mm, page, photo, text } from './fixtures.js';
import { pressPdf } from './pressPdf.js';
import { contents, qpdfJson, run, textShows, type Json } from './pdfTools.js';

/** Ghostscript's CMYK rendering of a page: coverage of its pixels. */
async function inkOf(file: string, pageNo: number, dpi: number, limit: number) {
  const tif = `${file}.${pageNo}.tif`;
  run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=tiff32nc', `-r${dpi}`, `-dFirstPage=${pageNo}`, `-dLastPage=${pageNo}`, '-o', tif, file]);
  const { data, info } = await sharp(tif).pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
  return { cov: coverage(data, 4, limit), data, info };
}

let out: string;
let cond: PrintCondition;
let doc: Document;
let photos: Record<string, PrintPhoto>;
let report: PreflightReport;
const files: Record<string, string> = {};
const SPOTS: Record<string, [number, number, number, number]> = { 报头红: [0, 1, 0.9, 0] };
let overBox: Block, blackOver: Block, whiteOver: Block;

function pageBlocks(label: string, assets: Record<string, Asset>, withPhotos: boolean): Block[] {
  const x = BLEED + mm(20);
  const b: Block[] = [
    text(label, 'masthead', 'furniture', x, BLEED + mm(40), 72, '测试日报', { fill: { spot: '报头红', tint: 1 }, font: 'hei' }),
    text(label, `${label}-bridge`, 'head', x, BLEED + mm(70), 36, '大桥合龙通车', { font: 'hei' }),
    text(label, `${label}-bridge`, 'body', x, BLEED + mm(80), 9, '本报讯　大桥今日合龙，明年通车。'),
    graphic(label, `${label}-bridge`, 'furniture', { x, y: BLEED + mm(85), w: mm(100), h: 1 }, [{ kind: 'rule', x1: x, y1: BLEED + mm(85), x2: x + mm(100), y2: BLEED + mm(85), width: 0.5 }]),
  ];
  if (withPhotos) {
    b.push(
      photo(label, `${label}-bridge`, { x, y: BLEED + mm(90), w: mm(70), h: mm(46.7) }, 'dark', assets.dark),
      photo(label, `${label}-fair`, { x: x + mm(80), y: BLEED + mm(90), w: mm(70), h: mm(46.7) }, 'grey', assets.grey),
      photo(label, `${label}-desk`, { x: x + mm(160), y: BLEED + mm(90), w: mm(70), h: mm(46.7) }, 'desk', assets.desk),
    );
  }
  return b;
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'zuban-pdfx-'));
  cond = await defaultPrintCondition();
  const assets = {
    dark: await makeAsset(out, 'dark', 'dark', 600, 400, mm(70)),
    grey: await makeAsset(out, 'grey', 'gray', 600, 400, mm(70)),
    desk: await makeAsset(out, 'desk', 'cmyk', 600, 400, mm(70)),
  };
  const x = BLEED + mm(20), y = BLEED + mm(200);
  overBox = graphic('A02', 'ad-0412', 'ad', { x, y, w: mm(80), h: mm(30) }, [{ kind: 'box', x, y, w: mm(80), h: mm(30), stroke: 0, fill: { cmyk: [0.8, 0, 0, 0] } }]);
  blackOver = text('A02', 'ad-0412', 'ad', x + mm(5), y + mm(12), 9, '黑字叠印在青底上');
  whiteOver = text('A02', 'ad-0412', 'ad', x + mm(5), y + mm(24), 14, '反白大字');
  whiteOver.lines[0].runs[0].fill = { gray: 1 };
  doc = document([
    page('A01', 1, pageBlocks('A01', assets, true)),
    page('A02', 2, [...pageBlocks('A02', assets, false), overBox, blackOver, whiteOver]),
  ], assets, SPOTS);
  photos = await preparePrintPhotos(doc, out, cond);
  report = await preflight(doc, cond, { outDir: out, photos });
  for (const p of doc.pages) {
    const f = path.join(out, `${p.label}.pdf`);
    await writeFile(f, (await pressPdf(doc, [p], cond, { outDir: out, photos, seed: `${doc.meta.date}/${p.label}` })).bytes);
    files[p.label] = f;
  }
  files.edition = path.join(out, 'edition.pdf');
  await writeFile(files.edition, (await pressPdf(doc, doc.pages, cond, { outDir: out, photos, seed: `${doc.meta.date}/edition` })).bytes);
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('PDF/X-1a:2001 files', () => {
  it('carry the PDF/X keys: version, conformance, Trapped /False as a name, the output intent with an N 4 profile', () => {
    for (const file of Object.values(files)) {
      expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
      const q = qpdfJson(file);
      expect(q.version).toBe('1.3');
      const info = q.get(q.trailer['/Info']);
      expect(q.get(info['/GTS_PDFXVersion'])).toBe('u:PDF/X-1:2001');
      expect(q.get(info['/GTS_PDFXConformance'])).toBe('u:PDF/X-1a:2001');
      expect(q.get(info['/Trapped'])).toBe('/False');
      expect(q.get(info['/Title'])).toBe(`u:${doc.title}`);
      // the edition's date (noon UTC), as the archive's PDFs carry it: not a clock, not a fixed year
      expect(q.get(info['/CreationDate'])).toMatch(new RegExp(`^u:D:${doc.meta.date.replace(/-/g, '')}12`));
      expect(q.get(info['/ModDate'])).toMatch(new RegExp(`^u:D:${doc.meta.date.replace(/-/g, '')}12`));
      const root = q.get(q.trailer['/Root']);
      expect(root['/OutputIntents']).toHaveLength(1);
      const intent = q.get(root['/OutputIntents'][0]);
      expect(intent).toMatchObject({ '/Type': '/OutputIntent', '/S': '/GTS_PDFX', '/OutputConditionIdentifier': `u:${cond.profile.condition}` });
      const profile = q.get(intent['/DestOutputProfile']);
      expect(profile.dict['/N']).toBe(4);
      expect(q.trailer['/ID']).toHaveLength(2);
    }
  });

  it('have a TrimBox (the frame’s trim) and a BleedBox (3 mm round it) on every page, inside the MediaBox', () => {
    const q = qpdfJson(files.edition);
    expect(q.pages).toHaveLength(2);
    for (const pg of q.pages) {
      const d = q.get(pg.object);
      const [mx0, my0, mx1, my1] = d['/MediaBox'], [tx0, ty0, tx1, ty1] = d['/TrimBox'], [bx0, by0, bx1, by1] = d['/BleedBox'];
      expect(tx1 - tx0).toBeCloseTo(doc.pages[0].trim.w, 2);
      expect(ty1 - ty0).toBeCloseTo(doc.pages[0].trim.h, 2);
      expect(tx0 - bx0).toBeCloseTo(BLEED, 2);
      expect(by1 - ty1).toBeCloseTo(BLEED, 2);
      expect(bx0).toBeGreaterThanOrEqual(mx0);
      expect(by0).toBeGreaterThanOrEqual(my0);
      expect(bx1).toBeLessThanOrEqual(mx1 + 1e-6);
      expect(by1).toBeLessThanOrEqual(my1 + 1e-6);
      expect(d['/UserUnit']).toBeUndefined();
    }
  });

  it('use no RGB colour space and no RGB operator anywhere; the masthead is a Separation', () => {
    for (const file of Object.values(files)) {
      const q = qpdfJson(file);
      const all = JSON.stringify(q.objs);
      expect(all).not.toMatch(/DeviceRGB|CalRGB|\/Lab"/);
      for (const [, o] of Object.entries(q.objs)) {
        const v = (o as Json).value;
        if (Array.isArray(v) && v[0] === '/ICCBased') expect(q.get(v[1]).dict['/N']).not.toBe(3);
      }
      expect(all).toContain('"/Separation","/报头红","/DeviceCMYK"');
      for (let p = 1; p <= q.pages.length; p++) {
        const s = contents(file, p);
        expect(s).not.toMatch(/(^|\s)(rg|RG)(\s|$)/);
        expect(s).not.toMatch(/(^|\s)\/DeviceRGB/);
      }
    }
  });

  it('hold every image in CMYK or grey at the ppi preflight reports', () => {
    const list = run('pdfimages', ['-list', files.A01]).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
    expect(list).toHaveLength(3);
    const colours = list.map((r) => r[5]).sort();
    expect(colours).toEqual(['cmyk', 'cmyk', 'gray']);
    const ppis = report.pages[0].images.map((i) => i.ppi);
    for (const r of list) {
      const xppi = Number(r[12]);
      expect(ppis.some((p) => Math.abs(p - xppi) <= 1)).toBe(true);
      expect(xppi).toBeGreaterThanOrEqual(cond.ppi.warn);
    }
  });

  it('embed every font, with subset tags that differ between fonts and between files', () => {
    const tags = new Map<string, string[]>();
    for (const [label, file] of Object.entries(files)) {
      const rows = run('pdffonts', [file]).trim().split('\n').slice(2).map((l) => l.trim().split(/\s+/));
      expect(rows.length).toBe(2);
      for (const r of rows) {
        expect(r[r.length - 5]).toBe('yes'); // emb
        expect(r[r.length - 4]).toBe('yes'); // sub
        expect(r[0]).toMatch(/^[A-Z]{6}\+Noto/);
      }
      tags.set(label, rows.map((r) => r[0].slice(0, 6)));
    }
    const every = [...tags.values()].flat();
    expect(new Set(every).size).toBe(every.length);
    expect(every).not.toContain('BZZZZZ');
  });

  it('overprint 100 % K text under 12 pt (/ZOP gs, OP op true, OPM 1), never the larger head, the spot or white', () => {
    const q = qpdfJson(files.A02);
    const res = q.get(q.get(q.pages[0].object)['/Resources']);
    const gs = res['/ExtGState'];
    expect(q.get(gs['/ZOP'])).toMatchObject({ '/OP': true, '/op': true, '/OPM': 1 });
    expect(q.get(gs['/ZKO'])).toMatchObject({ '/OP': false, '/op': false });
    const shows = textShows(contents(files.A02, 1));
    expect(shows.filter((s) => s.size === 9).length).toBe(2);
    for (const s of shows) {
      if (s.size === 9) expect(s).toEqual({ size: 9, gs: '/ZOP', fill: '0 0 0 1' });
      else expect(s.gs).not.toBe('/ZOP');
    }
    expect(shows.find((s) => s.size === 14)).toEqual({ size: 14, gs: '/ZKO', fill: '0 0 0 0' });
    expect(shows.find((s) => s.size === 72)!.fill).toBe('1 /ZS0');
  });

  it('measure, rendered to CMYK by Ghostscript, within the TAC limit + 2 % and within 3 % of preflight’s page maximum', async () => {
    for (const [i, p] of doc.pages.entries()) {
      const { cov } = await inkOf(files[p.label], 1, 100, cond.tac.limit);
      expect(cov.max).toBeLessThanOrEqual(cond.tac.limit + 2);
      expect(Math.abs(cov.max - report.pages[i].tacMax)).toBeLessThanOrEqual(3);
    }
    // the page with photos: the darkest photo is what sets its maximum
    expect(report.pages[0].tacMax).toBeGreaterThan(200);
  });

  it('print black text over the cyan box with the cyan kept (overprint), white text with nothing (knockout)', async () => {
    const { data, info } = await inkOf(files.A02, 1, 150, cond.tac.limit);
    const at = (xPt: number, yPt: number) => {
      const s = 150 / 72;
      const i = 4 * (Math.round(yPt * s) * info.width + Math.round(xPt * s));
      return [...data.subarray(i, i + 4)];
    };
    // scan the black line's box for a pixel that is full K
    const l = blackOver.lines[0];
    let overprinted: number[] | undefined;
    for (let x = l.x; x < l.x + l.measure && !overprinted; x += 0.25) {
      for (let y = l.baseline - 7; y < l.baseline; y += 0.25) {
        const px = at(x, y);
        if (px[3] === 255) {
          overprinted = px;
          break;
        }
      }
    }
    expect(overprinted, 'a solid K pixel in the black text').toBeDefined();
    expect(overprinted![0]).toBeGreaterThan(180); // 80 % cyan still under it
    const w = whiteOver.lines[0];
    let knocked = 0;
    for (let x = w.x; x < w.x + w.measure; x += 0.5) for (let y = w.baseline - 10; y < w.baseline; y += 0.5) if (at(x, y).every((v) => v === 0)) knocked++;
    expect(knocked).toBeGreaterThan(20);
  });
});

describe('options', () => {
  it('PDF/X-4: PDF 1.6, GTS_PDFXVersion PDF/X-4 in Info and XMP (pdfxid), no conformance key', async () => {
    const x4 = await defaultPrintCondition({ pdfx: { version: 'X-4', cropMarks: false } });
    const f = path.join(out, 'x4.pdf');
    await writeFile(f, (await pressPdf(doc, [doc.pages[1]], x4, { outDir: out, photos, seed: 'x4' })).bytes);
    const q = qpdfJson(f);
    expect(q.version).toBe('1.6');
    const info = q.get(q.trailer['/Info']);
    expect(q.get(info['/GTS_PDFXVersion'])).toBe('u:PDF/X-4');
    expect(info['/GTS_PDFXConformance']).toBeUndefined();
    expect(q.get(info['/Trapped'])).toBe('/False');
    const xmp = run('pdfinfo', ['-meta', f]);
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(xmp).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<\/xmpMM:DocumentID>/);
  });

  it('crop marks: the media grows round the bleed, the marks are in Separation /All outside the BleedBox', async () => {
    const marks = await defaultPrintCondition({ pdfx: { version: 'X-1a:2001', cropMarks: true } });
    const f = path.join(out, 'marks.pdf');
    await writeFile(f, (await pressPdf(doc, [doc.pages[1]], marks, { outDir: out, photos, seed: 'marks' })).bytes);
    const q = qpdfJson(f);
    const d = q.get(q.pages[0].object);
    const boxes = pdfxPageBoxes(doc.pages[1], marks);
    expect(d['/MediaBox']).toEqual([0, 0, boxes.width, boxes.height]);
    expect(d['/TrimBox']).toEqual(boxes.trimBox);
    expect(boxes.offset).toBeGreaterThan(0);
    expect(boxes.trimBox[0] - boxes.bleedBox[0]).toBeCloseTo(BLEED, 2);
    expect(JSON.stringify(q.objs)).toContain('"/Separation","/All","/DeviceCMYK"');
    const s = contents(f, 1);
    expect(s).toMatch(/\/ZSAll CS 1 SCN/);
    // the same content, moved: the head's text matrix is offset by the growth
    expect(s.match(/ l S/g)!.length).toBeGreaterThanOrEqual(8);
  });

  it('the same page and seed give the same bytes; subset tags come from the seed', async () => {
    const a = (await pressPdf(doc, [doc.pages[1]], cond, { outDir: out, photos, seed: 's' })).bytes;
    const b = (await pressPdf(doc, [doc.pages[1]], cond, { outDir: out, photos, seed: 's' })).bytes;
    expect(a.equals(b)).toBe(true);
    expect(subsetTag('x')).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('x')).not.toBe(subsetTag('y'));
    expect(String(new PdfName('报头红'))).toBe('/#E6#8A#A5#E5#A4#B4#E7#BA#A2');
    expect(await readFile(files.A01)).not.toEqual(await readFile(files.A02));
  });
});
