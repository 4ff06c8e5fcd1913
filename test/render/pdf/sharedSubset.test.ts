/**
 * Font subsets in glyph-id order: a page's print PDF and its archive PDF/A, whose CIDs are
 * numbered apart, embed byte-identical subsets of the fonts both draw the same glyphs of
 * (deflated once in a build), each CID mapped to its glyph by a CIDToGIDMap stream.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { archivePdf } from '../../../src/archive/pdf.js';
import { projectRoot } from '../../../src/projectRoot.js';
import { renderPdf } from '../../../src/render/pdf/renderPdf.js';
import { fonts } from '../../helpers/fonts.js';
import { renderOptions, workloadDocument } from '../../helpers/frame.js';
import { workload } from '../../helpers/workload.js';

type Obj = { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown>; data?: string } };

/** Font name (without subset tag) → its FontFile2's decoded bytes and the CIDToGIDMap kind. */
function subsets(file: string): Map<string, { data: string; map: unknown }> {
  const q = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 1 << 28 }).toString()) as { qpdf: [unknown, Record<string, Obj>] };
  const objs = q.qpdf[1];
  const deref = (r: unknown) => objs[`obj:${String(r)}`];
  const out = new Map<string, { data: string; map: unknown }>();
  for (const o of Object.values(objs)) {
    const d = o.value;
    if (d?.['/Subtype'] !== '/CIDFontType2') continue;
    const descriptor = deref(d['/FontDescriptor'])!.value!;
    const name = String(d['/BaseFont']).replace(/^\/[A-Z]{6}\+/, '');
    out.set(name, { data: deref(descriptor['/FontFile2'])!.stream!.data!, map: d['/CIDToGIDMap'] });
  }
  return out;
}

it('--- same-subset --- print and archive PDFs of one page embed the same subset bytes', async () => {
  const doc = workloadDocument(workload(1), fonts);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-subset-'));
  const print = path.join(dir, 'print.pdf'), archive = path.join(dir, 'archive.pdf');
  fs.writeFileSync(print, await renderPdf(doc, renderOptions(fonts)));
  fs.writeFileSync(archive, await archivePdf({ ...doc, channel: 'archive' }, doc.pages[0], { projectRoot, assetDir: dir }));
  const a = subsets(print), b = subsets(archive);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [name, { data, map }] of a) {
    expect(typeof map, name).toBe('string'); // a reference to a stream, not /Identity
    expect(map).not.toBe('/Identity');
    expect(data.length).toBeGreaterThan(1000);
    expect(data === b.get(name)!.data, name).toBe(true);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
