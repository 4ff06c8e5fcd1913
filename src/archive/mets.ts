/**
 * METS 1.12.1 for an edition: MODS for the issue and for each article and notice, the
 * files (PDF/A pages, ALTO, the e-paper) with SHA-256 checksums, a physical structMap
 * (pages) and a logical one (articles, notices under their group, ads, furniture), each
 * logical division pointing with `area BEGIN=` to the ALTO ids of its blocks on every page
 * it is on — so an article jumped to another page is one division over both.
 */
import type { Document, Page } from '../frame/types.js';
import { altoIdsOf } from './alto.js';
import { blockText, units, type Unit } from './structure.js';
import { el, esc, ncName } from './xml.js';

/** A file the METS lists, with its path relative to the METS file. */
export interface ArchiveFile {
  path: string;
  sha256: string;
  size: number;
  mimetype: string;
}

export interface EditionFiles {
  pages: { label: string; pdf: ArchiveFile; alto: ArchiveFile }[];
  epaper?: ArchiveFile;
}

export interface MetsOptions {
  /** metsHdr CREATEDATE (xsd:dateTime); default noon UTC of the edition date. */
  created?: string;
  software?: { name: string; version: string };
}

const M = 'mets:';
const pdfId = (label: string) => ncName('PDF.', label);
const altoId = (label: string) => ncName('ALTO.', label);
export const logicalId = (u: Unit) => ncName('LOG.', u.id);
const dmdId = (u: Unit) => ncName('DMD.', u.id);

/**
 * The text of a unit's first block of a component (a jumped article repeats its head on
 * the continuation page), letter spacing (遗　失　声　明) closed up.
 */
function textOf(u: Unit, component: string): string | undefined {
  for (const p of u.pieces) {
    if (p.block.source.component !== component) continue;
    const t = blockText(p.block).trim();
    if (t) return component === 'notice-group' ? t.replace(/\s+/gu, '') : t;
  }
  return undefined;
}

function fileXml(id: string, f: ArchiveFile): string {
  return el(
    `${M}file`,
    { ID: id, MIMETYPE: f.mimetype, SIZE: f.size, CHECKSUM: f.sha256, CHECKSUMTYPE: 'SHA-256' },
    el(`${M}FLocat`, { LOCTYPE: 'URL', 'xlink:href': f.path }),
  );
}

const mods = (body: string) => el(`${M}mdWrap`, { MDTYPE: 'MODS' }, el(`${M}xmlData`, {}, el('mods:mods', {}, body)));
const lang = el('mods:language', {}, el('mods:languageTerm', { type: 'code', authority: 'rfc5646' }, 'zh'));

function issueMods(doc: Document): string {
  const m = doc.meta;
  return mods(
    el('mods:titleInfo', {}, el('mods:title', {}, esc(m.paper))) +
      (m.paperLatin ? el('mods:titleInfo', { type: 'alternative', 'xml:lang': 'en' }, el('mods:title', {}, esc(m.paperLatin))) : '') +
      el('mods:typeOfResource', {}, 'text') +
      el('mods:genre', { authority: 'marcgt' }, 'newspaper') +
      el(
        'mods:originInfo',
        {},
        (m.publisher ? el('mods:publisher', {}, esc(m.publisher)) : '') +
          el('mods:dateIssued', { encoding: 'w3cdtf', keyDate: 'yes' }, esc(m.date)) +
          el('mods:issuance', {}, 'continuing'),
      ) +
      lang +
      (m.cn ? el('mods:identifier', { type: 'CN' }, esc(m.cn)) : '') +
      el(
        'mods:part',
        {},
        (m.issue !== undefined ? el('mods:detail', { type: 'issue' }, el('mods:number', {}, String(m.issue))) : '') +
          el('mods:extent', { unit: 'pages' }, el('mods:total', {}, String(doc.pages.length))),
      ),
  );
}

function unitMods(u: Unit): string {
  const head = textOf(u, 'head');
  const deck = textOf(u, 'deck');
  const kicker = textOf(u, 'kicker');
  const byline = textOf(u, 'byline');
  const pages = [...new Set(u.pieces.map((p) => p.page.label))];
  let title = head;
  if (!title && u.type === 'notice') title = u.noticeType ? `${u.noticeType} ${u.id}` : u.id;
  if (!title && u.type === 'notice-group') title = textOf(u, 'notice-group');
  return mods(
    (title ? el('mods:titleInfo', {}, el('mods:title', {}, esc(title)) + (deck ? el('mods:subTitle', {}, esc(deck)) : '')) : '') +
      (kicker ? el('mods:titleInfo', { type: 'alternative', displayLabel: '引题' }, el('mods:title', {}, esc(kicker))) : '') +
      (byline ? el('mods:name', {}, el('mods:displayForm', {}, esc(byline)) + el('mods:role', {}, el('mods:roleTerm', { type: 'text', authority: 'marcrelator' }, 'author'))) : '') +
      el('mods:genre', {}, esc(u.type === 'notice' && u.noticeType ? u.noticeType : u.type)) +
      lang +
      el('mods:identifier', { type: 'local' }, esc(u.id)) +
      el('mods:part', {}, pages.map((l) => el('mods:detail', { type: 'page' }, el('mods:number', {}, esc(l)))).join('')),
  );
}

/** A logical division's file pointer: its ALTO ids, page by page, in order. */
function areas(u: Unit): string {
  const list: string[] = [];
  for (const { page, block } of u.pieces) for (const id of altoIdsOf(block)) list.push(el(`${M}area`, { FILEID: altoId(page.label), BETYPE: 'IDREF', BEGIN: id }));
  if (list.length === 0) return '';
  return el(`${M}fptr`, {}, list.length === 1 ? list[0] : el(`${M}seq`, {}, list.join('')));
}

const DIV_TYPE: Record<Unit['type'], string> = {
  article: 'article',
  notice: 'notice',
  'notice-group': 'notices',
  advertisement: 'advertisement',
  furniture: 'furniture',
};

export function metsForEdition(doc: Document, files: EditionFiles, opts: MetsOptions = {}): string {
  const m = doc.meta;
  const software = opts.software ?? { name: 'zuban', version: '0' };
  const all = units(doc).filter((u) => u.pieces.some((p) => altoIdsOf(p.block).length > 0));
  const byLabel = new Map(files.pages.map((f) => [f.label, f]));
  for (const p of doc.pages) if (!byLabel.has(p.label)) throw new Error(`METS: no files for page ${p.label}`);

  const dmd =
    el(`${M}dmdSec`, { ID: 'DMD.issue' }, issueMods(doc)) + all.map((u) => (u.type === 'furniture' ? '' : el(`${M}dmdSec`, { ID: dmdId(u) }, unitMods(u)))).join('');

  const fileSec = el(
    `${M}fileSec`,
    {},
    el(`${M}fileGrp`, { USE: 'PDF/A' }, files.pages.map((f) => fileXml(pdfId(f.label), f.pdf)).join('')) +
      el(`${M}fileGrp`, { USE: 'ALTO' }, files.pages.map((f) => fileXml(altoId(f.label), f.alto)).join('')) +
      (files.epaper ? el(`${M}fileGrp`, { USE: 'e-paper' }, fileXml('EPAPER', files.epaper)) : ''),
  );

  const physical = el(
    `${M}structMap`,
    { TYPE: 'PHYSICAL' },
    el(
      `${M}div`,
      { ID: 'PHYS', TYPE: 'issue', LABEL: `${m.paper} ${m.date}` },
      doc.pages
        .map((p: Page) =>
          el(
            `${M}div`,
            { ID: ncName('PHYS.', p.label), TYPE: 'page', ORDER: p.number, ORDERLABEL: p.label, LABEL: p.name ? `${p.label} ${p.name}` : p.label },
            el(`${M}fptr`, { FILEID: pdfId(p.label) }) + el(`${M}fptr`, { FILEID: altoId(p.label) }),
          ),
        )
        .join(''),
    ),
  );

  // notices follow their group header (in reading order) until another kind of unit
  const divs: string[] = [];
  let group: { u: Unit; children: string[] } | undefined;
  const closeGroup = () => {
    if (group) divs.push(el(`${M}div`, { ID: logicalId(group.u), TYPE: DIV_TYPE['notice-group'], LABEL: textOf(group.u, 'notice-group'), DMDID: dmdId(group.u) }, areas(group.u) + group.children.join('')));
    group = undefined;
  };
  for (const u of all) {
    const label = u.type === 'notice' ? u.noticeType : (textOf(u, 'head') ?? textOf(u, 'furniture'));
    const div = el(`${M}div`, { ID: logicalId(u), TYPE: DIV_TYPE[u.type], LABEL: label, DMDID: u.type === 'furniture' ? undefined : dmdId(u) }, areas(u));
    if (u.type === 'notice-group') {
      closeGroup();
      group = { u, children: [] };
    } else if (u.type === 'notice' && group) group.children.push(div);
    else {
      closeGroup();
      divs.push(div);
    }
  }
  closeGroup();
  const logical = el(`${M}structMap`, { TYPE: 'LOGICAL' }, el(`${M}div`, { ID: 'LOG', TYPE: 'issue', LABEL: `${m.paper} ${m.date}`, DMDID: 'DMD.issue' }, divs.join('')));

  const hdr = el(
    `${M}metsHdr`,
    { CREATEDATE: opts.created ?? `${m.date.slice(0, 10)}T12:00:00Z` },
    el(`${M}agent`, { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' }, el(`${M}name`, {}, esc(`${software.name} ${software.version}`))) +
      (m.publisher ? el(`${M}agent`, { ROLE: 'IPOWNER', TYPE: 'ORGANIZATION' }, el(`${M}name`, {}, esc(m.publisher))) : ''),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      `${M}mets`,
      {
        'xmlns:mets': 'http://www.loc.gov/METS/',
        'xmlns:mods': 'http://www.loc.gov/mods/v3',
        'xmlns:xlink': 'http://www.w3.org/1999/xlink',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': 'http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/version1121/mets.xsd http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-8.xsd',
        OBJID: `${m.paper}-${m.date}${m.issue !== undefined ? `-${m.issue}` : ''}`,
        TYPE: 'Newspaper',
        LABEL: `${m.paper} ${m.date}`,
      },
      hdr + dmd + fileSec + physical + logical,
    ) +
    '\n'
  );
}
