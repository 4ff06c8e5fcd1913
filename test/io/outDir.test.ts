/**
 * out/ replaced whole: a build killed with SIGKILL at any point — while writing, or in the
 * middle of the switch — leaves out/ wholly the old build or wholly the new one; the next
 * build removes what the killed one left; a second build into the same out/ stops with a
 * clear message while the first runs; a file named as --out (or above it) and a folder that
 * cannot be written are refused, naming --out.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkOut, openStage } from '../../src/io/outDir.js';
import { UserError } from '../../src/diagnostic.js';

const outDir = path.resolve('dist/io/outDir.js');

/** A child that builds forever: each build writes 30 files naming it, then switches out/. */
const LOOP = `
const { openStage } = await import(${JSON.stringify(outDir)});
const fs = await import('node:fs');
const out = process.argv[1];
for (let n = 1; ; n++) {
  const s = openStage(out);
  for (let i = 0; i < 30; i++) fs.writeFileSync(s.dir + '/f' + i, process.pid + ':' + n);
  s.commit();
}`;

/** The build ids of every file in out/: one id when out/ is one whole build. */
function builds(out: string): Set<string> {
  return new Set(fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8')));
}

describe('out/ replaced whole', () => {
  it('--- kill-9-leaves-old-or-new --- 20 builds killed at random points: out/ is always one whole build, and the next build leaves no stage folder', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-'));
    const out = path.join(root, 'out');
    let seed = 11;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 20; trial++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', LOOP, out], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 150 + random() * 250));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      if (!fs.existsSync(out)) continue; // killed before its first switch: nothing was there
      const ids = builds(out);
      expect(ids.size, `trial ${trial}: ${[...ids].join(', ')}`).toBe(1);
      expect(fs.readdirSync(out)).toHaveLength(30);
    }
    const s = openStage(out);
    fs.writeFileSync(path.join(s.dir, 'f0'), 'last');
    s.commit();
    const left = fs.readdirSync(path.join(root, '.out.builds'));
    expect(left).toEqual([path.basename(fs.realpathSync(out))]);
    expect(fs.readFileSync(path.join(out, 'f0'), 'utf8')).toBe('last');
  }, 60_000);

  it('--- one-build-at-a-time --- a second build into the same out/ stops, naming the first', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-'));
    const out = path.join(root, 'out');
    const first = spawn('sleep', ['5']);
    fs.mkdirSync(path.join(root, '.out.builds'));
    fs.writeFileSync(path.join(root, '.out.builds', 'lock'), String(first.pid));
    expect(() => openStage(out)).toThrow(new RegExp(`another build \\(process ${first.pid}\\) is writing there`));
    first.kill('SIGKILL');
    await new Promise((r) => first.on('exit', r));
    // its owner gone, the lock is taken over
    const s = openStage(out);
    s.abort();
  });

  it('--- out-is-a-file --- refused with the path named', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-')), 'out');
    fs.writeFileSync(file, 'x');
    const err = (() => {
      try {
        openStage(file);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/--out .*out: is a file, not a folder/);
  });

  it('--- out-under-a-file --- a folder above --out that is a file is named, and nothing is made', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-'));
    fs.writeFileSync(path.join(root, 'afile'), 'x');
    const out = path.join(root, 'afile', 'sub', 'out');
    expect(() => checkOut(out)).toThrow(UserError);
    expect(() => openStage(out)).toThrow(new RegExp(`--out .*: ${path.join(root, 'afile')} is a file, not a folder`));
    expect(fs.readdirSync(root)).toEqual(['afile']);
  });

  it('--- out-unwritable --- a folder that cannot be written is a UserError naming --out (it was EACCES as an internal error)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-'));
    fs.chmodSync(root, 0o555);
    // root writes anywhere: the check then runs as nobody
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const script = `import(${JSON.stringify(pathToFileURL(outDir).href)}).then(({ openStage }) => { try { openStage(process.argv[1]); console.log('opened'); } catch (e) { console.log(e.name + ': ' + e.message); } })`;
    const r = spawnSync(process.execPath, ['-e', script, path.join(root, 'out')], { encoding: 'utf8', ...asUser });
    fs.chmodSync(root, 0o755);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^UserError: --out .*out: cannot write in .* \(EACCES\)/);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('--- interrupted-stage-cleaned --- SIGTERM during a build removes its stage folder and leaves out/ as it was', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-'));
    const out = path.join(root, 'out');
    const s = openStage(out);
    fs.writeFileSync(path.join(s.dir, 'f'), 'old');
    s.commit();
    const hang = `const { openStage } = await import(${JSON.stringify(outDir)}); const s = openStage(process.argv[1]); (await import('node:fs')).writeFileSync(s.dir + '/f', 'new'); console.log('ready'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', hang, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => child.stdout.once('data', r));
    expect(fs.readdirSync(path.join(root, '.out.builds')).length).toBe(3); // current, stage, lock
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(143);
    expect(fs.readdirSync(path.join(root, '.out.builds')).sort()).toEqual([path.basename(fs.realpathSync(out))]);
    expect(fs.readFileSync(path.join(out, 'f'), 'utf8')).toBe('old');
  });

  it('--- ctrl-c-as-a-build-ends --- Ctrl-C caught while a build switches out/ still ends a watcher that is between builds', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-'));
    // the signal arrives while the stage is open and is dispatched after its switch: it must not be lost
    const child = spawn(process.execPath, ['--input-type=module', '-e', `const { openStage } = await import(${JSON.stringify(outDir)}); const s = openStage(process.argv[1]); process.kill(process.pid, 'SIGINT'); s.commit(); console.log('committed'); setInterval(() => {}, 1000);`, path.join(root, 'out')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let said = '';
    child.stdout.on('data', (d) => (said += d));
    const ended = await Promise.race([new Promise((r) => child.on('exit', (c, sig) => r(sig ?? c))), new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    if (ended === 'still running') child.kill('SIGKILL');
    expect(said).toContain('committed');
    expect(ended).toBe('SIGINT');
  }, 20_000);

  it('--- ctrl-c-left-to-its-owner --- with no build running, Ctrl-C is left to the part of the process that listens for it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-out-'));
    const code = `const { openStage } = await import(${JSON.stringify(outDir)}); openStage(process.argv[1]).commit(); process.on('SIGINT', () => { console.log('closing'); setTimeout(() => process.exit(0), 50); }); console.log('ready'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, path.join(root, 'out')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let said = '';
    child.stdout.on('data', (d) => (said += d));
    await new Promise<void>((r) => child.stdout.on('data', () => said.includes('ready') && r()));
    child.kill('SIGINT');
    const exit = await new Promise((r) => child.on('exit', (c, sig) => r(sig ?? c)));
    expect(said).toContain('closing');
    expect(exit).toBe(0);
  }, 20_000);
});
