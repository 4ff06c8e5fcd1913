/**
 * Start-up help for fontkit and pdfkit, whose loading is a large part of a one-page
 * `zuban typeset`. Both are loaded from their CommonJS builds (Node 20 loads that module
 * graph faster than the ES modules, and pdfkit then subsets the very fontkit fonts
 * FontBook opened), and a few modules they load at start-up but zuban never calls are
 * deferred: each decodes tables when loaded, together some 60–90 ms.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Makes `id`, as required from the module file `from`, stand in require's cache as a
 * proxy that loads the real module the first time anything touches it — so nothing
 * changes for a caller that does use it. Call before the module that requires it loads.
 */
export function deferModule(from: string, id: string): void {
  const req = createRequire(from);
  let file: string;
  try {
    file = req.resolve(id);
  } catch {
    return; // not installed where the library looks: it will say so itself
  }
  if (require.cache[file]) return;
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      delete require.cache[file];
      real = req(id) as object;
    }
    return real;
  };
  const proxy = new Proxy(function deferred() {}, {
    get: (_t, key) => Reflect.get(load(), key),
    has: (_t, key) => Reflect.has(load(), key),
    apply: (_t, self, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    construct: (_t, args) => Reflect.construct(load() as new (...a: unknown[]) => object, args),
  });
  const Module = require('node:module') as { new (id: string): NodeJS.Module };
  const stand = new Module(file);
  stand.filename = file;
  stand.loaded = true;
  stand.exports = proxy;
  require.cache[file] = stand;
}

/** `require` for the CommonJS builds of the font and PDF libraries. */
export const requireCjs = require;
