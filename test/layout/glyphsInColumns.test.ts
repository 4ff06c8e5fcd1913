/**
 * Issue 11 item 7: no glyph is ever set outside its column — over the sample edition's
 * pages (heads, decks, bylines, bodies, captions, the notices page) and over a generated
 * page of text with URLs, long numbers and IDs in 13-字 columns. A glyph's advance box may
 * pass the measure only by the empty half of a trimmed line-start or line-end mark.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEdition, readFrame } from '../../src/index.js';
import type { Line } from '../../src/frame/types.js';
import { typesetParagraph } from '../../src/text/typesetParagraph.js';
import { song } from '../helpers/fonts.js';

const OPEN = '“‘（《「『【〔〈';
const CLOSE = '，。、；：？！）》」』”’〉】〕';

/** Glyphs of a line outside [x, x + measure], a trimmed mark's empty half allowed. */
function outside(line: Line): string[] {
  const out: string[] = [];
  for (const r of line.runs) {
    [...r.text].forEach((ch, i) => {
      const l = r.xs[i] + (OPEN.includes(ch) ? r.size / 2 : 0);
      const right = r.xs[i] + r.advs[i] - (CLOSE.includes(ch) ? r.size / 2 : 0);
      if (l < -0.01 || right > line.measure + 0.01) out.push(`${ch} at ${r.xs[i].toFixed(2)} of ${line.measure.toFixed(2)}`);
    });
  }
  return out;
}

describe('no glyph outside its column', () => {
  it('--- sample-edition --- every line of every page of the sample edition keeps its glyphs inside its measure', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-cols-')), 'out');
    await buildEdition('content/edition.yaml', out, { preview: false, log: () => {} });
    const doc = readFrame(fs.readFileSync(path.join(out, 'frame.json'), 'utf8'));
    let lines = 0;
    for (const page of doc.pages) {
      for (const block of page.blocks) {
        for (const line of block.lines) {
          lines++;
          expect(outside(line), `${page.label} ${block.id}`).toEqual([]);
        }
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('--- generated-columns --- URLs, 30-digit numbers and IDs in 13-字 columns stay inside', () => {
    const texts = [
      '详情请登录市政府网站https://www.example.gov.cn/zhengce/content/2026-11/index_main.html?id=123&from=home查询。',
      '编号123456789012345678901234567890已作废，特此声明。',
      '曹振弓残疾证丢失，证号：13232219700107183744，特此声明。',
      '请访问www.example.com/a_very_long_path_without_any_breaks_in_it_at_all_1234567890了解详情。',
    ];
    for (const zi of [8, 13, 17]) {
      for (const text of texts) {
        const size = 9;
        for (const l of typesetParagraph([{ text, face: song() }], { size, measure: zi * size, indent: 2 * size, align: 'justify', diagnostics: [] })) {
          const line = { baseline: 0, x: 0, measure: l.width, ascent: 0, descent: 0, runs: l.runs.map((r) => ({ ...r, size, ranges: [] })) };
          expect(outside(line), `${zi} 字: ${text}`).toEqual([]);
        }
      }
    }
  });
});
