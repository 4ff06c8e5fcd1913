/**
 * Registers `zuban validate` (see validate.ts). Only the kind list is loaded here: the
 * validators and their region and character tables are imported when the command runs,
 * so that every other command (a timed `zuban typeset` above all) starts without them.
 */
import type { Command } from 'commander';
import { IDENTIFIER_KINDS } from '../notices/identifiers/identifierKind.js';

/** Adds `zuban validate` to the program. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('校验证件号码 — validate an identifier (ID, USCC, name, …)')
    .argument('[kind]', `证件种类 kind: ${IDENTIFIER_KINDS.join(', ')}`)
    .argument('[value]', '号码 value')
    .option('--json', '输出JSON (print JSON)')
    .option('--batch', '从标准输入读取“种类<TAB>号码”行，每行输出一个JSON对象')
    .option('--file <notices.yaml>', '检查声明文件中的全部证件号码 (check every identifier in a notices file)')
    .action(async (kind: string | undefined, value: string | undefined, opts: { json?: boolean; batch?: boolean; file?: string }) => {
      const { runValidate, runBatchStream, loadSongGlyphCheck } = await import('./validate.js');
      if (opts.batch && kind === undefined && opts.file === undefined) {
        // streamed line by line: constant memory however long the input
        process.exitCode = await runBatchStream(process.stdin, process.stdout, { loadHasGlyph: loadSongGlyphCheck }, process.stderr);
        return;
      }
      const out = runValidate({ kind, value, ...opts }, { loadHasGlyph: loadSongGlyphCheck });
      process.stdout.write(out.stdout);
      process.stderr.write(out.stderr);
      process.exitCode = out.exitCode;
    });
}
