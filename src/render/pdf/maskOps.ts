/**
 * Masthead art from a PNG (a `mask` graphic) as content-stream operators: an inline image
 * of its ink coverage in the colour space of its paint — a spot's Separation, where each
 * sample is the tint, so the calligraphy prints in that one ink with its soft edges — or
 * DeviceGray inverted (no paint or a process paint: black ink).
 */
import type { Graphic } from '../../frame/types.js';

const num = (v: number) => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/**
 * The operators drawing a mask graphic; `fillOp` is the operator that selects its paint
 * (`/SP1 cs 1 scn`, or the press's), whose colour space the image takes.
 */
export function maskOps(g: Extract<Graphic, { kind: 'mask' }>, fillOp: string): string {
  const cs = /\/(\S+)\s+cs\b/.exec(fillOp)?.[1];
  const space = cs ? `/CS /${cs}` : '/CS /G /D [1 0]';
  const hex = Buffer.from(g.data, 'base64').toString('hex');
  // the page's CTM is y-down: the image's unit square is flipped back upright
  return `q ${fillOp} ${num(g.w)} 0 0 ${num(-g.h)} ${num(g.x)} ${num(g.y + g.h)} cm\nBI /W ${g.width} /H ${g.height} ${space} /BPC 8 /F [/AHx /Fl]\nID ${hex}>\nEI Q`;
}
