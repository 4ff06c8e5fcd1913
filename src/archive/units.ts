/** Lengths for the archive files: the frame is in pt (1/72 in), ALTO in mm10 (1/10 mm). */

const MM10_PER_PT = 254 / 72;

/** pt → mm10, to 0.01 mm10 (ALTO's coordinates are xsd:float; 0.001 mm keeps the 0.1 mm check honest). */
export function mm10(pt: number): number {
  const v = Math.round(pt * MM10_PER_PT * 100) / 100;
  return Object.is(v, -0) ? 0 : v;
}

export function ptFromMm10(v: number): number {
  return v / MM10_PER_PT;
}
