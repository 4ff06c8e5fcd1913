// The command line as one CommonJS module and its lazily loaded chunks (dist/bundle/), built
// from tsc's output in dist/. Node 20 then loads a handful of files at start-up instead of
// some forty ES modules, through its CommonJS loader (cheaper than the ES one) and V8's
// code cache (src/cli/compileCache.ts): 30-40 ms of every command. Libraries stay outside
// (node_modules), as do the preview worker and the WebAssembly breaker, which are loaded by
// path from dist/. scripts/finish-bundle.mjs marks the folder CommonJS (its .js files) and
// makes the entry executable.
export default {
  input: { zuban: 'dist/cli/main.js' },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  output: { dir: 'dist/bundle', cleanDir: true, format: 'cjs', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
};
