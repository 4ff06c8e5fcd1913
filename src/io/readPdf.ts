/**
 * A small reader of simple PDF files: the objects of a classic file (an xref table or
 * none; object streams and encryption are refused), a page's boxes, resources and
 * content. Enough to place a supplied advertisement or masthead art as a form XObject
 * (render/pdf/formXObject.ts) and to check its size when the edition is loaded; not a
 * general PDF library.
 */
import { inflateSync } from 'node:zlib';

/** A PDF value as read: numbers, booleans, null, names, strings (bytes), arrays, dictionaries, references, streams. */
export type PdfValue = number | boolean | null | PdfName | Uint8Array | PdfValue[] | PdfDict | PdfRef | PdfStream;

/** A name, kept as written (`#xx` escapes included), without its slash. */
export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}

export type PdfDict = Map<string, PdfValue>;

export class PdfStream {
  constructor(readonly dict: PdfDict, readonly raw: Uint8Array) {}
}

/** A parsed file: its objects by number, and its trailer. */
export interface PdfDoc {
  objects: Map<number, PdfValue>;
  trailer: PdfDict;
}

/** The first page's placed box and what drawing it takes. */
export interface PdfPage {
  /** TrimBox, else MediaBox, pt [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  resources: PdfDict;
  /** The page's content, decoded and concatenated. */
  content: Uint8Array;
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Reads every indirect object of a file; throws an Error saying what it cannot read. */
export function readPdf(bytes: Uint8Array): PdfDoc {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (!head.startsWith('%PDF-')) throw new Error('not a PDF file (no %PDF- header)');
  const text = Buffer.from(bytes).toString('latin1');
  const objects = new Map<number, PdfValue>();
  const re = /(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const p = new Parser(bytes, m.index + m[0].length);
    const v = p.value();
    p.skipWs();
    if (p.peekWord('stream') && v instanceof Map) {
      p.pos += 6;
      if (bytes[p.pos] === 13) p.pos++;
      if (bytes[p.pos] === 10) p.pos++;
      const len = v.get('Length');
      let end = typeof len === 'number' ? p.pos + len : -1;
      if (end < 0 || !text.startsWith('endstream', skipWsAt(bytes, end))) end = text.indexOf('endstream', p.pos);
      if (end < 0) throw new Error(`object ${m[1]}: stream without endstream`);
      let e = end;
      while (e > p.pos && (bytes[e - 1] === 10 || bytes[e - 1] === 13) && typeof len !== 'number') e--;
      objects.set(Number(m[1]), new PdfStream(v, bytes.subarray(p.pos, e)));
      re.lastIndex = end;
    } else objects.set(Number(m[1]), v);
  }
  const t = text.lastIndexOf('trailer');
  let trailer: PdfDict = new Map();
  if (t >= 0) {
    const v = new Parser(bytes, t + 7).value();
    if (v instanceof Map) trailer = v;
  }
  if (!trailer.has('Root')) {
    for (const [num, v] of objects) {
      const d = v instanceof PdfStream ? v.dict : v;
      if (d instanceof Map && nameOf(d.get('Type')) === 'ObjStm') throw new Error('uses object streams (save it as PDF 1.4 or PDF/X-1a)');
      if (d instanceof Map && nameOf(d.get('Type')) === 'Catalog') trailer.set('Root', new PdfRef(num, 0));
    }
  }
  if (trailer.has('Encrypt')) throw new Error('is encrypted');
  if (!trailer.has('Root')) throw new Error('has no document catalog');
  return { objects, trailer };
}

/** A value with references followed. */
export function resolve(doc: PdfDoc, v: PdfValue | undefined): PdfValue | undefined {
  for (let i = 0; v instanceof PdfRef && i < 32; i++) v = doc.objects.get(v.num);
  return v;
}

export function nameOf(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}

/** The pages of a file in order (the page tree walked, inherited Resources and boxes carried down). */
export function pdfPages(doc: PdfDoc): PdfDict[] {
  const root = resolve(doc, doc.trailer.get('Root'));
  if (!(root instanceof Map)) throw new Error('has no document catalog');
  const out: PdfDict[] = [];
  const walk = (node: PdfValue | undefined, inherited: PdfDict, depth: number) => {
    const n = resolve(doc, node);
    if (!(n instanceof Map) || depth > 64) return;
    const inh = new Map(inherited);
    for (const k of ['Resources', 'MediaBox', 'CropBox', 'Rotate']) if (n.has(k)) inh.set(k, n.get(k)!);
    if (nameOf(n.get('Type')) === 'Pages' || n.has('Kids')) {
      const kids = resolve(doc, n.get('Kids'));
      if (Array.isArray(kids)) for (const k of kids) walk(k, inh, depth + 1);
    } else out.push(new Map([...inh, ...n]));
  };
  walk(root.get('Pages'), new Map(), 0);
  return out;
}

/** Page `n` (1-based): its box, resources and content. */
export function pdfPage(doc: PdfDoc, n = 1): PdfPage {
  const pages = pdfPages(doc);
  const page = pages[n - 1];
  if (!page) throw new Error(`has ${pages.length} page(s), not a page ${n}`);
  const rotate = resolve(doc, page.get('Rotate'));
  if (typeof rotate === 'number' && rotate % 360 !== 0) throw new Error(`page ${n} is rotated (${rotate}°); supply it upright`);
  const box = numbers(doc, page.get('TrimBox')) ?? numbers(doc, page.get('MediaBox'));
  if (!box) throw new Error(`page ${n} has no MediaBox`);
  const res = resolve(doc, page.get('Resources'));
  const contents = resolve(doc, page.get('Contents'));
  const parts = (Array.isArray(contents) ? contents : contents ? [contents] : []).map((c) => resolve(doc, c));
  const chunks = parts.map((s) => (s instanceof PdfStream ? decodeStream(doc, s) : new Uint8Array()));
  const content = Buffer.concat(chunks.flatMap((c) => [c, Buffer.from('\n')]));
  return { box: [Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.max(box[0], box[2]), Math.max(box[1], box[3])], resources: res instanceof Map ? res : new Map(), content };
}

/** A stream's data, Flate-decoded where it says so; other filters are refused. */
export function decodeStream(doc: PdfDoc, s: PdfStream): Uint8Array {
  const f = resolve(doc, s.dict.get('Filter'));
  const filters = (Array.isArray(f) ? f : f ? [f] : []).map((x) => nameOf(resolve(doc, x)));
  let data = s.raw;
  for (const name of filters) {
    if (name === 'FlateDecode') data = inflateSync(data);
    else throw new Error(`a content stream uses the ${name} filter, which zuban cannot read`);
  }
  return data;
}

function numbers(doc: PdfDoc, v: PdfValue | undefined): [number, number, number, number] | undefined {
  const a = resolve(doc, v);
  if (!Array.isArray(a) || a.length !== 4) return undefined;
  const n = a.map((x) => resolve(doc, x));
  return n.every((x) => typeof x === 'number') ? (n as [number, number, number, number]) : undefined;
}

function skipWsAt(b: Uint8Array, i: number): number {
  while (i < b.length && WS.has(b[i])) i++;
  return i;
}

/** A recursive-descent reader of PDF values. */
class Parser {
  constructor(private readonly b: Uint8Array, public pos: number) {}

  skipWs(): void {
    for (;;) {
      while (this.pos < this.b.length && WS.has(this.b[this.pos])) this.pos++;
      if (this.b[this.pos] !== 37) return; // %
      while (this.pos < this.b.length && this.b[this.pos] !== 10 && this.b[this.pos] !== 13) this.pos++;
    }
  }

  peekWord(w: string): boolean {
    for (let i = 0; i < w.length; i++) if (this.b[this.pos + i] !== w.charCodeAt(i)) return false;
    return true;
  }

  private word(): string {
    const s = this.pos;
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]) && !DELIM.has(this.b[this.pos])) this.pos++;
    return Buffer.from(this.b.subarray(s, this.pos)).toString('latin1');
  }

  value(): PdfValue {
    this.skipWs();
    const c = this.b[this.pos];
    if (c === undefined) throw new Error('ends inside an object');
    if (c === 47) { // /
      this.pos++;
      return new PdfName(this.word());
    }
    if (c === 91) { // [
      this.pos++;
      const a: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (this.b[this.pos] === 93) {
          this.pos++;
          return a;
        }
        a.push(this.value());
      }
    }
    if (c === 60 && this.b[this.pos + 1] === 60) { // <<
      this.pos += 2;
      const d: PdfDict = new Map();
      for (;;) {
        this.skipWs();
        if (this.b[this.pos] === 62 && this.b[this.pos + 1] === 62) {
          this.pos += 2;
          return d;
        }
        const k = this.value();
        if (!(k instanceof PdfName)) throw new Error('a dictionary key is not a name');
        d.set(k.name, this.value());
      }
    }
    if (c === 60) return this.hexString();
    if (c === 40) return this.literalString();
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (w === '') throw new Error(`unexpected “${String.fromCharCode(c)}”`);
    const n = Number(w);
    if (!Number.isFinite(n)) throw new Error(`unexpected “${w}”`);
    // `n g R`: a reference
    const save = this.pos;
    this.skipWs();
    const g = this.word();
    if (/^\d+$/.test(g) && Number.isInteger(n)) {
      this.skipWs();
      if (this.b[this.pos] === 82) { // R
        this.pos++;
        return new PdfRef(n, Number(g));
      }
    }
    this.pos = save;
    return n;
  }

  private hexString(): Uint8Array {
    this.pos++;
    let hex = '';
    while (this.pos < this.b.length && this.b[this.pos] !== 62) {
      const ch = this.b[this.pos++];
      if (!WS.has(ch)) hex += String.fromCharCode(ch);
    }
    this.pos++;
    if (hex.length % 2) hex += '0';
    return Buffer.from(hex, 'hex');
  }

  private literalString(): Uint8Array {
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < this.b.length) {
      const ch = this.b[this.pos++];
      if (ch === 92) { // backslash
        const e = this.b[this.pos++];
        const map: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
        if (e in map) out.push(map[e]);
        else if (e >= 48 && e <= 55) {
          let oct = e - 48;
          for (let k = 0; k < 2 && this.b[this.pos] >= 48 && this.b[this.pos] <= 55; k++) oct = oct * 8 + this.b[this.pos++] - 48;
          out.push(oct & 255);
        } else if (e === 13) {
          if (this.b[this.pos] === 10) this.pos++;
        } else if (e !== 10) out.push(e);
        continue;
      }
      if (ch === 40) depth++;
      if (ch === 41 && --depth === 0) break;
      out.push(ch);
    }
    return Uint8Array.from(out);
  }
}
