import path from 'node:path';
import type { BuildOptions } from '../pipeline.js';
import { projectRoot } from '../projectRoot.js';
import { Rebuilder, type RebuildResult } from '../rebuild.js';

/**
 * `zuban build --watch`: builds, then rebuilds whenever the edition's folder or templates/
 * change — only the pages whose inputs changed (src/rebuild.ts). `onBuild` hears of every
 * build, good or failed (`zuban serve`).
 */
export async function watchEdition(
  editionPath: string,
  outDir: string,
  opts: BuildOptions,
  onBuild?: (r: { ok: true; result: RebuildResult } | { ok: false; error: Error }) => void,
  templatesDir?: string,
): Promise<never> {
  const { watch } = await import('chokidar');
  const root = path.dirname(path.resolve(editionPath));
  const rebuilder = new Rebuilder(editionPath, outDir, { ...opts, editionPdfLater: true });
  const once = async () => {
    try {
      const result = await rebuilder.build();
      // the templates the edition uses (its templatesDir, or zuban's own) are watched too
      const t = result.set.edition.edition.templatesDir;
      if (!watched.has(t)) (watched.add(t), watcher.add(t));
      onBuild?.({ ok: true, result });
    } catch (err) {
      process.stderr.write(`zuban: ${(err as Error).message}\n`);
      onBuild?.({ ok: false, error: err as Error });
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const out = path.resolve(outDir);
  const builds = path.join(path.dirname(out), `.${path.basename(out)}.builds`);
  const cache = path.join(path.dirname(out), '.zuban-cache');
  const ignored = (p: string) => [out, builds, cache].some((d) => p === d || p.startsWith(d + path.sep));
  const watched = new Set([root, templatesDir ?? path.join(projectRoot, 'templates')].map((d) => path.resolve(d)));
  const watcher = watch([...watched], { ignoreInitial: true, ignored });
  // watching before the first build, so an edit made while it runs is not missed
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = once();
    await running;
    running = undefined;
    if (again) {
      again = false;
      await rebuild();
    } else {
      // edition.pdf after the pages, when no edit is waiting (src/rebuild.ts)
      running = rebuilder.finishEditionPdf().catch((err: Error) => void process.stderr.write(`zuban: edition.pdf: ${err.message}\n`));
      await running;
      running = undefined;
      if (again) {
        again = false;
        await rebuild();
      }
    }
  };
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 100);
  });
  await rebuild();
  process.stderr.write(`watching ${path.relative(process.cwd(), root) || '.'} and templates/ — Ctrl-C to stop\n`);
  return new Promise<never>(() => {});
}
