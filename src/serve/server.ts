/**
 * `zuban serve`: a local web page of the edition as built in out/ — every page at a readable
 * size with its blocks outlined and the proof marks (溢出 N 字 in red, 欠 N 行 in blue), the
 * warnings beside it, a block's copyfit on a click — that refreshes itself after each build
 * (server-sent events). node:http, no framework; the page is one HTML file with its script
 * inline (./page.ts). It reads out/frame.json and out/report.json and draws page images
 * through the library API only.
 *
 *   GET /                  the page
 *   GET /events            server-sent events: `build` {id, ok, rebuilt, ms} or {ok: false, error}
 *   GET /api/edition       the pages, their blocks (no glyphs), the marks, copyfit, diagnostics
 *   GET /page/A01.png      the page drawn from the frame at ?dpi= (default 150, 20–400)
 *   GET /thumb/A01.png     out/preview/A01.png (the build's small preview)
 *   GET /pdf/A01.pdf       out/pages/A01.pdf
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { proofMarks, renderPagePng, type CopyfitEntry, type Document, type ProofMark } from '../index.js';
import { servePage } from './page.js';

export interface ServeOptions {
  outDir: string;
  port?: number;
  host?: string;
}

export interface BuildEvent {
  ok: boolean;
  rebuilt?: string[];
  ms?: number;
  error?: string;
}

export interface Server {
  url: string;
  /**
   * Tells every open page that a build finished (it refetches) or failed (it shows why).
   * `built`: the page tree and report of the build out/ now points to, as the builder holds
   * them — served without reading frame.json again.
   */
  notify(e: BuildEvent, built?: { doc: Document; report: Loaded['report'] }): void;
  close(): Promise<void>;
}

interface Loaded {
  id: string;
  /** frame.json's device, inode, size and mtime: watch mode's second switch links it unchanged. */
  frame: string;
  dir: string;
  doc: Document;
  report: { copyfit: CopyfitEntry[]; diagnostics?: unknown[]; notices?: unknown; edition?: unknown };
  marks: ProofMark[];
}

export async function startServer(opts: ServeOptions): Promise<Server> {
  const out = path.resolve(opts.outDir);
  const clients = new Set<http.ServerResponse>();
  let last: BuildEvent | undefined;
  let loaded: Loaded | undefined;
  const images = new Map<string, Promise<Buffer>>();

  const frameKey = (dir: string) => {
    const st = fs.statSync(path.join(dir, 'frame.json'));
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;
  };
  const adopt = (id: string, dir: string, frame: string, doc: Document, report: Loaded['report']): Loaded => {
    images.clear();
    return (loaded = { id, dir, frame, doc, report, marks: proofMarks(doc, report.copyfit ?? []) });
  };

  /** The build out/ points to now (its folder's name is the build's id), read once per build. */
  const current = (): Loaded | undefined => {
    let dir: string;
    try {
      dir = fs.realpathSync(out);
    } catch {
      return undefined;
    }
    const id = path.basename(dir);
    if (loaded?.id === id) return loaded;
    try {
      const frame = frameKey(dir);
      // the same page tree in another folder (edition.pdf added beside it): keep what is drawn
      if (loaded?.frame === frame) return (loaded = { ...loaded, id, dir });
      const doc = JSON.parse(fs.readFileSync(path.join(dir, 'frame.json'), 'utf8')) as Document;
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Loaded['report'];
      return adopt(id, dir, frame, doc, report);
    } catch {
      return loaded; // a build switched the link while we read: keep the last one whole
    }
  };

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
    res.end(body);
  };

  const editionView = (l: Loaded) => ({
    build: l.id,
    title: l.doc.title,
    meta: l.doc.meta,
    pages: l.doc.pages.map((p) => ({
      label: p.label, number: p.number, name: p.name, width: p.width, height: p.height,
      blocks: p.blocks.map((b) => ({ id: b.id, kind: b.kind, source: b.source, rect: b.rect, lines: b.lines.length })),
    })),
    marks: l.marks,
    copyfit: l.report.copyfit,
    diagnostics: l.report.diagnostics ?? [],
    last,
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    if (p === '/' || p === '/index.html') return send(res, 200, 'text/html; charset=utf-8', servePage);
    if (p === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 1000\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const l = current();
    if (p === '/api/edition') {
      if (!l) return send(res, 503, 'application/json', JSON.stringify({ error: 'no build yet', last }));
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(editionView(l)));
    }
    const m = /^\/(page|thumb|pdf)\/([A-Za-z0-9_-]+)\.(png|pdf)$/.exec(p);
    if (m && l) {
      const [, what, label] = m;
      if (!l.doc.pages.some((pg) => pg.label === label)) return send(res, 404, 'text/plain; charset=utf-8', `no page ${label}`);
      if (what === 'thumb' || what === 'pdf') {
        const f = path.join(l.dir, what === 'thumb' ? `preview/${label}.png` : `pages/${label}.pdf`);
        if (!fs.existsSync(f)) return send(res, 404, 'text/plain; charset=utf-8', `no ${path.relative(l.dir, f)} in this build`);
        return send(res, 200, what === 'thumb' ? 'image/png' : 'application/pdf', fs.readFileSync(f));
      }
      const dpi = Math.min(400, Math.max(20, Number(url.searchParams.get('dpi')) || 150));
      const marks = url.searchParams.get('marks') === '1';
      const key = `${l.frame}/${label}/${dpi}/${marks}`;
      let png = images.get(key);
      // photos through out/ itself, not the build's folder: watch mode's second switch (edition.pdf
      // added) removes the folder a draw may have started in, and links the same files into the next
      const draw = (b: Loaded) => renderPagePng(b.doc, label, { dpi, assetDir: out, marks: marks ? b.marks : undefined });
      // The build may be switched while its page is drawn (in watch mode edition.pdf follows
      // the pages in a second switch, which removes the first build's folder and its photos):
      // then the page is drawn again from the build now served.
      if (!png) images.set(key, (png = draw(l).catch((err: Error) => {
        const now = current();
        if (!now || now.id === l.id) throw err;
        return draw(now);
      })));
      png.then(
        (b) => send(res, 200, 'image/png', b),
        (err: Error) => {
          images.delete(key);
          send(res, 500, 'text/plain; charset=utf-8', `cannot draw ${label}: ${err.message}`);
        },
      );
      return;
    }
    send(res, l ? 404 : 503, 'text/plain; charset=utf-8', l ? 'not found' : 'no build yet');
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => resolve());
  });
  const addr = server.address() as { port: number };
  // keep the events flowing through proxies and idle timeouts
  const ping = setInterval(() => clients.forEach((c) => c.write(': ping\n\n')), 15_000);
  ping.unref();
  return {
    url: `http://${host}:${addr.port}/`,
    notify(e, built) {
      last = e;
      if (built) {
        try {
          const dir = fs.realpathSync(out);
          adopt(path.basename(dir), dir, frameKey(dir), built.doc, built.report);
        } catch {
          // out/ moved on meanwhile: the next request reads it
        }
      }
      const data = `event: build\ndata: ${JSON.stringify(e)}\n\n`;
      clients.forEach((c) => c.write(data));
    },
    async close() {
      clearInterval(ping);
      clients.forEach((c) => c.end());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
