import type { Command } from 'commander';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the edition: out/pages/*.pdf, out/edition.pdf, out/preview/*.png, out/report.json')
    .argument('[edition]', 'edition.yaml', 'content/edition.yaml')
    .option('--out <dir>', 'output directory', 'out')
    .option('--strict', 'fail when any text is overset')
    .option('--watch', 'rebuild when content or templates change')
    .option('--no-preview', 'skip the PNG previews')
    .action(async (edition: string, opts: { out: string; strict?: boolean; watch?: boolean; preview: boolean }) => {
      const { buildEdition, watchEdition } = await import('./buildEdition.js');
      if (opts.watch) await watchEdition(edition, opts.out, { strict: !!opts.strict, preview: opts.preview });
      else await buildEdition(edition, opts.out, { strict: !!opts.strict, preview: opts.preview });
    });
}
