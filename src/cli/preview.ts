import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';

/** `zuban preview <page>`: one page of the last build as a readable PNG, proof marks on it. */
export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description('draw one page of the last build (out/frame.json) as PNG at a readable resolution, proof marks on it')
    .argument('<page>', 'page label, e.g. A01')
    .option('--dpi <n>', 'resolution', '150')
    .option('--out <dir>', 'the build to read', 'out')
    .option('-o, --output <file>', 'PNG to write (default: <page>-<dpi>dpi.png)')
    .option('--no-marks', 'leave the proof marks (溢出/欠行) off')
    .action(async (label: string, opts: { dpi: string; out: string; output?: string; marks: boolean }) => {
      const { UserError, readFrame, proofMarks, renderPagePng } = await import('../index.js');
      const dpi = Number(opts.dpi);
      if (!Number.isFinite(dpi) || dpi < 20 || dpi > 600) throw new UserError(`--dpi ${opts.dpi}: give a resolution from 20 to 600`, 2);
      const dir = path.resolve(opts.out);
      const frameFile = path.join(dir, 'frame.json');
      if (!fs.existsSync(frameFile)) throw new UserError(`${path.join(opts.out, 'frame.json')}: no such file — run \`zuban build\` first (or give --out)`);
      const doc = readFrame(fs.readFileSync(frameFile, 'utf8'));
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
      const marks = opts.marks ? proofMarks(doc, report.copyfit ?? []) : undefined;
      const png = await renderPagePng(doc, label, { dpi, assetDir: fs.realpathSync(dir), marks });
      const file = opts.output ?? `${label}-${dpi}dpi.png`;
      fs.writeFileSync(file, png);
      process.stdout.write(`${file}  ${label} at ${dpi} dpi${marks ? `, ${marks.filter((m) => m.page === label).length} proof mark(s)` : ''}\n`);
    });
}
