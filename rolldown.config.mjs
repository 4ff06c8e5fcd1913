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
  output: {
    dir: 'dist/bundle', cleanDir: true, format: 'cjs', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js',
    // One chunk per stage, so a command loads the stages it runs and no more: `zuban
    // typeset` needs the text engine, layout and the PDF writer, not the content schemas,
    // the notices or the pipeline (without groups they all share one chunk).
    advancedChunks: {
      groups: [
        // the entry's own small imports stay in the entry (the identifier kinds for `validate`'s help)
        { name: 'kinds', test: /dist[\\/](notices[\\/]identifiers[\\/]identifierKind|diagnostic|projectRoot)\.js$/ },
        // what every build reads of the notices (the ledger of printed ones), apart from the
        // notices stage and its calendars and pinyin, which only an edition with notices loads
        { name: 'ledger', test: /dist[\\/]notices[\\/](ledger|printedHistory|dates|identifiers[\\/](normalizeIdentifier|validatePersonName))\.js$/ },
        { name: 'text', test: /dist[\\/](text|fonts|wasm)[\\/]/ },
        { name: 'typeset', test: /dist[\\/](layout[\\/](fillColumns|placeLine|assemblePage|items|composeWorkload)|model[\\/]workload[\\/])/ },
        { name: 'render', test: /dist[\\/]render[\\/]pdf[\\/]/ },
        { name: 'frame', test: /dist[\\/]frame[\\/]/ },
        { name: 'noticesPage', test: /dist[\\/]layout[\\/]notices[\\/]/ },
        { name: 'layout', test: /dist[\\/]layout[\\/]/ },
        { name: 'notices', test: /dist[\\/]notices[\\/]/ },
        { name: 'content', test: /dist[\\/](content|model)[\\/]/ },
      ],
    },
  },
};
