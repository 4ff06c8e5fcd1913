import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file through a temporary sibling and a rename, so a failed build never leaves
 * a half-written file and never destroys the previous good one.
 */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
