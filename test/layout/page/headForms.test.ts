/**
 * Headline forms (issue 13 item 3): 竖排 heads — one column, the fonts' vertical forms,
 * centred, stepped down by the em — and 长体/扁体 — a horizontal scale tried before a head
 * drops a 号. On the frame first (glyph positions, grid), then the PDF (pdf.js glyph
 * places, the Tz operator) and pixels (ink width of a condensed head).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/content/parseFiles.js';
import { assemblePage } from '../../../src/layout/assemblePage.js';
import type { PlacedLine } from '../../../src/layout/items.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import { setHeads, type HeadPart } from '../../../src/layout/page/setHeads.js';
import { setVerticalHead } from '../../../src/layout/page/setVerticalHead.js';
import { setEdition } from '../../../src/pipeline.js';
import { projectRoot } from '../../../src/projectRoot.js';
import { renderPdf } from '../../../src/render/pdf/renderPdf.js';
import { readFrame } from '../../../src/frame/schema.js';
import { pdfGlyphs } from '../../archive/pdfGlyphs.js';
import { fonts } from '../../helpers/fonts.js';
import { documentOf, renderOptions } from '../../helpers/frame.js';

const parsed = parseTemplate(fs.readFileSync(path.join(projectRoot, 'templates/broadsheet.yaml'), 'utf8'), 'templates/broadsheet.yaml', 'broadsheet');
if (!parsed.ok) throw new Error('broadsheet template does not parse');
const tpl = parsed.value;
const grid = pageGrid(tpl);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-heads-'));
const hei = fonts.face('hei');
const onGrid = (y: number) => Math.abs((y - grid.rowTop(1)) / grid.linePitch - Math.round((y - grid.rowTop(1)) / grid.linePitch)) < 1e-6;

/** A one-page document of placed lines, rendered; its file. */
async function pdfOf(lines: PlacedLine[], name: string): Promise<string> {
  const page = assemblePage({ kind: 'page', id: 'A01', width: 400, height: 600, items: lines }, { number: 1, channel: 'print' });
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, await renderPdf(readFrame(JSON.parse(JSON.stringify(documentOf([{ ...page, label: 'A01' }], fonts)))), renderOptions(fonts)));
  return file;
}

describe('竖排 heads — on the frame', () => {
  const col = { x: 100, width: 81, firstRow: 3, lastRow: 40 };
  const text = '在《江声》里，听见「南津渡」——一座城。';
  const v = setVerticalHead(text, 'hei', tpl.heads.vertical!, col, grid, fonts, 't');
  const run = v.line.runs[0];
  const chars = [...text];

  it('--- one-vertical-run --- one run marked vertical, a glyph per character, each with its source range', () => {
    expect(v.line.runs).toHaveLength(1);
    expect(run.vertical).toBe(true);
    expect(run.gids).toHaveLength(chars.length);
    expect(run.ys).toHaveLength(chars.length);
    expect(run.ranges).toHaveLength(2 * chars.length);
    expect(chars.map((_, i) => text.slice(run.ranges[2 * i], run.ranges[2 * i + 1])).join('')).toBe(text);
  });

  it('--- vert-forms --- ，。「」《》—— are the font’s vertical forms (other glyphs than across), ideographs are not', () => {
    chars.forEach((ch, i) => {
      const across = hei.gid(ch.codePointAt(0)!);
      if ('，。「」《》—'.includes(ch)) expect(run.gids[i], ch).not.toBe(across);
      else expect(run.gids[i], ch).toBe(across);
    });
  });

  it('--- em-steps-centred --- each glyph one em below the last (but the second bar of a ——) and centred across the column; the first em starts on the first row', () => {
    const size = run.size;
    const bar2 = text.indexOf('——') + 1;
    for (let i = 1; i < chars.length; i++) if (i !== bar2) expect(run.ys![i] - run.ys![i - 1]).toBeCloseTo(size, 6);
    for (let i = 0; i < chars.length; i++) expect(v.line.x + run.xs[i] + run.advs[i] / 2).toBeCloseTo(col.x + col.width / 2, 6);
    expect(v.line.baseline - v.line.ascent).toBeCloseTo(grid.rowTop(col.firstRow), 6);
    // the line box is the column: its foot is the last em's bottom, inside the rows given
    const closer = size - (run.ys![bar2] - run.ys![bar2 - 1]);
    expect(v.line.baseline + v.line.descent).toBeCloseTo(grid.rowTop(col.firstRow) + chars.length * size - closer, 6);
    expect(v.line.baseline + v.line.descent).toBeLessThanOrEqual(grid.rowTop(col.lastRow + 1) + 1e-6);
  });

  it('--- dash-unbroken --- the two bars of a vertical —— meet: the first bar’s ink ends where the second’s begins', () => {
    const i = text.indexOf('——');
    const [minY, maxY] = hei.verticalGlyph(0x2014).inkY;
    expect(maxY - minY).toBeGreaterThan(0.3);
    // ink in y-down page space: a glyph's ink spans baseline + ys - maxY·size … baseline + ys - minY·size
    const bottom1 = run.ys![i] - minY * run.size, top2 = run.ys![i + 1] - maxY * run.size;
    expect(top2).toBeCloseTo(bottom1, 6);
    // and the bars are closer than an em: without this the font's side bearings leave a gap
    expect(run.ys![i + 1] - run.ys![i]).toBeLessThan(run.size);
  });

  it('--- size-steps-down --- the largest allowed 号 whose column fits: 小初 for 4 characters, smaller for 19, reported over when none fits', () => {
    expect(setVerticalHead('渡口旧事', 'hei', tpl.heads.vertical!, col, grid, fonts, 't').fit).toMatchObject({ size: grid.size('小初'), step: 0, over: 0 });
    expect(v.fit.step).toBeGreaterThan(0);
    expect(v.fit.over).toBe(0);
    const short = setVerticalHead(text, 'hei', tpl.heads.vertical!, { ...col, lastRow: 10 }, grid, fonts, 't');
    expect(short.fit.over).toBe(1);
  });

  it('--- sample-feature --- A04 渡口旧事 is set vertically in the block’s first 变栏 column, the body beside it on the grid', async () => {
    const set = await setEdition('content/edition.yaml', fonts, { log: () => {} });
    expect(set.composed.diagnostics).toEqual([]);
    const a04 = set.print.pages.find((p) => p.label === 'A04')!;
    const blocks = a04.blocks.filter((b) => b.source.id === 'ferry');
    const head = blocks.filter((b) => b.source.component === 'head');
    expect(head).toHaveLength(1);
    const line = head[0].lines[0];
    expect(line.runs[0].vertical).toBe(true);
    expect(line.runs[0].text).toBe('渡口旧事——泓江轮渡八十年');
    expect(onGrid(line.baseline - line.ascent)).toBe(true);
    const body = blocks.filter((b) => b.source.component === 'body').flatMap((b) => b.lines);
    expect(Math.min(...body.map((l) => l.x))).toBeGreaterThanOrEqual(line.x + line.measure);
    expect(Math.min(...body.map((l) => l.baseline - l.ascent))).toBeCloseTo(line.baseline - line.ascent, 6);
    expect(set.composed.articles.find((a) => a.id === 'ferry')!.body.overLines).toBe(0);
  }, 60_000);
});

describe('竖排 heads — in the PDF', () => {
  it('--- glyph-places --- pdf.js finds every glyph where the frame put it: same x, baselines one em apart', async () => {
    const v = setVerticalHead('渡口旧事——《江声》。', 'hei', tpl.heads.vertical!, { x: 100, width: 81, firstRow: 3, lastRow: 40 }, grid, fonts, 't');
    const file = await pdfOf([v.line], 'vertical');
    const [page] = await pdfGlyphs(file);
    const run = v.line.runs[0];
    expect(page.glyphs.map((g) => g.ch).join('')).toBe(run.text);
    page.glyphs.forEach((g, i) => {
      expect(g.x).toBeCloseTo(v.line.x + run.xs[i], 2);
      expect(g.baseline).toBeCloseTo(v.line.baseline + run.ys![i], 2);
    });
    // pdftotext reads the head in its order
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    expect(text).toBe('渡口旧事——《江声》。');
  });
});

describe('长体/扁体', () => {
  const part = (text: string, scale?: number): HeadPart => ({ component: 'head', text, font: 'hei', sizes: tpl.heads.secondary.head, maxLines: 1, scale });
  const condensing = { ...grid, template: { ...tpl, copyfit: { ...tpl.copyfit, headScale: [80, 110] as [number, number] } } };
  // 13 字 at 二号 (22 pt) is 286 pt: in a 270-pt measure it needs 95 % to stay one line at 二号
  const text = '全市储气能力提升至一千八百万立方';
  const measure = [...text].length * grid.size('二号') * 0.93;

  it('--- condense-before-stepping-down --- a head too long at its 号 is condensed within the range before it drops a 号; the frame carries the scale', () => {
    const plain = setHeads([part(text)], 0, measure, 1, grid, fonts, 't', 'center');
    expect(plain.fits[0].step).toBeGreaterThan(0); // without 长体 it drops a 号
    expect(plain.fits[0].scale).toBe(100);
    const h = setHeads([part(text)], 0, measure, 1, condensing, fonts, 't', 'center');
    expect(h.fits[0]).toMatchObject({ step: 0, lines: 1, size: grid.size('二号') });
    expect(h.fits[0].scale).toBeLessThan(100);
    expect(h.fits[0].scale).toBeGreaterThanOrEqual(80);
    const run = h.runs[0].runs[0];
    expect(run.scale).toBe(h.fits[0].scale);
    // positions and advances in the frame are the scaled ones: the glyphs fit the measure
    const k = h.fits[0].scale / 100;
    expect(run.advs[1]).toBeCloseTo(grid.size('二号') * k, 6);
    expect(run.xs[run.xs.length - 1] + run.advs[run.advs.length - 1]).toBeLessThanOrEqual(measure + 1e-6);
  });

  it('--- beyond-the-range-steps-down --- when even the least scale does not fit, the 号 drops (and the scale resets)', () => {
    const tight = { ...grid, template: { ...tpl, copyfit: { ...tpl.copyfit, headScale: [95, 100] as [number, number] } } };
    const h = setHeads([part(text)], 0, measure * 0.85, 1, tight, fonts, 't', 'center');
    expect(h.fits[0].step).toBeGreaterThan(0);
    expect(h.fits[0].lines).toBe(1);
  });

  it('--- article-fixed-扁体 --- an article’s headScale 110 widens every glyph by 10 %', () => {
    const h = setHeads([part('老街修表铺', 110)], 0, 400, 1, grid, fonts, 't', 'center');
    expect(h.fits[0].scale).toBe(110);
    const run = h.runs[0].runs[0];
    expect(run.scale).toBe(110);
    expect(run.xs[1] - run.xs[0]).toBeCloseTo(grid.size('二号') * 1.1, 6);
  });

  it('--- pdf-Tz-and-ink --- the PDF sets Tz; a 90 % head’s ink is 0.9 of the same head at 100 %', async () => {
    const at = (scale: number, y: number) => {
      const l = setHeads([part('泓江三桥今日通车', scale)], 20, 360, y, grid, fonts, 't', 'left').runs[0];
      return { ...l, block: `h${scale}` } as PlacedLine;
    };
    const file = await pdfOf([at(100, 3), at(90, 10)], 'scaled');
    const qdf = path.join(tmp, 'scaled.qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    expect(fs.readFileSync(qdf, 'latin1')).toMatch(/\b90 Tz\b/);
    expect(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s/g, '')).toBe('泓江三桥今日通车泓江三桥今日通车');
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-singlefile', file, path.join(tmp, 'scaled')]);
    const ink = inkWidths(fs.readFileSync(path.join(tmp, 'scaled.pgm')), 150, [[grid.rowTop(3), grid.rowTop(8)], [grid.rowTop(10), grid.rowTop(15)]]);
    expect(ink[1] / ink[0]).toBeCloseTo(0.9, 1);
  });
});

/** Width of the ink (pixels < 128) in each band of a PGM, pt. */
function inkWidths(pgm: Buffer, dpi: number, bands: [number, number][]): number[] {
  const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/)!;
  const w = Number(header[1]);
  const data = pgm.subarray(header[0].length);
  const s = dpi / 72;
  return bands.map(([y0, y1]) => {
    let x0 = Infinity, x1 = -Infinity;
    for (let y = Math.round(y0 * s); y < Math.round(y1 * s); y++) {
      for (let x = 0; x < w; x++) if (data[y * w + x] < 128) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
      }
    }
    return (x1 - x0) / s;
  });
}
