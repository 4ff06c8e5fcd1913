/**
 * A page of a supplied PDF (an advertisement, masthead art) copied into the file zuban
 * writes (pdfObjects.ts), as a form XObject: its content, and every object its resources
 * reach (fonts, images, patterns, colour spaces) copied once, streams byte for byte with
 * their filters. io/readPdf.ts reads the file.
 */
import { PdfName as SrcName, PdfRef as SrcRef, PdfStream, pdfPage, readPdf, type PdfDoc, type PdfValue } from '../../io/readPdf.js';
import { PdfName, type PdfObjects, type PdfRef } from './pdfObjects.js';

/**
 * The form XObject of page `pageNo` of `bytes`, written into `o`; returns its reference.
 * `colorSpaces` are added to the form's own ColorSpace resources (PDF/A's DefaultCMYK).
 */
export function importForm(o: PdfObjects, bytes: Uint8Array, pageNo = 1, colorSpaces?: Record<string, unknown>): PdfRef {
  const src = readPdf(bytes);
  const page = pdfPage(src, pageNo);
  const copied = new Map<number, PdfRef | null>();
  const resources = convert(o, src, page.resources, copied) as Record<string, unknown>;
  if (colorSpaces) {
    let cs = resources.ColorSpace;
    if (cs instanceof Object && 'id' in cs && 'data' in cs) cs = (cs as PdfRef).data; // an indirect dictionary: its entries, copied
    resources.ColorSpace = { ...(cs as Record<string, unknown> | undefined), ...colorSpaces };
  }
  const form = o.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: page.box, Resources: resources });
  form.end(page.content);
  return form;
}

/** A value of the source file as the writer takes it: names as written, strings as bytes, references copied. */
function convert(o: PdfObjects, src: PdfDoc, v: PdfValue, copied: Map<number, PdfRef | null>): unknown {
  if (v instanceof SrcName) return PdfName.raw(v.name);
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map((x) => convert(o, src, x, copied));
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    // a page's parent would drag the source's whole page tree along
    for (const [k, x] of v) if (k !== 'Parent') out[k] = convert(o, src, x, copied);
    return out;
  }
  if (v instanceof SrcRef) return copyObject(o, src, v.num, copied);
  if (v instanceof PdfStream) throw new Error('a stream that is not an indirect object');
  return v;
}

/** Copies an indirect object once (cycles end at the memo: the reference exists before its data). */
function copyObject(o: PdfObjects, src: PdfDoc, num: number, copied: Map<number, PdfRef | null>): PdfRef | null {
  const hit = copied.get(num);
  if (hit !== undefined) return hit;
  const obj = src.objects.get(num);
  if (obj === undefined) {
    copied.set(num, null);
    return null;
  }
  const ref = o.ref({});
  copied.set(num, ref);
  if (obj instanceof PdfStream) {
    const data = convert(o, src, obj.dict, copied) as Record<string, unknown>;
    delete data.Length;
    ref.data = data;
    // the bytes are copied as they are, filters and all: not deflated again
    ref.compress = false;
    ref.end(obj.raw);
  } else {
    ref.data = convert(o, src, obj, copied);
    ref.end();
  }
  return ref;
}
