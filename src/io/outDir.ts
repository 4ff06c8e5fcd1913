/**
 * The output folder replaced whole. A build writes into a fresh folder beside the output
 * (`.<out>.builds/<stamp>`); the output itself is a symbolic link that is switched to the
 * new folder by one rename, which the kernel makes atomic: a reader, or a build killed at
 * any point, sees wholly the old build or wholly the new one. A lock file lets one build
 * at a time write there; stage folders of builds that were interrupted (Ctrl-C, SIGTERM,
 * kill -9) are removed by the next build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostic.js';

export interface OutStage {
  /** The folder to write the build into. */
  dir: string;
  /** Switch the output to the stage (atomic) and drop the previous build. */
  commit(): void;
  /** Remove the stage (the output stays as it was). */
  abort(): void;
}

/**
 * Ctrl-C and SIGTERM: every open stage is removed, then the process exits (130 / 143).
 * The listeners are added once and stay: a listener removed when a build ends could drop
 * a signal libuv had already caught but not yet dispatched (`zuban build --watch` then
 * ignored Ctrl-C pressed just as a rebuild finished). With no stage open the signal does
 * what it would without zuban: nothing when another part of the process listens for it
 * (the desk closes its server), else the process ends by that signal.
 */
const openStages = new Set<() => void>();
let listening = false;
const onSignal = (sig: NodeJS.Signals) => {
  if (openStages.size) {
    for (const cleanup of [...openStages]) cleanup();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  }
  if (process.listenerCount(sig) > 1) return;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.kill(process.pid, sig);
};
function listen(): void {
  if (listening) return;
  listening = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Throws a UserError when `out` cannot be the output folder: it is a file, a folder above it
 * is a file, or the nearest existing folder above it cannot be written. A build checks this
 * before its work, so a bad --out fails at once instead of after the pages are set.
 */
export function checkOut(out: string): void {
  const target = path.resolve(out);
  const st = lstat(target);
  if (st && !st.isDirectory() && !st.isSymbolicLink()) throw new UserError(`--out ${out}: is a file, not a folder`);
  for (let d = path.dirname(target); ; d = path.dirname(d)) {
    const s = lstat(d) && stat(d);
    if (!s) {
      if (d === path.dirname(d)) return;
      continue;
    }
    if (!s.isDirectory()) throw new UserError(`--out ${out}: ${d} is a file, not a folder`);
    try {
      fs.accessSync(d, fs.constants.W_OK);
    } catch (err) {
      throw new UserError(`--out ${out}: cannot write in ${d} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return;
  }
}

/** The entry's stats, or undefined where there is none (ENOENT, or ENOTDIR below a file). */
const noEntry = (f: (p: string) => fs.Stats | undefined) => (p: string) => {
  try {
    return f(p);
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw err;
  }
};
const lstat = noEntry((p) => fs.lstatSync(p));
const stat = noEntry((p) => fs.statSync(p));

/** Runs a file-system step of opening the stage; an error of the file system (permission, read-only, no space) is a UserError naming --out. */
function writing<T>(out: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof UserError || !code) throw err;
    throw new UserError(`--out ${out}: cannot write there (${code}: ${(err as Error).message})`);
  }
}

/** Opens a stage for `out`; throws a UserError naming the problem when `out` cannot be written. */
export function openStage(out: string): OutStage {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const name = path.basename(target);
  checkOut(out);
  writing(out, () => fs.mkdirSync(parent, { recursive: true }));
  const st = lstat(target);
  const builds = path.join(parent, `.${name}.builds`);
  const lock = path.join(builds, 'lock');
  const stamp = `${Date.now().toString(36)}-${process.pid}`;
  const dir = path.join(builds, stamp);
  writing(out, () => {
    fs.mkdirSync(builds, { recursive: true });
    takeLock(lock, out);
    cleanStale(builds, target);
    fs.mkdirSync(dir);
  });
  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    fs.rmSync(dir, { recursive: true, force: true });
    release();
  };
  const release = () => {
    openStages.delete(cleanup);
    try {
      if (fs.readFileSync(lock, 'utf8') === String(process.pid)) fs.rmSync(lock);
    } catch {
      /* already gone */
    }
  };
  openStages.add(cleanup);
  listen();
  return {
    dir,
    commit() {
      if (done) return;
      done = true;
      // A real folder from before (an older zuban, or made by hand) is kept as a build.
      if (st && st.isDirectory() && !st.isSymbolicLink()) fs.renameSync(target, path.join(builds, `old-${stamp}`));
      const link = path.join(builds, `link-${stamp}`);
      fs.symlinkSync(path.relative(parent, dir), link);
      fs.renameSync(link, target); // the switch: atomic
      cleanStale(builds, target);
      release();
    },
    abort: cleanup,
  };
}

function takeLock(lock: string, out: string): void {
  for (let tries = 0; tries < 2; tries++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new UserError(`--out ${out}: another build (process ${pid}) is writing there; wait for it to finish`);
      }
      fs.rmSync(lock, { force: true }); // its owner is gone
    }
  }
  throw new UserError(`--out ${out}: cannot take the build lock`);
}

/** Removes every build folder but the one the output points to, and stale links. */
function cleanStale(builds: string, target: string): void {
  let current = '';
  try {
    current = path.resolve(path.dirname(target), fs.readlinkSync(target));
  } catch {
    /* not a link yet */
  }
  for (const e of fs.readdirSync(builds)) {
    if (e === 'lock') continue;
    const p = path.join(builds, e);
    if (p === current) continue;
    const pid = Number(/-(\d+)$/.exec(e)?.[1]);
    // a stage of a live build (another process's, or this one's) stays
    if (pid && pid !== process.pid && alive(pid) && !e.startsWith('old-') && !e.startsWith('link-')) continue;
    fs.rmSync(p, { recursive: true, force: true });
  }
}
