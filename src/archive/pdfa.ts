/**
 * PDF/A-2u for a PDF that zuban writes (render/pdf's PdfFile on its object writer): the
 * extension `pdfA2u(meta)` gives the file
 *  - PDF 1.7, Info from `meta`, and XMP that agrees with it (PDF/A 6.6.2.3: every Info
 *    entry has its XMP equivalent): pdfaid 2/U, Dublin Core with dc:date, dc:language,
 *    dc:publisher, dc:identifier (CN), and 版次/版名/page number/issue in an extension
 *    schema declared as PDF/A requires (6.6.2.3.2) — well-formed for any title;
 *  - an sRGB output intent (GTS_PDFA1): the ICC's own `sRGB2014` profile, sRGB
 *    IEC61966-2.1 (data/icc/sRGB_IEC61966_2_1.icc; the profile's terms, ICC 2015, allow
 *    copying and embedding without restriction);
 *  - /PageLabels in the catalog (the 版次 as each page's label), /Lang, DisplayDocTitle;
 *  - no encryption (the writer has none).
 * What stays the drawer's job (archive/pdf.ts): every font embedded with ToUnicode; a
 * font's W widths equal to its program's hmtx advances (6.2.11.5) — no narrowed CIDs that
 * keep the full advance in the font; no glyph 0 (.notdef) drawn; colours in DeviceGray or
 * DeviceRGB only (the intent is RGB: CMYK and Separation paints and CMYK images converted;
 * a placed PDF's CMYK through a DefaultCMYK colour space); no transparency groups without
 * a blending space.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot.js';
import { metadataStream, type PdfExtension } from '../render/pdf/pdfObjects.js';

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

interface DocumentInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

function infoOf(meta: PdfAMeta): DocumentInfo {
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

let srgb: Buffer | undefined;
/** The sRGB IEC61966-2.1 profile of the output intent. */
export function srgbProfile(): Buffer {
  srgb ??= fs.readFileSync(path.join(projectRoot, 'data/icc/sRGB_IEC61966_2_1.icc'));
  return srgb;
}

/** The PDF/A-2u extension of a file of these pages (PdfInfo.extend). */
export function pdfA2u(meta: PdfAMeta): PdfExtension {
  const info = infoOf(meta);
  return {
    pdfVersion: '1.7',
    // the trim box, in PDF coordinates (y up)
    page: ({ width, height, trim: t }) => ({ width, height, entries: { TrimBox: [t.x, height - t.y - t.h, t.x + t.w, height - t.y] } }),
    info: () => {
      // Info as the XMP says it (an entry left out rather than written empty)
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(info)) if (v !== undefined) out[k] = v instanceof Date ? v : new String(v);
      return out;
    },
    catalog: (o) => {
      const profile = o.ref({ N: 3 });
      profile.end(srgbProfile());
      const intent = o.ref({
        Type: 'OutputIntent', S: 'GTS_PDFA1', Info: new String('sRGB IEC61966-2.1'), OutputConditionIdentifier: new String('sRGB IEC61966-2.1'), DestOutputProfile: profile,
      });
      intent.end();
      return {
        // page i is labelled with its 版次
        PageLabels: { Nums: meta.pages.flatMap((p, i) => [i, { P: new String(p.label) }]) },
        Lang: new String(meta.lang ?? 'zh-CN'),
        ViewerPreferences: { DisplayDocTitle: true },
        Metadata: metadataStream(o, xmpPacket(meta, info)),
        OutputIntents: [intent],
      };
    },
  };
}

/** The namespace of zuban's XMP properties (declared in the file by the extension schema). */
export const ZUBAN_XMP_NS = 'https://zuban.example/ns/newspaper/1.0/';

const xe = (s: string | number) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** XMP date: ISO 8601 to the second, UTC (as Info's dates are written). */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The XMP packet: pdfaid, Dublin Core, XMP basic, Adobe PDF, and zuban's edition properties with their declaration. */
export function xmpPacket(meta: PdfAMeta, info: DocumentInfo = infoOf(meta)): string {
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
