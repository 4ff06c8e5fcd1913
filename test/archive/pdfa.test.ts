import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../src/archive/index.js';
import type { Document } from '../../src/frame/types.js';
import { projectRoot } from '../../src/projectRoot.js';
import { sampleDocument } from './fixtures.js';
import { checkPdfA2u } from './pdfaChecks.js';
import { execFileSync } from 'node:child_process';

let tmp: string;
let doc: Document;
const out = () => path.join(tmp, 'archive');

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-pdfa-'));
  doc = await sampleDocument(tmp);
  await writeArchive(doc, { outDir: out(), projectRoot, assetDir: tmp });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('PDF/A-2u structure (qpdf, pdffonts, pdfinfo)', { timeout: 120_000 }, () => {
  it('--- pages --- each page’s PDF: qpdf clean, fonts embedded with ToUnicode and W = the program’s advances, sRGB intent, XMP 2/U agreeing with Info, no encryption', () => {
    for (const p of doc.pages) {
      const r = checkPdfA2u(path.join(out(), `pages/${p.label}.pdf`));
      expect(r.problems, p.label).toEqual([]);
      expect(r.pages).toBe(1);
      expect(r.fonts).toBe(2);
      expect(r.info.Title).toBe(`城南日报 2026年12月4日 ${p.label}版 ${p.name}`);
      // the newspaper fields in PRISM (parsed from pdfinfo -meta), declared in the extension schema
      expect(r.prism).toEqual({ publicationName: '城南日报', coverDate: '2026-12-04', section: p.name, startingPage: p.label, pageCount: '1', ...(doc.meta.issue !== undefined ? { number: String(doc.meta.issue) } : {}) });
      expect(r.extensionSchemas).toEqual([{ namespace: 'http://prismstandard.org/namespaces/basic/2.0/', prefix: 'prism', properties: Object.keys(r.prism).sort() }]);
      expect(r.xmp).toContain('<dc:date><rdf:Seq><rdf:li>2026-12-04</rdf:li></rdf:Seq></dc:date>');
      expect(r.xmp).not.toMatch(/zuban\.example|zbn:/);
    }
  });

  it('--- epaper --- the e-paper is one PDF/A-2u of both pages, labelled A01 and A02', () => {
    const file = path.join(out(), 'epaper.pdf');
    const r = checkPdfA2u(file);
    expect(r.problems).toEqual([]);
    expect(r.pages).toBe(2);
    const labels = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pagelabels', file], { encoding: 'utf8' })).pagelabels;
    expect(labels.map((l: { label: { '/P': string } }) => l.label['/P'])).toEqual(['u:A01', 'u:A02']);
    expect(r.prism).toMatchObject({ publicationName: '城南日报', coverDate: '2026-12-04', pageRange: 'A01-A02', pageCount: '2' });
    expect(r.prism.section).toBeUndefined();
  });

  it('--- checks-bite --- the checks find a narrowed width, a wrong conformance, a title the XMP does not share', () => {
    // edits of equal length, so the cross-reference table stays right
    const file = path.join(out(), 'pages/A02.pdf');
    const bytes = fs.readFileSync(file, 'latin1');
    const broken = path.join(tmp, 'broken.pdf');
    const problems = (edit: (s: string) => string) => {
      const s = edit(bytes);
      expect(s).not.toBe(bytes);
      fs.writeFileSync(broken, s, 'latin1');
      return checkPdfA2u(broken).problems.join('\n');
    };
    // a CID narrower than its glyph (what the print renderer's narrowed CIDs do): PDF/A-2 6.2.11.5
    const a01 = path.join(out(), 'pages/A01.pdf');
    fs.writeFileSync(broken, fs.readFileSync(a01, 'latin1').replace(/\/W \[0 \[1000 1000/, '/W [0 [1000  500'), 'latin1');
    expect(checkPdfA2u(broken).problems.join('\n')).toMatch(/CID 1: W 500 but the program's advance is 1000/);
    // A02 draws some of the run's CIDs (W in runs, CIDToGIDMap a stream): a run narrowed, and a run left out
    const run = /(\/W \[0 \[[\d. ]+\] )(\d+) \[([\d.]+)([^\]]*\])/;
    expect(bytes).toMatch(run);
    expect(problems((s) => s.replace(run, (_, head, cid, w, rest) => `${head}${cid} [${'1'.padStart(w.length)}${rest}`))).toMatch(/CID \d+: W 1 but the program's advance is/);
    expect(problems((s) => s.replace(run, (_, head, cid, w, rest) => head + ' '.repeat(`${cid} [${w}${rest}`.length)))).toMatch(/CID \d+: no W width/);
    // a font given another font's ToUnicode: CIDs it draws that the other never numbered have no entry
    const cmaps = [...bytes.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => m[1]);
    const [a, b] = cmaps.filter((n) => n.length === cmaps[0].length);
    expect(problems((s) => s.replace(`/ToUnicode ${a} 0 R`, `/ToUnicode ${b} 0 R`))).toMatch(/CID \d+: no ToUnicode entry/);
    expect(problems((s) => s.replace('<pdfaid:conformance>U<', '<pdfaid:conformance>B<'))).toMatch(/conformance B/);
    // a PRISM property the extension schema does not declare (same length: startingPage → startingPagX)
    expect(problems((s) => s.replace(/<prism:startingPage>(.*?)<\/prism:startingPage>/, '<prism:startingPagX>$1</prism:startingPagX>'))).toMatch(/prismstandard.org\/namespaces\/basic\/2.0\/startingPagX is not declared/);
    const utf8 = (t: string) => Buffer.from(t, 'utf8').toString('latin1');
    expect(problems((s) => s.replace(utf8('A02版 综合</rdf:li></rdf:Alt></dc:title>'), utf8('A03版 综合</rdf:li></rdf:Alt></dc:title>')))).toMatch(/Info \/Title/);
  });
});
