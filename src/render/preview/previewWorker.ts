/** Worker thread of PreviewPool: opens the fonts once, then renders the pages it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageFrame } from '../../frame/types.js';
import { FontBook } from '../../fonts/fontBook.js';
import { OutlineCache, renderPreview } from './renderPreview.js';

const { root } = workerData as { root: string };
const fonts = FontBook.load(root);
const outlines = new OutlineCache((key) => fonts.face(key).font);

parentPort!.on('message', async ({ id, page, dpi }: { id: number; page: PageFrame; dpi: number }) => {
  try {
    parentPort!.postMessage({ id, png: await renderPreview(page, outlines, dpi) });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
