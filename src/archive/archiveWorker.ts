/** Worker thread of writeArchiveOffThread: writes one archive package and answers with its result. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from '../frame/types.js';
import { writeArchive, type WriteArchiveOptions } from './index.js';

const { doc, opts } = workerData as { doc: Document; opts: Omit<WriteArchiveOptions, 'openFont'> };
writeArchive(doc, opts).then(
  (result) => parentPort!.postMessage({ result }),
  (err: Error) => parentPort!.postMessage({ error: err.message }),
);
