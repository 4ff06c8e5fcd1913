/**
 * What preflight finds inside a placed PDF page (an ad, masthead art): the colours its
 * content selects (RGB is refused by PDF/X-1a), the fonts it uses without embedding them,
 * and the effective resolution of its images at the size the page places the form. Read
 * with zuban's small PDF reader (io/readPdf) and a content-stream scanner: operators and
 * their operands, q/Q/cm for the images' places, forms inside the form followed.
 */
import { nameOf, PdfName, PdfStream, decodeStream, pdfPage, readPdf, resolve, type PdfDict, type PdfDoc, type PdfValue } from '../io/readPdf.js';

/** One thing found inside the placed page. */
export type FormFinding =
  | { kind: 'rgb'; what: string }
  | { kind: 'font'; font: string }
  | { kind: 'ppi'; image: string; ppi: number };

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];

/**
 * The findings of page `n` of a PDF placed at `scale` (placed pt per pt of the page): RGB
 * operators, colour spaces and images, fonts with no font file, and each image's ppi at
 * its placed size. Throws an Error when the file cannot be read.
 */
export function inspectPlacedPdf(bytes: Uint8Array, n: number, scale: number): FormFinding[] {
  const doc = readPdf(bytes);
  const page = pdfPage(doc, n);
  const out: FormFinding[] = [];
  const seen = new Set<string>();
  const once = (key: string, f: FormFinding) => {
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  scan(doc, page.content, page.resources, [scale, 0, 0, scale, 0, 0], once, 0);
  return out;
}

function dict(doc: PdfDoc, v: PdfValue | undefined): PdfDict | undefined {
  const r = resolve(doc, v);
  return r instanceof Map ? r : r instanceof PdfStream ? r.dict : undefined;
}

/** Whether a colour space (a name or an array, resolved) is RGB: DeviceRGB, CalRGB, a 3-component ICC profile, or an Indexed/… over one. */
function isRgb(doc: PdfDoc, cs: PdfValue | undefined, res: PdfDict | undefined): boolean {
  const v = resolve(doc, cs);
  const name = nameOf(v);
  if (name === 'DeviceRGB' || name === 'RGB') return true;
  if (name && res) {
    const named = dict(doc, res.get('ColorSpace'))?.get(name);
    if (named !== undefined) return isRgb(doc, named, undefined);
  }
  if (Array.isArray(v)) {
    const kind = nameOf(resolve(doc, v[0]));
    if (kind === 'CalRGB') return true;
    if (kind === 'ICCBased') return resolve(doc, dict(doc, v[1])?.get('N')) === 3;
    if (kind === 'Indexed') return isRgb(doc, v[1], undefined);
    if (kind === 'Separation' || kind === 'DeviceN') return false; // the alternate is used only without the inks
  }
  return false;
}

function scan(doc: PdfDoc, content: Uint8Array, res: PdfDict, ctm0: M, found: (key: string, f: FormFinding) => void, depth: number): void {
  if (depth > 8) return;
  let ctm = ctm0;
  const stack: M[] = [];
  const ops: PdfValue[] = [];
  for (const tok of tokens(content)) {
    if (tok.op === undefined) {
      ops.push(tok.value!);
      continue;
    }
    const op = tok.op;
    if (op === 'q') stack.push(ctm);
    else if (op === 'Q') ctm = stack.pop() ?? ctm;
    else if (op === 'cm' && ops.length >= 6) ctm = mul(ops.slice(-6) as M, ctm);
    else if (op === 'rg' || op === 'RG') found(`op:${op}`, { kind: 'rgb', what: `${op === 'rg' ? 'fill' : 'stroke'} colour in DeviceRGB (${op})` });
    else if ((op === 'cs' || op === 'CS') && ops.length && isRgb(doc, ops[ops.length - 1], res)) found(`cs:${nameOf(ops[ops.length - 1])}`, { kind: 'rgb', what: `colour space ${nameOf(ops[ops.length - 1])} is RGB` });
    else if (op === 'Tf' && ops.length >= 2) {
      const name = nameOf(ops[ops.length - 2]);
      const font = name ? dict(doc, dict(doc, res.get('Font'))?.get(name)) : undefined;
      if (font && !embedded(doc, font)) found(`font:${name}`, { kind: 'font', font: nameOf(resolve(doc, font.get('BaseFont'))) ?? name! });
    } else if (op === 'Do' && ops.length) {
      const name = nameOf(ops[ops.length - 1]);
      const x = name ? resolve(doc, dict(doc, res.get('XObject'))?.get(name)) : undefined;
      if (x instanceof PdfStream) {
        const sub = nameOf(resolve(doc, x.dict.get('Subtype')));
        if (sub === 'Image') {
          if (resolve(doc, x.dict.get('ImageMask')) !== true && isRgb(doc, x.dict.get('ColorSpace'), res)) found(`img:${name}`, { kind: 'rgb', what: `image ${name} is RGB` });
          const w = resolve(doc, x.dict.get('Width')), h = resolve(doc, x.dict.get('Height'));
          const pw = Math.hypot(ctm[0], ctm[1]), ph = Math.hypot(ctm[2], ctm[3]);
          if (typeof w === 'number' && typeof h === 'number' && pw > 0 && ph > 0) {
            found(`ppi:${name}:${Math.round(pw)}`, { kind: 'ppi', image: name!, ppi: Math.round(Math.min(w / (pw / 72), h / (ph / 72)) * 10) / 10 });
          }
        } else if (sub === 'Form') {
          const m = resolve(doc, x.dict.get('Matrix'));
          const fm = (Array.isArray(m) && m.length === 6 ? m.map((v) => resolve(doc, v)) : [1, 0, 0, 1, 0, 0]) as M;
          scan(doc, decodeStream(doc, x), dict(doc, x.dict.get('Resources')) ?? res, mul(fm, ctm), found, depth + 1);
        }
      }
    }
    ops.length = 0;
  }
}

/** Whether a font dictionary has its program in the file (FontFile, FontFile2 or FontFile3), a Type0's through its descendant. */
function embedded(doc: PdfDoc, font: PdfDict): boolean {
  const sub = nameOf(resolve(doc, font.get('Subtype')));
  if (sub === 'Type3') return true;
  if (sub === 'Type0') {
    const d = resolve(doc, font.get('DescendantFonts'));
    const first = Array.isArray(d) ? dict(doc, d[0]) : undefined;
    return first ? embedded(doc, first) : false;
  }
  const fd = dict(doc, font.get('FontDescriptor'));
  return !!fd && (fd.has('FontFile') || fd.has('FontFile2') || fd.has('FontFile3'));
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** The tokens of a content stream: operands (numbers, names; strings, arrays and dictionaries as null) and operators. */
function* tokens(b: Uint8Array): Generator<{ op?: string; value?: PdfValue }> {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (WS.has(c)) { i++; continue; }
    if (c === 37) { while (i < n && b[i] !== 10 && b[i] !== 13) i++; continue; } // %
    if (c === 40) { // ( string )
      let depth = 0;
      for (; i < n; i++) {
        if (b[i] === 92) { i++; continue; }
        if (b[i] === 40) depth++;
        else if (b[i] === 41 && --depth === 0) { i++; break; }
      }
      yield { value: null };
      continue;
    }
    if (c === 60 && b[i + 1] === 60) { i += 2; yield { value: null }; continue; } // << (inline dicts: operands dropped)
    if (c === 62 && b[i + 1] === 62) { i += 2; continue; }
    if (c === 60) { while (i < n && b[i] !== 62) i++; i++; yield { value: null }; continue; } // <hex>
    if (c === 91 || c === 93 || c === 123 || c === 125) { i++; continue; } // [ ] { }: the array's items come as operands
    if (c === 47) { // /Name
      const s = ++i;
      while (i < n && !WS.has(b[i]) && !DELIM.has(b[i])) i++;
      yield { value: new PdfName(Buffer.from(b.subarray(s, i)).toString('latin1')) };
      continue;
    }
    const s = i;
    while (i < n && !WS.has(b[i]) && !DELIM.has(b[i])) i++;
    if (i === s) { i++; continue; }
    const w = Buffer.from(b.subarray(s, i)).toString('latin1');
    const num = Number(w);
    if (w !== '' && !Number.isNaN(num) && /^[+-]?(\d|\.\d)/.test(w)) { yield { value: num }; continue; }
    if (w === 'true' || w === 'false' || w === 'null') { yield { value: w === 'true' ? true : w === 'false' ? false : null }; continue; }
    if (w === 'ID') {
      // an inline image: its data runs to EI between white space
      while (i < n && !(WS.has(b[i - 1]) && b[i] === 69 && b[i + 1] === 73 && (i + 2 >= n || WS.has(b[i + 2])))) i++;
      i += 2;
      yield { op: 'EI' };
      continue;
    }
    yield { op: w };
  }
}
