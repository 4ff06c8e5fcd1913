/** Worker thread of PreviewPool: opens the fonts once, then renders the pages it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Page } from '../../frame/types.js';
import { FontBook } from '../../fonts/fontBook.js';
import { OutlineCache, renderPreview, type PreviewInputs } from './renderPreview.js';

const { root } = workerData as { root: string };
const fonts = FontBook.load(root);
const outlines = new OutlineCache((ref) => fonts.faceForFile(ref.role, ref.file));

parentPort!.on('message', async ({ id, page, inputs, dpi }: { id: number; page: Page; inputs: PreviewInputs; dpi: number }) => {
  try {
    parentPort!.postMessage({ id, png: await renderPreview(page, inputs, outlines, dpi) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
