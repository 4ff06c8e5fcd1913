import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { SfntMetrics } from '../../src/fonts/sfntMetrics.js';
import { projectRoot } from '../../src/projectRoot.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'fonts/fonts.json'), 'utf8')) as { roles: Record<string, { file: string }>; fallback: string[] };

describe.each(Object.entries(config.roles))('SfntMetrics on the %s font', (role, { file }) => {
  const bytes = fs.readFileSync(path.resolve(projectRoot, file));
  const font = fontkit.create(bytes);
  const m = SfntMetrics.read(bytes)!;

  it('--- same-glyph-as-fontkit --- for every BMP code point and the Ext. B–G blocks', () => {
    expect(m).toBeDefined();
    const differ: string[] = [];
    const check = (cp: number) => {
      if (m.gid(cp) !== font._cmapProcessor.lookup(cp)) differ.push(cp.toString(16));
    };
    for (let cp = 0; cp < 0x10000; cp++) check(cp);
    for (let cp = 0x20000; cp < 0x32000; cp += 7) check(cp);
    expect(differ.slice(0, 10), role).toEqual([]);
  });

  it('--- same-advance-and-ink-box --- for the glyphs of the Han, punctuation and Latin blocks', () => {
    for (const cp of [0x20, 0x41, 0x61, 0x31, 0x3001, 0x3002, 0xff0c, 0x201c, 0x201d, 0x300a, 0x4e00, 0x6c49, 0x9fa5]) {
      const gid = m.gid(cp);
      if (!gid) continue;
      const g = font.getGlyph(gid);
      expect(m.advance(gid), `${role} U+${cp.toString(16)}`).toBe(font.hmtx.metrics.get(Math.min(gid, font.hmtx.metrics.length - 1))!.advance);
      const box = m.box(gid);
      if (cp === 0x20) {
        expect(box).toBeUndefined();
        continue;
      }
      // The glyf header stores the box of the outline's points; fontkit's is the curves'
      // tight box: the same to within a few units, and never smaller.
      const at = `${role} U+${cp.toString(16)}`;
      const tol = 0.01 * font.unitsPerEm;
      expect(box!.minX, at).toBeLessThanOrEqual(g.bbox.minX + 1e-9);
      expect(box!.minY, at).toBeLessThanOrEqual(g.bbox.minY + 1e-9);
      expect(box!.maxX, at).toBeGreaterThanOrEqual(g.bbox.maxX - 1e-9);
      expect(box!.maxY, at).toBeGreaterThanOrEqual(g.bbox.maxY - 1e-9);
      for (const k of ['minX', 'minY', 'maxX', 'maxY'] as const) expect(Math.abs(box![k] - g.bbox[k]), at).toBeLessThan(tol);
    }
  });
});

describe.each(Object.entries(config.roles))('SfntMetrics.open on the %s font', (role, { file }) => {
  const full = path.resolve(projectRoot, file);
  const bytes = fs.readFileSync(full);
  const whole = SfntMetrics.read(bytes)!;

  it('--- open-equals-read --- tables, metrics, boxes and glyph records, read a glyph at a time from the file', () => {
    const lazy = SfntMetrics.open(full)!;
    expect(lazy).toBeDefined();
    expect(lazy.info()).toEqual(whole.info());
    for (const tag of ['head', 'hhea', 'maxp', 'cmap', 'hmtx', 'loca', 'OS/2', 'name', 'post']) {
      expect(Buffer.from(lazy.table(tag) ?? []).equals(Buffer.from(whole.table(tag) ?? [])), `${role} ${tag}`).toBe(true);
    }
    // a fallback role (缺字: a Japanese or Traditional face) need not have every simplified form
    const sample = '，。、“”《》（）中国新闻纸版面排字校对ABCxyz0123𠮷𡈼';
    const text = [...sample].filter((ch, i) => (config.fallback.includes(role) ? whole.gid(ch.codePointAt(0)!) > 0 : i < [...sample].length - 2)).join('');
    expect(text.length).toBeGreaterThan(20);
    const gids = [...text].map((ch) => whole.gid(ch.codePointAt(0)!));
    // half the records singly (box, glyph), the other half in one batch
    lazy.readGlyphs(gids.slice(gids.length / 2));
    for (const [i, gid] of gids.entries()) {
      expect(gid, `${role} ${[...text][i]}`).toBeGreaterThan(0);
      expect(lazy.gid([...text][i].codePointAt(0)!)).toBe(gid);
      expect(lazy.advance(gid)).toBe(whole.advance(gid));
      expect(lazy.box(gid)).toEqual(whole.box(gid));
      expect(Buffer.from(lazy.glyph(gid)).equals(Buffer.from(whole.glyph(gid))), `${role} glyph ${gid}`).toBe(true);
    }
  });
});

describe('SfntMetrics.open when the file changes under it', () => {
  it('--- replaced-font-refused --- outlines are not read from a file replaced since its tables were', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-font-'));
    const copy = path.join(dir, 'f.ttf');
    const song = path.resolve(projectRoot, config.roles.song.file);
    fs.copyFileSync(song, copy);
    const m = SfntMetrics.open(copy)!;
    const gid = m.gid(0x4e2d); // 中
    fs.rmSync(copy);
    fs.copyFileSync(path.resolve(projectRoot, config.roles.hei.file), copy);
    expect(() => m.glyph(gid)).toThrow(/changed while in use/);
    expect(m.glyph(65535 + 1).length).toBe(0);
  });
});

describe('SfntMetrics on what is not a font', () => {
  it('--- open-fails-clearly --- a missing file throws, a file that is no sfnt gives undefined', () => {
    expect(() => SfntMetrics.open(path.join(projectRoot, 'no-such-font.ttf'))).toThrow(/ENOENT/);
    expect(SfntMetrics.open(path.join(projectRoot, 'package.json'))).toBeUndefined();
  });

  it('--- undefined-not-a-throw --- so fontkit (which names the problem) stays in charge', () => {
    expect(SfntMetrics.read(new Uint8Array(0))).toBeUndefined();
    expect(SfntMetrics.read(new Uint8Array(64))).toBeUndefined();
  });
});
