/**
 * A glyph's coverage at page resolution, computed in JavaScript: every pixel gets the exact
 * area of it the outline covers (signed areas accumulated along each scanline, as font-rs
 * and stb_truetype's second rasterizer do; non-zero filling, overlapping contours counted
 * once). Why not the canvas: a thumbnail's text is tens of thousands of glyphs a few
 * pixels tall, where a canvas fill and its read-back cost 10–100 µs each and this a few.
 */
import { CLOSE, CUBIC, LINE, MOVE, QUAD, type Outline } from './glyfOutline.js';

export interface Coverage {
  /** The mask's top left, page pixels from the glyph's origin (rounded down). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** 0–255, w × h. */
  data: Uint8Array;
}

/**
 * The coverage of `outline` (font units, y up) scaled by `k` pixels a unit (`kx` across),
 * its origin `fx`, `fy` pixels into a pixel (0 ≤ f < 1), over the ink box `box` (font units).
 */
export function coverage(outline: Outline, box: { minX: number; minY: number; maxX: number; maxY: number }, k: number, fx: number, fy: number, kx = k): Coverage {
  const x = Math.floor(fx + box.minX * kx) - 1, y = Math.floor(fy - box.maxY * k) - 1;
  const w = Math.ceil(fx + box.maxX * kx) - x + 1, h = Math.ceil(fy - box.minY * k) - y + 1;
  const acc = new Float32Array(w * h + 2);
  // outline units → mask pixels (y down)
  const ox = fx - x, oy = fy - y;
  const px = (u: number) => ox + u * kx, py = (v: number) => oy - v * k;
  let cx = 0, cy = 0, sx = 0, sy = 0;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    if (y0 === y1) return;
    let dir = 1;
    if (y0 > y1) {
      dir = -1;
      [x0, y0, x1, y1] = [x1, y1, x0, y0];
    }
    const dxdy = (x1 - x0) / (y1 - y0);
    let xx = x0;
    if (y0 < 0) xx -= y0 * dxdy;
    const yEnd = Math.min(h, Math.ceil(y1));
    for (let yy = Math.max(0, Math.floor(y0)); yy < yEnd; yy++) {
      const row = yy * w;
      const dy = Math.min(yy + 1, y1) - Math.max(yy, y0);
      const xnext = xx + dxdy * dy;
      const d = dy * dir;
      const a = xx < xnext ? xx : xnext, b = xx < xnext ? xnext : xx;
      const a0 = Math.floor(a), ai = a0 | 0;
      const b1 = Math.ceil(b), bi = b1 | 0;
      if (bi <= ai + 1) {
        const xmf = 0.5 * (xx + xnext) - a0;
        acc[row + ai] += d - d * xmf;
        acc[row + ai + 1] += d * xmf;
      } else {
        const s = 1 / (b - a);
        const af = a - a0;
        const am0 = 0.5 * s * (1 - af) * (1 - af);
        const bf = b - b1 + 1;
        const am = 0.5 * s * bf * bf;
        acc[row + ai] += d * am0;
        if (bi === ai + 2) acc[row + ai + 1] += d * (1 - am0 - am);
        else {
          const a1 = s * (1.5 - af);
          acc[row + ai + 1] += d * (a1 - am0);
          for (let xi = ai + 2; xi < bi - 1; xi++) acc[row + xi] += d * s;
          const a2 = a1 + (bi - ai - 3) * s;
          acc[row + bi - 1] += d * (1 - a2 - am);
        }
        acc[row + bi] += d * am;
      }
      xx = xnext;
    }
  };
  const to = (x1: number, y1: number) => {
    line(cx, cy, x1, y1);
    cx = x1;
    cy = y1;
  };
  for (let i = 0; i < outline.length; ) {
    const op = outline[i++];
    if (op === MOVE) {
      if (cx !== sx || cy !== sy) to(sx, sy);
      cx = sx = px(outline[i++]);
      cy = sy = py(outline[i++]);
    } else if (op === LINE) to(px(outline[i++]), py(outline[i++]));
    else if (op === QUAD) {
      const x1 = px(outline[i++]), y1 = py(outline[i++]), x2 = px(outline[i++]), y2 = py(outline[i++]);
      const x0 = cx, y0 = cy;
      // segments enough that the chords stay within ~1/8 px of the curve
      const dd = Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2);
      const n = Math.max(1, Math.ceil(Math.sqrt(dd * 2)));
      for (let j = 1; j <= n; j++) {
        const t = j / n, u = 1 - t;
        to(u * u * x0 + 2 * u * t * x1 + t * t * x2, u * u * y0 + 2 * u * t * y1 + t * t * y2);
      }
    } else if (op === CUBIC) {
      const x1 = px(outline[i++]), y1 = py(outline[i++]), x2 = px(outline[i++]), y2 = py(outline[i++]), x3 = px(outline[i++]), y3 = py(outline[i++]);
      const x0 = cx, y0 = cy;
      const dd = Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3));
      const n = Math.max(1, Math.ceil(Math.sqrt(dd * 3)));
      for (let j = 1; j <= n; j++) {
        const t = j / n, u = 1 - t;
        to(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
      }
    } else if (op === CLOSE) to(sx, sy);
  }
  if (cx !== sx || cy !== sy) to(sx, sy);
  const data = new Uint8Array(w * h);
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    sum += acc[i];
    const c = Math.abs(sum);
    data[i] = c >= 1 ? 255 : Math.round(c * 255);
  }
  return { x, y, w, h, data };
}
