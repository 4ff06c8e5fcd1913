/**
 * The archive export of the sample edition's real archive frame: out/frame-archive.json
 * when a build left one (`npm run edition`), else a build into a temporary folder. All
 * ALTO and METS validate; ALTO boxes match pdf.js within 0.1 mm and ALTO text is the PDF
 * text; every block in one METS division, the jumped article one division over two pages;
 * the PDF/A checks pass; no archive file holds a number the archive policy masks or a
 * notice whose consent lacks the archive.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive, type ArchiveResult } from '../../src/archive/index.js';
import { readFrame } from '../../src/frame/schema.js';
import type { Document } from '../../src/frame/types.js';
import { channelAllowed } from '../../src/notices/privacy.js';
import type { Notice } from '../../src/notices/schema/index.js';
import { projectRoot } from '../../src/projectRoot.js';
import { readAlto } from './alto.js';
import { blockDivisionCounts, METS_NS } from './metsChecks.js';
import { checkPdfA2u } from './pdfaChecks.js';
import { pdfGlyphs } from './pdfGlyphs.js';
import { modsProblems } from './mods.js';
import { xsdErrors } from './xsd.js';

const MM = 72 / 25.4;
let tmp: string;
let frameDir: string;
let doc: Document;
let print: Document;
let result: ArchiveResult;
let ms = 0;
const out = () => path.join(tmp, 'archive');
const read = (rel: string) => fs.readFileSync(path.join(out(), rel), 'utf8');

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-sample-archive-'));
  frameDir = path.join(projectRoot, 'out');
  if (!fs.existsSync(path.join(frameDir, 'frame-archive.json'))) {
    const { buildEdition } = await import('../../src/index.js');
    frameDir = path.join(tmp, 'out');
    await buildEdition(path.join(projectRoot, 'content/edition.yaml'), frameDir, { preview: false, log: () => {} });
  }
  frameDir = fs.realpathSync(frameDir);
  doc = readFrame(fs.readFileSync(path.join(frameDir, 'frame-archive.json'), 'utf8'));
  print = readFrame(fs.readFileSync(path.join(frameDir, 'frame.json'), 'utf8'));
  const t = performance.now();
  result = await writeArchive(doc, { outDir: out(), projectRoot, assetDir: frameDir, software: { name: 'zuban', version: 'test' } });
  ms = performance.now() - t;
}, 180_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// qpdf --json and pdf.js over five broadsheet pages take tens of seconds on a busy 2-core machine
describe('archive export of the sample edition (out/frame-archive.json)', { timeout: 240_000 }, () => {
  it('--- xsd --- every ALTO and the METS validate', () => {
    console.log(`sample archive: ${doc.pages.length} pages in ${Math.round(ms)} ms (PDF ${Math.round(result.timings.pdf)}, ALTO ${Math.round(result.timings.alto)}, METS ${Math.round(result.timings.mets)})`);
    for (const p of doc.pages) expect(xsdErrors(read(`alto/${p.label}.xml`), 'alto-4-4.xsd'), p.label).toEqual([]);
    expect(xsdErrors(read('mets.xml'), 'mets-1-12-1.xsd')).toEqual([]);
    // MODS: no official XSD can be had here (mods.ts says why); the rules of MODS 3 it cites
    expect(modsProblems(read('mets.xml'))).toEqual([]);
  });

  it('--- boxes-and-text --- every String and Glyph within 0.1 mm of pdf.js’s glyphs (x, width, baseline); each page’s ALTO CONTENT is its PDF’s text', async () => {
    let worst = 0, strings = 0;
    for (const p of doc.pages) {
      const [pdf] = await pdfGlyphs(path.join(out(), `pages/${p.label}.pdf`));
      const alto = readAlto(read(`alto/${p.label}.xml`));
      // a placed ad is drawn as a form with its own text, which ALTO does not transcribe
      const pg = pdf.glyphs.filter((g) => g.ch.trim() !== '' && !g.inForm);
      const adText = pdf.glyphs.filter((g) => g.inForm).map((g) => g.ch).join('').replace(/\s+/g, '');
      expect(pg.map((g) => g.ch).join(''), p.label).toBe(alto.strings.flatMap((s) => s.glyphs.map((g) => g.content)).join(''));
      // the ad is drawn as the print PDF draws it (it was an empty box): its own text is there
      if (p.blocks.some((b) => b.graphics.some((g) => g.kind === 'form'))) expect(adText, p.label).toContain('泓江银行');
      else expect(adText, p.label).toBe('');
      expect(adText + alto.strings.map((s) => s.content).join(''), p.label).toBe(pdf.text.replace(/\s+/g, ''));
      let k = 0;
      for (const s of alto.strings) {
        const mine = pg.slice(k, (k += s.glyphs.length));
        const x1 = Math.max(...mine.map((g) => g.x + g.w));
        // a 竖排 String (its glyphs one under another): each glyph's baseline inside its own Glyph box
        const vertical = s.vertical;
        const x0 = Math.min(...mine.map((g) => g.x));
        worst = Math.max(worst, Math.abs(x0 - s.x), Math.abs(x1 - (s.x + s.w)));
        if (vertical) mine.forEach((g, i) => expect(g.baseline > s.glyphs[i].y && g.baseline < s.glyphs[i].y + s.glyphs[i].h, `${p.label} ${s.content}`).toBe(true));
        else worst = Math.max(worst, ...mine.map((g) => Math.abs(g.baseline - s.baseline)));
        s.glyphs.forEach((g, i) => (worst = Math.max(worst, Math.abs(g.x - mine[i].x), Math.abs(g.w - mine[i].w))));
        strings++;
      }
    }
    console.log(`sample archive: ${strings} Strings, worst deviation from pdf.js ${(worst / MM).toFixed(4)} mm`);
    expect(worst).toBeLessThan(0.1 * MM);
  });

  it('--- mets --- every ALTO block in exactly one logical division; the jumped article is one division over its two pages', () => {
    const mets = XmlDocument.fromString(read('mets.xml'));
    try {
      const NS = METS_NS;
      const { counts, blocks } = blockDivisionCounts(mets, doc, (label) => read(`alto/${label}.xml`));
      for (const b of blocks) expect(counts.get(b), b).toBe(1);
      expect(counts.size).toBe(blocks.length);
      // an article whose blocks are on two pages (the sample jumps one from A01 to A02)
      const pageOf = new Map(doc.pages.flatMap((p) => p.blocks.map((b) => [b.id, p.label] as const)));
      const jumped = doc.pages.flatMap((p) => p.blocks).filter((b) => b.next && pageOf.get(b.next) !== pageOf.get(b.id));
      expect(jumped.length).toBeGreaterThan(0);
      for (const b of jumped) {
        const div = mets.get(`//m:div[@ID="LOG.${b.source.id}"]`, NS) as XmlElement;
        // labelled with its head once, though the continuation repeats it
        expect(div.attr('LABEL')!.value).not.toMatch(/^(.+) \1$/);
        const files = new Set((div.find('.//m:area', NS) as XmlElement[]).map((a) => a.attr('FILEID')!.value));
        expect([...files]).toEqual([`ALTO.${pageOf.get(b.id)}`, `ALTO.${pageOf.get(b.next!)}`]);
      }
    } finally {
      mets.dispose();
    }
  });

  it('--- pdfa --- every page and the e-paper pass the PDF/A-2u structural checks', () => {
    for (const f of result.files.filter((f) => f.path.endsWith('.pdf'))) expect(checkPdfA2u(path.join(out(), f.path)).problems, f.path).toEqual([]);
  });

  it('--- privacy --- no archive file holds a whole resident-ID-like number, a number as print shows it, or a notice without archive consent', () => {
    const idLike = /(?<![\dA-Z])\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Z])/g;
    // the numbers as the print channel shows them (policy full)
    const printText = print.pages.flatMap((p) => p.blocks).filter((b) => b.source.component === 'notice').map((b) => b.lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).join('\n');
    const printed = [...new Set(printText.match(idLike) ?? [])];
    expect(printed.length).toBeGreaterThan(0); // so the test can fail
    // the archive's text: ALTO Strings joined per block (numbers break across lines), the PDFs' text, the METS
    const texts: [string, string][] = [['mets.xml', read('mets.xml')]];
    for (const p of doc.pages) {
      const xml = read(`alto/${p.label}.xml`);
      const blockText = xml.split('<TextBlock').map((b) => [...b.matchAll(/<String [^>]*CONTENT="([^"]*)"/g)].map((m) => m[1]).join(''));
      texts.push([`alto/${p.label}.xml`, blockText.join('\n')]);
    }
    for (const f of result.files.filter((f) => f.path.endsWith('.pdf'))) {
      texts.push([f.path, execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(out(), f.path), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '')]);
    }
    for (const [file, t] of texts) {
      expect(t.replace(/\n/g, '').match(idLike), file).toBeNull();
      for (const n of printed) expect(t.replace(/\s+/g, '').includes(n), `${file} holds ${n}`).toBe(false);
    }
    // notices whose consent lacks the archive: in print, absent from every archive file
    const dir = path.join(projectRoot, 'content/notices');
    const without = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).filter((f) => !channelAllowed(YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Notice, 'archive')).map((f) => f.replace(/\.yaml$/, ''));
    const printIds = new Set(print.pages.flatMap((p) => p.blocks).map((b) => b.source.id));
    const excludedButPrinted = without.filter((id) => printIds.has(id));
    expect(excludedButPrinted.length).toBeGreaterThan(0);
    const mets = read('mets.xml');
    const altos = doc.pages.map((p) => read(`alto/${p.label}.xml`)).join('');
    for (const id of excludedButPrinted) {
      expect(mets.includes(`>${id}<`) || mets.includes(`LOG.${id}"`), `METS names ${id}`).toBe(false);
      expect(altos.includes(`.${id}.notice`), `ALTO has a block of ${id}`).toBe(false);
    }
  });
});
