import type { Command } from 'commander';
import type { BuildOptions } from '../pipeline.js';
import { UserError } from './errors.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the edition: out/pages/*.pdf, out/edition.pdf, out/preview/*.png, out/frame.json, out/report.json')
    .argument('[edition]', 'edition.yaml', 'content/edition.yaml')
    .option('--out <dir>', 'output directory', 'out')
    .option('--strict', 'fail when any text is overset or any notice is refused')
    .option('--watch', 'rebuild when content or templates change')
    .option('--no-preview', 'skip the PNG previews')
    .option('--desk <target>', 'set the notices the desk scheduled for the edition\'s date (its data folder or a postgres:// URL) instead of notices/, and mark them published when the build succeeds')
    .option('--ledger <file>', 'the ledger of printed notices the duplicate check reads and a successful build appends to (default: data/published.jsonl beside the out folder)')
    .option('--proof', 'also proof PDFs with the proof marks (溢出 N 字, 欠 N 行): out/proof/*.pdf and out/edition-proof.pdf; never in the print PDFs')
    .option('--archive', 'also the archive package: out/archive (PDF/A-2u pages, ALTO 4.4, METS, the e-paper) from the archive channel')
    .option('--pdfx [condition]', 'press-ready PDF/X pages, CMYK photos and out/preflight.json (print condition: templates/print/condition.yaml)')
    .action(async (edition: string, opts: { out: string; strict?: boolean; watch?: boolean; preview: boolean; pdfx?: boolean | string; archive?: boolean; desk?: string; ledger?: string; proof?: boolean }) => {
      // loaded here, not at the top: every command starts through this file, and the notices
      // chunk (YAML, zod, the pinyin and holiday tables) is no part of `typeset`'s start-up
      const { ledgerPath } = await import('../notices/ledger.js');
      const o = { strict: !!opts.strict, preview: opts.preview, archive: !!opts.archive, proof: !!opts.proof, ledger: opts.ledger ?? ledgerPath(opts.out), ...(opts.pdfx ? { pdfx: opts.pdfx } : {}) };
      if (opts.watch) {
        const { watchEdition } = await import('./buildEdition.js');
        await watchEdition(edition, opts.out, o);
      } else if (opts.desk) {
        await buildFromDesk(edition, opts.out, opts.desk, o);
      } else {
        const { buildEdition } = await import('../pipeline.js');
        await buildEdition(edition, opts.out, o);
      }
    });
}

/**
 * `zuban build --desk`: the notices the desk scheduled for the edition's date are set
 * (exported from its database, audited), and marked published only after the whole build
 * succeeded; a failed build leaves them scheduled.
 */
async function buildFromDesk(edition: string, out: string, desk: string, o: Omit<BuildOptions, 'notices'>): Promise<void> {
  const { buildEdition, loadEdition } = await import('../index.js');
  const { openDeskStore, exportScheduled, markPublished, printedByDesk } = await import('../desk/exportScheduled.js');
  const date = String(loadEdition(edition).edition.date);
  const store = await openDeskStore(desk).catch((err: Error) => {
    throw new UserError(`--desk ${desk}: ${err.message}`);
  });
  try {
    const exported = await exportScheduled(store, date, { actor: 'build' });
    // the duplicate check sees what the desk printed, besides the ledger beside out/
    const printedElsewhere = await printedByDesk(store, date);
    const built = await buildEdition(edition, out, { ...o, notices: exported.map((n) => ({ data: n.data, name: n.orderNo })), printedElsewhere });
    // only what the pages hold is published: a notice refused at the build stays scheduled, for the desk to see
    const placed = new Set(((built.notices as { set?: { id: string }[] } | undefined)?.set ?? []).map((s) => s.id));
    const printed = exported.filter((n) => placed.has(n.orderNo));
    await markPublished(store, date, printed, 'build');
    const held = exported.length - printed.length;
    process.stderr.write(`desk: ${printed.length} scheduled notices set and marked published (${date})${held ? `; ${held} not printed, left scheduled: ${exported.filter((n) => !placed.has(n.orderNo)).map((n) => n.orderNo).join(', ')}` : ''}\n`);
  } finally {
    await store.handle.close();
  }
}
