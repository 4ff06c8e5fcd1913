import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, parseTemplate } from '../../../src/content/parseFiles.js';
import type { PlacedLine } from '../../../src/layout/items.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import { forcedLines, setHeads, type HeadPart } from '../../../src/layout/page/setHeads.js';
import { projectRoot } from '../../../src/projectRoot.js';
import { wordStarts } from '../../../src/text/wordStarts.js';
import { fonts } from '../../helpers/fonts.js';

const parsed = parseTemplate(fs.readFileSync(path.join(projectRoot, 'templates/broadsheet.yaml'), 'utf8'), 'templates/broadsheet.yaml', 'broadsheet');
if (!parsed.ok) throw new Error('broadsheet template does not parse');
const tpl = parsed.value;
const grid = pageGrid(tpl);
const dir = path.join(projectRoot, 'content/articles');
const metas = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => {
  const a = parseArticle(fs.readFileSync(path.join(dir, f), 'utf8'), f);
  if (!a.ok) throw new Error(`${f} does not parse`);
  return a.value.meta as unknown as Record<string, string>;
});
const zi = (n: number) => n * grid.charPt;
const set = (parts: HeadPart[], measure: number) => setHeads(parts, 0, measure, 1, grid, fonts, 't', 'center');
const part = (component: HeadPart['component'], text: string, sizes = tpl.heads.secondary.head, maxLines = 3): HeadPart => ({ component, text, font: 'hei', sizes, maxLines });
/** The lines of a head, by baseline: their source text (word spaces included). */
const linesOf = (lines: PlacedLine[]) =>
  [...lines].sort((a, b) => a.baseline - b.baseline).map((l) => ({ y: l.baseline, text: l.runs.map((r) => r.text).join('') }));
const PUNCT = /[，。、；：？！）》」』”’“‘（《「『\s]/;

/** True when every break between consecutive lines of `text` falls at a phrase boundary. */
function breaksAtPhrases(text: string, lines: string[]): string | undefined {
  const flat = text.replace(/\s+/g, '');
  const starts = wordStarts(flat);
  let at = 0;
  for (const l of lines.slice(0, -1)) {
    at += l.replace(/\s+/g, '').length;
    const edge = flat[at - 1] + flat[at];
    if (!starts[at] && !PUNCT.test(edge)) return `${lines.join(' / ')} breaks inside a word at ${at}`;
  }
  return undefined;
}

describe('heads (标题)', () => {
  it('--- sample-heads-break-between-words --- every kicker, head, deck and byline of the sample, at 1–4 columns, breaks only between words (jieba)', () => {
    let broken = 0;
    for (const m of metas) {
      for (const [component, key] of [['kicker', 'kicker'], ['head', 'title'], ['deck', 'deck'], ['byline', 'byline']] as const) {
        const text = m[key];
        if (!text) continue;
        for (const cols of [1, 2, 3, 4]) {
          const runs = set([part(component === 'byline' ? 'deck' : component, String(text), tpl.heads.secondary.head, 4)], zi(13 * cols + cols - 1)).runs;
          const lines = linesOf(runs).map((l) => l.text);
          if (lines.length > 1) broken++;
          expect(breaksAtPhrases(String(text), lines)).toBeUndefined();
        }
      }
    }
    expect(broken).toBeGreaterThan(10); // the test saw heads that had to break
  });

  it('--- forced-break --- a | or a line break in the source starts a new line', () => {
    expect(forcedLines('老菜场变身|“智慧菜场”')).toEqual(['老菜场变身', '“智慧菜场”']);
    expect(forcedLines('老菜场变身\n“智慧菜场”')).toEqual(['老菜场变身', '“智慧菜场”']);
    const lines = linesOf(set([part('head', '老菜场变身|“智慧菜场”')], zi(55)).runs);
    expect(lines.map((l) => l.text)).toEqual(['老菜场变身', '“智慧菜场”']);
  });

  it('--- pitch-proportional-to-size --- two lines of a head sit headPitch × size apart, not whole grid rows', () => {
    const out = set([part('head', '老菜场变身|“智慧菜场”', ['二号'])], zi(55));
    const [a, b] = linesOf(out.runs);
    const size = out.fits[0].size;
    expect(b.y - a.y).toBeCloseTo(tpl.typography.headPitch * size, 6);
  });

  it('--- centred-by-ink --- a head with quotes at both ends is centred on its ink (both empty halves trimmed), within 0.5 pt', () => {
    const measure = zi(41);
    const out = set([part('head', '“智慧菜场”', ['二号'])], measure);
    const r = out.runs[0].runs[0];
    const size = r.size;
    const inkL = r.xs[0] + 0.5 * size; // “: ink in the right half
    const inkR = r.xs.at(-1)! + 0.5 * size; // ”: ink in the left half
    expect(Math.abs((inkL + inkR) / 2 - measure / 2)).toBeLessThan(0.5);
  });

  it('--- phrase-space-one-em --- a space between ideographs in a head is 一字空, wider than the Han–digit gap', () => {
    const out = set([part('deck', '新开B9路快速公交 撤销3条重复线路', ['四号'])], zi(41));
    const r = out.runs[0].runs[0];
    const i = [...r.text].indexOf(' ');
    // the space glyph is emitted at the gap's start; the next glyph starts one em later
    expect((r.xs[i + 1] - r.xs[i]) / r.size).toBeCloseTo(1, 6);
  });

  it('--- step-down-before-breaking-a-phrase --- a deck that would break at its first size but fits one 号 smaller is set smaller on one line', () => {
    const text = '新开B9路快速公交 撤销3条重复线路';
    const out = set([part('deck', text, ['三号', '四号'], 2)], zi(29));
    expect(out.fits[0].lines).toBe(1);
    expect(out.fits[0].step, JSON.stringify(out.fits)).toBe(1);
  });
});
