/**
 * A block's text area (issue 13): a box's frames and tint, the inset on whole grid lines,
 * 变栏 columns of whole 字, and the white text of a 反白 panel.
 */
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../../src/content/loadEdition.js';
import { blockArea } from '../../../src/layout/page/blockArea.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';

const grid = pageGrid(loadEdition('content/edition.yaml').templates.broadsheet);
const rect = { col: 2, line: 20, cols: 4, lines: 30 };
const box = (o: object) => ({ frame: 'single' as const, weight: 0.75, reverse: false, inset: 1, ...o });

describe('blockArea', () => {
  it('--- plain --- no box and no 变栏: the grid columns themselves', () => {
    const a = blockArea(rect, grid, { reserveBottom: true, id: 'x' });
    expect(a.columns.map((c) => c.x)).toEqual([2, 3, 4, 5].map((c) => grid.colX(c)));
    expect([a.firstLine, a.lastLine]).toEqual([20, 48]);
    expect(a.graphics).toEqual([]);
  });

  it('--- single-frame-inset --- the frame on the rect, the text one line and one 字 inside it', () => {
    const a = blockArea(rect, grid, { box: box({}), reserveBottom: false, id: 'x' });
    expect(a.graphics).toHaveLength(1);
    const g = a.graphics[0];
    expect(g.kind === 'box' && g.x).toBeCloseTo(grid.colX(2) + 0.375, 6);
    expect([a.firstLine, a.lastLine]).toEqual([21, 48]);
    expect(a.x).toBeCloseTo(grid.colX(2) + grid.charPt + 0.75, 6);
    for (const c of a.columns) expect(Math.abs(c.width / grid.charPt - Math.round(c.width / grid.charPt))).toBeLessThan(1e-9);
  });

  it('--- 变栏 --- 3 columns of whole 字 with a 1.5-字 gutter, centred in the area', () => {
    const a = blockArea(rect, grid, { columns: 3, gutter: 1.5, reserveBottom: false, id: 'x' });
    expect(a.columns).toHaveLength(3);
    const w = a.columns[0].width;
    expect(w / grid.charPt).toBe(Math.floor((grid.span(4) - 3 * grid.charPt) / 3 / grid.charPt));
    expect(a.columns[1].x - a.columns[0].x - w).toBeCloseTo(1.5 * grid.charPt, 6);
    const left = a.columns[0].x - grid.colX(2), right = grid.colX(2) + grid.span(4) - (a.columns[2].x + w);
    expect(left).toBeCloseTo(right, 6);
  });

  it('--- reverse --- a 反白 panel: a dark tint under white text', () => {
    const a = blockArea(rect, grid, { box: box({ frame: 'none', reverse: true }), reserveBottom: false, id: 'x' });
    expect(a.graphics).toHaveLength(1);
    expect(a.graphics[0].kind === 'box' && a.graphics[0].fill).toEqual({ gray: 0.15 });
    expect(a.fill).toEqual({ gray: 1 });
  });

  it('--- double-and-thick-thin --- two rules each, the inner one inside the outer', () => {
    for (const frame of ['double', 'thick-thin'] as const) {
      const a = blockArea(rect, grid, { box: box({ frame, weight: 2 }), reserveBottom: false, id: 'x' });
      const [o, i] = a.graphics.map((g) => (g.kind === 'box' ? g : undefined)!);
      expect(i.x).toBeGreaterThan(o.x + o.stroke / 2);
      expect(frame === 'double' ? i.stroke : o.stroke).toBe(2);
      if (frame === 'thick-thin') expect(i.stroke).toBeLessThan(o.stroke);
    }
  });
});
