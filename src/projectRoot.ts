import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project directory (where fonts/ and templates/ live): the nearest folder above this
 * module with a package.json and fonts/fonts.json — the same from src/, from dist/ and
 * from the bundle in dist/bundle/ (whose own package.json only marks it CommonJS).
 */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'fonts/fonts.json'))) return dir + path.sep;
    if (path.dirname(dir) === dir) return path.resolve(from, '..') + path.sep;
  }
}
