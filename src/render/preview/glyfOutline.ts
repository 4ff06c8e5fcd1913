/**
 * A TrueType glyph's outline as path commands in font units (y up), read from its glyf
 * record — the record the PDF subset copies (src/fonts/sfntMetrics.ts reads it from the
 * file on first use). Why not fontkit: it needs the whole 10–15 MB file in memory and
 * parses its tables per font and per preview worker, where a page's previews need the few
 * thousand records of the glyphs set on it. Composite glyphs are resolved (offsets and
 * scales of their components); hinting instructions are ignored, as every renderer of a
 * scaled preview does.
 */
import type * as fontkit from 'fontkit';
import type { SfntMetrics } from '../../fonts/sfntMetrics.js';

const ON_CURVE = 0x01, X_SHORT = 0x02, Y_SHORT = 0x04, REPEAT = 0x08, X_SAME = 0x10, Y_SAME = 0x20;
// composite glyph flags (OpenType glyf table)
const ARG_WORDS = 0x0001, ARGS_XY = 0x0002, HAVE_SCALE = 0x0008, MORE = 0x0020, HAVE_XY_SCALE = 0x0040, HAVE_2X2 = 0x0080;

/** A point transform of a component: x' = a·x + c·y + e, y' = b·x + d·y + f. */
type Affine = [number, number, number, number, number, number];
const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];

/**
 * A glyph's outline as path commands in font units, y up: MOVE x y, LINE x y, QUAD cx cy x y,
 * CUBIC c1x c1y c2x c2y x y (from fontkit, for CFF fonts), CLOSE.
 */
export type Outline = number[];
export const MOVE = 0, LINE = 1, QUAD = 2, CUBIC = 3, CLOSE = 4;

/** The outline of glyph `gid` (empty for a glyph without one). */
export function glyfOutline(sfnt: SfntMetrics, gid: number): Outline {
  const out: Outline = [];
  addGlyph(sfnt, gid, IDENTITY, out, 0);
  return out;
}

/** An outline as SVG path data (for a canvas Path2D). */
export function outlineSvg(o: Outline): string {
  let d = '';
  for (let i = 0; i < o.length; ) {
    const op = o[i++];
    if (op === MOVE) d += `M${o[i++]} ${o[i++]}`;
    else if (op === LINE) d += `L${o[i++]} ${o[i++]}`;
    else if (op === QUAD) d += `Q${o[i++]} ${o[i++]} ${o[i++]} ${o[i++]}`;
    else if (op === CUBIC) d += `C${o[i++]} ${o[i++]} ${o[i++]} ${o[i++]} ${o[i++]} ${o[i++]}`;
    else d += 'Z';
  }
  return d;
}

function addGlyph(sfnt: SfntMetrics, gid: number, m: Affine, out: Outline, depth: number): void {
  const g = sfnt.glyph(gid);
  if (g.length < 10 || depth > 8) return;
  const v = new DataView(g.buffer, g.byteOffset, g.byteLength);
  const contours = v.getInt16(0);
  if (contours >= 0) return simple(v, contours, m, out);
  let p = 10;
  for (let more = true; more; ) {
    const flags = v.getUint16(p), child = v.getUint16(p + 2);
    p += 4;
    let dx = 0, dy = 0;
    if (flags & ARG_WORDS) {
      dx = flags & ARGS_XY ? v.getInt16(p) : 0;
      dy = flags & ARGS_XY ? v.getInt16(p + 2) : 0;
      p += 4;
    } else {
      dx = flags & ARGS_XY ? v.getInt8(p) : 0;
      dy = flags & ARGS_XY ? v.getInt8(p + 1) : 0;
      p += 2;
    }
    // point-matched components (no ARGS_XY) are placed unmoved: rare in CJK fonts
    let a = 1, b = 0, c = 0, d = 1;
    const f2 = (o: number) => v.getInt16(o) / 16384;
    if (flags & HAVE_SCALE) {
      a = d = f2(p);
      p += 2;
    } else if (flags & HAVE_XY_SCALE) {
      a = f2(p);
      d = f2(p + 2);
      p += 4;
    } else if (flags & HAVE_2X2) {
      a = f2(p);
      b = f2(p + 2);
      c = f2(p + 4);
      d = f2(p + 6);
      p += 8;
    }
    // the component's transform, then the parent's
    const [ma, mb, mc, md, me, mf] = m;
    addGlyph(sfnt, child, [ma * a + mc * b, mb * a + md * b, ma * c + mc * d, mb * c + md * d, ma * dx + mc * dy + me, mb * dx + md * dy + mf], out, depth + 1);
    more = (flags & MORE) !== 0;
  }
}

function simple(v: DataView, contours: number, m: Affine, out: Outline): void {
  if (contours === 0) return;
  const ends: number[] = [];
  for (let i = 0; i < contours; i++) ends.push(v.getUint16(10 + 2 * i));
  const n = ends[contours - 1] + 1;
  let p = 10 + 2 * contours;
  p += 2 + v.getUint16(p); // instructions
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const f = v.getUint8(p++);
    flags[i++] = f;
    if (f & REPEAT) for (let r = v.getUint8(p++); r > 0 && i < n; r--) flags[i++] = f;
  }
  const xs = new Float64Array(n), ys = new Float64Array(n);
  for (let i = 0, x = 0; i < n; i++) {
    const f = flags[i];
    if (f & X_SHORT) x += f & X_SAME ? v.getUint8(p++) : -v.getUint8(p++);
    else if (!(f & X_SAME)) (x += v.getInt16(p), (p += 2));
    xs[i] = x;
  }
  for (let i = 0, y = 0; i < n; i++) {
    const f = flags[i];
    if (f & Y_SHORT) y += f & Y_SAME ? v.getUint8(p++) : -v.getUint8(p++);
    else if (!(f & Y_SAME)) (y += v.getInt16(p), (p += 2));
    ys[i] = y;
  }
  if (m !== IDENTITY) {
    const [a, b, c, d, e, f] = m;
    for (let i = 0; i < n; i++) {
      const x = xs[i], y = ys[i];
      xs[i] = Math.round((a * x + c * y + e) * 100) / 100;
      ys[i] = Math.round((b * x + d * y + f) * 100) / 100;
    }
  }
  const X = (i: number) => xs[i], Y = (i: number) => ys[i];
  let start = 0;
  for (const end of ends) {
    const len = end - start + 1;
    if (len < 2) {
      start = end + 1;
      continue;
    }
    const at = (k: number) => start + (k % len);
    const on = (k: number) => (flags[at(k)] & ON_CURVE) !== 0;
    // begin at an on-curve point, or at the middle of the first two off-curve points
    let first = 0;
    while (first < len && !on(first)) first++;
    let sx: number, sy: number;
    if (first === len) {
      sx = (X(at(0)) + X(at(1))) / 2;
      sy = (Y(at(0)) + Y(at(1))) / 2;
      first = 1;
    } else {
      sx = X(at(first));
      sy = Y(at(first));
      first++;
    }
    out.push(MOVE, sx, sy);
    let cx: number | undefined, cy = 0;
    for (let k = 0; k < len; k++) {
      const i = at(first + k);
      const x = X(i), y = Y(i);
      if (flags[i] & ON_CURVE) {
        if (cx === undefined) out.push(LINE, x, y);
        else out.push(QUAD, cx, cy, x, y);
        cx = undefined;
      } else {
        if (cx !== undefined) out.push(QUAD, cx, cy, (cx + x) / 2, (cy + y) / 2);
        cx = x;
        cy = y;
      }
    }
    if (cx !== undefined) out.push(QUAD, cx, cy, sx, sy);
    out.push(CLOSE);
    start = end + 1;
  }
}

/** A CFF glyph's outline from fontkit, as path commands. */
export function fontkitOutline(font: fontkit.Font, gid: number): Outline {
  const out: Outline = [];
  const path = font.getGlyph(gid).path as unknown as { commands: { command: string; args: number[] }[] };
  for (const c of path.commands) {
    const a = c.args;
    if (c.command === 'moveTo') out.push(MOVE, a[0], a[1]);
    else if (c.command === 'lineTo') out.push(LINE, a[0], a[1]);
    else if (c.command === 'quadraticCurveTo') out.push(QUAD, a[0], a[1], a[2], a[3]);
    else if (c.command === 'bezierCurveTo') out.push(CUBIC, a[0], a[1], a[2], a[3], a[4], a[5]);
    else if (c.command === 'closePath') out.push(CLOSE);
  }
  return out;
}

