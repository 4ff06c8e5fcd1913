/**
 * From set lines to the page tree, with a fake font of fixed advances: each glyph's
 * position and its own source range, lines with their em box, blocks grouped by their
 * producer's key with their extent, body blocks chained, the document JSON-plain.
 */
import { describe, expect, it } from 'vitest';
import { chainBodies } from '../../src/frame/document.js';
import { readFrame } from '../../src/frame/schema.js';
import { FRAME_VERSION, type Document } from '../../src/frame/types.js';
import { assemblePage } from '../../src/layout/assemblePage.js';
import { fillColumns, type FlowLine, type Slot } from '../../src/layout/fillColumns.js';
import { placeLine } from '../../src/layout/placeLine.js';
import { typesetParagraph } from '../../src/text/typesetParagraph.js';
import { fakeFont } from '../helpers/fakeFont.js';

const face = fakeFont({ cjk: 1, latin: 0.5 });
const set = (text: string, measure: number, size = 10) => typesetParagraph([{ text, face }], { size, measure, indent: 0, align: 'justify' });

describe('placeLine', () => {
  it('--- glyph-ranges --- each glyph names its own [start, end) in the paragraph, a word space included', () => {
    const [line] = set('泓江 Bridge 通车', 200);
    const run = placeLine(line, 50, 100, 10, { id: 'a', component: 'body', para: 3 });
    const text = '泓江 Bridge 通车';
    const r = run.runs[0];
    const cps = [...r.text];
    expect(cps.join('')).toBe(text);
    cps.forEach((c, i) => expect(text.slice(r.ranges[2 * i], r.ranges[2 * i + 1])).toBe(c));
    expect(run).toMatchObject({ kind: 'line', x: 50, baseline: 100, measure: 200, para: 3 });
    // the em box from the font: 0.88 / 0.12 of 10 pt
    expect(run.ascent).toBeCloseTo(8.8, 9);
    expect(run.descent).toBeCloseTo(1.2, 9);
  });

  it('--- fixed-advances --- ten ideographs at 10 pt in a 50-pt measure: two lines of five, glyphs 10 pt apart', () => {
    const lines = set('一二三四五六七八九十', 50);
    expect(lines).toHaveLength(2);
    const placed = lines.map((l, i) => placeLine(l, 0, 20 + 12 * i, 10, { id: 'a', component: 'body', para: 0 }));
    expect(placed[0].runs[0].xs).toEqual([0, 10, 20, 30, 40]);
    expect(placed[1].runs[0].ranges).toEqual([5, 6, 6, 7, 7, 8, 8, 9, 9, 10]);
  });
});

describe('assemblePage', () => {
  const body = (para: number, text: string): FlowLine[] => set(text, 50).map((line) => ({ line, source: { id: 'a', component: 'body', para }, size: 10, chars: line.chars }));
  const slots: Slot[] = [0, 1].map((c) => ({ x: 20 + c * 60, width: 50, firstBaseline: 30, pitch: 12, lines: 2 }));
  const flow = [...body(0, '一二三四五六七八九十'), ...body(1, '甲乙丙丁戊己')];
  const { placed, remaining } = fillColumns(flow, slots);
  const page = assemblePage({ kind: 'page', id: 'A01', width: 200, height: 100, items: [...placed, { kind: 'rule', x1: 20, y1: 60, x2: 130, y2: 60, width: 0.5 }] }, { number: 1, channel: 'print' });

  it('--- a-block-per-column --- each column is one body block with its lines in order; rules go to the page block', () => {
    expect(remaining).toEqual([]);
    expect(page.blocks.map((b) => [b.id, b.source.component, b.lines.length])).toEqual([['A01/a/body/0', 'body', 2], ['A01/a/body/1', 'body', 2], ['A01/page/furniture', 'furniture', 0]]);
    expect(page.blocks[1].lines.map((l) => l.para)).toEqual([1, 1]);
  });

  it('--- block-extent --- a block’s rect holds its lines’ measures and em boxes', () => {
    expect(page.blocks[0].rect).toEqual({ x: 20, y: 30 - 8.8, w: 50, h: 12 + 8.8 + 1.2 });
    expect(page.blocks[2].rect).toEqual({ x: 20, y: 59.75, w: 110, h: 0.5 });
  });

  it('--- body-chain-and-json --- body blocks chain through next; the document reads back unchanged', () => {
    chainBodies([page]);
    expect(page.blocks[0].next).toBe('A01/a/body/1');
    const doc: Document = {
      kind: 'document', version: FRAME_VERSION, title: 't', channel: 'print', meta: { paper: 'p', date: '2026-01-01', pages: [{ label: 'A01', number: 1 }] },
      fonts: { fake: { role: 'fake', file: 'fake.ttf', sha256: '0'.repeat(64), postscriptName: 'Fake', unitsPerEm: 1000, ascent: 0.88, descent: 0.12, emTop: 0.88, emBottom: 0.12 } },
      assets: {}, pages: [page],
    };
    expect(readFrame(JSON.stringify(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(() => readFrame(JSON.stringify({ ...doc, version: 2 }), 'x.json')).toThrow(/x\.json: version/);
  });
});

describe('schema/frame-v1.schema.json', () => {
  it('--- schema-file-current --- the committed JSON Schema is the reader’s (node scripts/write-frame-schema.mjs writes it)', async () => {
    const { frameJsonSchema } = await import('../../src/frame/schema.js');
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync('schema/frame-v1.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(frameJsonSchema())));
  });
});
