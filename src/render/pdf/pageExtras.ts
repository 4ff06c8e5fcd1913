/**
 * The page resources beyond fonts and images: the form XObjects a page draws (ads,
 * masthead art, imported once per file by formXObject.ts) and the Separation colour
 * spaces its spot paints select (one per colourant, with a Type 2 function to the CMYK
 * alternate the document's spots table gives).
 */
import fs from 'node:fs';
import { importForm } from './formXObject.js';
import type { PageContent } from './pageContent.js';
import { nameToken, type PdfObjects, type PdfRef } from './pdfObjects.js';

export interface Extras {
  forms: Map<string, PdfRef>;
  spots: Map<string, PdfRef>;
  /** Colour spaces added to every imported form's resources (PDF/A's DefaultCMYK). */
  formColorSpaces?: Record<string, unknown>;
}

/** A PDF name's bytes, `#xx`-escaped where they are not regular ASCII (a Chinese colourant name is UTF-8). */
export function pdfName(s: string): string {
  return nameToken(s).slice(1);
}

/** The page's XObject and ColorSpace resources for its forms and spots, written once per file. */
export function addExtras(
  o: PdfObjects,
  page: Pick<PageContent, 'forms' | 'spots'>,
  extras: Extras,
  resources: { XObject: Record<string, unknown>; ColorSpace: Record<string, unknown> },
  formFileOf?: (asset: string) => { file: string; page: number },
): void {
  for (const f of page.forms ?? []) {
    let ref = extras.forms.get(f.asset);
    if (!ref) {
      if (!formFileOf) throw new Error(`a page draws form '${f.asset}', and no form files were given`);
      const src = formFileOf(f.asset);
      ref = importForm(o, fs.readFileSync(src.file), src.page, extras.formColorSpaces);
      extras.forms.set(f.asset, ref);
    }
    resources.XObject[f.id] = ref;
  }
  for (const s of page.spots ?? []) {
    let ref = extras.spots.get(s.name);
    if (!ref) {
      const fn = o.ref({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: s.cmyk, N: 1 });
      fn.end();
      ref = o.ref(['Separation', s.name, 'DeviceCMYK', fn]);
      ref.end();
      extras.spots.set(s.name, ref);
    }
    resources.ColorSpace[s.id] = ref;
  }
}
