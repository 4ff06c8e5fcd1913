/**
 * The acceptance checks of the archive on any build's output folder (`zuban build --archive`):
 * ZUBAN_ARCHIVE_OUT=/path/out1:/path/out2 npx vitest run test/archive/anyOutput.test.ts
 * Each folder holds frame.json, frame-archive.json and archive/. Without the variable they run
 * on the second paper's edition (test/fixtures/evening), built here outside the repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../src/frame/schema.js';
import { readAlto } from './alto.js';
import { blockDivisionCounts, METS_NS } from './metsChecks.js';
import { checkPdfA2u } from './pdfaChecks.js';
import { pdfGlyphs } from './pdfGlyphs.js';
import { modsProblems } from './mods.js';
import { xsdErrors } from './xsd.js';

const MM = 72 / 25.4;
const given = (process.env.ZUBAN_ARCHIVE_OUT ?? '').split(':').filter(Boolean);
const dirs = given.length ? given : [eveningArchive()];

/** The evening fixture built with --archive in a folder of its own (the sample's has its own test). */
function eveningArchive(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-anyarchive-'));
  fs.cpSync(path.resolve('test/fixtures/evening'), path.join(root, 'evening'), { recursive: true });
  execFileSync(process.execPath, [path.resolve('dist/bundle/zuban.js'), 'build', 'evening/edition.yaml', '--out', 'out', '--archive', '--no-preview'], { cwd: root, stdio: 'ignore' });
  return path.join(root, 'out');
}
const idLike = /(?<![\dA-Z])\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Z])/g;
const blockText = (b: { lines: { runs: { text: string }[] }[] }) => b.lines.map((l) => l.runs.map((r) => r.text).join('')).join('');

describe.each(dirs)('archive of %s', { timeout: 600_000 }, (dir) => {
  const doc = () => readFrame(fs.readFileSync(path.join(dir, 'frame-archive.json'), 'utf8'));
  const print = () => readFrame(fs.readFileSync(path.join(dir, 'frame.json'), 'utf8'));
  const read = (rel: string) => fs.readFileSync(path.join(dir, 'archive', rel), 'utf8');

  it('xsd', () => {
    for (const p of doc().pages) expect(xsdErrors(read(`alto/${p.label}.xml`), 'alto-4-4.xsd'), p.label).toEqual([]);
    expect(xsdErrors(read('mets.xml'), 'mets-1-12-1.xsd')).toEqual([]);
    expect(modsProblems(read('mets.xml'))).toEqual([]);
  });

  it('boxes and text', async () => {
    let worst = 0;
    const where: string[] = [];
    for (const p of doc().pages) {
      const [pdf] = await pdfGlyphs(path.join(dir, 'archive', `pages/${p.label}.pdf`));
      const alto = readAlto(read(`alto/${p.label}.xml`));
      const pg = pdf.glyphs.filter((g) => g.ch.trim() !== '' && !g.inForm);
      const adText = pdf.glyphs.filter((g) => g.inForm).map((g) => g.ch).join('').replace(/\s+/g, '');
      expect(pg.map((g) => g.ch).join(''), p.label).toBe(alto.strings.flatMap((s) => s.glyphs.map((g) => g.content)).join(''));
      expect(adText + alto.strings.map((s) => s.content).join(''), p.label).toBe(pdf.text.replace(/\s+/g, ''));
      let k = 0;
      for (const s of alto.strings) {
        const mine = pg.slice(k, (k += s.glyphs.length));
        const x0 = Math.min(...mine.map((g) => g.x));
        const x1 = Math.max(...mine.map((g) => g.x + g.w));
        const d = [Math.abs(x0 - s.x), Math.abs(x1 - (s.x + s.w))];
        if (s.vertical) mine.forEach((g, i) => expect(g.baseline > s.glyphs[i].y && g.baseline < s.glyphs[i].y + s.glyphs[i].h, `${p.label} ${s.content}`).toBe(true));
        else d.push(...mine.map((g) => Math.abs(g.baseline - s.baseline)));
        s.glyphs.forEach((g, i) => d.push(Math.abs(g.x - mine[i].x), Math.abs(g.w - mine[i].w)));
        const m = Math.max(...d);
        if (m >= 0.1 * MM) where.push(`${p.label} ${s.content} ${(m / MM).toFixed(3)} mm`);
        worst = Math.max(worst, m);
      }
    }
    expect(where).toEqual([]);
    expect(worst).toBeLessThan(0.1 * MM);
  });

  it('mets: every block in one division, a jumped article one division', () => {
    const d = doc();
    const mets = XmlDocument.fromString(read('mets.xml'));
    try {
      const NS = METS_NS;
      const { counts, blocks } = blockDivisionCounts(mets, d, (label) => read(`alto/${label}.xml`));
      for (const b of blocks) expect(counts.get(b), b).toBe(1);
      expect(counts.size).toBe(blocks.length);
      const pageOf = new Map(d.pages.flatMap((p) => p.blocks.map((b) => [b.id, p.label] as const)));
      for (const b of d.pages.flatMap((p) => p.blocks).filter((b) => b.next && pageOf.get(b.next) !== pageOf.get(b.id))) {
        const divs = mets.find(`//m:div[.//m:area[@BEGIN and (@FILEID="ALTO.${pageOf.get(b.id)}" or @FILEID="ALTO.${pageOf.get(b.next!)}")]]`, NS);
        expect(divs.length, b.id).toBeGreaterThan(0);
        const div = mets.get(`//m:div[@ID="LOG.${b.source.id}"]`, NS) as XmlElement;
        expect(div, b.source.id).toBeTruthy();
        const files = new Set((div.find('.//m:area', NS) as XmlElement[]).map((a) => a.attr('FILEID')!.value));
        expect(files.has(`ALTO.${pageOf.get(b.id)}`) && files.has(`ALTO.${pageOf.get(b.next!)}`), b.id).toBe(true);
      }
    } finally {
      mets.dispose();
    }
  });

  it('pdfa', () => {
    const files = fs.readdirSync(path.join(dir, 'archive/pages')).map((f) => `pages/${f}`);
    if (fs.existsSync(path.join(dir, 'archive/epaper.pdf'))) files.push('epaper.pdf');
    for (const f of files) expect(checkPdfA2u(path.join(dir, 'archive', f)).problems, f).toEqual([]);
  });

  it('privacy', () => {
    const d = doc();
    const p = print();
    const printText = p.pages.flatMap((x) => x.blocks).filter((b) => b.source.component === 'notice').map(blockText).join('\n');
    const printed = [...new Set(printText.match(idLike) ?? [])];
    const texts: [string, string][] = [['mets.xml', read('mets.xml')]];
    for (const pg of d.pages) {
      const xml = read(`alto/${pg.label}.xml`);
      texts.push([`alto/${pg.label}.xml`, xml.split('<TextBlock').map((b) => [...b.matchAll(/<String [^>]*CONTENT="([^"]*)"/g)].map((m) => m[1]).join('')).join('\n')]);
      texts.push([`pages/${pg.label}.pdf`, execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(dir, 'archive', `pages/${pg.label}.pdf`), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '')]);
    }
    for (const [file, t] of texts) {
      expect(t.replace(/\n/g, '').match(idLike), file).toBeNull();
      for (const n of printed) expect(t.replace(/\s+/g, '').includes(n), `${file} holds ${n}`).toBe(false);
    }
    const archived = new Set(d.pages.flatMap((x) => x.blocks).map((b) => b.source.id));
    const excluded = [...new Set(p.pages.flatMap((x) => x.blocks).filter((b) => b.source.component === 'notice' && !archived.has(b.source.id)).map((b) => b.source.id))];
    const mets = read('mets.xml');
    const altos = d.pages.map((pg) => read(`alto/${pg.label}.xml`)).join('');
    for (const id of excluded) {
      expect(mets.includes(`>${id}<`) || mets.includes(`LOG.${id}"`), `METS names ${id}`).toBe(false);
      expect(altos.includes(`.${id}.notice`), `ALTO has a block of ${id}`).toBe(false);
    }
    console.log(`${dir}: ${printed.length} printed id numbers, ${excluded.length} notices left out of the archive`);
  });
});
