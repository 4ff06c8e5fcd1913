/** Worker thread of PreviewPool: renders the preview jobs it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { preloadPreview, renderPreview, type PreviewJob } from './renderPreview.js';

preloadPreview();

parentPort!.on('message', async ({ id, job }: { id: number; job: PreviewJob }) => {
  try {
    const png = await renderPreview(job);
    parentPort!.postMessage({ id, png });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message });
  }
});
