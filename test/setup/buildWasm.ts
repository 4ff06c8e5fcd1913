import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * vitest runs src/ as TypeScript, but the line breaker runs as WebAssembly built from
 * src/wasm/ (npm run build:wasm): rebuild it when it is missing or older than its
 * source, so that the tests always test the breaker in the tree.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const wasm = path.join(root, 'dist/wasm/breaker.wasm');
  const sources = fs.readdirSync(path.join(root, 'src/wasm')).map((f) => fs.statSync(path.join(root, 'src/wasm', f)).mtimeMs);
  if (fs.existsSync(wasm) && fs.statSync(wasm).mtimeMs >= Math.max(...sources)) return;
  execFileSync('npm', ['run', '--silent', 'build:wasm'], { cwd: root, stdio: 'inherit' });
}
