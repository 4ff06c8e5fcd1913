import { describe, expect, it } from 'vitest';
import { composeWorkload } from '../../src/layout/composeWorkload.js';
import { pageRuns, type PlacedRun } from '../../src/frame/walk.js';
import { fonts } from '../helpers/fonts.js';
import { benchGeometry as G, workload } from '../helpers/workload.js';

const colW = (G.textW - (G.cols - 1) * G.gutter) / G.cols;
const bodyRuns = (runs: PlacedRun[]) => runs.filter((r) => r.source.component === 'body');

describe('composeWorkload', () => {
  const { pages, overflow } = composeWorkload(workload(20), fonts);
  const page = pages[0];
  const runs = pageRuns(page);

  it('--- fills-six-columns-without-overflow --- a page of text fills the columns', () => {
    expect(overflow).toEqual([]);
    const columns = new Set(bodyRuns(runs).map((r) => Math.round((r.x - G.marginX) / (colW + G.gutter))));
    expect([...columns].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('--- baselines-align-across-columns --- every column’s lines sit on the same baseline grid', () => {
    const byCol = new Map<number, number[]>();
    for (const r of bodyRuns(runs)) {
      const c = Math.round((r.x - G.marginX) / (colW + G.gutter));
      byCol.set(c, [...(byCol.get(c) ?? []), r.y]);
    }
    const cols = [...byCol.values()].map((ys) => [...new Set(ys)].sort((a, b) => a - b));
    const first = cols.reduce((m, l) => (l.length > m.length ? l : m));
    expect(first.length).toBe(Math.floor((G.textH - G.headBlock) / G.pitch));
    for (const [c, ys] of byCol) {
      const mine = [...new Set(ys)].sort((a, b) => a - b);
      // full columns have identical y sets; a column ended early (a widow or orphan kept off
      // its edge) or the last one may be shorter, but is a prefix
      expect(mine, `column ${c}`).toEqual(first.slice(0, mine.length));
    }
    for (let i = 1; i < first.length; i++) expect(first[i] - first[i - 1]).toBeCloseTo(G.pitch, 9);
  });

  it('--- no-glyph-outside-the-text-area --- ink stays inside the 版心 (± a trimmed half mark)', () => {
    const left = G.marginX, right = G.marginX + G.textW, top = G.marginY, bottom = G.marginY + G.textH;
    for (const r of runs) {
      expect(r.y).toBeGreaterThan(top);
      expect(r.y).toBeLessThanOrEqual(bottom);
      r.xs.forEach((x, i) => {
        expect(r.x + x).toBeGreaterThanOrEqual(left - 0.5 * r.size - 1e-6);
        expect(r.x + x + r.advs[i]).toBeLessThanOrEqual(right + 0.5 * r.size + 1e-6);
      });
    }
  });

  it('--- headline-centred-in-its-box --- spanning all columns, in 黑', () => {
    const head = runs.filter((r) => r.source.component === 'head');
    expect(head.length).toBeGreaterThan(0);
    expect(head.every((r) => r.font === 'hei' && r.size === G.headSize)).toBe(true);
    // centred by ink: an opening mark's empty left half and a closing one's right half trimmed
    const l = head[0];
    const chars = [...l.text];
    const inkLeft = l.x + l.xs[0] + ('“‘（《'.includes(chars[0]) ? 0.5 * l.size : 0);
    const inkRight = l.x + l.xs.at(-1)! + l.advs.at(-1)! - ('”’）》，。'.includes(chars.at(-1)!) ? 0.5 * l.size : 0);
    expect(inkLeft - G.marginX).toBeCloseTo(G.marginX + G.textW - inkRight, 0);
  });

  it('--- overflow-is-reported-in-lines-and-zi --- what does not fit is counted, not dropped silently', () => {
    const over = composeWorkload(workload(26), fonts);
    expect(over.overflow).toHaveLength(1);
    expect(over.overflow[0].lines).toBeGreaterThan(0);
    const set = pageRuns(over.pages[0]).filter((i) => i.source.component === 'body');
    const setChars = set.reduce((n, r) => n + [...r.text].filter((c) => c !== ' ').length, 0);
    const allChars = workload(26).pagesData[0].paras.join('').replace(/\s/g, '');
    expect(setChars + over.overflow[0].chars).toBe([...allChars].length);
  });

  it('--- page-tree-is-plain-json --- the tree survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(pages))).toEqual(pages);
  });
});
