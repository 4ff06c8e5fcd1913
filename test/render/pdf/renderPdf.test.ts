import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf/renderPdf.js';
import { pageRuns } from '../../../src/frame/walk.js';
import { assemblePage } from '../../../src/layout/assemblePage.js';
import { placeLine } from '../../../src/layout/placeLine.js';
import type { PageFrame } from '../../../src/layout/items.js';
import { documentOf, renderOptions, workloadDocument } from '../../helpers/frame.js';
import { FontBook } from '../../../src/fonts/fontBook.js';
import { projectRoot } from '../../../src/projectRoot.js';
import { typesetParagraph } from '../../../src/text/typesetParagraph.js';
import { fonts } from '../../helpers/fonts.js';
import { workload } from '../../helpers/workload.js';

const han = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).join('');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-pdf-'));
const input = workload(6);
const frame = workloadDocument(input, fonts);
const opts = renderOptions(fonts);

describe('renderPdf', async () => {
  const pdf = await renderPdf(frame, opts);
  const file = path.join(tmp, 'page.pdf');
  fs.writeFileSync(file, pdf);

  const expected = han(input.pagesData[0].headline + input.pagesData[0].paras.join(''));

  it('--- text-round-trip --- pdftotext -raw returns the input’s Han characters column by column, in order', () => {
    // -raw reads the content stream's order, which the renderer writes column by column.
    // (pdftotext's default mode guesses an order from the geometry; on six-column pages it
    // interleaves column tops and bottoms for every engine — Typst's output too.)
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(han(text)).toBe(expected);
  });

  it('--- text-complete-in-default-mode --- pdftotext (reading-order mode) returns every Han character once', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect([...han(text)].sort().join('')).toBe([...expected].sort().join(''));
  });

  it('--- fonts-embedded-as-subsets-with-tounicode --- pdffonts reports emb, sub and uni for each font', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+Noto(Serif|Sans)SC-/);
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it('--- glyph-positions-match-the-page-tree --- pdftotext -bbox puts the first body glyphs where the tree says', () => {
    const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    const body = pageRuns(frame.pages[0]).find((i) => i.source.component === 'body')!;
    const firstChar = [...body.text][0];
    const w = words.find((m) => m[5].startsWith(firstChar) && Math.abs(+m[1] - (body.x + body.xs[0])) < 0.5);
    expect(w, 'first body glyph found at its x').toBeDefined();
    // the em box's top is 0.88 em above the baseline (within pdftotext's rounding of the font bbox)
    expect(Math.abs(+w![4] - body.y)).toBeLessThan(0.35 * body.size);
  });

  it('--- deterministic --- equal input gives byte-equal PDFs', async () => {
    const again = await renderPdf(workloadDocument(input, fonts), opts);
    expect(Buffer.compare(again, pdf)).toBe(0);
  });

  it('--- subset-round-trip --- the embedded subset has the glyphs’ outlines', async () => {
    // pdftoppm draws the page from the subset; a missing outline would leave the text area blank
    execFileSync('pdftoppm', ['-r', '72', '-gray', '-singlefile', file, path.join(tmp, 'p')]);
    const pgm = fs.readFileSync(path.join(tmp, 'p.pgm'));
    let dark = 0;
    for (let i = 0; i < pgm.length; i++) if (pgm[i] < 128) dark++;
    // ~2,300 characters at 9 pt cover well over 20,000 dark pixels at 72 dpi
    expect(dark).toBeGreaterThan(20_000);
  });
});

describe('renderPdf with two font roles on one file', () => {
  it('--- shared-file-one-font --- roles naming the same file share one embedded font, and each keeps its text', async () => {
    const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'fonts/fonts.json'), 'utf8'));
    const book = new FontBook({ roles: { a: config.roles.song, b: { ...config.roles.song, name: 'b' } }, fallback: [] }, projectRoot);
    const line = (key: string, text: string, y: number) => {
      const [l] = typesetParagraph([{ text, face: book.face(key) }], { size: 12, measure: 200, indent: 0, align: 'left' });
      return placeLine(l, 50, y, 12, { id: 't', component: 'body' });
    };
    const page: PageFrame = { kind: 'page', id: '1', width: 300, height: 200, items: [line('a', '中国新闻', 60), line('b', '排字校对', 120)] };
    const file = path.join(tmp, 'shared.pdf');
    const doc = documentOf([assemblePage(page, { number: 1, channel: 'print' })], book, 't');
    expect(Object.keys(doc.fonts)).toEqual(['a', 'b']);
    fs.writeFileSync(file, await renderPdf(doc, { openFont: (r) => book.face(r.role) }));
    expect(han(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))).toBe('中国新闻排字校对');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)).toHaveLength(1);
  });
});
