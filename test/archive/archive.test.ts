import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, ImageItem } from '../../src/frame/types.js';
import { SfntMetrics } from '../../src/fonts/sfntMetrics.js';
import { altoForPage, writeArchive, type ArchiveResult } from '../../src/archive/index.js';
import { wordSpans } from '../../src/archive/words.js';
import { projectRoot } from '../../src/projectRoot.js';
import { readAlto } from './alto.js';
import { sampleDocument } from './fixtures.js';
import { pdfGlyphs } from './pdfGlyphs.js';
import { modsProblems } from './mods.js';
import { xsdErrors } from './xsd.js';

const MM = 72 / 25.4; // pt per mm

let tmp: string;
let doc: Document;
let result: ArchiveResult;
const out = () => path.join(tmp, 'archive');
const read = (rel: string) => fs.readFileSync(path.join(out(), rel), 'utf8');

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-archive-'));
  doc = await sampleDocument(tmp);
  result = await writeArchive(doc, { outDir: out(), projectRoot, assetDir: tmp, software: { name: 'zuban', version: 'test' } });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('archive export of a hand-built two-page document', { timeout: 120_000 }, () => {
  it('--- files --- writes a PDF/A and an ALTO per page, the e-paper and the METS', () => {
    expect(result.files.map((f) => f.path)).toEqual(['pages/A01.pdf', 'alto/A01.xml', 'pages/A02.pdf', 'alto/A02.xml', 'epaper.pdf', 'mets.xml']);
  });

  it('--- xsd --- every ALTO validates against ALTO 4.4 and the METS against METS 1.12.1', () => {
    for (const p of doc.pages) expect(xsdErrors(read(`alto/${p.label}.xml`), 'alto-4-4.xsd')).toEqual([]);
    expect(xsdErrors(read('mets.xml'), 'mets-1-12-1.xsd')).toEqual([]);
  });

  it('--- xsd-catches --- the validator does reject a broken ALTO (a bad MeasurementUnit, a String without CONTENT)', () => {
    const alto = read('alto/A01.xml');
    expect(xsdErrors(alto.replace('<MeasurementUnit>mm10<', '<MeasurementUnit>mm<'), 'alto-4-4.xsd').length).toBeGreaterThan(0);
    expect(xsdErrors(alto.replace(/ CONTENT="[^"]*"/, ''), 'alto-4-4.xsd').length).toBeGreaterThan(0);
  });

  it('--- boxes --- every ALTO String and Glyph box is within 0.1 mm of the same glyphs in the page’s PDF (pdf.js)', async () => {
    for (const p of doc.pages) {
      const [pdf] = await pdfGlyphs(path.join(out(), `pages/${p.label}.pdf`));
      const alto = readAlto(read(`alto/${p.label}.xml`));
      const glyphs = alto.strings.flatMap((s) => s.glyphs);
      // PDF text without spaces (ALTO writes them as SP) is ALTO's glyphs, one for one
      const pdfGlyphsNoSpace = pdf.glyphs.filter((g) => g.ch.trim() !== '');
      expect(pdfGlyphsNoSpace.map((g) => g.ch).join('')).toBe(glyphs.map((g) => g.content).join(''));
      let k = 0;
      let worst = 0;
      for (const s of alto.strings) {
        const mine = pdfGlyphsNoSpace.slice(k, k + s.glyphs.length);
        k += s.glyphs.length;
        const x0 = mine[0].x, x1 = Math.max(...mine.map((g) => g.x + g.w));
        worst = Math.max(worst, Math.abs(x0 - s.x), Math.abs(x1 - (s.x + s.w)));
        s.glyphs.forEach((g, i) => (worst = Math.max(worst, Math.abs(g.x - mine[i].x), Math.abs(g.w - mine[i].w))));
        // the box stands on the baseline: 0.88 em above, 0.12 below (the fixture's em box)
        const base = mine[0].baseline;
        expect(Math.abs(s.y + (s.h * 0.88) - base)).toBeLessThan(0.1 * MM);
      }
      expect(worst).toBeLessThan(0.1 * MM);
    }
  });

  it('--- text --- each page’s ALTO CONTENT in reading order equals the text pdf.js extracts from its PDF (white space aside)', async () => {
    for (const p of doc.pages) {
      const [pdf] = await pdfGlyphs(path.join(out(), `pages/${p.label}.pdf`));
      const alto = readAlto(read(`alto/${p.label}.xml`));
      expect(alto.strings.map((s) => s.content).join('')).toBe(pdf.text.replace(/\s+/g, ''));
    }
  });

  it('--- words --- Strings are jieba words: 居民身份证 and 声明 whole, Latin words split at the space', () => {
    const contents = readAlto(read('alto/A02.xml')).strings.map((s) => s.content);
    expect(contents).toContain('居民身份证');
    expect(contents).toContain('声明');
    expect(readAlto(read('alto/A01.xml')).strings.map((s) => s.content)).toEqual(expect.arrayContaining(['本报记者', '张三', '李四']));
    const spans = wordSpans('注销债权');
    expect(spans).toEqual([[0, 2], [2, 4]]);
  });

  it('--- idnext --- a body column points to the next column on its page; the jump to A02 is left to METS (IDNEXT is an IDREF within one file)', () => {
    const blocks = readAlto(read('alto/A01.xml')).blocks;
    const col1 = blocks.find((b) => b.id === 'B.A01.a1.body.1')!;
    const col2 = blocks.find((b) => b.id === 'B.A01.a1.body.2')!;
    expect(col1.next).toBe('B.A01.a1.body.2');
    expect(col2.next).toBeUndefined();
  });

  it('--- tags --- heads, kickers and bylines carry their component tag, notices their type', () => {
    const xml = read('alto/A01.xml');
    expect(xml).toContain('<StructureTag ID="T.head" TYPE="component" LABEL="head" DESCRIPTION="主题"/>');
    const blocks = readAlto(xml).blocks;
    expect(blocks.find((b) => b.id === 'B.A01.a1.kicker.1')!.tags).toEqual(['T.kicker']);
    expect(blocks.find((b) => b.id === 'B.A01.a1.byline.1')!.tags).toEqual(['T.byline']);
    const a02 = read('alto/A02.xml');
    expect(a02).toMatch(/<OtherTag ID="(T\.notice-type\.\d+)" TYPE="notice type" LABEL="遗失声明"/);
    expect(readAlto(a02).blocks.find((b) => b.id === 'B.A02.n001.notice.1')!.tags).toHaveLength(2);
    expect(xml).toMatch(/<Illustration ID="B.A01.a1.photo.1"[^>]*TYPE="photo"\/>/);
    expect(xml).toMatch(/<Page ID="P1" PHYSICAL_IMG_NR="1" PRINTED_IMG_NR="A01"/);
    expect(xml).toContain('<MeasurementUnit>mm10</MeasurementUnit>');
  });

  it('--- mets-structure --- every ALTO block is in exactly one logical division; the jumped article is one division over A01 and A02', () => {
    const mets = XmlDocument.fromString(read('mets.xml'));
    try {
      const NS = { m: 'http://www.loc.gov/METS/' };
      const areas = mets.find('//m:structMap[@TYPE="LOGICAL"]//m:area', NS) as XmlElement[];
      const seen = new Map<string, number>();
      for (const a of areas) {
        const key = `${a.attr('FILEID')!.value}#${a.attr('BEGIN')!.value}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      for (const p of doc.pages) {
        for (const id of readAlto(read(`alto/${p.label}.xml`)).ids) expect(seen.get(`ALTO.${p.label}#${id}`), `${p.label} ${id}`).toBe(1);
      }
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      const article = mets.get('//m:div[@ID="LOG.a1"]', NS) as XmlElement;
      expect(article.attr('TYPE')!.value).toBe('article');
      const files = new Set((article.find('.//m:area', NS) as XmlElement[]).map((a) => a.attr('FILEID')!.value));
      expect([...files]).toEqual(['ALTO.A01', 'ALTO.A02']);
      // notices sit in their group's division
      const group = mets.get('//m:div[@TYPE="notices"]', NS) as XmlElement;
      expect((group.find('m:div[@TYPE="notice"]', NS) as XmlElement[]).length).toBe(2);
    } finally {
      mets.dispose();
    }
  });

  it('--- mets-files --- every file is listed with its size and SHA-256', () => {
    const mets = read('mets.xml');
    for (const f of result.files.filter((f) => f.path !== 'mets.xml')) {
      const bytes = fs.readFileSync(path.join(out(), f.path));
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      expect(mets).toContain(`SIZE="${bytes.length}" CHECKSUM="${sha}" CHECKSUMTYPE="SHA-256"><mets:FLocat LOCTYPE="URL" xlink:href="${f.path}"/>`);
    }
    expect(mets).toContain('<mods:identifier type="CN">CN 11-0000</mods:identifier>');
    expect(mets).toContain('<mods:dateIssued encoding="w3cdtf" keyDate="yes">2026-12-04</mods:dateIssued>');
  });

  it('--- mods --- the MODS records in the METS keep the cited MODS 3 rules, and the check finds a broken one', () => {
    const mets = fs.readFileSync(path.join(out(), 'mets.xml'), 'utf8');
    expect(modsProblems(mets)).toEqual([]);
    expect(modsProblems(mets.replace('<mods:typeOfResource>text<', '<mods:typeOfResource>newspaper<'))).toEqual([expect.stringMatching(/typeOfResource "newspaper" is none of text/)]);
    expect(modsProblems(mets.replace('<mods:issuance>continuing</mods:issuance>', '<mods:issuance>continuing</mods:issuance><mods:pages>2</mods:pages>')).join('\n')).toMatch(/originInfo\/pages is not a subelement/);
    expect(modsProblems(mets.replace('keyDate="yes">2026-12-04<', 'keyDate="yes">2026年12月4日<')).join('\n')).toMatch(/no W3C-DTF date/);
    expect(modsProblems(mets.replace(/<mods:mods>/, '<mods:record>').replace(/<\/mods:mods>/, '</mods:record>')).join('\n')).toMatch(/<record> in http:\/\/www.loc.gov\/mods\/v3, not <mods>/);
  });

  it('--- channel --- refuses a print-channel document', async () => {
    await expect(writeArchive({ ...doc, channel: 'print' }, { outDir: path.join(tmp, 'x'), projectRoot, assetDir: tmp })).rejects.toThrow(/channel 'print'/);
    expect(fs.existsSync(path.join(tmp, 'x'))).toBe(false);
  });

  it('--- deterministic --- the same document gives the same bytes', async () => {
    const again = await writeArchive(doc, { outDir: path.join(tmp, 'again'), projectRoot, assetDir: tmp, software: { name: 'zuban', version: 'test' } });
    expect(again.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
  });

  it('--- kept-word-cuts --- the lines’ cuts kept in wordCache: the same bytes from them, and a kept cut is what ALTO uses', async () => {
    const cache = path.join(tmp, 'alto-words.json');
    const a = await writeArchive(doc, { outDir: path.join(tmp, 'cuts1'), projectRoot, assetDir: tmp, software: { name: 'zuban', version: 'test' }, wordCache: cache });
    expect(a.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
    const kept = JSON.parse(fs.readFileSync(cache, 'utf8'));
    expect(kept.segmenter).toMatch(/hmm true$/);
    const lines = Object.keys(kept.cuts);
    expect(lines.length).toBeGreaterThan(10);
    const b = await writeArchive(doc, { outDir: path.join(tmp, 'cuts2'), projectRoot, assetDir: tmp, software: { name: 'zuban', version: 'test' }, wordCache: cache });
    expect(b.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
    // a line's kept cut, made one word: ALTO then has that line's text as one String
    const line = lines.find((l) => kept.cuts[l].length > 3 && !/\s/.test(l))!;
    const right = kept.cuts[line];
    kept.cuts[line] = [line.length];
    fs.writeFileSync(cache, JSON.stringify(kept));
    await writeArchive(doc, { outDir: path.join(tmp, 'cuts3'), projectRoot, assetDir: tmp, software: { name: 'zuban', version: 'test' }, wordCache: cache });
    const alto = doc.pages.map((p) => fs.readFileSync(path.join(tmp, 'cuts3', `alto/${p.label}.xml`), 'utf8')).join('');
    expect(alto).toContain(`CONTENT="${line.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"`);
    // the right cut back (this process keeps the cuts it read, for the tests after this one)
    kept.cuts[line] = right;
    fs.writeFileSync(cache, JSON.stringify(kept));
    const c = await writeArchive(doc, { outDir: path.join(tmp, 'cuts4'), projectRoot, assetDir: tmp, software: { name: 'zuban', version: 'test' }, wordCache: cache });
    expect(c.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
  });

  it('--- build-fonts --- the build’s own font faces (openFont) give the same bytes as the archive’s', async () => {
    const asked: string[] = [];
    const openFont = (ref: { role: string; file: string }) => {
      asked.push(ref.role);
      return { sfnt: SfntMetrics.open(path.resolve(projectRoot, ref.file)) };
    };
    const again = await writeArchive(doc, { outDir: path.join(tmp, 'faces'), projectRoot, assetDir: tmp, software: { name: 'zuban', version: 'test' }, openFont });
    expect(asked.length).toBeGreaterThan(0);
    expect(again.files.map((f) => f.sha256)).toEqual(result.files.map((f) => f.sha256));
  });

  it('--- shared-content --- each page is drawn once: its content stream in the e-paper is its page PDF’s, and a page PDF embeds only the CIDs it draws', () => {
    type Q = { pages: { contents: string[] }[]; qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown>; data?: string } }>] };
    const qpdf = (rel: string) => JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', path.join(out(), rel)], { maxBuffer: 1 << 28 }).toString()) as Q;
    const contents = (q: Q) => q.pages.map((p) => p.contents.map((ref) => q.qpdf[1][`obj:${ref}`].stream!.data).join(''));
    const epaper = contents(qpdf('epaper.pdf'));
    expect(epaper).toHaveLength(doc.pages.length);
    doc.pages.forEach((p, i) => {
      const own = contents(qpdf(`pages/${p.label}.pdf`));
      expect(own).toHaveLength(1);
      expect(Buffer.from(own[0], 'base64').toString('latin1'), p.label).toBe(Buffer.from(epaper[i], 'base64').toString('latin1'));
    });
    // A02 draws CIDs numbered on A01 as well as its own: some of its fonts map CIDs to glyphs through a stream
    // (checkPdfA2u, pdfa.test.ts, checks each drawn CID's glyph, W and ToUnicode)
    const maps = Object.values(qpdf('pages/A02.pdf').qpdf[1]).flatMap((o) => (o.value?.['/Subtype'] === '/CIDFontType2' ? [o.value['/CIDToGIDMap']] : []));
    expect(maps.length).toBeGreaterThan(0);
    expect(maps.some((m) => m !== '/Identity')).toBe(true);
  });

  it('--- alto-escapes --- a page’s text with & < " is escaped and still valid', () => {
    const page = structuredClone(doc.pages[0]);
    const run = page.blocks[1].lines[0].runs[0];
    run.text = `A&<"${[...run.text].slice(4).join('')}`;
    expect(xsdErrors(altoForPage(doc, page), 'alto-4-4.xsd')).toEqual([]);
  });

  it('--- kinds --- a graphic block that also holds text, and an image block with two images, keep unique ids and all their text', () => {
    const page = structuredClone(doc.pages[0]);
    const head = page.blocks.find((b) => b.source.component === 'head')!;
    head.kind = 'graphic';
    head.graphics.push({ kind: 'rule', x1: 40, y1: 175, x2: 600, y2: 175, width: 1 });
    const photo = page.blocks.find((b) => b.kind === 'image')!;
    const im = photo.graphics[0] as ImageItem;
    photo.graphics.push({ ...im, x: im.x + 1 });
    const xml = altoForPage(doc, page);
    expect(xsdErrors(xml, 'alto-4-4.xsd')).toEqual([]);
    expect(xml).toContain('<TextBlock ID="B.A01.a1.head.1"');
    expect(xml).not.toContain('<GraphicalElement ID="B.A01.a1.head.1"');
    expect(xml).toContain('<Illustration ID="B.A01.a1.photo.1.I2"');
    expect(readAlto(xml).strings.map((s) => s.content).join('')).toContain('城市更新');
  });
});
