import { describe, expect, it } from 'vitest';
import type { PlacedLine } from '../../../src/layout/items.js';
import { generatedNotices, layoutCtx, setOnPages, toSet } from './helpers.js';

const list = generatedNotices().map(toSet);
const { items } = setOnPages(list, 3);
const S = layoutCtx.style.size;
const P = layoutCtx.style.pitch;

/** The notice-size lines of a page (titles and group headers left out). */
function lines(page: (typeof items)[number]) {
  return page.items.filter((i): i is PlacedLine => i.kind === 'line' && i.source.component === 'notice' && i.runs.every((r) => r.size === S));
}

describe('notices page on the grid (issue 11 item 9)', () => {
  it('--- every-baseline-on-the-grid --- every notice line of every page sits a whole number of lines below the page’s first', () => {
    for (const page of items) {
      const ys = lines(page).map((l) => l.baseline);
      const y0 = Math.min(...ys);
      const off = ys.filter((y) => Math.abs((y - y0) / P - Math.round((y - y0) / P)) > 0.001);
      expect(off, page.page).toEqual([]);
    }
  });

  it('--- few-loose-lines --- at most 2 % of notice lines (not a paragraph’s last) open a gap of 0.10 em or more between ideographs', () => {
    let n = 0;
    let loose = 0;
    const samples: string[] = [];
    for (const page of items) {
      for (const l of lines(page)) {
        const glyphs = l.runs.flatMap((r) => [...r.text].map((ch, i) => ({ ch, x: l.x + r.xs[i], adv: r.advs[i] })));
        const end = glyphs.at(-1)!;
        if (l.last || end.x + end.adv < l.x + l.measure - S) continue; // a last or right-set line
        n++;
        let widest = 0;
        for (let k = 1; k < glyphs.length; k++) {
          const a = glyphs[k - 1], b = glyphs[k];
          if (/\p{Script=Han}/u.test(a.ch) && /\p{Script=Han}/u.test(b.ch)) widest = Math.max(widest, (b.x - a.x - a.adv) / S);
        }
        if (widest >= 0.1 - 1e-3) {
          loose++;
          if (samples.length < 8) samples.push(`${glyphs.map((g) => g.ch).join('')} ${widest.toFixed(2)}`);
        }
      }
    }
    console.log(`notices: ${loose} loose of ${n} lines`, samples);
    expect(loose / n).toBeLessThanOrEqual(0.02);
  });
});
