/**
 * Renders previews on worker threads (one per core, at most `size`) while the main thread
 * goes on writing PDFs. Each worker opens the fonts itself and keeps its glyph outlines
 * across the pages it draws. Where a worker cannot be started (the sources run
 * untranspiled, as under vitest), pages are drawn on the calling thread instead.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageFrame } from '../../frame/types.js';
import { FontBook } from '../../fonts/fontBook.js';
import { OutlineCache, renderPreview } from './renderPreview.js';
import { projectRoot } from '../../projectRoot.js';

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

interface Job {
  id: number;
  page: PageFrame;
  dpi: number;
}

export class PreviewPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private local?: OutlineCache;

  /** `root`: the project folder whose fonts/fonts.json the page tree's font keys name. */
  constructor(
    private readonly root: string,
    size = Math.min(2, os.availableParallelism()),
  ) {
    if (!import.meta.url.endsWith('.js')) return;
    for (let i = 0; i < size; i++) {
      // tsc's output, which the bundle (dist/bundle) leaves beside it
      const w = new Worker(path.join(projectRoot, 'dist/render/preview/previewWorker.js'), { workerData: { root } });
      w.on('message', (m: { id: number; png?: Uint8Array; error?: string }) => {
        const p = this.pending.get(m.id)!;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(`preview: ${m.error}`));
        else p.resolve(Buffer.from(m.png!.buffer, m.png!.byteOffset, m.png!.byteLength));
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** The PNG of a page at `dpi`: drawn on a worker when there are any, else here. */
  render(page: PageFrame, dpi = 40): Promise<Buffer> {
    if (!this.workers.length) {
      if (!this.local) {
        const fonts = FontBook.load(this.root);
        this.local = new OutlineCache((key) => fonts.face(key).font);
      }
      return renderPreview(page, this.local, dpi);
    }
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, page, dpi });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
