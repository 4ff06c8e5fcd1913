/**
 * The preview's own pixel drawing (renderPreview without the canvas): boxes and rules by
 * the area they cover, every glyph from its coverage mask — 长体 condensed across — and
 * the canvas library left unloaded for a page that has no SVG path, slanted rule or marks.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src/frame/types.js';
import { projectRoot } from '../../../src/projectRoot.js';
import { OutlineCache, renderPreview } from '../../../src/render/preview/renderPreview.js';
import { fonts } from '../../helpers/fonts.js';
import { workloadDocument } from '../../helpers/frame.js';
import { workload } from '../../helpers/workload.js';

const doc = workloadDocument(workload(1), fonts);
const outlines = new OutlineCache((ref) => fonts.faceForFile(ref.role, ref.file));
const draw = async (page: Page, dpi: number) => PNG.sync.read(await renderPreview(page, { fonts: doc.fonts, images: {} }, outlines, dpi));
type Png = ReturnType<typeof PNG.sync.read>;
const at = (png: Png, x: number, y: number) => png.data[4 * (y * png.width + x)];

describe('preview pixels', () => {
  it('--- box-and-rule --- a grey box with a black 2-pt stroke and a level 1-pt rule, at 72 dpi', async () => {
    const page: Page = {
      ...doc.pages[0], blocks: [{
        id: 'g', kind: 'graphic', source: { id: 'g', component: 'panel' }, rect: { x: 100, y: 100, w: 100, h: 60 }, lines: [],
        graphics: [
          { kind: 'box', x: 100, y: 100, w: 100, h: 60, fill: { gray: 0.5 }, stroke: 2 },
          { kind: 'rule', x1: 100, y1: 200.5, x2: 200, y2: 200.5, width: 1 },
        ],
      }],
    } as Page;
    const png = await draw(page, 72);
    expect(at(png, 150, 130)).toBe(128); // the fill
    expect(at(png, 100, 130)).toBe(0); // the stroke, 1 pt each side of the edge
    expect(at(png, 98, 130)).toBe(255); // outside it
    expect(at(png, 102, 130)).toBe(128); // inside it
    expect(at(png, 150, 200)).toBe(0); // the rule: y 200–201
    expect(at(png, 150, 199)).toBe(255);
    expect(at(png, 205, 200)).toBe(255); // butt end
  });

  it('--- condensed-head --- a head glyph at 90 % (长体) has 0.9 of its ink width', async () => {
    const head = doc.pages[0].blocks.find((b) => b.source.component === 'head')!;
    const r = head.lines[0].runs[0];
    // one glyph: the pitch of several would shrink the run's width by itself
    const glyph = { ...r, text: [...r.text][0], gids: r.gids.slice(0, 1), xs: [0], advs: r.advs.slice(0, 1), ranges: r.ranges.slice(0, 2) };
    const only = (scale: number): Page => ({ ...doc.pages[0], blocks: [{ ...head, lines: [{ ...head.lines[0], runs: [{ ...glyph, scale }] }] }] });
    const width = (png: Png) => {
      let lo = png.width, hi = -1;
      for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (at(png, x, y) < 128) (lo = Math.min(lo, x)), (hi = Math.max(hi, x));
      return hi - lo + 1;
    };
    const full = width(await draw(only(100), 150)), condensed = width(await draw(only(90), 150));
    expect(full).toBeGreaterThan(30);
    expect(condensed / full).toBeGreaterThan(0.88);
    expect(condensed / full).toBeLessThan(0.92);
  });

  it('--- no-canvas --- a page of text, boxes and level rules is drawn without loading the canvas library; an SVG path loads it', () => {
    // in a process of its own: whether Skia's shared object was loaded is the question
    const dist = path.join(projectRoot, 'dist');
    if (!fs.existsSync(path.join(dist, 'render/preview/renderPreview.js'))) throw new Error('run npm run build first (dist/ is what this test loads)');
    const frame = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-nocanvas-')), 'page.json');
    try {
      fs.writeFileSync(frame, JSON.stringify(doc));
      const script = `
        const [{ FontBook }, { OutlineCache, renderPreview }] = await Promise.all([import(${JSON.stringify(path.join(dist, 'fonts/fontBook.js'))}), import(${JSON.stringify(path.join(dist, 'render/preview/renderPreview.js'))})]);
        const fonts = FontBook.load(${JSON.stringify(projectRoot)});
        const outlines = new OutlineCache((ref) => fonts.faceForFile(ref.role, ref.file));
        const doc = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(frame)}, 'utf8'));
        const skia = () => process.report.getReport().sharedObjects.some((f) => /canvas|skia/i.test(f));
        await renderPreview(doc.pages[0], { fonts: doc.fonts, images: {} }, outlines, 40);
        const plain = skia();
        const page = { ...doc.pages[0], blocks: [...doc.pages[0].blocks, { id: 'art', kind: 'box', source: { id: 'art', component: 'box' }, rect: { x: 0, y: 0, w: 10, h: 10 }, lines: [], graphics: [{ kind: 'path', x: 0, y: 0, w: 10, h: 10, viewBox: [0, 0, 10, 10], d: 'M0 0L10 0L10 10Z' }] }] };
        await renderPreview(page, { fonts: doc.fonts, images: {} }, outlines, 40);
        console.log(JSON.stringify({ plain, withPath: skia() }));`;
      const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n').pop()!);
      expect(out).toEqual({ plain: false, withPath: true });
    } finally {
      fs.rmSync(path.dirname(frame), { recursive: true, force: true });
    }
  });
});
