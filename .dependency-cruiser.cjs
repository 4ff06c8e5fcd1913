/**
 * The direction of dependencies in src/ (checked by `npm test`, test/architecture):
 *
 *   content → model → text → layout → frame → render | report | archive | print
 *   notices beside (identifiers, wording, pricing: no layout, no frame)
 *   cli, desk and serve on top: the desk and serve import only the library API (src/index.ts)
 *
 * Arrows are the flow of data; a module may import the stages before its own. `frame`
 * (the page tree's types and their reader) is the contract layout writes and every
 * consumer reads, so layout may import its types; frame imports nothing of layout.
 * Leaf modules every stage may use: diagnostic.ts, projectRoot.ts, jieba.ts, fonts/, io/, wasm/.
 */
const stage = (name, mayNotImport) => ({
  name: `${name}-not-to-${mayNotImport.join('-')}`.replace(/[^a-z-]/g, ''),
  severity: 'error',
  comment: `${name} must not import ${mayNotImport.join(', ')}`,
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${mayNotImport.join('|')})(/|\\.ts$)` },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'cycles make the stages impossible to read top-down', from: { path: '^src/' }, to: { circular: true } },
    stage('model', ['content', 'text', 'layout', 'frame', 'render', 'report', 'archive', 'print', 'notices', 'cli', 'desk', 'pipeline', 'index']),
    stage('content', ['text', 'layout', 'frame', 'render', 'report', 'archive', 'print', 'notices', 'cli', 'desk', 'pipeline', 'index']),
    stage('text', ['content', 'layout', 'frame', 'render', 'report', 'archive', 'print', 'notices', 'cli', 'desk', 'pipeline', 'index']),
    stage('notices', ['layout', 'frame', 'render', 'report', 'archive', 'print', 'cli', 'desk', 'pipeline', 'index']),
    stage('fonts', ['content', 'model', 'text', 'layout', 'frame', 'render', 'report', 'archive', 'print', 'notices', 'cli', 'desk', 'pipeline', 'index']),
    stage('frame', ['content', 'text', 'layout', 'render', 'report', 'archive', 'print', 'notices', 'cli', 'desk', 'pipeline', 'index']),
    stage('layout', ['render', 'report', 'archive', 'print', 'cli', 'desk', 'pipeline', 'index']),
    stage('render', ['content', 'notices', 'report', 'archive', 'cli', 'desk', 'pipeline', 'index']),
    stage('report', ['render', 'archive', 'print', 'cli', 'desk', 'pipeline', 'index']),
    stage('archive', ['content', 'text', 'layout', 'report', 'cli', 'desk', 'pipeline']),
    stage('print', ['content', 'text', 'layout', 'report', 'archive', 'cli', 'desk', 'pipeline']),
    {
      name: 'only-cli-imports-cli', severity: 'error', comment: 'the command line is the top: nothing else imports it',
      from: { path: '^src/', pathNot: '^src/cli/' }, to: { path: '^src/cli/' },
    },
    {
      name: 'serve-through-the-api', severity: 'error', comment: 'zuban serve reads builds only through the library API (src/index.ts)',
      from: { path: '^src/serve/' }, to: { path: '^src/', pathNot: ['^src/serve/', '^src/index\\.ts$'] },
    },
    {
      name: 'desk-through-the-api', severity: 'error', comment: 'the desk server calls only the library API (src/index.ts)',
      from: { path: '^src/desk/' }, to: { path: '^src/', pathNot: ['^src/desk/', '^src/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/wasm/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
