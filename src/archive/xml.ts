/**
 * XML text for the archive files. ALTO holds an element per glyph (tens of thousands a
 * page), so it is written as strings with one escape function rather than through a DOM
 * builder; the tests validate every file against the XSDs (xsd/).
 */

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or attribute value, escaped; control characters XML 1.0 forbids are dropped. */
export function esc(s: string | number): string {
  if (typeof s === 'number') return String(s);
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ESC[c]);
}

/** ` NAME="value"` for each defined attribute, in the order given. */
export function attrs(a: Record<string, string | number | undefined>): string {
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v !== undefined && v !== '') out += ` ${k}="${esc(v)}"`;
  }
  return out;
}

/** An element with attributes and, when `body` is given, content (already XML). */
export function el(name: string, a: Record<string, string | number | undefined>, body?: string): string {
  return body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`;
}

/**
 * An xsd:ID (NCName) from a frame id such as `A03/a12/body/2`: ASCII letters, digits and
 * `-` are kept, `/` becomes `.`, anything else `_xHHHH_`; the prefix makes it start with a
 * letter. Injective, so two frame ids never share an ALTO id.
 */
export function ncName(prefix: string, id: string): string {
  let out = prefix;
  for (const ch of id) {
    if (/[A-Za-z0-9-]/.test(ch)) out += ch;
    else if (ch === '/') out += '.';
    else out += `_x${ch.codePointAt(0)!.toString(16).toUpperCase()}_`;
  }
  return out;
}
