/**
 * Renders previews on worker threads, one per core (at most `size`), while the main
 * thread goes on composing and writing PDFs: previews are most of a build's time, and
 * pdf.js is single-threaded. Where the worker cannot be started (the sources run
 * untranspiled, as under vitest), jobs run on the calling thread instead.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderPreview, type PreviewJob } from './renderPreview.js';

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
}

export class PreviewPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; job: PreviewJob }[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(size = Math.min(2, os.availableParallelism())) {
    const url = new URL('./previewWorker.js', import.meta.url);
    if (!import.meta.url.endsWith('.js')) return;
    for (let i = 0; i < size; i++) {
      const w = new Worker(url);
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

  /** Renders a job: on a worker when there are any, else here. */
  render(job: PreviewJob): Promise<Buffer> {
    if (!this.workers.length) return renderPreview(job);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, job });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  /** Stops the workers (pending jobs are rejected). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
