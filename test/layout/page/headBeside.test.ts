/**
 * 题在文旁 (issue 13): heads in the block's left columns, the body beside them from the
 * block's top, on the page's baseline grid.
 */
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../../src/content/loadEdition.js';
import { composeEdition } from '../../../src/layout/page/composeEdition.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import type { PlacedLine } from '../../../src/layout/items.js';
import { fonts } from '../../helpers/fonts.js';

const ed = loadEdition('content/edition.yaml');
const grid = pageGrid(ed.templates.broadsheet);

describe('head beside the text', () => {
  it('--- head-left-body-right --- economy with headBeside: 1 has its heads in column 1 and its body in columns 2–4 from line 67', () => {
    const articles = ed.articles.map((a) => (a.meta.id === 'economy' ? { ...a, meta: { ...a.meta, headBeside: 1 } } : a));
    const c = composeEdition({ ...ed, articles }, { fonts, photoInfo: new Map([...ed.articles.flatMap((a) => a.photos.map((p) => [p.path, { width: 2000, height: 1500 }] as const))]) });
    const lines = c.pages[0].items.filter((i): i is PlacedLine => i.kind === 'line' && i.source.id === 'economy');
    const heads = lines.filter((l) => ['kicker', 'head', 'deck'].includes(l.source.component));
    const body = lines.filter((l) => l.source.component === 'body');
    expect(heads.length).toBeGreaterThan(2);
    for (const l of heads) expect(l.x + l.measure).toBeLessThanOrEqual(grid.colX(1) + grid.columnWidth + 1e-6);
    expect(Math.min(...body.map((l) => l.x))).toBeCloseTo(grid.colX(2), 6);
    expect(Math.min(...body.map((l) => l.baseline))).toBeCloseTo(grid.baseline(67), 6);
    for (const l of body) expect(Math.abs((l.baseline - grid.baseline(1)) / grid.linePitch % 1)).toBeLessThan(1e-6);
  });
});
