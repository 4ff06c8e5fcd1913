/**
 * The XMP packet and the Info dictionary of an archive PDF (PDF/A-2u), from the edition's
 * metadata. Only published schemas are used:
 *  - pdfaid (PDF/A identification), Dublin Core (dc), XMP basic (xmp) and Adobe PDF (pdf),
 *    which PDF/A-2 predefines (ISO 19005-2 6.6.2.3.1: the schemas of the XMP specification);
 *  - PRISM Basic Metadata 2.0 (`http://prismstandard.org/namespaces/basic/2.0/`, IDEAlliance's
 *    Publishing Requirements for Industry Standard Metadata) for what a newspaper page has
 *    and Dublin Core lacks: prism:publicationName (报名), prism:coverDate (出版日期),
 *    prism:number (总期号), prism:section (版名), prism:startingPage (版次, the page's printed
 *    label, e.g. A01), prism:pageRange (the e-paper's 版次 from first to last) and
 *    prism:pageCount. PRISM is not predefined by PDF/A, so the packet declares the properties
 *    it uses in a PDF/A extension schema (pdfaExtension:schemas, ISO 19005-2 6.6.2.3.2):
 *    schema name, namespace URI, prefix, and per property its name, value type (Text, Date,
 *    Integer: XMP's own types), category and description.
 * The page's position in the edition is in /PageLabels and the METS, not the XMP.
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

/** The Info dictionary's entries (written by the PDF writer's info extension). */
export interface PdfInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

/** The Info dictionary of a file with this metadata; the XMP repeats each entry (PDF/A 6.6.2.3). */
export function pdfInfoOf(meta: PdfAMeta): PdfInfo {
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

/** PRISM Basic Metadata 2.0: its namespace and the prefix its specification uses. */
export const PRISM_NS = 'http://prismstandard.org/namespaces/basic/2.0/';

/** The PRISM properties zuban writes: name, XMP value type, PRISM's definition. */
const PRISM_PROPERTIES = {
  publicationName: ['Text', 'Title of the magazine, or other publication, in which a resource was/will be published (报名)'],
  coverDate: ['Date', 'Date of the issue, as printed on the cover (出版日期)'],
  number: ['Text', 'Identifies the issue of a serial publication by number (总期号)'],
  section: ['Text', 'Name of the publication section in which a resource is placed (版名)'],
  startingPage: ['Text', 'Identifies the first page number for the published version of the resource (版次)'],
  pageRange: ['Text', 'Identifies the page range for the published print version of the resource (版次 from first to last)'],
  pageCount: ['Integer', 'Number of pages in the resource'],
} as const;
type PrismProperty = keyof typeof PRISM_PROPERTIES;

const xe = (s: string | number) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** XMP date: ISO 8601 to the second, UTC (as the writer writes Info dates). */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The newspaper fields of a file in PRISM: a page's 版次 and 版名, or the e-paper's range of pages. */
export function prismFields(meta: PdfAMeta): Partial<Record<PrismProperty, string | number>> {
  const single = meta.pages.length === 1 ? meta.pages[0] : undefined;
  const first = meta.pages[0], last = meta.pages[meta.pages.length - 1];
  const fields: Partial<Record<PrismProperty, string | number>> = {
    publicationName: meta.paper,
    coverDate: meta.date,
    number: meta.issue !== undefined ? String(meta.issue) : undefined,
    section: single?.name,
    startingPage: single?.label,
    pageRange: !single && first ? (first === last ? first.label : `${first.label}-${last.label}`) : undefined,
    pageCount: meta.pages.length,
  };
  for (const k of Object.keys(fields) as PrismProperty[]) if (fields[k] === undefined || fields[k] === '') delete fields[k];
  return fields;
}

/** The XMP packet: pdfaid, Dublin Core, XMP basic, Adobe PDF and PRISM, with PRISM's PDF/A extension schema description. */
export function xmpPacket(meta: PdfAMeta, info: PdfInfo = pdfInfoOf(meta)): string {
  const desc = (ns: string, body: string) => `  <rdf:Description rdf:about=""${ns}>\n${body}  </rdf:Description>\n`;
  const p = (name: string, value: string | number | undefined) => (value === undefined || value === '' ? '' : `    <${name}>${xe(value)}</${name}>\n`);
  const alt = (name: string, value: string | undefined) =>
    value ? `    <${name}><rdf:Alt><rdf:li xml:lang="x-default">${xe(value)}</rdf:li></rdf:Alt></${name}>\n` : '';
  const list = (name: string, kind: 'Seq' | 'Bag', values: (string | undefined)[]) => {
    const v = values.filter((x): x is string => !!x);
    return v.length ? `    <${name}><rdf:${kind}>${v.map((x) => `<rdf:li>${xe(x)}</rdf:li>`).join('')}</rdf:${kind}></${name}>\n` : '';
  };
  const prism = prismFields(meta);
  const used = Object.keys(prism) as PrismProperty[];
  const propDecl = (name: PrismProperty) =>
    `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>${PRISM_PROPERTIES[name][0]}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${xe(PRISM_PROPERTIES[name][1])}</pdfaProperty:description></rdf:li>`;
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
        '<pdfaSchema:schema>PRISM Basic Metadata 2.0</pdfaSchema:schema>' +
        `<pdfaSchema:namespaceURI>${PRISM_NS}</pdfaSchema:namespaceURI>` +
        '<pdfaSchema:prefix>prism</pdfaSchema:prefix>' +
        `<pdfaSchema:property><rdf:Seq>${used.map(propDecl).join('')}</rdf:Seq></pdfaSchema:property>` +
        '</rdf:li></rdf:Bag></pdfaExtension:schemas>\n',
    ) +
    desc(` xmlns:prism="${PRISM_NS}"`, used.map((k) => p(`prism:${k}`, prism[k])).join('')) +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>'
  );
}
