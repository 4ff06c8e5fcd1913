/**
 * A path graphic (SVG path data in its viewBox) as PDF operators: the viewBox mapped onto
 * the item's box by one `cm`, the path in its own units, filled (nonzero). Commands
 * M L H V C S Q T Z, absolute and relative; quadratics become cubics. Arcs are refused
 * when the art is loaded (layout/page/mastheadArt.ts), so none arrive here.
 */
import type { PathItem } from '../../frame/types.js';

const num = (v: number) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** The operators of a path item; `fill` is its fill operator (pageContent's paintOp). */
export function pathOps(g: PathItem, fill: string): string {
  const [vx, vy, vw, vh] = g.viewBox;
  const sx = g.w / vw, sy = g.h / vh;
  return `q ${fill} ${num(sx)} 0 0 ${num(sy)} ${num(g.x - vx * sx)} ${num(g.y - vy * sy)} cm\n${svgPathToPdf(g.d)} f Q`;
}

/** SVG path data → PDF path construction operators (m l c h), same coordinates. */
export function svgPathToPdf(d: string): string {
  const tokens = d.match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: string[] = [];
  let i = 0, cmd = '', x = 0, y = 0, sx = 0, sy = 0, cx = 0, cy = 0, qx = 0, qy = 0;
  let prev = '';
  const n = () => Number(tokens[i++]);
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i])) cmd = tokens[i++];
    else if (!cmd) throw new Error(`path data starts with a number: ${d.slice(0, 20)}`);
    const rel = cmd === cmd.toLowerCase();
    const C = cmd.toUpperCase();
    const ox = rel ? x : 0, oy = rel ? y : 0;
    if (C === 'Z') {
      out.push('h');
      x = sx; y = sy;
      prev = C;
      continue;
    }
    if (C === 'M' || C === 'L') {
      x = ox + n(); y = oy + n();
      out.push(`${num(x)} ${num(y)} ${C === 'M' ? 'm' : 'l'}`);
      if (C === 'M') { sx = x; sy = y; cmd = rel ? 'l' : 'L'; }
    } else if (C === 'H') {
      x = ox + n();
      out.push(`${num(x)} ${num(y)} l`);
    } else if (C === 'V') {
      y = oy + n();
      out.push(`${num(x)} ${num(y)} l`);
    } else if (C === 'C' || C === 'S') {
      let x1: number, y1: number;
      if (C === 'C') { x1 = ox + n(); y1 = oy + n(); }
      else if (prev === 'C' || prev === 'S') { x1 = 2 * x - cx; y1 = 2 * y - cy; }
      else { x1 = x; y1 = y; }
      cx = ox + n(); cy = oy + n();
      x = ox + n(); y = oy + n();
      out.push(`${num(x1)} ${num(y1)} ${num(cx)} ${num(cy)} ${num(x)} ${num(y)} c`);
    } else if (C === 'Q' || C === 'T') {
      if (C === 'Q') { qx = ox + n(); qy = oy + n(); }
      else if (prev === 'Q' || prev === 'T') { qx = 2 * x - qx; qy = 2 * y - qy; }
      else { qx = x; qy = y; }
      const ex = ox + n(), ey = oy + n();
      out.push(`${num(x + (2 / 3) * (qx - x))} ${num(y + (2 / 3) * (qy - y))} ${num(ex + (2 / 3) * (qx - ex))} ${num(ey + (2 / 3) * (qy - ey))} ${num(ex)} ${num(ey)} c`);
      x = ex; y = ey;
    } else throw new Error(`path command ${cmd} is not supported (arcs: convert them to curves)`);
    prev = C;
  }
  return out.join(' ');
}
