/**
 * Two pages drawn at once in one thread (the preview worker takes four, zuban serve may draw
 * two): the page whose masthead art needs the canvas and the page whose proof marks need it
 * share one canvas, and neither may end up with the other's pixels — here while the canvas
 * library is still being loaded, the widest gap there is.
 */
import { expect, it } from 'vitest';
import type { Page } from '../../../src/frame/types.js';
import { OutlineCache, renderPreview } from '../../../src/render/preview/renderPreview.js';
import { fonts } from '../../helpers/fonts.js';
import { workloadDocument } from '../../helpers/frame.js';
import { workload } from '../../helpers/workload.js';

it('--- concurrent-draws --- a page with SVG art and a page with proof marks drawn together, each as drawn alone', async () => {
  const doc = workloadDocument(workload(1), fonts);
  const outlines = new OutlineCache((ref) => fonts.faceForFile(ref.role, ref.file));
  const art: Page = { ...doc.pages[0], blocks: [...doc.pages[0].blocks, { id: 'art', kind: 'graphic', source: { id: 'art', component: 'furniture' }, rect: { x: 40, y: 40, w: 200, h: 60 }, lines: [], graphics: [{ kind: 'path', x: 40, y: 40, w: 200, h: 60, viewBox: [0, 0, 10, 3], d: 'M0 0L10 0L10 3L0 3Z', fill: { spot: 'red', tint: 1 } }] }] } as Page;
  const body = doc.pages[0].blocks.find((b) => b.source.component === 'body')!;
  const marked = doc.pages[0];
  const inputs = { fonts: doc.fonts, images: {} };
  const markInputs = { ...inputs, marks: [{ kind: 'overset' as const, rect: body.rect, label: '溢出 12 字' }], markFont: fonts.face('hei').file };
  const [a, b] = await Promise.all([renderPreview(art, inputs, outlines, 40), renderPreview(marked, markInputs, outlines, 40)]);
  const aloneA = await renderPreview(art, inputs, outlines, 40);
  const aloneB = await renderPreview(marked, markInputs, outlines, 40);
  expect(a.equals(aloneA)).toBe(true);
  expect(b.equals(aloneB)).toBe(true);
  expect(a.equals(b)).toBe(false);
});
