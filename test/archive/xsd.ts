/**
 * XSD validation of archive files with libxml2-wasm against the vendored schemas (xsd/):
 * the schemas are read from their files, so their `xlink.xsd` import resolves next to
 * them, offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XmlDocument, XsdValidator, XmlValidateError } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { projectRoot } from '../../src/projectRoot.js';

let registered = false;
const validators = new Map<string, XsdValidator>();

function validator(schema: 'alto-4-4.xsd' | 'mets-1-12-1.xsd'): XsdValidator {
  let v = validators.get(schema);
  if (!v) {
    if (!registered) registered = xmlRegisterFsInputProviders();
    const file = path.join(projectRoot, 'xsd', schema);
    const xsd = XmlDocument.fromBuffer(fs.readFileSync(file), { url: file });
    v = XsdValidator.fromDoc(xsd);
    validators.set(schema, v);
  }
  return v;
}

/** The schema errors of an XML text ([] when valid). */
export function xsdErrors(xml: string, schema: 'alto-4-4.xsd' | 'mets-1-12-1.xsd'): string[] {
  const doc = XmlDocument.fromString(xml);
  try {
    validator(schema).validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) return e.details.map((d) => `${d.line}: ${d.message.trim()}`);
    throw e;
  } finally {
    doc.dispose();
  }
}
