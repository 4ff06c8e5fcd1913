/**
 * PDF/A-2u for a PDF that pdfkit writes: the document options, then `makePdfA2u(doc, meta)`
 * on the new document. pdfkit 0.20 reaches PDF/A-2b (`subset: 'PDF/A-2b'`: an sRGB output
 * intent and a pdfaid entry in its XMP); what it does not do, done here:
 *  - conformance U (`subset_conformance`; pdfkit knows no 'PDF/A-2u');
 *  - XMP that is well-formed for any title (pdfkit pastes Info strings into the XML
 *    unescaped), has xmp:ModifyDate for Info's ModDate (PDF/A 6.6.2.3: every Info entry
 *    has its XMP equivalent), and carries the edition (xmp.ts: Dublin Core, and PRISM for
 *    版次/版名/issue, declared in a PDF/A extension schema as 6.6.2.3.2 requires);
 *  - /PageLabels in the catalog (the 版次 as each page's label);
 *  - a refusal of encryption.
 * The output intent stays pdfkit's: sRGB IEC61966-2.1, the ICC's own `sRGB2014` profile
 * (js/data/sRGB_IEC61966_2_1.icc in the pdfkit package, MIT; the profile's terms, ICC
 * 2015, allow copying and embedding without restriction).
 * What stays the renderer's job (PDF/A rules pdfkit cannot check): every font embedded
 * with ToUnicode; a font's W widths equal to its program's hmtx advances (6.2.11.5) —
 * no narrowed CIDs that keep the full advance in the font; no glyph 0 (.notdef) drawn;
 * colours in DeviceGray or DeviceRGB only (the intent is RGB: CMYK and Separation paints
 * and CMYK images must be converted); no transparency groups without a blending space.
 */

import { pdfInfoOf, xmpPacket, type PdfAMeta } from './xmp.js';

export type { PdfAMeta } from './xmp.js';

/** pdfkit constructor options for a PDF/A-2u file (merge into the renderer's own). */
export function pdfaDocumentOptions(meta: PdfAMeta): PDFKit.PDFDocumentOptions {
  return {
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: meta.lang ?? 'zh-CN',
    displayTitle: true,
    info: infoOf(meta),
  } as PDFKit.PDFDocumentOptions;
}

const infoOf = (meta: PdfAMeta) => pdfInfoOf(meta) as PDFKit.DocumentInfo;

interface PdfkitInternals {
  subset?: number;
  subset_conformance?: string;
  info: Record<string, unknown>;
  version: number;
  _root: { data: Record<string, unknown> };
  _security?: unknown;
  ref(data?: Record<string, unknown>): { compress: boolean; write(b: Uint8Array): void; end(): void; data: Record<string, unknown> };
  endMetadata(): void;
  endSubset?: () => void;
}

/**
 * Makes a pdfkit document created with `pdfaDocumentOptions(meta)` a PDF/A-2u file. Call
 * it right after `new PDFDocument(…)`, before any page. It replaces pdfkit's XMP writer on
 * this document only and sets its Info dictionary from `meta`; the XMP is written at
 * `doc.end()` from Info as it is then, so the two agree.
 */
export function makePdfA2u(doc: PDFKit.PDFDocument, meta: PdfAMeta): void {
  const d = doc as unknown as PdfkitInternals;
  if (d.subset !== 2) throw new Error("makePdfA2u: create the document with pdfaDocumentOptions(meta) (subset 'PDF/A-2b')");
  if (d._security) throw new Error('makePdfA2u: PDF/A forbids encryption (no userPassword/ownerPassword)');
  if (d.version !== 1.7) throw new Error('makePdfA2u: PDF/A-2 needs pdfVersion 1.7');
  d.subset_conformance = 'U';
  // Info as the file will have it (pdfkit writes Info before the XMP, from doc.info; an
  // undefined entry would become an empty dictionary)
  const info = infoOf(meta);
  for (const k of Object.keys(info) as (keyof typeof info)[]) {
    if (info[k] === undefined) delete d.info[k];
    else d.info[k] = info[k];
  }
  // page labels: page i is labelled with its 版次
  d._root.data.PageLabels = { Nums: meta.pages.flatMap((p, i) => [i, { P: new String(p.label) }]) };
  d.endMetadata = function (this: PdfkitInternals) {
    // from doc.info as written, so the two agree even if the caller changed an entry
    const ref = this.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false;
    ref.write(Buffer.from(xmpPacket(meta, this.info as PDFKit.DocumentInfo), 'utf8'));
    ref.end();
    this._root.data.Metadata = ref;
  };
}

export { xmpPacket } from './xmp.js';
