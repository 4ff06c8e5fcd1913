/**
 * V8's code cache for the CommonJS libraries a command loads (commander, pdfkit and what
 * they require), kept in node_modules/.cache/zuban: Node 22 has module.enableCompileCache()
 * for this; on Node 20 a one-page `zuban typeset` spends about a tenth of its time
 * compiling the same library code on every run. The first run of a command writes the
 * cache, after its work, so the functions it ran are in it; later runs compile nothing
 * they find there. A cache is named by a hash of the file's path and content, so a library
 * that changes gets a new one; V8 checks each against its own version and flags and rejects
 * a stale one (then the file is compiled as usual and the cache rewritten). ES modules and
 * Node versions without vm's main-context loader (before 20.12) are left to Node.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

interface CjsModule {
  exports: unknown;
}
type Compile = (this: CjsModule, content: string, filename: string, format?: string) => unknown;

/** The installed cache: files compiled from it and without it, and how to write and remove it. */
export interface CompileCache {
  hits: number;
  misses: number;
  /** Writes the caches of the files compiled without one (done at process exit). */
  flush(): void;
  /** Puts Node's own compile back. */
  restore(): void;
}

/**
 * Installs the cache for the CommonJS files under `root`: the libraries in node_modules
 * and the bundled command line's own chunks (dist/bundle); undefined (nothing installed)
 * when ZUBAN_NO_COMPILE_CACHE is set.
 */
export function enableCompileCache(root: string): CompileCache | undefined {
  // the vm option that lets cached code import() like any module arrived in Node 20.12
  const mainLoader = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (process.env.ZUBAN_NO_COMPILE_CACHE || !mainLoader) return undefined;
  const within = path.resolve(root) + path.sep;
  const dir = path.join(root, 'node_modules/.cache/zuban', `v8-${process.versions.v8}-${process.arch}`);
  const proto = (Module as unknown as { prototype: { _compile: Compile } }).prototype;
  const original = proto._compile;
  const fresh: { file: string; script: vm.Script }[] = [];
  const cache: CompileCache = {
    hits: 0,
    misses: 0,
    flush() {
      for (const { file, script } of fresh.splice(0)) {
        try {
          fs.mkdirSync(dir, { recursive: true });
          const tmp = `${file}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, script.createCachedData());
          fs.renameSync(tmp, file);
        } catch {
          // a cache that cannot be written (read-only install) only costs the next run time
        }
      }
    },
    restore() {
      proto._compile = original;
      process.off('exit', cache.flush);
    },
  };
  proto._compile = function (content, filename, format) {
    // ES modules (require of an .mjs, or "type": "module") are Node's to load
    if (!filename.startsWith(within) || format === 'module') return original.call(this, content, filename, format);
    const file = path.join(dir, `${createHash('sha1').update(filename).update('\0').update(content).digest('hex')}.bin`);
    let cached: Buffer | undefined;
    try {
      cached = fs.readFileSync(file);
    } catch {
      cached = undefined;
    }
    let script: vm.Script;
    try {
      script = new vm.Script((Module as unknown as { wrap(s: string): string }).wrap(content), {
        filename,
        cachedData: cached,
        importModuleDynamically: mainLoader as never,
      });
    } catch {
      // not CommonJS after all (ESM syntax Node would detect): Node says what it is
      return original.call(this, content, filename, format);
    }
    if (!cached || script.cachedDataRejected) {
      fresh.push({ file, script });
      cache.misses++;
    } else cache.hits++;
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once('exit', cache.flush);
  return cache;
}
