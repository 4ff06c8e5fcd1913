import type { Command } from 'commander';
import { projectRoot } from '../projectRoot.js';

export function registerTypeset(program: Command): void {
  program
    .command('typeset')
    .description('typeset a reference-workload input.json (../shared/bench) to a PDF')
    .argument('<input>', 'input.json: { geometry, pagesData: [{ headline, paras }] }')
    .argument('<output>', 'PDF to write')
    .action(async (input: string, output: string) => {
      // imported on use, so that every other command starts fast
      const { typesetWorkload } = await import('./typesetWorkload.js');
      await typesetWorkload(input, output, projectRoot);
    });
}
