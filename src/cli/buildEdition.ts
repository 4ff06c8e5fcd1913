import path from 'node:path';
import { buildEdition, type BuildOptions } from '../pipeline.js';
import { projectRoot } from '../projectRoot.js';

/** `zuban build --watch`: builds, then rebuilds whenever the edition's folder or templates/ change. */
export async function watchEdition(editionPath: string, outDir: string, opts: BuildOptions): Promise<void> {
  const { watch } = await import('chokidar');
  const root = path.dirname(path.resolve(editionPath));
  const once = async () => {
    try {
      await buildEdition(editionPath, outDir, opts);
    } catch (err) {
      process.stderr.write(`zuban: ${(err as Error).message}\n`);
    }
  };
  await once();
  let timer: NodeJS.Timeout | undefined;
  const out = path.resolve(outDir);
  const builds = path.join(path.dirname(out), `.${path.basename(out)}.builds`);
  const cache = path.join(path.dirname(out), '.zuban-cache');
  const ignored = (p: string) => [out, builds, cache].some((d) => p === d || p.startsWith(d + path.sep));
  const watcher = watch([root, path.join(projectRoot, 'templates')], { ignoreInitial: true, ignored });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void once(), 200);
  });
  process.stderr.write(`watching ${path.relative(process.cwd(), root) || '.'} and templates/ — Ctrl-C to stop\n`);
  await new Promise(() => {});
}
