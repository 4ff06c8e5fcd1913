/** Page trees for tests: the workload as a Document, and how to render one. */
import type { FontBook } from '../../src/fonts/fontBook.js';
import { makeDocument } from '../../src/frame/document.js';
import type { Document, Page } from '../../src/frame/types.js';
import { composeWorkload } from '../../src/layout/composeWorkload.js';
import type { Workload } from '../../src/model/workload/parseWorkload.js';
import { projectRoot } from '../../src/projectRoot.js';
import type { RenderOptions } from '../../src/render/pdf/renderPdf.js';

export function documentOf(pages: Page[], fonts: FontBook, title = 'test'): Document {
  return makeDocument({
    title, channel: 'print', pages, faceOf: (id) => fonts.face(id), root: projectRoot,
    meta: { paper: 'test', date: '2026-01-01', pages: pages.map((p) => ({ label: p.label, number: p.number })) },
  });
}

export function workloadDocument(input: Workload, fonts: FontBook): Document {
  return documentOf(composeWorkload(input, fonts).pages, fonts, 'zuban workload');
}

export function renderOptions(fonts: FontBook): RenderOptions {
  return { openFont: (r) => fonts.faceForFile(r.role, r.file) };
}
