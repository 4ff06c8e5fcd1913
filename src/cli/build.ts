import path from 'node:path';
import fs from 'node:fs';
import type { Command } from 'commander';
import type { BuildOptions } from './buildEdition.js';
import { UserError } from './errors.js';

/**
 * The notices wiring of `zuban build`: prepares content/notices/*.yaml beside the
 * edition (read, check, word), sets them on the edition's notices pages through the
 * fillPage hook, and puts the notice report into out/report.json. A refused notice is a
 * warning naming file, field and reason (the page builds without it); with --strict it
 * fails the build. Notices that no page holds fail the build, named.
 */
export async function noticesFill(editionPath: string, strict: boolean, log: (l: string) => void): Promise<NonNullable<BuildOptions['fillPage']>> {
  const { loadNoticeContext, prepareNoticeDir } = await import('../notices/loadNotices.js');
  const { editionNotices } = await import('../layout/notices/editionNotices.js');
  return (ed, fonts) => {
    const dir = path.join(path.dirname(path.resolve(editionPath)), 'notices');
    const ctx = loadNoticeContext(path.resolve(path.dirname(path.resolve(editionPath)), ed.edition.templatesDir));
    const prepared = fs.existsSync(dir) ? prepareNoticeDir(path.relative(process.cwd(), dir) || dir, ctx) : [];
    const pages = ed.edition.pages.filter((p) => p.notices).map((p) => p.page);
    const n = editionNotices(prepared, { fonts, config: ctx.config, rateCard: ctx.rateCard, paperName: ed.edition.paper, pages });
    for (const d of n.diagnostics) log(`warning: ${d}`);
    if (strict && n.report.refused.length) {
      throw new UserError(`${n.report.refused.length} notices refused (--strict):\n${n.diagnostics.join('\n')}`);
    }
    const last = pages[pages.length - 1];
    const fill: typeof n.fill = (page, grid, first, lastLine) => {
      const items = n.fill(page, grid, first, lastLine);
      const out = page === last ? n.leftOut() : [];
      if (out.length) throw new UserError(`notices left out (no room on the notices pages ${pages.join(', ')}):\n${out.map((o) => `  ${o.file}: ${o.reason} (${o.reasonEn})`).join('\n')}`);
      if (page === last) {
        const over = n.report.set.filter((s) => s.overfullLines > 0);
        if (over.length) log(`warning: notices with lines wider than the column: ${over.map((s) => `${s.file} (${s.overfullLines})`).join(', ')}`);
        log(`notices: ${n.report.set.length} set on ${pages.join(', ')}, ${n.report.refused.length} refused, ¥${n.report.totalYuan} quoted`);
      }
      return items;
    };
    return { fill, report: n.report, diagnostics: n.diagnostics };
  };
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the edition: out/pages/*.pdf, out/edition.pdf, out/preview/*.png, out/report.json')
    .argument('[edition]', 'edition.yaml', 'content/edition.yaml')
    .option('--out <dir>', 'output directory', 'out')
    .option('--strict', 'fail when any text is overset or any notice is refused')
    .option('--watch', 'rebuild when content or templates change')
    .option('--no-preview', 'skip the PNG previews')
    .action(async (edition: string, opts: { out: string; strict?: boolean; watch?: boolean; preview: boolean }) => {
      const { buildEdition, watchEdition } = await import('./buildEdition.js');
      const log = (l: string) => process.stderr.write(l + '\n');
      const fillPage = await noticesFill(edition, !!opts.strict, log);
      if (opts.watch) await watchEdition(edition, opts.out, { strict: !!opts.strict, preview: opts.preview, fillPage });
      else await buildEdition(edition, opts.out, { strict: !!opts.strict, preview: opts.preview, fillPage });
    });
}
