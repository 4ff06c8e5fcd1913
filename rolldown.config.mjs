// The command line as one ES module and its lazily loaded chunks (dist/bundle/), built from
// tsc's output in dist/: Node 20 then resolves, reads and links a handful of files at
// start-up instead of some forty — ~10 ms of every command. Libraries stay outside
// (node_modules), as do the preview worker and the WebAssembly breaker, which are
// loaded by path from dist/.
export default {
  input: { zuban: 'dist/cli/main.js' },
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  output: { dir: 'dist/bundle', cleanDir: true, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
};
