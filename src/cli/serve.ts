import path from 'node:path';
import type { Command } from 'commander';

/** `zuban serve`: the edition in the browser, rebuilt (only the changed pages) on every save. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('a local web page of the edition: pages at a readable size, proof marks, warnings; rebuilds and refreshes on every save')
    .argument('[edition]', 'edition.yaml', 'content/edition.yaml')
    .option('--port <n>', 'port (0: any free one)', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--out <dir>', 'output directory', 'out')
    .option('--no-preview', 'skip the small PNG previews (the page view is drawn on demand anyway)')
    .action(async (edition: string, opts: { port: string; host: string; out: string; preview: boolean }) => {
      const { UserError } = await import('../diagnostic.js');
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${opts.port}: not a port number (0–65535)`, 2);
      const { startServer } = await import('../serve/server.js');
      const { watchEdition } = await import('./buildEdition.js');
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({ outDir: opts.out, port, host: opts.host });
      } catch (err) {
        throw new UserError(`--port ${port}: cannot listen on ${opts.host}:${port} (${(err as Error).message})`);
      }
      process.stdout.write(`zuban serve: ${server.url} (edition ${path.relative(process.cwd(), path.resolve(edition)) || edition}, output ${opts.out}/)\n`);
      await watchEdition(edition, opts.out, { preview: opts.preview }, (r) =>
        r.ok
          ? server.notify({ ok: true, rebuilt: r.result.rebuilt, ms: Math.round(r.result.ms) }, { doc: r.result.set.print, report: r.result.report })
          : server.notify({ ok: false, error: r.error.message }),
      );
    });
}
