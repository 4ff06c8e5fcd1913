import fs from 'node:fs';
import path from 'node:path';
import { FontBook } from '../fonts/fontBook.js';
import { workloadPages, WORKLOAD_TITLE, type Overflow } from '../layout/composeWorkload.js';
import { parseWorkload, type Workload } from '../model/workload/parseWorkload.js';
import { projectRoot } from '../projectRoot.js';
import { PdfWriter } from '../render/pdf/renderPdf.js';
import { MissingGlyphError } from '../text/missingGlyph.js';
import { UserError } from './errors.js';
import { writeAtomically } from '../io/writeAtomically.js';

/** Reads and checks a workload file; every problem names the file and field. */
export function readWorkload(file: string): Workload {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`${file}: cannot read as JSON (${(err as Error).message})`);
  }
  const parsed = parseWorkload(raw);
  if ('problems' in parsed) throw new UserError(parsed.problems.map((p) => `${file}: ${p}`).join('\n'));
  return parsed.workload;
}

/**
 * `zuban typeset`: input.json → PDF, written atomically (a failure leaves the old file).
 * Each page goes to the PDF as soon as it is set.
 */
export async function typesetWorkload(input: string, output: string, root = projectRoot): Promise<void> {
  const workload = readWorkload(input);
  const fonts = FontBook.load(root);
  const ref = (role: string) => ({ role, file: path.relative(root, fonts.face(role).file) });
  const head = { title: WORKLOAD_TITLE, fonts: { song: ref('song'), hei: ref('hei') }, assets: {} };
  const writer = await PdfWriter.open(head, { openFont: (r) => fonts.faceForFile(r.role, r.file) });
  const overflow: Overflow[] = [];
  try {
    for (const page of workloadPages(workload, fonts, overflow)) writer.page(page);
  } catch (err) {
    if (err instanceof MissingGlyphError) throw new UserError(`${input}: ${err.message}`);
    throw err;
  }
  for (const o of overflow) {
    process.stderr.write(`zuban: ${input}: page ${o.page}: ${o.lines} lines (${o.chars} 字) overset\n`);
  }
  writeAtomically(output, await writer.finish());
}
