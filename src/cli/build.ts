import type { Command } from 'commander';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the edition: out/pages/*.pdf, out/edition.pdf, out/preview/*.png, out/frame.json, out/report.json')
    .argument('[edition]', 'edition.yaml', 'content/edition.yaml')
    .option('--out <dir>', 'output directory', 'out')
    .option('--strict', 'fail when any text is overset or any notice is refused')
    .option('--watch', 'rebuild when content or templates change')
    .option('--no-preview', 'skip the PNG previews')
    .option('--archive', 'also the archive package: out/archive (PDF/A-2u pages, ALTO 4.4, METS, the e-paper) from the archive channel')
    .option('--pdfx [condition]', 'press-ready PDF/X pages, CMYK photos and out/preflight.json (print condition: templates/print/condition.yaml)')
    .action(async (edition: string, opts: { out: string; strict?: boolean; watch?: boolean; preview: boolean; pdfx?: boolean | string; archive?: boolean }) => {
      const o = { strict: !!opts.strict, preview: opts.preview, archive: !!opts.archive, ...(opts.pdfx ? { pdfx: opts.pdfx } : {}) };
      if (opts.watch) {
        const { watchEdition } = await import('./buildEdition.js');
        await watchEdition(edition, opts.out, o);
      } else {
        const { buildEdition } = await import('../pipeline.js');
        await buildEdition(edition, opts.out, o);
      }
    });
}
