/**
 * PDF/A-2u for a PDF that pdfkit writes: the document options, then `makePdfA2u(doc, meta)`
 * on the new document. pdfkit 0.20 reaches PDF/A-2b (`subset: 'PDF/A-2b'`: an sRGB output
 * intent and a pdfaid entry in its XMP); what it does not do, done here:
 *  - conformance U (`subset_conformance`; pdfkit knows no 'PDF/A-2u');
 *  - XMP that is well-formed for any title (pdfkit pastes Info strings into the XML
 *    unescaped), has xmp:ModifyDate for Info's ModDate (PDF/A 6.6.2.3: every Info entry
 *    has its XMP equivalent), and carries the edition: dc:date, dc:language, dc:publisher,
 *    dc:identifier (CN), and 版次/版名/page number/issue in an extension schema declared as
 *    PDF/A requires (6.6.2.3.2);
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

/** What the XMP and the Info dictionary say of the file. */
export interface PdfAMeta {
  /** Title, e.g. `某某日报 2026年12月4日 A01版 要闻`. */
  title: string;
  /** Newspaper name. */
  paper: string;
  /** Edition date, ISO (YYYY-MM-DD). */
  date: string;
  issue?: number;
  /** 国内统一连续出版物号, e.g. `CN 11-0000`. */
  cn?: string;
  publisher?: string;
  /** The pages of this file: a page's PDF has one, the e-paper all of the edition's. */
  pages: { label: string; number: number; name?: string }[];
  /** Subject (Info) / dc:description. */
  subject?: string;
  keywords?: string;
  /** Creator tool, e.g. `zuban 0.1.0`. */
  creator?: string;
  producer?: string;
  /** BCP 47, default zh-CN. */
  lang?: string;
  /** Creation and modification date (fixed for reproducible files). */
  created: Date;
  modified?: Date;
}

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

function infoOf(meta: PdfAMeta): PDFKit.DocumentInfo {
  return {
    Title: meta.title,
    Author: meta.publisher ?? meta.paper,
    Subject: meta.subject,
    Keywords: meta.keywords,
    Creator: meta.creator ?? 'zuban',
    Producer: meta.producer ?? 'zuban',
    CreationDate: meta.created,
    ModDate: meta.modified ?? meta.created,
  };
}

/** The namespace of zuban's XMP properties (declared in the file by the extension schema). */
export const ZUBAN_XMP_NS = 'https://zuban.example/ns/newspaper/1.0/';

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

const xe = (s: string | number) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** XMP date: ISO 8601 to the second, UTC (as pdfkit writes Info dates). */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The XMP packet: pdfaid, Dublin Core, XMP basic, Adobe PDF, and zuban's edition properties with their declaration. */
export function xmpPacket(meta: PdfAMeta, info: PDFKit.DocumentInfo = infoOf(meta)): string {
  const desc = (ns: string, body: string) => `  <rdf:Description rdf:about=""${ns}>\n${body}  </rdf:Description>\n`;
  const p = (name: string, value: string | number | undefined) => (value === undefined || value === '' ? '' : `    <${name}>${xe(value)}</${name}>\n`);
  const alt = (name: string, value: string | undefined) =>
    value ? `    <${name}><rdf:Alt><rdf:li xml:lang="x-default">${xe(value)}</rdf:li></rdf:Alt></${name}>\n` : '';
  const list = (name: string, kind: 'Seq' | 'Bag', values: (string | undefined)[]) => {
    const v = values.filter((x): x is string => !!x);
    return v.length ? `    <${name}><rdf:${kind}>${v.map((x) => `<rdf:li>${xe(x)}</rdf:li>`).join('')}</rdf:${kind}></${name}>\n` : '';
  };
  const single = meta.pages.length === 1 ? meta.pages[0] : undefined;
  const props: [string, string, string, string | number | undefined][] = [
    ['paper', 'Text', '报名 (newspaper title)', meta.paper],
    ['editionDate', 'Date', '出版日期 (edition date)', meta.date],
    ['issueNumber', 'Integer', '总期号 (issue number)', meta.issue],
    ['cnNumber', 'Text', '国内统一连续出版物号 (CN number)', meta.cn],
    ['pageLabel', 'Text', '版次 (page label), pages of one-page files', single?.label],
    ['pageName', 'Text', '版名 (page name)', single?.name],
    ['pageNumber', 'Integer', '页序 (position of the page in the edition)', single?.number],
  ];
  const propDecl = (name: string, type: string, text: string) =>
    `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>${type}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${xe(text)}</pdfaProperty:description></rdf:li>`;
  const decls = [...props.filter((x) => x[3] !== undefined).map(([n, t, s]) => propDecl(n, t, s)), ...(single ? [] : [propDecl('pages', 'Seq Text', '版次 版名 of each page, in order')])];
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    desc(' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"', p('pdfaid:part', 2) + p('pdfaid:conformance', 'U')) +
    desc(
      ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
      p('dc:format', 'application/pdf') +
        alt('dc:title', info.Title) +
        list('dc:creator', 'Seq', [info.Author]) +
        alt('dc:description', info.Subject) +
        list('dc:date', 'Seq', [meta.date]) +
        list('dc:language', 'Bag', [meta.lang ?? 'zh-CN']) +
        list('dc:publisher', 'Bag', [meta.publisher ?? meta.paper]) +
        p('dc:identifier', meta.cn),
    ) +
    desc(
      ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
      p('xmp:CreateDate', xmpDate(info.CreationDate!)) +
        p('xmp:ModifyDate', xmpDate(info.ModDate!)) +
        p('xmp:MetadataDate', xmpDate(info.ModDate!)) +
        p('xmp:CreatorTool', info.Creator),
    ) +
    desc(' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', p('pdf:Producer', info.Producer) + p('pdf:Keywords', info.Keywords)) +
    desc(
      ' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
      '    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
        '<pdfaSchema:schema>zuban newspaper edition</pdfaSchema:schema>' +
        `<pdfaSchema:namespaceURI>${ZUBAN_XMP_NS}</pdfaSchema:namespaceURI>` +
        '<pdfaSchema:prefix>zbn</pdfaSchema:prefix>' +
        `<pdfaSchema:property><rdf:Seq>${decls.join('')}</rdf:Seq></pdfaSchema:property>` +
        '</rdf:li></rdf:Bag></pdfaExtension:schemas>\n',
    ) +
    desc(
      ` xmlns:zbn="${ZUBAN_XMP_NS}"`,
      props.map(([n, , , v]) => p(`zbn:${n}`, v)).join('') + (single ? '' : list('zbn:pages', 'Seq', meta.pages.map((x) => (x.name ? `${x.label} ${x.name}` : x.label)))),
    ) +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>'
  );
}
