/**
 * Bad input to `zuban build` gets one clear message naming the file, the field and the
 * reason, a non-zero exit and never a stack trace; out/ stays as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = path.resolve('dist/bundle/zuban.js');
const templates = path.resolve('templates');

/** A copy of the sample edition in a temporary folder (templates beside it, as in the repository). */
function sample(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-bad-'));
  fs.cpSync('content', path.join(root, 'content'), { recursive: true });
  fs.cpSync(templates, path.join(root, 'templates'), { recursive: true });
  return path.join(root, 'content');
}

function build(edition: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'build', edition, '--no-preview', ...args], { encoding: 'utf8', cwd: path.dirname(edition) });
  return { code: r.status, err: r.stderr };
}

const noTrace = (err: string) => expect(err).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);

describe('bad input to zuban build', () => {
  it('--- yaml-alias-bomb --- in an article’s front matter names the article and stops cleanly', () => {
    const ed = sample();
    const f = path.join(ed, 'articles/a02-market.md');
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^---\n/, `---\n${bomb}\n`));
    const r = build(path.join(ed, 'edition.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/articles\/a02-market\.md: .*(alias|YAML)/i);
    noTrace(r.err);
  });

  it('--- gbk-article --- an article saved as GBK is named as not UTF-8', () => {
    const ed = sample();
    const f = path.join(ed, 'articles/a02-market.md');
    // the file as Notepad saves it in China (iconv from glibc)
    fs.writeFileSync(f, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', f]));
    const r = build(path.join(ed, 'edition.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/articles\/a02-market\.md: not UTF-8 \(looks like GBK/);
    noTrace(r.err);
  });

  it('--- edition-path-is-a-folder --- and --out-is-a-file: each named', () => {
    const ed = sample();
    const r = build(ed);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is a folder; name its edition\.yaml/);
    const file = path.join(path.dirname(ed), 'out-file');
    fs.writeFileSync(file, 'x');
    const o = build(path.join(ed, 'edition.yaml'), '--out', file);
    expect(o.code).toBe(1);
    expect(o.err).toMatch(/--out .*out-file: is a file, not a folder/);
    noTrace(r.err + o.err);
  });

  it('--- photo-outside-the-edition --- ../, an absolute path and a symbolic link out are refused, naming the field', () => {
    const ed = sample();
    const outside = path.join(path.dirname(ed), 'elsewhere.jpg');
    fs.copyFileSync(path.join(ed, 'photos/bridge.jpg'), outside);
    fs.symlinkSync(outside, path.join(ed, 'photos/link.jpg'));
    const f = path.join(ed, 'articles/a01-bridge.md');
    const text = fs.readFileSync(f, 'utf8');
    for (const name of ['../elsewhere.jpg', outside, 'photos/link.jpg']) {
      fs.writeFileSync(f, text.replace('photos/bridge.jpg', name));
      const r = build(path.join(ed, 'edition.yaml'));
      expect(r.code, name).toBe(1);
      expect(r.err).toMatch(/a01-bridge\.md: photos\[0\]\.file: .* lies outside the edition folder/);
      noTrace(r.err);
    }
  });

  it('--- fifo-and-truncated-photo --- a FIFO named as a photo and a truncated JPEG each name the photo and the article', () => {
    const ed = sample();
    const f = path.join(ed, 'articles/a01-bridge.md');
    const text = fs.readFileSync(f, 'utf8');
    execFileSync('mkfifo', [path.join(ed, 'photos/pipe.jpg')]);
    fs.writeFileSync(f, text.replace('photos/bridge.jpg', 'photos/pipe.jpg'));
    const fifo = build(path.join(ed, 'edition.yaml'));
    expect(fifo.code).toBe(1);
    expect(fifo.err).toMatch(/a01-bridge\.md: photos\[0\]\.file: .*photos\/pipe\.jpg/);
    noTrace(fifo.err);
    const jpg = fs.readFileSync(path.join(ed, 'photos/bridge.jpg'));
    fs.writeFileSync(path.join(ed, 'photos/cut.jpg'), jpg.subarray(0, Math.floor(jpg.length / 3)));
    fs.writeFileSync(f, text.replace('photos/bridge.jpg', 'photos/cut.jpg'));
    const cut = build(path.join(ed, 'edition.yaml'));
    expect(cut.code).toBe(1);
    expect(cut.err).toMatch(/a01-bridge\.md: photos\[0\]\.file: photos\/cut\.jpg/);
    noTrace(cut.err);
    expect(fs.existsSync(path.join(ed, 'out'))).toBe(false);
  });
});
