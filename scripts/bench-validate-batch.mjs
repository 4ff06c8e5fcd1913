// `zuban validate --batch` on LINES lines (default 5,000,000): constant memory, every line
// answered (issue 14: peak < 200 MiB). Needs `npm run build` first. Feeds the bundled CLI
// generated `kind<TAB>value` lines through a pipe, counts the answers, and samples the
// child's peak resident set (VmHWM in /proc) until it exits. Prints one JSON line:
//   {"lines":N,"answered":N,"peakMiB":N,"seconds":N,"ok":true}
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LINES = Number(process.env.LINES ?? 5_000_000);
const VALUES = ['id\t320102198506120317', 'uscc\t91320102MA1G2K3LXW', 'id\t320102198506120318', 'name\t张明', 'orgcode\t57461832-9', 'gs15\t320102000123459', 'bad line'];

const started = Date.now();
const child = spawn(process.execPath, ['dist/bundle/zuban.js', 'validate', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
let peakKb = 0;
const sample = () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (m) peakKb = Math.max(peakKb, Number(m[1]));
  } catch {
    // the process has exited
  }
};
const timer = setInterval(sample, 100);
let answered = 0;
child.stdout.on('data', (d) => {
  for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) answered++;
});
let i = 0;
const pump = () => {
  while (i < LINES) {
    let chunk = '';
    for (let k = 0; k < 4096 && i < LINES; k++, i++) chunk += VALUES[i % VALUES.length] + '\n';
    if (!child.stdin.write(chunk)) return child.stdin.once('drain', pump);
  }
  child.stdin.end();
};
pump();
child.on('exit', () => {
  clearInterval(timer);
  const peakMiB = Math.round(peakKb / 1024);
  const ok = answered === LINES && peakMiB < 200;
  process.stdout.write(`${JSON.stringify({ lines: LINES, answered, peakMiB, seconds: (Date.now() - started) / 1000, ok })}\n`);
  process.exitCode = ok ? 0 : 1;
});
