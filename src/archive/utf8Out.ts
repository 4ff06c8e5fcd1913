/**
 * A growing UTF-8 byte buffer for the ALTO files: a page's ALTO is some 750 KB, an element
 * per glyph, and built as JS strings it cost more in joining ropes and encoding them to
 * UTF-8 than in making them. Here text is encoded as it is written, numbers as digits.
 */
import { MM10_PER_PT } from './units.js';

export class Utf8Out {
  private buf: Uint8Array;
  private n = 0;

  constructor(size = 1 << 16) {
    this.buf = new Uint8Array(size);
  }

  /** Room for `more` bytes beyond what is written. */
  private room(more: number): void {
    if (this.n + more <= this.buf.length) return;
    const b = new Uint8Array(Math.max(2 * this.buf.length, this.n + more));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }

  /** Text as it is (already escaped XML, or a character that needs none), as UTF-8. */
  text(s: string): void {
    const len = s.length;
    this.room(3 * len);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[n++] = c;
      else if (c < 0x800) {
        b[n++] = 0xc0 | (c >> 6);
        b[n++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            i++;
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            b[n++] = 0xf0 | (c >> 18);
            b[n++] = 0x80 | ((c >> 12) & 0x3f);
            b[n++] = 0x80 | ((c >> 6) & 0x3f);
            b[n++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        // a lone surrogate is written as U+FFFD, as Buffer.from(s, 'utf8') does
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        b[n++] = 0xe0 | (c >> 12);
        b[n++] = 0x80 | ((c >> 6) & 0x3f);
        b[n++] = 0x80 | (c & 0x3f);
      }
    }
    this.n = n;
  }

  /** One code point (a lone surrogate as U+FFFD). */
  cp(c: number): void {
    this.room(4);
    const b = this.buf;
    if (c < 0x80) b[this.n++] = c;
    else if (c < 0x800) {
      b[this.n++] = 0xc0 | (c >> 6);
      b[this.n++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      b[this.n++] = 0xe0 | (c >> 12);
      b[this.n++] = 0x80 | ((c >> 6) & 0x3f);
      b[this.n++] = 0x80 | (c & 0x3f);
    } else {
      b[this.n++] = 0xf0 | (c >> 18);
      b[this.n++] = 0x80 | ((c >> 12) & 0x3f);
      b[this.n++] = 0x80 | ((c >> 6) & 0x3f);
      b[this.n++] = 0x80 | (c & 0x3f);
    }
  }

  /** pt → mm10 to 0.1 mm10, written as mm10Text (units.ts) formats it. */
  mm10(pt: number): void {
    let v = Math.round(pt * MM10_PER_PT * 10);
    this.room(24);
    const b = this.buf;
    if (v < 0) {
      b[this.n++] = 0x2d; // '-'
      v = Math.round(-pt * MM10_PER_PT * 10);
    }
    if (!(v < 1e15)) {
      // beyond exact integer digits (never on a page): as String() writes it
      this.text(String(v / 10));
      return;
    }
    const frac = v % 10;
    let int = (v - frac) / 10;
    // the integer part's digits, backwards into place
    let digits = 1;
    for (let k = int; k >= 10; k = Math.floor(k / 10)) digits++;
    let at = this.n + digits;
    this.n = at;
    do {
      b[--at] = 0x30 + (int % 10);
      int = Math.floor(int / 10);
    } while (int > 0);
    if (frac !== 0) {
      b[this.n++] = 0x2e; // '.'
      b[this.n++] = 0x30 + frac;
    }
  }

  /** The bytes written (a view, not a copy). */
  bytes(): Buffer {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.n);
  }
}
