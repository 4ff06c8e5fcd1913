/**
 * Articles parsed by an earlier build and kept beside its output: read back as kept
 * (proved by a kept title no file has), parsed again when the file's text changed or the
 * cache is another parser's, and only articles that parsed are kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { keepParsedArticles, loadEdition, saveParsedArticles } from '../../src/content/loadEdition.js';

it('--- kept-articles --- read as kept, parsed again when changed or of another parser', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zuban-kept-'));
  fs.cpSync('content', path.join(root, 'content'), { recursive: true });
  const edition = path.join(root, 'content/edition.yaml');
  const cache = path.join(root, '.zuban-cache/articles.json');
  keepParsedArticles(cache);
  const first = loadEdition(edition);
  saveParsedArticles();
  const kept = JSON.parse(fs.readFileSync(cache, 'utf8'));
  expect(Object.keys(kept.entries)).toHaveLength(first.articles.length);
  for (const e of Object.values(kept.entries) as { value: { meta: { title: string } } }[]) e.value.meta.title = '留存的标题';
  fs.writeFileSync(cache, JSON.stringify(kept));
  // a file changed since: parsed again; the others come from the cache
  const changed = path.join(root, 'content/articles', fs.readdirSync(path.join(root, 'content/articles'))[0]);
  fs.appendFileSync(changed, '\n再加一句。\n');
  keepParsedArticles(cache);
  const second = loadEdition(edition);
  saveParsedArticles();
  const titles = second.articles.map((a) => [path.basename(a.file), a.meta.title]);
  expect(titles.filter(([, t]) => t === '留存的标题')).toHaveLength(first.articles.length - 1);
  expect(titles.find(([f]) => f === path.basename(changed))![1]).not.toBe('留存的标题');
  // a build that read no article (its edition.yaml refused) leaves the file as it was
  const before = fs.readFileSync(cache, 'utf8');
  keepParsedArticles(cache);
  saveParsedArticles();
  expect(fs.readFileSync(cache, 'utf8')).toBe(before);
  // another parser's cache is not read
  const other = JSON.parse(fs.readFileSync(cache, 'utf8'));
  other.parser = 'another';
  fs.writeFileSync(cache, JSON.stringify(other));
  keepParsedArticles(cache);
  expect(loadEdition(edition).articles.every((a) => a.meta.title !== '留存的标题')).toBe(true);
  saveParsedArticles();
  fs.rmSync(root, { recursive: true, force: true });
});
