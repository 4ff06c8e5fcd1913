/** Checks of a METS's logical structMap against the ALTO blocks it points into. */
import type { XmlDocument, XmlElement } from 'libxml2-wasm';
import type { Document } from '../../src/frame/types.js';
import { readAlto } from './alto.js';

export const METS_NS = { m: 'http://www.loc.gov/METS/' };

/**
 * How many logical areas point at each ALTO block, for every block of every page and for
 * every area (`ALTO.A01#id` → count): each must be 1 when every block is in one division.
 */
export function blockDivisionCounts(mets: XmlDocument, doc: Document, alto: (label: string) => string): { counts: Map<string, number>; blocks: string[] } {
  const counts = new Map<string, number>();
  for (const a of mets.find('//m:structMap[@TYPE="LOGICAL"]//m:area', METS_NS) as XmlElement[]) {
    const key = `${a.attr('FILEID')!.value}#${a.attr('BEGIN')!.value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const blocks = doc.pages.flatMap((p) => readAlto(alto(p.label)).ids.map((id) => `ALTO.${p.label}#${id}`));
  return { counts, blocks };
}
