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
  glyphs: { content: string; x: number; w: number }[];
}

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
      glyphs: (s.find('a:Glyph', NS) as XmlElement[]).map((g) => ({ content: g.attr('CONTENT')!.value, x: num(g, 'HPOS'), w: num(g, 'WIDTH') })),
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
