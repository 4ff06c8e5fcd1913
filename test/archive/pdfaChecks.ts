/**
 * Structural PDF/A-2u checks (no PDF/A-2 validator can be had here: veraPDF is absent,
 * PDFBox Preflight checks PDF/A-1b only), with qpdf and poppler-utils: what ISO 19005-2
 * asks of the files zuban writes. Returns the problems found, [] when none.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import type * as Fontkit from 'fontkit';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit & { create(b: Buffer): Fontkit.Font };

type Obj = { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } };

/** The file's objects (streams decoded, base64), by "n 0 R". */
function objects(file: string): { objs: Record<string, Obj>; json: Record<string, unknown> } {
  const out = execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 1 << 28 }).toString();
  const json = JSON.parse(out) as { qpdf: [unknown, Record<string, Obj>] } & Record<string, unknown>;
  const objs: Record<string, Obj> = {};
  for (const [k, v] of Object.entries(json.qpdf[1])) objs[k.replace(/^obj:/, '')] = v;
  return { objs, json };
}

const dictOf = (o: Obj | undefined) => (o?.stream ? o.stream.dict : (o?.value as Record<string, unknown>)) ?? {};
const text = (v: unknown) => (typeof v === 'string' ? v.replace(/^u:/, '') : undefined);

export interface PdfAReport {
  problems: string[];
  /** What pdfinfo says (Title, CreationDate …). */
  info: Record<string, string>;
  xmp: string;
  fonts: number;
  pages: number;
  /** The XMP's PDF/A extension schemas: namespace, prefix, the names of the properties declared. */
  extensionSchemas: { namespace: string; prefix: string; properties: string[] }[];
  /** The PRISM properties in the XMP, name → text. */
  prism: Record<string, string>;
}

/** A CIDFont's W array as CID → width (both forms: `c [w1 w2 …]` and `c1 c2 w`). */
function widthsOf(w: unknown): Map<number, number> {
  const out = new Map<number, number>();
  const a = (w as unknown[] | undefined) ?? [];
  for (let i = 0; i < a.length; ) {
    const c = a[i] as number;
    if (Array.isArray(a[i + 1])) {
      (a[i + 1] as number[]).forEach((width, k) => out.set(c + k, width));
      i += 2;
    } else {
      for (let cid = c; cid <= (a[i + 1] as number); cid++) out.set(cid, a[i + 2] as number);
      i += 3;
    }
  }
  return out;
}

/** CID → glyph id through a CIDToGIDMap (Identity, or a stream of 2-byte glyph ids). */
function cidToGid(map: unknown, deref: (v: unknown) => Obj | undefined): (cid: number) => number {
  if (map === '/Identity') return (cid) => cid;
  const data = deref(map)?.stream?.data;
  const bytes = data ? Buffer.from(data, 'base64') : Buffer.alloc(0);
  return (cid) => (2 * cid + 1 < bytes.length ? bytes.readUInt16BE(2 * cid) : 0);
}

/** The CIDs a content stream's text draws (hex strings of Tj/TJ in BT … ET), by font resource name. */
function cidsDrawn(ops: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  let font = '';
  for (const text of ops.match(/\bBT\b[\s\S]*?\bET\b/g) ?? []) {
    for (const m of text.matchAll(/\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>/g)) {
      if (m[1]) {
        font = m[1];
        continue;
      }
      let set = out.get(font);
      if (!set) out.set(font, (set = new Set()));
      for (let i = 0; i + 4 <= m[2].length; i += 4) set.add(parseInt(m[2].slice(i, i + 4), 16));
    }
  }
  return out;
}

/** The CIDs a ToUnicode CMap maps (bfchar entries and bfrange spans). */
function bfchars(cmap: string): Set<number> {
  const out = new Set<number>();
  for (const block of cmap.match(/beginbfchar[\s\S]*?endbfchar/g) ?? []) for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]*>/g)) out.add(parseInt(m[1], 16));
  for (const block of cmap.match(/beginbfrange[\s\S]*?endbfrange/g) ?? [])
    for (const m of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<[0-9a-fA-F]*>|\[[^\]]*\])/g)) for (let c = parseInt(m[1], 16); c <= parseInt(m[2], 16); c++) out.add(c);
  return out;
}

export function checkPdfA2u(file: string): PdfAReport {
  const problems: string[] = [];
  const fail = (m: string) => problems.push(m);

  // qpdf --check: syntax and streams
  const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  if (check.status !== 0 || !/No syntax or stream encoding errors found/.test(check.stdout)) fail(`qpdf --check: ${check.stdout}${check.stderr}`);

  const { objs, json } = objects(file);
  const deref = (v: unknown) => (typeof v === 'string' && / 0 R$/.test(v) ? objs[v] : ({ value: v } as Obj));
  const trailer = dictOf(objs['trailer']);
  if ('/Encrypt' in trailer) fail('encrypted (trailer /Encrypt)');
  if (!Array.isArray(trailer['/ID'])) fail('no file identifier (trailer /ID)');
  const header = execFileSync('head', ['-c', '9', file]).toString();
  if (header !== '%PDF-1.7\n') fail(`header ${JSON.stringify(header)}: PDF/A-2 files are PDF 1.7 at most`);

  const catalog = dictOf(deref(trailer['/Root']));
  // output intent: GTS_PDFA1 with an ICC profile of as many channels as the colours used (RGB)
  const intents = (catalog['/OutputIntents'] as string[] | undefined) ?? [];
  if (intents.length !== 1) fail(`${intents.length} output intents (want one)`);
  for (const ref of intents) {
    const oi = dictOf(deref(ref));
    if (oi['/S'] !== '/GTS_PDFA1') fail(`output intent /S ${String(oi['/S'])}`);
    const icc = deref(oi['/DestOutputProfile']);
    if (!icc?.stream) fail('output intent without a DestOutputProfile stream');
    else {
      if (icc.stream.dict['/N'] !== 3) fail(`ICC profile /N ${String(icc.stream.dict['/N'])} (want 3, RGB)`);
      const bytes = Buffer.from(icc.stream.data ?? '', 'base64');
      if (bytes.toString('latin1', 36, 40) !== 'acsp') fail('DestOutputProfile is not an ICC profile');
      if (bytes.toString('latin1', 16, 20) !== 'RGB ') fail(`ICC colour space ${bytes.toString('latin1', 16, 20)}`);
      if (bytes[8] > 4) fail(`ICC version ${bytes[8]} (PDF/A-2 takes up to v4)`);
    }
  }
  // metadata stream: unfiltered XMP
  const meta = deref(catalog['/Metadata']);
  if (!meta?.stream) fail('no /Metadata stream in the catalog');
  else if ('/Filter' in meta.stream.dict) fail('metadata stream is filtered');
  if (!catalog['/Lang']) fail('no /Lang');
  if ((json.encrypt as { encrypted?: boolean } | undefined)?.encrypted) fail('qpdf says encrypted');

  // fonts: every font embedded, Type0/CIDFontType2 with ToUnicode, W equal to the program's advances
  let fonts = 0;
  for (const [id, o] of Object.entries(objs)) {
    const d = dictOf(o);
    if (d['/Type'] !== '/Font') continue;
    if (d['/Subtype'] === '/Type0') {
      fonts++;
      if (!d['/ToUnicode']) fail(`font ${id} has no ToUnicode`);
      continue;
    }
    if (d['/Subtype'] !== '/CIDFontType2') {
      fail(`font ${id}: ${String(d['/Subtype'])} (zuban writes CIDFontType2 only)`);
      continue;
    }
    if (d['/CIDToGIDMap'] === undefined) fail(`font ${id}: no CIDToGIDMap`);
    const fd = dictOf(deref(d['/FontDescriptor']));
    const program = deref(fd['/FontFile2']);
    if (!program?.stream?.data) {
      fail(`font ${id} is not embedded`);
      continue;
    }
    const font = fontkit.create(Buffer.from(program.stream.data, 'base64'));
    const scale = 1000 / font.unitsPerEm;
    const gidOf = cidToGid(d['/CIDToGIDMap'], deref);
    for (const [cid, width] of widthsOf(d['/W'])) {
      const gid = gidOf(cid);
      if (gid >= font.numGlyphs) {
        fail(`font ${id} CID ${cid}: glyph ${gid} is not in the program (${font.numGlyphs} glyphs)`);
        continue;
      }
      const adv = font.getGlyph(gid).advanceWidth * scale;
      if (Math.abs(adv - width) > 1) fail(`font ${id} CID ${cid}: W ${width} but the program's advance is ${adv.toFixed(1)} (PDF/A-2 6.2.11.5)`);
    }
  }

  // every CID a page draws: a glyph of the program (not .notdef), a W width, a ToUnicode entry
  for (const [id, o] of Object.entries(objs)) {
    const page = dictOf(o);
    if (page['/Type'] !== '/Page') continue;
    const resources = dictOf(deref(page['/Resources']));
    const fontRes = dictOf(deref(resources['/Font']));
    const content = deref(page['/Contents'])?.stream?.data;
    if (!content) continue;
    for (const [name, cids] of cidsDrawn(Buffer.from(content, 'base64').toString('latin1'))) {
      const type0 = dictOf(deref(fontRes[`/${name}`]));
      const cidFont = dictOf(deref((type0['/DescendantFonts'] as unknown[] | undefined)?.[0]));
      const widths = widthsOf(cidFont['/W']);
      const gidOf = cidToGid(cidFont['/CIDToGIDMap'], deref);
      const cmap = deref(type0['/ToUnicode'])?.stream?.data;
      const unicode = cmap ? bfchars(Buffer.from(cmap, 'base64').toString('latin1')) : new Set<number>();
      for (const cid of cids) {
        const where = `page ${id} font /${name} CID ${cid}`;
        if (!widths.has(cid)) fail(`${where}: no W width`);
        if (!unicode.has(cid)) fail(`${where}: no ToUnicode entry`);
        if (gidOf(cid) === 0) fail(`${where}: draws .notdef`);
      }
    }
  }

  // colours: DeviceGray/DeviceRGB only (the intent is RGB)
  for (const [id, o] of Object.entries(objs)) {
    const d = dictOf(o);
    if (d['/Subtype'] === '/Image' && !['/DeviceRGB', '/DeviceGray'].includes(String(d['/ColorSpace']))) fail(`image ${id}: colour space ${JSON.stringify(d['/ColorSpace'])}`);
  }
  for (const page of (json.pages as { contents: string[] }[]) ?? []) {
    for (const c of page.contents) {
      const ops = Buffer.from(objs[c]?.stream?.data ?? '', 'base64').toString('latin1');
      if (/(^|\s)(k|K|cs|CS|sc|SC|scn|SCN)(\s|$)/.test(ops.replace(/\[[^\]]*\]\s*TJ/g, ''))) fail(`content ${c} sets a colour space other than Gray/RGB`);
    }
  }

  // pdfinfo and the XMP: pdfaid 2/U, Info and XMP agree
  const info: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }).split('\n')) {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
    if (m) info[m[1]] = m[2];
  }
  if (info.Encrypted !== 'no') fail(`pdfinfo Encrypted: ${info.Encrypted}`);
  const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  const ns = {
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
    dc: 'http://purl.org/dc/elements/1.1/',
    xmp: 'http://ns.adobe.com/xap/1.0/',
    pdf: 'http://ns.adobe.com/pdf/1.3/',
    pdfaSchema: 'http://www.aiim.org/pdfa/ns/schema#',
    pdfaProperty: 'http://www.aiim.org/pdfa/ns/property#',
  };
  const extensionSchemas: { namespace: string; prefix: string; properties: string[] }[] = [];
  const prism: Record<string, string> = {};
  let doc: XmlDocument | undefined;
  try {
    doc = XmlDocument.fromString(xmp.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail(`XMP is not well-formed: ${(e as Error).message}`);
  }
  if (doc) {
    const one = (xpath: string) => (doc!.get(xpath, ns) as XmlElement | null)?.content;
    if (one('//pdfaid:part') !== '2') fail(`pdfaid:part ${one('//pdfaid:part')}`);
    if (one('//pdfaid:conformance') !== 'U') fail(`pdfaid:conformance ${one('//pdfaid:conformance')}`);
    const infoDict = dictOf(deref(trailer['/Info']));
    const infoText = (k: string) => text(dictOf(deref(infoDict[k])) && (deref(infoDict[k])?.value as string));
    const pairs: [string, string][] = [
      ['/Title', '//dc:title/rdf:Alt/rdf:li'],
      ['/Author', '//dc:creator/rdf:Seq/rdf:li'],
      ['/Subject', '//dc:description/rdf:Alt/rdf:li'],
      ['/Keywords', '//pdf:Keywords'],
      ['/Creator', '//xmp:CreatorTool'],
      ['/Producer', '//pdf:Producer'],
    ];
    for (const [key, xpath] of pairs) {
      const a = infoText(key), b = one(xpath);
      if (a !== undefined && a !== b) fail(`Info ${key} ${JSON.stringify(a)} ≠ XMP ${xpath} ${JSON.stringify(b)}`);
    }
    const pdfDate = (v: string | undefined) => v?.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    for (const [key, xpath] of [['/CreationDate', '//xmp:CreateDate'], ['/ModDate', '//xmp:ModifyDate']] as const) {
      const a = pdfDate(infoText(key)), b = one(xpath);
      if (a !== undefined && a !== b) fail(`Info ${key} ${a} ≠ XMP ${xpath} ${b}`);
    }
    // every extension schema is a whole PDF/A description (6.6.2.3.2): name, namespace, prefix, properties with XMP value types
    const XMP_TYPES = new Set(['Text', 'Integer', 'Real', 'Boolean', 'Date', 'URI', 'URL', 'Seq Text', 'Bag Text', 'Lang Alt']);
    for (const s of doc.find('//pdfaSchema:schema/..', ns) as XmlElement[]) {
      const field = (name: string) => (s.get(name, ns) as XmlElement | null)?.content;
      if (!field('pdfaSchema:schema') || !field('pdfaSchema:namespaceURI') || !field('pdfaSchema:prefix')) fail('an extension schema lacks its name, namespace URI or prefix');
      const uri = field('pdfaSchema:namespaceURI')!;
      const used = doc.find(`//rdf:Description/*[namespace-uri()='${uri}']`, ns) as XmlElement[];
      for (const u of used) if (u.prefix !== field('pdfaSchema:prefix')) fail(`XMP property ${u.name} in ${uri} has prefix ${u.prefix}, the schema says ${field('pdfaSchema:prefix')}`);
      for (const prop of s.find('.//pdfaProperty:name/..', ns) as XmlElement[]) {
        const f = (name: string) => (prop.get(name, ns) as XmlElement | null)?.content;
        if (!XMP_TYPES.has(f('pdfaProperty:valueType') ?? '')) fail(`property ${f('pdfaProperty:name')}: value type ${f('pdfaProperty:valueType')} is no XMP type`);
        if (!['internal', 'external'].includes(f('pdfaProperty:category') ?? '')) fail(`property ${f('pdfaProperty:name')}: category ${f('pdfaProperty:category')}`);
        if (!f('pdfaProperty:description')) fail(`property ${f('pdfaProperty:name')}: no description`);
        if (f('pdfaProperty:valueType') === 'Integer' && used.some((u) => u.name === f('pdfaProperty:name') && !/^-?\d+$/.test(u.content))) fail(`property ${f('pdfaProperty:name')} is not an Integer`);
        if (f('pdfaProperty:valueType') === 'Date' && used.some((u) => u.name === f('pdfaProperty:name') && !/^\d{4}(-\d\d(-\d\d(T[\d:.]+(Z|[+-]\d\d:\d\d)?)?)?)?$/.test(u.content))) fail(`property ${f('pdfaProperty:name')} is not a Date`);
      }
      extensionSchemas.push({ namespace: uri, prefix: field('pdfaSchema:prefix')!, properties: (s.find('.//pdfaProperty:name', ns) as XmlElement[]).map((n) => n.content).sort() });
    }
    for (const el of doc.find(`//rdf:Description/*[namespace-uri()='http://prismstandard.org/namespaces/basic/2.0/']`, ns) as XmlElement[]) prism[el.name] = el.content;
    // every property outside the predefined schemas is declared in an extension schema
    const declared = new Set((doc.find('//pdfaSchema:schema/..', ns) as XmlElement[]).flatMap((s) => {
      const uri = (s.get('pdfaSchema:namespaceURI', ns) as XmlElement).content;
      return (s.find('.//pdfaProperty:name', ns) as XmlElement[]).map((n) => uri + n.content);
    }));
    const predefined = new Set(Object.values(ns).concat(['http://www.aiim.org/pdfa/ns/extension/']));
    for (const el of doc.find('//rdf:Description/*', ns) as XmlElement[]) {
      if (!predefined.has(el.namespaceUri) && !declared.has(el.namespaceUri + el.name)) fail(`XMP property ${el.namespaceUri}${el.name} is not declared`);
    }
    doc.dispose();
  }
  // pdffonts: emb, uni
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  for (const r of rows) {
    const cols = r.trim().split(/\s+/);
    const [emb, , uni] = cols.slice(-5, -2);
    if (emb !== 'yes' || uni !== 'yes') fail(`pdffonts: ${r}`);
  }
  return { problems, info, xmp, fonts, pages: Number(info.Pages), extensionSchemas, prism };
}
