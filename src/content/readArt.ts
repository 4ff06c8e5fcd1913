/**
 * Supplied artwork read at load time: an SVG of filled paths (masthead calligraphy) to
 * one path, and the placed box of a PDF's first page (an ad, PDF masthead art), so layout
 * can check sizes and place them without opening files.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { pdfPage, readPdf } from '../io/readPdf.js';
import { readPngCoverage } from '../io/readPng.js';

/** Vector art: SVG path data in its viewBox (y down). */
export interface SvgArt {
  kind: 'svg';
  viewBox: [number, number, number, number];
  d: string;
}

/** A PDF page: its file and placed box, pt [x0, y0, x1, y1]. */
export interface PdfArt {
  kind: 'pdf';
  path: string;
  box: [number, number, number, number];
}

/** Raster art (a PNG): its pixel size and ink coverage, deflated and base64 (a frame `mask`'s data). */
export interface PngArt {
  kind: 'png';
  width: number;
  height: number;
  data: string;
}

/** Reads a PNG's ink coverage (io/readPng). */
export function readPngArt(path: string): PngArt {
  const c = readPngCoverage(readFileSync(path));
  return { kind: 'png', width: c.width, height: c.height, data: deflateSync(c.ink, { level: 9 }).toString('base64') };
}

/** Reads the paths of a simple SVG: `viewBox` (or width/height) and every `<path d>`; transforms, strokes and arcs are refused. */
export function readSvgArt(text: string): SvgArt {
  const svg = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!svg) throw new Error('no <svg> element');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];
  let vb = attr(svg, 'viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (!vb) {
    const w = parseFloat(attr(svg, 'width') ?? ''), h = parseFloat(attr(svg, 'height') ?? '');
    if (w > 0 && h > 0) vb = [0, 0, w, h];
  }
  if (!vb || vb.length !== 4 || vb.some((v) => !Number.isFinite(v)) || vb[2] <= 0 || vb[3] <= 0) throw new Error('no usable viewBox');
  if (/<[a-z]+\b[^>]*\stransform\s*=/i.test(text)) throw new Error('uses transform attributes; flatten the art to plain paths');
  const paths = [...text.matchAll(/<path\b[^>]*>/gi)].map((m) => attr(m[0], 'd') ?? '');
  const d = paths.join(' ').trim();
  if (!d) throw new Error('has no <path d="…"> to print');
  if (/[Aa]/.test(d.replace(/[eE][-+]?\d/g, ''))) throw new Error('uses arcs (A) in its paths; convert them to curves');
  return { kind: 'svg', viewBox: vb as SvgArt['viewBox'], d };
}

/** The first page's box of a PDF file. */
export function readPdfArt(path: string): PdfArt {
  return { kind: 'pdf', path, box: pdfPage(readPdf(readFileSync(path)), 1).box };
}

/** Art from a file by its extension. */
export function readArt(path: string): SvgArt | PdfArt | PngArt {
  if (/\.png$/i.test(path)) return readPngArt(path);
  return /\.svg$/i.test(path) ? readSvgArt(readFileSync(path, 'utf8')) : readPdfArt(path);
}
