/**
 * PDF objects written straight to bytes: the file container zuban needs (dictionaries,
 * streams, the cross-reference table, the trailer) and nothing else. zuban builds its
 * content streams (pageContent), font subsets (SubsetFont) and imported forms
 * (formXObject) itself, so a PDF library's drawing, text wrapping, font loading and
 * encryption would only be loaded and compiled at every start — the largest part of a
 * one-page job.
 *
 * Values: a JS string is a PDF name (`'Font'` → `/Font`, other than regular ASCII written
 * `#xx` from its UTF-8), a PdfName a name given as written, a `String` object a text
 * string (UTF-16BE when not ASCII), a Date a PDF date, a Uint8Array a hex string, a PdfRef
 * an indirect reference, `true`/`false`/`null` themselves; numbers are rounded to 6
 * decimals. Objects are written as they are ended, so a long document need not be held.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { isPng, pngXObject } from './pngImage.js';

/** zlib at level 1 with the most match-finding memory: half the time of level 6 for ~5 % more bytes. */
export function fastDeflate(bytes: Uint8Array): Buffer {
  return deflateSync(bytes, { level: 1, memLevel: 9 });
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ESCAPE: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

/** A name object. `new PdfName('报头红')` is written from its UTF-8 (`/#E6#8A…`); `PdfName.raw` as given (a name read from a file, escapes and all). */
export class PdfName {
  private readonly written: string;

  constructor(name: string, raw = false) {
    this.written = raw ? `/${name}` : nameToken(name);
  }

  static raw(written: string): PdfName {
    return new PdfName(written, true);
  }

  toString(): string {
    return this.written;
  }
}

/** A key as written: regular characters, or a name read from a file with its `#xx` escapes. */
const KEY = /^[!"#$&'*+,\-.0-9:;=?@A-Z\\^_`a-z|~]+$/;
const REGULAR = /^[!"$&'*+,\-.0-9:;=?@A-Z\\^_`a-z|~]*$/;

/** `/Name`, its UTF-8 bytes outside the regular characters written #XX. */
export function nameToken(name: string): string {
  if (REGULAR.test(name)) return `/${name}`;
  let out = '/';
  for (const b of Buffer.from(name, 'utf8')) {
    const regular = b > 0x20 && b < 0x7f && !'#%()/<>[]{}'.includes(String.fromCharCode(b));
    out += regular ? String.fromCharCode(b) : `#${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A text string's bytes: PDFDocEncoding for ASCII, else UTF-16BE with its byte-order mark. */
function textBytes(s: string): Buffer {
  if (/^[\x00-\x7f]*$/.test(s)) return Buffer.from(s, 'latin1');
  const b = Buffer.alloc(2 + s.length * 2);
  b[0] = 0xfe;
  b[1] = 0xff;
  for (let i = 0; i < s.length; i++) b.writeUInt16BE(s.charCodeAt(i), 2 + 2 * i);
  return b;
}

/** A PDF date string, UTC. */
export function pdfDate(v: Date): string {
  return `D:${pad(v.getUTCFullYear(), 4)}${pad(v.getUTCMonth() + 1, 2)}${pad(v.getUTCDate(), 2)}${pad(v.getUTCHours(), 2)}${pad(v.getUTCMinutes(), 2)}${pad(v.getUTCSeconds(), 2)}Z`;
}

export function serialize(v: unknown): string {
  if (typeof v === 'string') return nameToken(v);
  if (typeof v === 'number') {
    if (!(v > -1e21 && v < 1e21)) throw new Error(`unsupported number: ${v}`);
    return String(Math.round(v * 1e6) / 1e6);
  }
  if (v instanceof PdfRef) return `${v.id} 0 R`;
  if (v instanceof PdfName) return v.toString();
  if (v instanceof String) return `(${textBytes(v.valueOf()).toString('latin1').replace(/[\n\r\t\b\f\\()]/g, (c) => ESCAPE[c])})`;
  if (v instanceof Date) return `(${pdfDate(v)})`;
  if (v instanceof Uint8Array) return `<${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}>`;
  if (Array.isArray(v)) return `[${v.map((x) => serialize(x === undefined ? null : x)).join(' ')}]`;
  if (v !== null && typeof v === 'object') {
    const out = ['<<'];
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out.push(`${KEY.test(k) ? `/${k}` : nameToken(k)} ${serialize(x)}`);
    out.push('>>');
    return out.join('\n');
  }
  return String(v);
}

/**
 * An indirect object: a value (usually a dictionary), with a stream when anything is
 * written to it. Written to the file when ended; its data may change until then.
 */
export class PdfRef {
  private chunks: Uint8Array[] = [];
  private ended = false;
  /** Deflate the stream at end (unless its dictionary names a Filter: then it is written as it is). */
  compress: boolean;

  constructor(
    private readonly file: PdfObjects,
    readonly id: number,
    public data: unknown,
  ) {
    this.compress = file.compress;
  }

  write(chunk: Uint8Array | string): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk + '\n', 'latin1') : chunk);
  }

  end(chunk?: Uint8Array | string): void {
    if (this.ended) return;
    if (chunk !== undefined) this.write(chunk);
    this.ended = true;
    let stream: Buffer | undefined;
    if (this.chunks.length) {
      stream = this.chunks.length === 1 ? Buffer.from(this.chunks[0].buffer, this.chunks[0].byteOffset, this.chunks[0].byteLength) : Buffer.concat(this.chunks);
      const d = this.data as Record<string, unknown>;
      if (this.compress && !d.Filter) {
        stream = fastDeflate(stream);
        d.Filter = 'FlateDecode';
      }
      d.Length = stream.length;
      this.chunks = [];
    }
    this.file.writeObject(this, stream);
  }

  toString(): string {
    return `${this.id} 0 R`;
  }
}

/** The file being written: its objects, in the order they end, then the xref and trailer. */
export class PdfObjects {
  private readonly out: Buffer[] = [];
  private offset = 0;
  private readonly offsets: number[] = [];
  /** Called on every dictionary as its object is written (PDF/X renames subset tags). */
  onWrite?: (data: Record<string, unknown>) => void;

  constructor(
    readonly compress: boolean,
    readonly version = '1.7',
  ) {
    this.put(Buffer.from(`%PDF-${version}\n%\xff\xff\xff\xff\n`, 'latin1'));
  }

  ref(data: unknown = {}): PdfRef {
    this.offsets.push(-1);
    return new PdfRef(this, this.offsets.length, data);
  }

  /** Called by PdfRef.end. */
  writeObject(ref: PdfRef, stream: Buffer | undefined): void {
    if (this.onWrite && ref.data && typeof ref.data === 'object' && !Array.isArray(ref.data)) this.onWrite(ref.data as Record<string, unknown>);
    this.offsets[ref.id - 1] = this.offset;
    this.put(Buffer.from(`${ref.id} 0 obj\n${serialize(ref.data)}\n`, 'latin1'));
    if (stream) {
      this.put(Buffer.from('stream\n', 'latin1'));
      this.put(stream);
      this.put(Buffer.from('\nendstream\n', 'latin1'));
    }
    this.put(Buffer.from('endobj\n', 'latin1'));
  }

  /** The cross-reference table and trailer; every object must have been ended. */
  finish(root: PdfRef, info: PdfRef): Buffer {
    const missing = this.offsets.findIndex((o) => o < 0);
    if (missing >= 0) throw new Error(`PDF object ${missing + 1} was never written`);
    // the file identifier: a hash of what was written, so equal input gives equal bytes —
    // SHA-256's first 16 bytes (the ID's customary length): with the CPU's SHA instructions
    // 2.4× as fast as MD5 over the tens of MB a build writes
    const id = createHash('sha256');
    for (const b of this.out) id.update(b);
    const digest = id.digest().subarray(0, 16);
    const xref = this.offset;
    const lines = ['xref', `0 ${this.offsets.length + 1}`, '0000000000 65535 f '];
    for (const o of this.offsets) lines.push(`${pad(o, 10)} 00000 n `);
    lines.push('trailer', serialize({ Size: this.offsets.length + 1, Root: root, Info: info, ID: [digest, digest] }), 'startxref', String(xref), '%%EOF');
    this.put(Buffer.from(lines.join('\n') + '\n', 'latin1'));
    return Buffer.concat(this.out);
  }

  private put(b: Buffer): void {
    this.out.push(b);
    this.offset += b.length;
  }
}

/** Width, height and colour components of a baseline or progressive JPEG, from its SOF marker. */
export function jpegInfo(bytes: Uint8Array): { width: number; height: number; components: number; adobe: boolean } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 4 || b.readUInt16BE(0) !== 0xffd8) throw new Error('not a JPEG file');
  let adobe = false;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw new Error('damaged JPEG (no marker where one is due)');
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    if (marker === 0xee && b.toString('latin1', i + 4, i + 9) === 'Adobe') adobe = true;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 10 > b.length) break;
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7), components: b[i + 9], adobe };
    }
    i += 2 + len;
  }
  throw new Error('damaged JPEG (no frame header)');
}

/** Pixels an image XObject is made of when it is not a JPEG: 8-bit, interleaved, deflated into the file. */
export interface RawImage {
  width: number;
  height: number;
  /** 1 grey, 3 RGB, 4 CMYK. */
  channels: 1 | 3 | 4;
  pixels: Uint8Array;
}

const SPACE = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' } as const;

/** An image XObject: a JPEG as DCT (its bytes as they are), a PNG or other pixels deflated. */
export function imageXObject(o: PdfObjects, image: Uint8Array | RawImage): PdfRef {
  if (image instanceof Uint8Array && isPng(image)) return pngXObject(o, image);
  if (image instanceof Uint8Array) {
    const info = jpegInfo(image);
    if (info.components !== 1 && info.components !== 3 && info.components !== 4) throw new Error(`a JPEG of ${info.components} colour components`);
    const ref = o.ref({
      Type: 'XObject', Subtype: 'Image', Width: info.width, Height: info.height, BitsPerComponent: 8, ColorSpace: SPACE[info.components], Filter: 'DCTDecode',
      // Adobe's CMYK JPEGs store the inks inverted
      ...(info.components === 4 && info.adobe ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
    });
    ref.end(image);
    return ref;
  }
  if (image.pixels.length !== image.width * image.height * image.channels) throw new Error('image pixels do not match its size');
  const ref = o.ref({ Type: 'XObject', Subtype: 'Image', Width: image.width, Height: image.height, BitsPerComponent: 8, ColorSpace: SPACE[image.channels], Filter: 'FlateDecode' });
  ref.end(fastDeflate(image.pixels));
  return ref;
}

/** A page as an extension lays it out: media size, dictionary entries, resources, first operators. */
export interface PageSetup {
  width: number;
  height: number;
  /** Entries of the page dictionary (TrimBox, BleedBox …). */
  entries?: Record<string, unknown>;
  resources?: { ExtGState?: Record<string, unknown>; ColorSpace?: Record<string, unknown> };
  /** Operators before the page's content, in its y-down space (crop marks, an offset `cm`). */
  before?: string;
}

/**
 * What a PDF/X or PDF/A writer adds to the file the renderer writes (PdfFile): the header's
 * version, entries of the document information and the catalog (output intents, XMP
 * metadata, page labels), and each page's boxes, resources and first operators.
 */
export interface PdfExtension {
  /** The header's version (default 1.7). */
  pdfVersion?: string;
  /** Entries of the document information dictionary, given the writer's own. */
  info?(info: Record<string, unknown>): Record<string, unknown>;
  /** Entries of the catalog, asked for when the file ends (after the pages). */
  catalog?(o: PdfObjects, info: Record<string, unknown>): Record<string, unknown>;
  page?(geometry: { width: number; height: number; trim: { x: number; y: number; w: number; h: number } }): PageSetup;
}

/** An XMP packet's stream (never compressed: PDF/A wants it readable as it is). */
export function metadataStream(o: PdfObjects, xmp: string): PdfRef {
  const ref = o.ref({ Type: 'Metadata', Subtype: 'XML' });
  ref.compress = false;
  ref.end(Buffer.from(xmp, 'utf8'));
  return ref;
}
