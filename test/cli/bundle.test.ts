import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/projectRoot.js';
import { workload } from '../helpers/workload.js';

// The command line as shipped: the bundle `npm run build` writes (package.json's bin).
const bin = path.join(projectRoot, 'dist/bundle/zuban.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: os.tmpdir() });

describe('the bundled command line (npm run build)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-bin-'));

  it('--- bundle-built --- dist/bundle/zuban.js exists', () => expect(fs.existsSync(bin)).toBe(true));

  it('--- typeset-from-the-bundle --- writes a PDF from any working directory, fonts and breaker found from the project', () => {
    const input = path.join(dir, 'w.json');
    fs.writeFileSync(input, JSON.stringify(workload(2)));
    const out = path.join(dir, 'w.pdf');
    const r = run('typeset', input, out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('--- typeset-loads-little --- typeset loads neither the notices chunk nor YAML, zod, pinyin, holiday tables or any PDF library (start-up is won by loading less)', () => {
    const input = path.join(dir, 'w1.json');
    fs.writeFileSync(input, JSON.stringify(workload(1)));
    // a preload that lists the CommonJS modules loaded by the time the process exits
    const probe = path.join(dir, 'probe.cjs');
    fs.writeFileSync(probe, "process.on('exit', () => require('node:fs').writeFileSync(process.env.ZUBAN_PROBE_OUT, JSON.stringify(Object.keys(require.cache))));");
    const list = path.join(dir, 'loaded.json');
    const r = spawnSync(process.execPath, ['-r', probe, bin, 'typeset', input, path.join(dir, 'w1.pdf')], { encoding: 'utf8', cwd: os.tmpdir(), env: { ...process.env, ZUBAN_PROBE_OUT: list } });
    expect(r.status, r.stderr).toBe(0);
    const loaded: string[] = JSON.parse(fs.readFileSync(list, 'utf8'));
    expect(loaded.some((f) => /dist[\\/]bundle[\\/]typeset/.test(f))).toBe(true);
    expect(loaded.filter((f) => /node_modules[\\/](yaml|zod|pinyin-pro|chinese-days|pdfkit|fontkit)[\\/]|[\\/]notices(Page)?-[\w-]+\.js$/.test(f))).toEqual([]);
  });

  it('--- bad-input-exit-1 --- a malformed input names the file and exits 1', () => {
    const input = path.join(dir, 'bad.json');
    fs.writeFileSync(input, '{ "geometry": ');
    const r = run('typeset', input, path.join(dir, 'bad.pdf'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: cannot read as JSON/);
  });

  it('--- notice-quote-from-the-bundle --- a sample notice is quoted', () => {
    const notices = path.join(projectRoot, 'content/notices');
    const r = run('notice', 'quote', path.join(notices, fs.readdirSync(notices).sort()[0]), '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).total).toBeGreaterThan(0);
  });

  it('--- validate-from-the-bundle --- the region table is found too', () => {
    const r = run('validate', 'id', '11010519491231002X');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/朝阳区/);
  });
});
