// After rolldown (npm run build): dist/bundle/ holds CommonJS in .js files, so a package.json
// there says so (the project's own says "module"), and the entry is made executable (bin).
import fs from 'node:fs';
const dir = new URL('../dist/bundle/', import.meta.url);
fs.writeFileSync(new URL('package.json', dir), '{ "type": "commonjs" }\n');
fs.chmodSync(new URL('zuban.js', dir), 0o755);
