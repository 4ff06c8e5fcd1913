import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from './errors.js';

/**
 * `zuban archive`: the archive export (PDF/A-2u pages, ALTO 4.4, the e-paper PDF, METS)
 * from the archive channel's page tree that `zuban build` writes (out/frame-archive.json).
 */
export function registerArchive(program: Command): void {
  program
    .command('archive')
    .description('write the archive: PDF/A-2u pages, ALTO 4.4, e-paper PDF and METS, from out/frame-archive.json')
    .argument('[frame]', 'the archive channel’s page tree', 'out/frame-archive.json')
    .option('--out <dir>', 'archive directory', 'out/archive')
    .option('--no-epaper', 'skip the e-paper PDF')
    .action(async (frame: string, opts: { out: string; epaper: boolean }) => {
      if (!fs.existsSync(frame)) throw new UserError(`${frame}: not found — run zuban build first (it writes the archive channel's page tree there)`);
      const { readFrame } = await import('../frame/schema.js');
      const doc = readFrame(fs.readFileSync(frame, 'utf8'), frame);
      const { projectRoot } = await import('../projectRoot.js');
      const { writeArchive, assertArchiveChannel, ArchiveInputError } = await import('../archive/index.js');
      try {
        assertArchiveChannel(doc);
      } catch (e) {
        throw new UserError(`${frame}: ${(e as Error).message}`);
      }
      const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
      const t = performance.now();
      const r = await writeArchive(doc, {
        outDir: opts.out,
        projectRoot,
        assetDir: path.dirname(path.resolve(frame)),
        epaper: opts.epaper,
        checkFontHashes: true,
        software: { name: 'zuban', version: pkg.version },
      }).catch((e: unknown) => {
        // the frame's fields are named from the frame file, the folder from --out
        if (e instanceof ArchiveInputError) throw new UserError(e.message.startsWith(`${opts.out}:`) ? e.message : `${frame}: ${e.message}`);
        throw e;
      });
      const ms = (v: number) => `${Math.round(v)} ms`;
      process.stdout.write(
        `archive: ${doc.pages.length} pages → ${opts.out} (${r.files.length} files; PDF ${ms(r.timings.pdf)}, e-paper ${ms(r.timings.epaper)}, ALTO ${ms(r.timings.alto)}, METS ${ms(r.timings.mets)}, hash and write ${ms(r.timings.write)}; ${ms(performance.now() - t)})\n`,
      );
    });
}
