import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { SfntMetrics } from '../../src/fonts/sfntMetrics.js';
import { projectRoot } from '../../src/projectRoot.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'fonts/fonts.json'), 'utf8')) as { roles: Record<string, { file: string }> };

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

describe('SfntMetrics on what is not a font', () => {
  it('--- undefined-not-a-throw --- so fontkit (which names the problem) stays in charge', () => {
    expect(SfntMetrics.read(new Uint8Array(0))).toBeUndefined();
    expect(SfntMetrics.read(new Uint8Array(64))).toBeUndefined();
  });
});
