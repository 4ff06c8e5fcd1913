/**
 * PDF/X for the press, as an extension of the file the renderer writes (render/pdf's
 * PdfFile, on zuban's own object writer pdfObjects.ts; docs/print.md says what it writes):
 *
 *   const o = new PdfObjects(compress, pdfxDocumentOptions(cond).pdfVersion);
 *   const px = beginPdfx(o, { cond, profile, title, seed, spots });   // once, before any page or font
 *   … each page: px.page(geometry) gives the media size, boxes, resources and first operators;
 *     colour operators from px.colour (K-only black text overprints) …
 *   … at the end: px.info(…) and px.catalog(…) entries; subset tags are renamed as fonts are written
 *
 * What it writes: an OutputIntent `/S /GTS_PDFX` whose DestOutputProfile is the print
 * condition's ICC profile (N 4); `GTS_PDFXVersion` (and `GTS_PDFXConformance` for X-1a) in
 * Info, `Trapped /False` as a name; TrimBox and BleedBox on every page; crop marks in the
 * registration colour (Separation /All) outside the bleed when asked; a subset tag per font
 * per file made from the file's seed, so two pages' subsets of one font never share a tag;
 * for X-4 XMP metadata with the identification (pdfxid).
 * PDF/X-1a:2001 is PDF 1.3; X-4 is PDF 1.6.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Paint, Rect } from '../frame/types.js';
import { metadataStream, PdfName, type PageSetup, type PdfExtension, type PdfObjects } from '../render/pdf/pdfObjects.js';
import type { PdfxVersion, PrintCondition } from './printCondition.js';

export { PdfName };

/** The PDF version a PDF/X version is written in. */
export function pdfxDocumentOptions(version: PdfxVersion | PrintCondition): { pdfVersion: '1.3' | '1.6' } {
  const v = typeof version === 'string' ? version : version.pdfx.version;
  return { pdfVersion: v === 'X-1a:2001' ? '1.3' : '1.6' };
}

export interface PdfxSetup {
  cond: PrintCondition;
  /** The profile's bytes (icc.loadProfileBytes(cond.profilePath)). */
  profile: Uint8Array;
  /** Document title (PDF/X requires one in Info). */
  title: string;
  /**
   * What makes this file unlike any other of the edition, e.g. `${date}/${pageLabel}`:
   * the seed of its subset tags and its XMP ids.
   */
  seed: string;
  /** Spot colours: name → CMYK alternate 0…1 (Document.spots). */
  spots?: Record<string, [number, number, number, number]>;
}

/** What the page functions and the content builder need, made by beginPdfx. */
export interface Pdfx extends PdfExtension {
  readonly setup: PdfxSetup;
  readonly version: PdfxVersion;
  /** Resource names of the two graphics states. */
  readonly gs: { overprint: string; knockout: string };
  /** Colour operators for content streams. */
  readonly colour: PressColour;
  /** Internal: the ExtGState and Separation objects, put in every page's resources. */
  readonly gstates: Record<string, unknown>;
  readonly colorSpaces: Record<string, unknown>;
  /** The subset tags given, old name → new (for tests and the report). */
  readonly subsetNames: Map<string, string>;
  page(geometry: PageGeometry): PageSetup & { boxes: PdfxPageBoxes };
}

/** The ExtGState names: overprint on (black text, K rules) and off (everything else). */
export const GS_OVERPRINT = 'ZOP';
export const GS_KNOCKOUT = 'ZKO';
/** The colour-space resource of the registration colour (Separation /All). */
export const CS_ALL = 'ZSAll';

/**
 * Sets a file up as PDF/X: the output intent, graphics states and Separations written
 * once, the subset-tag renaming; the returned extension gives Info and catalog entries
 * and each page's boxes. Call right after the file is opened, before any page or font.
 */
export function beginPdfx(o: PdfObjects, setup: PdfxSetup): Pdfx {
  const { cond } = setup;
  const version = cond.pdfx.version;
  // the output intent; the profile deflated once per process, not once per file
  const profile = o.ref({ N: 4, Filter: 'FlateDecode' });
  profile.end(deflatedProfile(setup.profile));
  const intent = o.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(cond.profile.condition),
    ...(cond.profile.info ? { Info: new String(cond.profile.info) } : {}),
    RegistryName: new String(cond.profile.registry),
    DestOutputProfile: profile,
  });
  intent.end();
  // graphics states
  const op = o.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
  op.end();
  const ko = o.ref({ Type: 'ExtGState', OP: false, op: false, OPM: 0 });
  ko.end();
  const gstates = { [GS_OVERPRINT]: op, [GS_KNOCKOUT]: ko };
  // spot colours as Separations with their CMYK alternates, ZS0, ZS1 …; ZSAll the registration colour of crop marks
  const spotIds: Record<string, string> = {};
  const colorSpaces: Record<string, unknown> = {};
  const separation = (name: string, cmyk: readonly number[], id: string) => {
    const ref = o.ref(['Separation', name, 'DeviceCMYK', { FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [...cmyk], N: 1 }]);
    ref.end();
    colorSpaces[id] = ref;
  };
  Object.entries(setup.spots ?? {}).forEach(([name, cmyk], i) => {
    spotIds[name] = `ZS${i}`;
    separation(name, cmyk, `ZS${i}`);
  });
  if (cond.pdfx.cropMarks) separation('All', [1, 1, 1, 1], CS_ALL);
  const subsetNames = uniqueSubsetTags(o, setup.seed);
  const colour = new PressColour(cond, spotIds, setup.spots ?? {});
  return {
    pdfVersion: pdfxDocumentOptions(version).pdfVersion,
    setup, version, gs: { overprint: GS_OVERPRINT, knockout: GS_KNOCKOUT }, colour, gstates, colorSpaces, subsetNames,
    info: (info) => ({
      ...info,
      Title: new String(setup.title),
      GTS_PDFXVersion: new String(version === 'X-1a:2001' ? 'PDF/X-1:2001' : 'PDF/X-4'),
      ...(version === 'X-1a:2001' ? { GTS_PDFXConformance: new String('PDF/X-1a:2001') } : {}),
      Trapped: 'False',
    }),
    catalog: (objects, info) => ({
      OutputIntents: [intent],
      ...(version === 'X-4' ? { Metadata: metadataStream(objects, pdfxXmp(setup, info)) } : {}),
    }),
    page: (geometry) => {
      const boxes = pdfxPageBoxes(geometry, cond);
      colour.reset();
      let before = cond.pdfx.cropMarks ? cropMarks(boxes) + '\n' : '';
      if (boxes.offset) before += `1 0 0 1 ${n(boxes.offset)} ${n(boxes.offset)} cm\n`;
      return {
        width: boxes.width, height: boxes.height, boxes, before,
        entries: { TrimBox: boxes.trimBox, BleedBox: boxes.bleedBox },
        resources: { ExtGState: gstates, ColorSpace: colorSpaces },
      };
    },
  } as Pdfx;
}

/** A page's geometry: the frame's page (media size, trim box in media coordinates, y down). */
export interface PageGeometry {
  width: number;
  height: number;
  trim: Rect;
}

/** A page's boxes in PDF coordinates (y up), the media grown where bleed or marks need room. */
export interface PdfxPageBoxes {
  /** The media size written. */
  width: number;
  height: number;
  /** How far the frame's content moves right and down on the grown media. */
  offset: number;
  trimBox: [number, number, number, number];
  bleedBox: [number, number, number, number];
}

/** Crop marks: this long, starting this far outside the trim (past the bleed), this wide. */
export const CROP_MARK = { length: 15, gap: 3, width: 0.3 };

/** The boxes of a page under a condition. */
export function pdfxPageBoxes(page: PageGeometry, cond: PrintCondition): PdfxPageBoxes {
  const bleed = cond.bleedPt;
  const needed = cond.pdfx.cropMarks ? bleed + CROP_MARK.gap + CROP_MARK.length : bleed;
  const t = page.trim;
  const room = Math.min(t.x, t.y, page.width - t.x - t.w, page.height - t.y - t.h);
  const offset = Math.max(0, round3(needed - room));
  const width = round3(page.width + 2 * offset), height = round3(page.height + 2 * offset);
  const x0 = t.x + offset, top = t.y + offset;
  const trimBox: [number, number, number, number] = [round3(x0), round3(height - top - t.h), round3(x0 + t.w), round3(height - top)];
  const bleedBox: [number, number, number, number] = [
    round3(Math.max(0, trimBox[0] - bleed)), round3(Math.max(0, trimBox[1] - bleed)),
    round3(Math.min(width, trimBox[2] + bleed)), round3(Math.min(height, trimBox[3] + bleed)),
  ];
  return { width, height, offset, trimBox, bleedBox };
}

/** Crop marks at the trim corners in Separation /All, drawn in the page's y-down space. */
function cropMarks(b: PdfxPageBoxes): string {
  const cs = CS_ALL;
  const [l, bottom, r, top] = b.trimBox;
  // the page space is y down from the media top: y = height − y_pdf
  const yTop = b.height - top, yBottom = b.height - bottom;
  const out: string[] = ['q', `/${cs} CS 1 SCN`, `${CROP_MARK.width} w`, `/${GS_KNOCKOUT} gs`];
  const bleed = Math.max(l - b.bleedBox[0], 0);
  const s = bleed + CROP_MARK.gap, e = s + CROP_MARK.length;
  for (const [x, dx] of [[l, -1], [r, 1]] as const) {
    for (const [y, dy] of [[yTop, -1], [yBottom, 1]] as const) {
      out.push(`${n(x + dx * s)} ${n(y)} m ${n(x + dx * e)} ${n(y)} l S`);
      out.push(`${n(x)} ${n(y + dy * s)} m ${n(x)} ${n(y + dy * e)} l S`);
    }
  }
  out.push('Q');
  return out.join('\n');
}

/**
 * Colour operators for the content stream, in process CMYK and Separations only (never
 * RGB, never DeviceGray for text): `gray` g becomes K = 1 − g. Black text (100 % K, nothing
 * else) under the condition's size overprints: `/ZOP gs` (OP, op true, OPM 1) before it,
 * `/ZKO gs` before anything else, so white never overprints. Stateful: each call returns
 * only the operators that change something ('' when nothing does); `reset()` at the start
 * of every page's stream (pageContent's press painter does it) and after every `Q`. Operators are legal
 * inside BT … ET.
 */
export class PressColour {
  private fill = '';
  private stroke = '';
  /** undefined: not known (page start, after a Q): the next call says it. */
  private overprint: boolean | undefined;

  constructor(
    private readonly cond: PrintCondition,
    /** Spot name → colour-space resource name (ZS0 …). */
    private readonly spotIds: Record<string, string>,
    private readonly spots: Record<string, [number, number, number, number]>,
  ) {}

  /** Forgets the state: at a page's start, and after a `Q` (which restores an earlier one). */
  reset(): void {
    this.fill = this.stroke = '';
    this.overprint = undefined;
  }

  /** Would text in this paint and size overprint? 100 % K only, under the condition's size. */
  overprints(paint: Paint | undefined, size: number): boolean {
    return isKOnlySolid(paint) && size < this.cond.overprint.blackTextBelow;
  }

  /** Operators before a text run. */
  text(paint: Paint | undefined, size: number): string {
    return this.gs(this.overprints(paint, size)) + this.setFill(paint);
  }

  /** Operators before a filled shape (box fill). Fills knock out. */
  fillPaint(paint: Paint | undefined): string {
    return this.gs(false) + this.setFill(paint);
  }

  /** Operators before an image: images knock out. */
  image(): string {
    return this.gs(false);
  }

  /** Operators before a stroked rule or frame: 100 % K strokes overprint (they are type-like). */
  strokePaint(paint: Paint | undefined): string {
    const ops = this.colourOps(paint, true);
    const gs = this.gs(isKOnlySolid(paint));
    if (ops === this.stroke) return gs;
    this.stroke = ops;
    return gs + ops + ' ';
  }

  private setFill(paint: Paint | undefined): string {
    const ops = this.colourOps(paint, false);
    if (ops === this.fill) return '';
    this.fill = ops;
    return ops + ' ';
  }

  private gs(on: boolean): string {
    if (on === this.overprint) return '';
    this.overprint = on;
    return `/${on ? GS_OVERPRINT : GS_KNOCKOUT} gs `;
  }

  /** `c m y k k` / `K`, or `/ZS0 cs t scn` / `CS … SCN` for a spot. */
  colourOps(paint: Paint | undefined, stroke: boolean): string {
    if (paint && 'spot' in paint) {
      const id = this.spotIds[paint.spot];
      if (id) return stroke ? `/${id} CS ${n(paint.tint)} SCN` : `/${id} cs ${n(paint.tint)} scn`;
      const alt = this.spots[paint.spot] ?? [0, 0, 0, 1];
      return cmykOps(alt.map((v) => v * paint.tint) as [number, number, number, number], stroke);
    }
    const c: [number, number, number, number] = paint === undefined ? [0, 0, 0, 1] : 'gray' in paint ? [0, 0, 0, 1 - paint.gray] : paint.cmyk;
    return cmykOps(c, stroke);
  }
}

/** The K-only black text operators, as constants for a builder that keeps no state. */
export const BLACK_TEXT_OVERPRINT = `/${GS_OVERPRINT} gs 0 0 0 1 k`;
export const KNOCKOUT = `/${GS_KNOCKOUT} gs`;

function cmykOps(c: readonly number[], stroke: boolean): string {
  return `${c.map(n).join(' ')} ${stroke ? 'K' : 'k'}`;
}

function isKOnlySolid(p: Paint | undefined): boolean {
  if (p === undefined) return true;
  if ('gray' in p) return p.gray <= 0.001;
  if ('cmyk' in p) return p.cmyk[0] <= 0.001 && p.cmyk[1] <= 0.001 && p.cmyk[2] <= 0.001 && p.cmyk[3] >= 0.999;
  return false;
}

/**
 * Gives every font subset of the file its own tag: `FontName` and `BaseFont` values of the
 * form `ABCDEF+Name` are renamed, as their objects are written, to a tag made from the
 * file's seed and the old name (the same old name gets the same new one, so a font's
 * Type0, CIDFont and descriptor agree). The writer derives the tag from the resource name
 * (`Z1` → `BZZZZZ`), which is why every file's first font had the same one.
 */
export function uniqueSubsetTags(o: PdfObjects, seed: string): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const rename = (old: string): string => {
    let neu = names.get(old);
    if (neu) return neu;
    const base = old.slice(7);
    for (let i = 0; ; i++) {
      const tag = subsetTag(`${seed}\0${old}\0${i}`);
      if (!used.has(tag)) {
        used.add(tag);
        neu = `${tag}+${base}`;
        break;
      }
    }
    names.set(old, neu);
    return neu;
  };
  o.onWrite = (d) => {
    for (const key of ['FontName', 'BaseFont']) {
      const v = d[key];
      if (typeof v === 'string' && /^[A-Z]{6}\+/.test(v)) d[key] = rename(v);
      // a placed PDF's font, its name copied as written
      else if (v instanceof PdfName && /^\/[A-Z]{6}\+/.test(String(v))) d[key] = PdfName.raw(rename(String(v).slice(1)));
    }
  };
  return names;
}

const deflated = new WeakMap<Uint8Array, Buffer>();
function deflatedProfile(bytes: Uint8Array): Buffer {
  let d = deflated.get(bytes);
  if (!d) deflated.set(bytes, (d = deflateSync(bytes)));
  return d;
}

/** Six capitals from a string (SHA-256). */
export function subsetTag(s: string): string {
  const h = createHash('sha256').update(s).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (h.readUInt32BE(i * 4) % 26));
  return tag;
}

const xe = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The XMP of PDF/X-4: title, dates and producer as Info has them, pdfxid:GTS_PDFXVersion, and the xmpMM ids it requires. */
function pdfxXmp(setup: PdfxSetup, info: Record<string, unknown>): string {
  const uuid = (s: string) => {
    const h = createHash('sha256').update(s).digest('hex');
    return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
  const date = (v: unknown) => (v instanceof Date ? v.toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:format>application/pdf</dc:format>
    <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xe(setup.title)}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
    <xmp:CreateDate>${date(info.CreationDate)}</xmp:CreateDate>
    <xmp:ModifyDate>${date(info.ModDate)}</xmp:ModifyDate>
    <xmp:MetadataDate>${date(info.ModDate)}</xmp:MetadataDate>
    <xmp:CreatorTool>${xe(String(info.Creator ?? 'zuban'))}</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
    <pdf:Producer>${xe(String(info.Producer ?? 'zuban'))}</pdf:Producer>
    <pdf:Trapped>False</pdf:Trapped>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
    <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
    <xmpMM:DocumentID>${uuid(`doc\0${setup.seed}`)}</xmpMM:DocumentID>
    <xmpMM:InstanceID>${uuid(`instance\0${setup.seed}`)}</xmpMM:InstanceID>
    <xmpMM:VersionID>1</xmpMM:VersionID>
    <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
function n(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}
