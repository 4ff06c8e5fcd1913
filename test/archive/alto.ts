/** Reading ALTO files back in the tests (libxml2-wasm XPath). */
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { ptFromMm10 } from '../../src/archive/units.js';

const NS = { a: 'http://www.loc.gov/standards/alto/ns-v4#' };

export interface AltoBox {
  content: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The baseline of its TextLine, pt from the page top. */
  baseline: number;
  /** 竖排: its TextLine's BASELINE runs down the page. */
  vertical: boolean;
  /** Each Glyph's box (y and h: its own, or its line's). */
  glyphs: { content: string; x: number; w: number; y: number; h: number }[];
}

/** A BASELINE polyline "x0,y0 x1,y1" that runs straight down. */
const isVertical = (points: string) => {
  const [a, b] = points.split(' ').map((p) => p.split(',').map(Number));
  return !!b && a[0] === b[0] && a[1] !== b[1];
};
const num = (e: XmlElement, a: string) => ptFromMm10(Number(e.attr(a)?.value));

/** The page's Strings (in pt) in document order, and its TextBlock ids with their IDNEXT. */
export function readAlto(xml: string): { strings: AltoBox[]; blocks: { id: string; next?: string; tags: string[] }[]; ids: string[] } {
  const doc = XmlDocument.fromString(xml);
  try {
    const strings = (doc.find('//a:String', NS) as XmlElement[]).map((s) => ({
      content: s.attr('CONTENT')!.value,
      x: num(s, 'HPOS'),
      y: num(s, 'VPOS'),
      w: num(s, 'WIDTH'),
      h: num(s, 'HEIGHT'),
      baseline: ptFromMm10(Number((s.parent as XmlElement).attr('BASELINE')!.value.split(' ')[0].split(',')[1])),
      vertical: isVertical((s.parent as XmlElement).attr('BASELINE')!.value),
      glyphs: (s.find('a:Glyph', NS) as XmlElement[]).map((g) => ({ content: g.attr('CONTENT')!.value, x: num(g, 'HPOS'), w: num(g, 'WIDTH'), y: num(g, 'VPOS'), h: num(g, 'HEIGHT') })),
    }));
    const blocks = (doc.find('//a:TextBlock', NS) as XmlElement[]).map((b) => ({
      id: b.attr('ID')!.value,
      next: b.attr('IDNEXT')?.value,
      tags: (b.attr('TAGREFS')?.value ?? '').split(' ').filter(Boolean),
    }));
    const ids = (doc.find('//a:PrintSpace/*', NS) as XmlElement[]).map((b) => b.attr('ID')!.value);
    return { strings, blocks, ids };
  } finally {
    doc.dispose();
  }
}
