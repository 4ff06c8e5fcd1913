/**
 * Ink: what a paint puts on the paper as C, M, Y, K in 0…1, total area coverage (TAC, in
 * %), and coverage statistics of CMYK pixels.
 */
import type { Paint } from '../frame/types.js';

export type Cmyk = [number, number, number, number];

/** The process inks of a paint; a spot colour by its alternate CMYK × tint (the `spots` table). */
export function paintCmyk(p: Paint | undefined, spots: Record<string, Cmyk> = {}): Cmyk | undefined {
  if (p === undefined) return [0, 0, 0, 1]; // the frame's default paint: black
  if ('gray' in p) return [0, 0, 0, 1 - p.gray];
  if ('cmyk' in p) return p.cmyk;
  const alt = spots[p.spot];
  return alt ? (alt.map((v) => v * p.tint) as Cmyk) : undefined;
}

/** TAC of a paint in % (a spot by its alternate), or undefined for an unknown spot. */
export function paintTac(p: Paint | undefined, spots: Record<string, Cmyk> = {}): number | undefined {
  const c = paintCmyk(p, spots);
  return c ? (c[0] + c[1] + c[2] + c[3]) * 100 : undefined;
}

/** White: no ink at all (gray 1, CMYK 0 0 0 0, a spot at tint 0). */
export function isWhite(p: Paint | undefined): boolean {
  if (p === undefined) return false;
  if ('gray' in p) return p.gray >= 0.999;
  if ('cmyk' in p) return p.cmyk.every((v) => v <= 0.001);
  return p.tint <= 0.001;
}

/** 100 % K and nothing else (gray 0 or CMYK 0 0 0 1): the paint of black text that overprints. */
export function isPureBlack(p: Paint | undefined): boolean {
  if (p === undefined) return true;
  if ('gray' in p) return p.gray <= 0.001;
  if ('cmyk' in p) return p.cmyk[0] <= 0.001 && p.cmyk[1] <= 0.001 && p.cmyk[2] <= 0.001 && p.cmyk[3] >= 0.999;
  return false;
}

/** Rich black: K ≥ 85 % with some C, M or Y. */
export function isRichBlack(p: Paint | undefined, spots: Record<string, Cmyk> = {}): boolean {
  const c = paintCmyk(p, spots);
  return !!c && c[3] >= 0.85 && c[0] + c[1] + c[2] > 0.001;
}

/** Coverage of CMYK pixels: a histogram of the per-pixel sum and what is read from it. */
export interface Coverage {
  /** Pixels counted. */
  pixels: number;
  /** Highest TAC of any pixel, %. */
  max: number;
  /** 99th and 99.9th percentile TAC, %. */
  p99: number;
  p999: number;
  /** Mean TAC, %. */
  mean: number;
  /** Share of pixels (0…1) over `limit`. */
  overLimit: number;
  limit: number;
}

/**
 * Coverage of interleaved 8-bit pixels: 4 channels CMYK, or 1 channel grey (0 black …
 * 255 white: ink is K = 255 − v). A pixel's TAC is the sum of its channels / 255 × 100.
 */
export function coverage(data: Uint8Array, channels: 1 | 4, limit: number): Coverage {
  const hist = new Uint32Array(1021);
  let n = 0;
  if (channels === 4) {
    for (let i = 0; i + 3 < data.length; i += 4) hist[data[i] + data[i + 1] + data[i + 2] + data[i + 3]]++;
    n = data.length >> 2;
  } else {
    for (let i = 0; i < data.length; i++) hist[255 - data[i]]++;
    n = data.length;
  }
  return fromHistogram(hist, n, limit);
}

/** Coverage from a histogram of per-pixel channel sums (index = sum of 8-bit values). */
export function fromHistogram(hist: Uint32Array, n: number, limit: number): Coverage {
  const pct = (s: number) => Math.round((s / 255) * 1000) / 10;
  let max = 0, sum = 0, over = 0;
  const overAt = (limit / 100) * 255;
  for (let s = 0; s < hist.length; s++) {
    if (!hist[s]) continue;
    max = s;
    sum += s * hist[s];
    if (s > overAt + 1e-9) over += hist[s];
  }
  const quantile = (q: number) => {
    const target = Math.ceil(q * n);
    let acc = 0;
    for (let s = 0; s < hist.length; s++) {
      acc += hist[s];
      if (acc >= target) return s;
    }
    return max;
  };
  return { pixels: n, max: pct(max), p99: pct(quantile(0.99)), p999: pct(quantile(0.999)), mean: n ? pct(sum / n) : 0, overLimit: n ? over / n : 0, limit };
}
