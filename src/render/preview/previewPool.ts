/**
 * Renders previews on a worker thread (or `size` of them) while the main thread goes on
 * writing PDFs. A worker opens the fonts itself (their tables, not their outlines: each
 * glyph record is read when first drawn) and keeps its glyph masks across the pages it draws. Where a worker cannot be started (the sources run
 * untranspiled, as under vitest), pages are drawn on the calling thread instead.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Page } from '../../frame/types.js';
import { FontBook } from '../../fonts/fontBook.js';
import type { OutlineCache, PreviewInputs } from './renderPreview.js';
import { projectRoot } from '../../projectRoot.js';

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

/** Pages sent to a worker ahead of its answers. */
const AHEAD = 4;

interface Job {
  id: number;
  page: Page;
  inputs: PreviewInputs;
  dpi: number;
}

export class PreviewPool {
  private readonly workers: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly pending = new Map<number, Pending>();
  /** The jobs each worker has been sent and not yet answered, oldest first. */
  private readonly busy = new Map<Worker, Job[]>();
  private next = 0;
  private local?: OutlineCache;

  /** `root`: the project folder whose fonts/fonts.json the page tree's font keys name. */
  constructor(
    private readonly root: string,
    /**
     * One worker by default: its glyph masks and outlines serve every page it draws (a second
     * worker would draw them all again and hold them again), and the thread that queued the
     * pages has the PDFs to write meanwhile.
     */
    size = Math.min(1, os.availableParallelism()),
    /** The worker's module: tsc's output, which the bundle (dist/bundle) leaves beside it. */
    workerFile = !import.meta.url.endsWith('.ts') ? path.join(projectRoot, 'dist/render/preview/previewWorker.js') : undefined,
  ) {
    if (!workerFile) return;
    for (let i = 0; i < size; i++) {
      // a young generation of 8 MB, not V8's default of up to 48: the worker's garbage is
      // short-lived (a page's masks and pixels), and the default kept ~25 MB more resident
      const w = new Worker(workerFile, { workerData: { root }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      this.busy.set(w, []);
      w.on('message', (m: { id: number; png?: Uint8Array; error?: string }) => {
        // an answer from a worker already retired, for a page drawn again elsewhere: dropped
        const p = this.pending.get(m.id);
        const sent = this.busy.get(w);
        if (!p || !sent) return;
        this.pending.delete(m.id);
        sent.splice(sent.findIndex((j) => j.id === m.id), 1);
        if (m.error !== undefined) p.reject(new Error(`preview: ${m.error}`));
        else p.resolve(Buffer.from(m.png!.buffer, m.png!.byteOffset, m.png!.byteLength));
        this.pump();
      });
      // A worker that dies (or cannot start: its file missing) leaves the pool; its page
      // goes back to the queue, and when no worker is left the queue is drawn here.
      w.on('error', () => this.retire(w));
      this.workers.push(w);
    }
  }

  /** The PNG of a page at `dpi`: drawn on a worker when there are any, else here. */
  render(page: Page, inputs: PreviewInputs, dpi = 40): Promise<Buffer> {
    if (!this.workers.length) return this.drawHere(page, inputs, dpi);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, page, inputs, dpi });
      this.pump();
    });
  }

  private async drawHere(page: Page, inputs: PreviewInputs, dpi: number): Promise<Buffer> {
    // loaded here only: with workers, the canvas is theirs alone
    const { OutlineCache, renderPreview } = await import('./renderPreview.js');
    if (!this.local) {
      const fonts = FontBook.load(this.root);
      this.local = new OutlineCache((ref) => fonts.faceForFile(ref.role, ref.file));
    }
    return renderPreview(page, inputs, this.local, dpi);
  }

  /**
   * Sends queued jobs, up to AHEAD to a worker, each to the one with the fewest outstanding:
   * a worker's next page is already with it when it finishes one, so it need not wait for
   * this thread to take its answer (it does so only between the PDFs it writes; a worker
   * fed one page at a time sat idle half the build), and not every page's tree is copied
   * into the worker at once.
   */
  private pump(): void {
    while (this.workers.length && this.queue.length) {
      const w = this.workers.reduce((a, b) => (this.busy.get(b)!.length < this.busy.get(a)!.length ? b : a));
      if (this.busy.get(w)!.length >= AHEAD) return;
      const job = this.queue.shift()!;
      this.busy.get(w)!.push(job);
      w.postMessage(job);
    }
  }

  private retire(w: Worker): void {
    this.workers.splice(this.workers.indexOf(w), 1);
    const jobs = this.busy.get(w) ?? [];
    this.busy.delete(w);
    this.queue.unshift(...jobs);
    if (this.workers.length) return this.pump();
    for (const j of this.queue.splice(0)) {
      const p = this.pending.get(j.id)!;
      this.pending.delete(j.id);
      this.drawHere(j.page, j.inputs, j.dpi).then(p.resolve, p.reject);
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
