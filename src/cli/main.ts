#!/usr/bin/env node
/** zuban's command line: one subcommand per file in src/cli/, registered here. */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { registerTypeset } from './typeset.js';
import { registerBuild } from './build.js';
import { registerValidate } from './validateCommand.js';
import { registerNotice } from './noticeCommand.js';
import { registerArchive } from './archive.js';
import { registerDesk } from './desk.js';
import { registerServe } from './serve.js';
import { registerPreview } from './preview.js';
import { UserError } from './errors.js';

// commander's CommonJS build: its ES-module entry wraps it, and that costs every command
// ~10 ms of a one-page `zuban typeset`.
const { Command, CommanderError } = createRequire(import.meta.url)('commander') as typeof Commander;

const program = new Command('zuban')
  .description('组版 — Chinese newspaper pipeline: pages, notices, archive')
  .exitOverride()
  .showHelpAfterError();

registerTypeset(program);
registerBuild(program);
registerValidate(program);
registerNotice(program);
registerArchive(program);
registerDesk(program);
registerServe(program);
registerPreview(program);

// no top-level await: the bundle (dist/bundle) is CommonJS
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // help and version exit 0; a usage error exits 2 (commander prints its own message)
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  if (err instanceof UserError) {
    process.stderr.write(`zuban: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  // a fault of zuban's own, not of the input: one line, the trace only when asked for
  process.stderr.write(`zuban: internal error: ${(err as Error)?.message ?? String(err)}${process.env.ZUBAN_DEBUG ? `\n${(err as Error)?.stack ?? ''}` : ' (set ZUBAN_DEBUG=1 for the trace)'}\n`);
  process.exit(70);
});
