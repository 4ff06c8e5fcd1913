/**
 * Registers `zuban notice proof|quote` (see notice.ts). The notice engine — schemas,
 * calendars, fonts — is imported when a subcommand runs, so other commands start without it.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { projectRoot } from '../projectRoot.js';

/** Adds `zuban notice proof` and `zuban notice quote` to the program. */
export function registerNotice(program: Command): void {
  const notice = program.command('notice').description('one notice (声明/公告): proof and quote, set as on the page');
  const templatesOpt = ['--templates <dir>', 'templates folder (notices.yaml, ratecard.yaml, calendar/)', path.join(projectRoot, 'templates')] as const;
  notice
    .command('proof')
    .description('write a PDF proof of the notice at its printed size and measure, with the quote; print the quote')
    .argument('<file>', 'notice file (YAML)')
    .option('--out <dir>', 'output directory', 'out/proofs')
    .option(...templatesOpt)
    .action(async (file: string, opts: { templates: string; out: string }) => (await import('./notice.js')).runNoticeProof(file, opts));
  notice
    .command('quote')
    .description('print the quote of the notice, from its set lines')
    .argument('<file>', 'notice file (YAML)')
    .option('--json', 'one JSON object: lines, chars, unit, rate, extras, total (yuan), currency …')
    .option(...templatesOpt)
    .action(async (file: string, opts: { templates: string; json?: boolean }) => (await import('./notice.js')).runNoticeQuote(file, opts));
}
