/** Lengths for the archive files: the frame is in pt (1/72 in), ALTO in mm10 (1/10 mm). */

export const MM10_PER_PT = 254 / 72;

/** pt → mm10, to 0.01 mm10 (ALTO's coordinates are xsd:float; 0.001 mm keeps the 0.1 mm check honest). */
export function mm10(pt: number): number {
  const v = Math.round(pt * MM10_PER_PT * 100) / 100;
  return Object.is(v, -0) ? 0 : v;
}

export function ptFromMm10(v: number): number {
  return v / MM10_PER_PT;
}

/**
 * pt → mm10 as text to 0.1 mm10 (0.01 mm), for ALTO's per-glyph attributes: formatted from
 * integers, as V8's shortest-float formatting is most of the cost of a page's ALTO.
 */
export function mm10Text(pt: number): string {
  const v = Math.round(pt * MM10_PER_PT * 10);
  if (v >= 0) return v % 10 === 0 ? String(v / 10) : `${(v - (v % 10)) / 10}.${v % 10}`;
  return `-${mm10Text(-pt)}`;
}
