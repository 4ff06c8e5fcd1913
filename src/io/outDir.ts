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

/** Opens a stage for `out`; throws a UserError naming the problem when `out` cannot be written. */
export function openStage(out: string): OutStage {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const name = path.basename(target);
  fs.mkdirSync(parent, { recursive: true });
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(target);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory() && !st.isSymbolicLink()) throw new UserError(`--out ${out}: is a file, not a folder`);
  const builds = path.join(parent, `.${name}.builds`);
  fs.mkdirSync(builds, { recursive: true });
  const lock = path.join(builds, 'lock');
  takeLock(lock, out);
  cleanStale(builds, target);
  const stamp = `${Date.now().toString(36)}-${process.pid}`;
  const dir = path.join(builds, stamp);
  fs.mkdirSync(dir);
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
