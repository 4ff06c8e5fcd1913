/**
 * The previews' own glyph drawing (src/render/preview): outlines read from the glyf records
 * are fontkit's outlines, and the coverage masks computed in JavaScript agree with the
 * canvas filling the same outline.
 */
import { createCanvas, Path2D } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/render/preview/coverage.js';
import { fontkitOutline, glyfOutline, outlineSvg } from '../../../src/render/preview/glyfOutline.js';
import { fonts } from '../../helpers/fonts.js';

const text = '犬只狂犬病免费免疫开始全市设置免疫点，。《》“”ABCgjQ@0123';

describe('glyph outlines and coverage', () => {
  for (const role of ['song', 'hei', 'kai']) {
    const face = fonts.face(role);
    const gids = [...text].map((c) => face.gid(c.codePointAt(0)!)).filter((g) => g > 0);

    it(`--- glyf-is-fontkit --- ${role}: the same pixels from our outline and from fontkit's`, () => {
      expect(gids.length).toBeGreaterThan(30);
      for (const gid of gids) {
        const box = face.sfnt!.box(gid)!;
        const a = coverage(glyfOutline(face.sfnt!, gid), box, 0.05, 0.25, 0.5);
        const b = coverage(fontkitOutline(face.font, gid), box, 0.05, 0.25, 0.5);
        expect([a.w, a.h]).toEqual([b.w, b.h]);
        let worst = 0, sum = 0;
        for (let i = 0; i < a.data.length; i++) {
          const d = Math.abs(a.data[i] - b.data[i]);
          worst = Math.max(worst, d);
          sum += d;
        }
        // of 255: the same shapes, curves flattened from differently ordered points
        expect(sum / a.data.length, `glyph ${gid}`).toBeLessThan(2);
        expect(worst, `glyph ${gid}`).toBeLessThanOrEqual(64);
      }
    });

    it(`--- coverage-is-the-canvas-fill --- ${role}: masks match Skia's fill of the outline at 5 and 9 px`, () => {
      for (const px of [5, 9]) {
        const k = px / face.upm;
        let ink = 0, skiaInk = 0, diff = 0, n = 0;
        for (const gid of gids) {
          const box = face.sfnt!.box(gid)!;
          const o = glyfOutline(face.sfnt!, gid);
          const m = coverage(o, box, k, 0, 0);
          const c = createCanvas(m.w, m.h);
          const ctx = c.getContext('2d');
          ctx.setTransform(k, 0, 0, -k, -m.x, -m.y);
          ctx.fill(new Path2D(outlineSvg(o)));
          const rgba = ctx.getImageData(0, 0, m.w, m.h).data;
          for (let i = 0; i < m.data.length; i++) {
            ink += m.data[i];
            skiaInk += rgba[4 * i + 3];
            diff += Math.abs(m.data[i] - rgba[4 * i + 3]);
            n++;
          }
        }
        // exact areas are a little darker than Skia's 16-level sampling on 5-px glyphs
        expect(ink / skiaInk).toBeGreaterThan(0.95);
        expect(ink / skiaInk).toBeLessThan(1.08);
        expect(diff / n).toBeLessThan(6);
      }
    });
  }
});
