import type { Command } from 'commander';
import { UserError } from './errors.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the edition in content/ to out/')
    .argument('[edition]', 'edition.yaml', 'content/edition.yaml')
    .option('--out <dir>', 'output directory', 'out')
    .action(async () => {
      throw new UserError('build: not yet implemented');
    });
}
