/**
 * A check of the MODS records in the METS against the rules of MODS 3 that can be cited,
 * because the official MODS XSD (mods-3-8.xsd, Library of Congress) ships in no npm package
 * and no Debian package (checked: npm's package list, `apt-cache search mods`, and the files
 * of libmods-record-perl and libcatmandu-mods-perl, which carry none). When xsd/ gets it,
 * validate the mdWrap contents with it instead (xsd.ts) and drop this file.
 *
 * The rules, from the MODS User Guidelines Version 3 (loc.gov/standards/mods/userguide/):
 *  - the record is <mods> in http://www.loc.gov/mods/v3 ("MODS Elements and Attributes");
 *  - its children are top-level elements of MODS 3 (the 20 of "Top Level Elements");
 *  - a used element has only its own subelements (each element's "Subelements" section);
 *  - enumerated values: typeOfResource's values, issuance's values, titleInfo@type,
 *    name@type, languageTerm@type and roleTerm@type (code | text), date encodings
 *    (w3cdtf | iso8601 | marc | edtf | temper), keyDate (yes);
 *  - a date with encoding="w3cdtf" is a W3C-DTF date (YYYY, YYYY-MM or YYYY-MM-DD here);
 *  - languageTerm with type="code" names its authority (iso639-2b, rfc3066, iso639-3,
 *    rfc4646, rfc5646).
 */
import { XmlDocument, type XmlElement } from 'libxml2-wasm';

export const MODS_NS = 'http://www.loc.gov/mods/v3';

const TOP = ['titleInfo', 'name', 'typeOfResource', 'genre', 'originInfo', 'language', 'physicalDescription', 'abstract', 'tableOfContents', 'targetAudience', 'note', 'subject', 'classification', 'relatedItem', 'identifier', 'location', 'accessCondition', 'part', 'extension', 'recordInfo'];

/** Subelements of the elements zuban writes (leaves: none). */
const CHILDREN: Record<string, string[]> = {
  titleInfo: ['title', 'subTitle', 'partNumber', 'partName', 'nonSort'],
  name: ['namePart', 'displayForm', 'affiliation', 'role', 'description', 'nameIdentifier', 'alternativeName', 'etal'],
  role: ['roleTerm'],
  originInfo: ['place', 'publisher', 'dateIssued', 'dateCreated', 'dateCaptured', 'dateValid', 'dateModified', 'copyrightDate', 'dateOther', 'displayDate', 'edition', 'issuance', 'frequency', 'agent'],
  language: ['languageTerm', 'scriptTerm'],
  part: ['detail', 'extent', 'date', 'text'],
  detail: ['number', 'caption', 'title'],
  extent: ['start', 'end', 'total', 'list'],
  title: [], subTitle: [], typeOfResource: [], genre: [], identifier: [], publisher: [], dateIssued: [], issuance: [], languageTerm: [], roleTerm: [], displayForm: [], namePart: [], number: [], total: [],
};

const ENUM: Record<string, Record<string, string[]>> = {
  typeOfResource: { '#text': ['text', 'cartographic', 'notated music', 'sound recording-musical', 'sound recording-nonmusical', 'sound recording', 'still image', 'moving image', 'three dimensional object', 'software, multimedia', 'mixed material'] },
  issuance: { '#text': ['continuing', 'monographic', 'single unit', 'multipart monograph', 'serial', 'integrating resource'] },
  titleInfo: { type: ['abbreviated', 'translated', 'alternative', 'uniform'] },
  name: { type: ['personal', 'corporate', 'conference', 'family'] },
  languageTerm: { type: ['code', 'text'], authority: ['iso639-2b', 'rfc3066', 'iso639-3', 'rfc4646', 'rfc5646'] },
  roleTerm: { type: ['code', 'text'] },
  dateIssued: { encoding: ['w3cdtf', 'iso8601', 'marc', 'edtf', 'temper'], keyDate: ['yes'] },
};

/** The problems of every <mods:mods> in a METS text ([] when none). */
export function modsProblems(metsXml: string): string[] {
  const problems: string[] = [];
  const doc = XmlDocument.fromString(metsXml);
  try {
    const records = doc.find('//mets:xmlData/*', { mets: 'http://www.loc.gov/METS/' }) as XmlElement[];
    if (records.length === 0) problems.push('no MODS record in the METS');
    records.forEach((rec, i) => {
      const where = `record ${i + 1}`;
      if (rec.namespaceUri !== MODS_NS || rec.name !== 'mods') {
        problems.push(`${where}: <${rec.name}> in ${rec.namespaceUri}, not <mods> in ${MODS_NS}`);
        return;
      }
      const visit = (el: XmlElement, path: string, allowed: string[]) => {
        for (const c of el.find('*') as XmlElement[]) {
          const here = `${path}/${c.name}`;
          if (c.namespaceUri !== MODS_NS) problems.push(`${where}: ${here} is not in the MODS namespace`);
          else if (!allowed.includes(c.name)) problems.push(`${where}: ${here} is not a subelement MODS allows there`);
          else {
            const e = ENUM[c.name];
            if (e) {
              for (const [attr, values] of Object.entries(e)) {
                const v = attr === '#text' ? c.content.trim() : c.attr(attr)?.value;
                if (v !== undefined && !values.includes(v)) problems.push(`${where}: ${here}${attr === '#text' ? '' : `@${attr}`} "${v}" is none of ${values.join(' | ')}`);
              }
            }
            if (c.attr('encoding')?.value === 'w3cdtf' && !/^\d{4}(-\d\d(-\d\d)?)?$/.test(c.content.trim())) problems.push(`${where}: ${here} "${c.content}" is no W3C-DTF date`);
            if (c.name === 'languageTerm' && c.attr('type')?.value === 'code' && !c.attr('authority')) problems.push(`${where}: ${here} is a code without its authority`);
            const sub = CHILDREN[c.name];
            if (sub === undefined) problems.push(`${where}: ${here}: this check knows no rules for <${c.name}>; add them with their source`);
            else visit(c, here, sub);
          }
        }
      };
      visit(rec, 'mods', TOP);
    });
  } finally {
    doc.dispose();
  }
  return problems;
}
