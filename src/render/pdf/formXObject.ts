/**
 * A page of a supplied PDF (an advertisement, masthead art) copied into the document
 * pdfkit writes, as a form XObject: its content, and every object its resources reach
 * (fonts, images, patterns, colour spaces) copied once, streams byte for byte with their
 * filters. pdfkit has no PDF import; this is the small one zuban needs (io/readPdf.ts
 * reads the file).
 */
import type PDFKitDocument from 'pdfkit';
import { PdfName, PdfRef, PdfStream, pdfPage, readPdf, type PdfDoc, type PdfValue } from '../../io/readPdf.js';

type Doc = InstanceType<typeof PDFKitDocument>;
/** pdfkit's indirect object (PDFReference): data, then stream bytes, then end(). */
interface KitRef {
  data: Record<string, unknown>;
  compress: boolean;
  end(chunk?: Uint8Array): void;
}

/** The form XObject of page `pageNo` of `bytes`, written into `doc`; returns its reference. */
export function importForm(doc: Doc, bytes: Uint8Array, pageNo = 1): KitRef {
  const src = readPdf(bytes);
  const page = pdfPage(src, pageNo);
  const copied = new Map<number, KitRef>();
  const resources = convert(doc, src, page.resources, copied);
  const form = (doc as unknown as { ref(d: object): KitRef }).ref({
    Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: page.box, Resources: resources,
  });
  form.end(page.content);
  return form;
}

/** A value of the source file as pdfkit writes it: names as strings, strings as bytes, references copied. */
function convert(doc: Doc, src: PdfDoc, v: PdfValue, copied: Map<number, KitRef>): unknown {
  if (v instanceof PdfName) return v.name;
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map((x) => convert(doc, src, x, copied));
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    // a page's parent would drag the source's whole page tree along
    for (const [k, x] of v) if (k !== 'Parent') o[k] = convert(doc, src, x, copied);
    return o;
  }
  if (v instanceof PdfRef) return copyObject(doc, src, v.num, copied);
  if (v instanceof PdfStream) throw new Error('a stream that is not an indirect object');
  return v;
}

/** Copies an indirect object once (cycles end at the memo: the reference exists before its data). */
function copyObject(doc: Doc, src: PdfDoc, num: number, copied: Map<number, KitRef>): KitRef | null {
  const hit = copied.get(num);
  if (hit) return hit;
  const obj = src.objects.get(num);
  if (obj === undefined) return null;
  const ref = (doc as unknown as { ref(d: object): KitRef }).ref({});
  copied.set(num, ref);
  if (obj instanceof PdfStream) {
    const data = convert(doc, src, obj.dict, copied) as Record<string, unknown>;
    delete data.Length;
    Object.assign(ref.data, data);
    // the bytes are copied as they are, filters and all: pdfkit must not deflate them again
    ref.compress = false;
    ref.end(obj.raw);
  } else {
    ref.data = convert(doc, src, obj, copied) as Record<string, unknown>;
    ref.end();
  }
  return ref;
}
