/**
 * The page resources beyond fonts and images: the form XObjects a page draws (ads,
 * masthead art, imported once per file by formXObject.ts) and the Separation colour
 * spaces its spot paints select (one per colourant, with a Type 2 function to the CMYK
 * alternate the document's spots table gives).
 */
import fs from 'node:fs';
import type PDFKitDocument from 'pdfkit';
import { importForm } from './formXObject.js';
import type { PageContent } from './pageContent.js';

type Doc = InstanceType<typeof PDFKitDocument>;

export interface Extras {
  forms: Map<string, unknown>;
  spots: Map<string, unknown>;
}

/** A PDF name's bytes, `#xx`-escaped where they are not regular ASCII (a Chinese colourant name is UTF-8). */
export function pdfName(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (b > 0x20 && b < 0x7f && !'#()<>[]{}/%'.includes(String.fromCharCode(b)) ? String.fromCharCode(b) : `#${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

export function addExtras(doc: Doc, page: PageContent, extras: Extras, formFileOf?: (asset: string) => { file: string; page: number }): void {
  const kit = doc as unknown as { ref(d: unknown): { end(b?: Uint8Array): void }; page: { xobjects: Record<string, unknown>; colorSpaces: Record<string, unknown> } };
  for (const f of page.forms ?? []) {
    let ref = extras.forms.get(f.asset);
    if (!ref) {
      if (!formFileOf) throw new Error(`a page draws form '${f.asset}', and no form files were given`);
      const src = formFileOf(f.asset);
      ref = importForm(doc, fs.readFileSync(src.file), src.page);
      extras.forms.set(f.asset, ref);
    }
    kit.page.xobjects[f.id] = ref;
  }
  for (const s of page.spots ?? []) {
    let ref = extras.spots.get(s.name);
    if (!ref) {
      const fn = kit.ref({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: s.cmyk, N: 1 });
      fn.end();
      const cs = kit.ref(['Separation', pdfName(s.name), 'DeviceCMYK', fn]);
      cs.end();
      extras.spots.set(s.name, (ref = cs));
    }
    kit.page.colorSpaces[s.id] = ref;
  }
}
