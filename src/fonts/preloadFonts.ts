import fs from 'node:fs';
import path from 'node:path';

/** Font files being read in the background, by role key. */
export type FontPreload = Map<string, Promise<Buffer>>;

/**
 * Starts reading the font files of some roles on libuv's thread pool, so that the 10–16 MB
 * reads overlap with loading fontkit and pdfkit (~250 ms of module start-up) instead of
 * following it. Deliberately imports nothing heavy. Unknown roles and unreadable files are
 * left out; FontBook reports them properly when the role is used.
 */
export function preloadFonts(root: string, roles: readonly string[]): FontPreload {
  const preload: FontPreload = new Map();
  let config: { roles?: Record<string, { file?: string }> };
  try {
    config = JSON.parse(fs.readFileSync(path.join(root, 'fonts/fonts.json'), 'utf8'));
  } catch {
    return preload;
  }
  for (const role of roles) {
    const file = config.roles?.[role]?.file;
    if (!file) continue;
    const p = fs.promises.readFile(path.resolve(root, file));
    p.catch(() => undefined); // reported by FontBook when the role is opened
    preload.set(role, p);
  }
  return preload;
}
