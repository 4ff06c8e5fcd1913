/**
 * The front page's elements on the page tree of the sample edition (issue 13), counts and
 * rects before pixels: the boxed 变栏 导读 and commentary, the photo above a head, the
 * story chained over three blocks on two pages, the masthead art in a spot colour, the
 * PDF ad and its 广告 label; every text line in a box on the page's baseline grid.
 */
import { describe, expect, it } from 'vitest';
import { setEdition } from '../../../src/pipeline.js';
import { lineText } from '../../../src/frame/walk.js';
import type { Block, Page } from '../../../src/frame/types.js';
import { readFrame } from '../../../src/frame/schema.js';
import { pageGrid } from '../../../src/layout/page/pageGrid.js';
import { fonts } from '../../helpers/fonts.js';

const set = await setEdition('content/edition.yaml', fonts, { log: () => {} });
const doc = set.print;
const a01 = doc.pages[0];
const grid = pageGrid(set.edition.templates.broadsheet);
const of = (p: Page, id: string, component?: string) => p.blocks.filter((b) => b.source.id === id && (!component || b.source.component === component));
const onGrid = (y: number) => Math.abs(((y - grid.baseline(1)) / grid.linePitch) - Math.round((y - grid.baseline(1)) / grid.linePitch)) < 1e-6;
const text = (bs: Block[]) => bs.flatMap((b) => b.lines.map(lineText)).join('');

describe('front page (issue 13) — on the frame', () => {
  it('--- builds-clean --- the sample edition sets with no overset and no layout warning', () => {
    expect(set.composed.articles.filter((a) => a.body.overLines > 0).map((a) => a.id)).toEqual([]);
    expect(set.composed.diagnostics).toEqual([]);
    expect(readFrame(JSON.parse(JSON.stringify(doc))).pages.length).toBe(doc.pages.length);
  });

  it('--- guide-boxed-2-columns --- the 导读 lists the other pages’ stories in 2 columns inside a double frame', () => {
    const body = of(a01, 'guide', 'body');
    expect(body).toHaveLength(2);
    const [left, right] = body.map((b) => b.lines[0].x);
    expect(right - left).toBeGreaterThan(body[0].lines[0].measure);
    const frame = of(a01, 'guide', 'panel')[0].graphics.filter((g) => g.kind === 'box');
    expect(frame).toHaveLength(2); // double
    const list = text(body);
    for (const label of ['A02', 'A03', 'A04']) expect(list).toContain(label);
    expect(list).toContain('老菜场变身“智慧菜场”');
    // balanced, and no entry split between columns
    expect(Math.abs(body[0].lines.length - body[1].lines.length)).toBeLessThanOrEqual(2);
    const paras = body.map((b) => new Set(b.lines.map((l) => l.para)));
    for (const p of paras[0]) expect(paras[1].has(p)).toBe(false);
    // inside the frame, on the grid
    const box = frame[0];
    for (const b of body) for (const l of b.lines) {
      expect(onGrid(l.baseline)).toBe(true);
      expect(l.x).toBeGreaterThan(box.kind === 'box' ? box.x : 0);
      expect(l.baseline).toBeLessThan(box.kind === 'box' ? box.y + box.h : 0);
    }
  });

  it('--- commentary-变栏-3-in-a-tint --- a 4-column block set in 3 columns inside a tinted thick-thin frame', () => {
    const body = of(a01, 'commentary', 'body');
    expect(body).toHaveLength(3);
    const xs = body.map((b) => b.lines[0].x);
    expect(new Set(xs).size).toBe(3);
    for (const b of body) expect(Math.round(b.lines[0].measure / grid.charPt)).toBe(16);
    const g = of(a01, 'commentary', 'panel')[0].graphics;
    expect(g.filter((x) => x.kind === 'box' && x.fill !== undefined)).toHaveLength(1);
    const strokes = g.filter((x) => x.kind === 'box' && x.stroke > 0).map((x) => (x.kind === 'box' ? x.stroke : 0));
    expect(strokes[0]).toBeGreaterThan(strokes[1]); // thick outside, thin inside
    for (const b of [...body, ...of(a01, 'commentary', 'head')]) for (const l of b.lines) expect(onGrid(l.baseline) || b.source.component === 'head').toBe(true);
  });

  it('--- photo-above-head --- the cold-wave photo is above its kicker and head', () => {
    const photo = of(a01, 'cold-wave', 'photo')[0];
    const kicker = of(a01, 'cold-wave', 'kicker')[0];
    expect(photo.kind).toBe('image');
    expect(photo.rect.y).toBeCloseTo(grid.rowTop(17), 2);
    expect(kicker.lines[0].baseline - kicker.lines[0].ascent).toBeGreaterThan(photo.rect.y + photo.rect.h);
  });

  it('--- chain-three-blocks-two-pages --- science-fair runs A01 → A01 → A02 with 转/上接 on every hop, one story in the copyfit', () => {
    const jumps = doc.pages.flatMap((p) => p.blocks.filter((b) => b.source.id === 'science-fair').flatMap((b) => b.lines.filter((l) => (l.component ?? b.source.component) === 'jump').map((l) => `${p.label}:${lineText(l)}`)));
    expect(jumps).toEqual(['A01:（下转第8栏）', 'A01:（上接第6栏）', 'A01:（转第2版）', 'A02:（上接第1版）']);
    const bodies = doc.pages.flatMap((p) => of(p, 'science-fair', 'body').map((b) => b.id));
    // the chain through next: every body block links to the following one
    const byId = new Map(doc.pages.flatMap((p) => p.blocks).map((b) => [b.id, b]));
    for (let i = 0; i + 1 < bodies.length; i++) expect(byId.get(bodies[i])!.next).toBe(bodies[i + 1]);
    expect(bodies.filter((id) => id.startsWith('A02/')).length).toBeGreaterThan(0);
    const fit = set.composed.articles.find((a) => a.id === 'science-fair')!;
    expect(fit.chain).toEqual(['A01', 'A02']);
    expect(fit.body.overLines).toBe(0);
    const body = set.edition.articles.find((a) => a.meta.id === 'science-fair')!.body;
    const all = body.map((b) => (b.kind === 'subhead' ? b.text : b.spans.map((s) => s.text).join(''))).join('');
    expect(text(doc.pages.flatMap((p) => of(p, 'science-fair', 'body'))).replace(/（[^）]*[栏版]）/g, '')).toBe(all);
  });

  it('--- masthead-art-in-spot --- the 报头 is a filled path in 报头红, the spot the document lists with its CMYK alternate', () => {
    const art = a01.blocks.flatMap((b) => b.graphics).filter((g) => g.kind === 'path');
    expect(art).toHaveLength(1);
    expect(art[0].kind === 'path' && art[0].fill).toEqual({ spot: '报头红', tint: 1 });
    expect(doc.spots).toEqual({ 报头红: [0, 1, 0.85, 0.05] });
    const ear = text(of(a01, 'ear'));
    expect(ear).toContain('邮发代号');
    expect(ear).toContain('41-17');
  });

  it('--- pdf-ad-booked-size --- the ad is a form of its booked size with the 广告 label under it', () => {
    const ad = of(a01, 'hongjiang-bank');
    const form = ad.flatMap((b) => b.graphics).find((g) => g.kind === 'form');
    expect(form).toMatchObject({ kind: 'form', x: grid.colX(7), y: grid.rowTop(87), w: grid.span(2), h: 16 * grid.linePitch, asset: 'ad-hongjiang-bank' });
    expect(set.composed.forms.map((f) => f.asset)).toEqual(['ad-hongjiang-bank']);
    expect(text(ad)).toBe('广告');
  });
});
