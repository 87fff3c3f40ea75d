// Tests for the knowledge article files: the front matter's fields, defaults and refusals (with the file's path
// and the bad field), and reading a folder that mixes good and bad files.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleFileError, parseArticleFile, readArticleFolder } from '../../../contact-center/knowledge/article-files';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const QUEUES = new Set(['BasicQueue', 'Support', 'Billing']);

const file = (frontMatter: string, body = 'Body text.') => `---\n${frontMatter}\n---\n${body}\n`;
const GOOD = 'title: Router keeps dropping\nlanguage: en\ntags: [router, wifi]\nqueues: [Support]\nupdated: 2026-10-01';

function refusal(text: string, queues?: ReadonlySet<string>): ArticleFileError {
  try {
    parseArticleFile('kb/article.md', text, queues);
  } catch (error) {
    if (error instanceof ArticleFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseArticleFile', () => {
  it('reads the front matter and the Markdown body; the id defaults to the file name', () => {
    const article = parseArticleFile('kb/en/router-keeps-dropping.md', file(GOOD, '## Steps\n\n1. Restart'));
    expect(article).toEqual({
      id: 'router-keeps-dropping',
      title: 'Router keeps dropping',
      body: '## Steps\n\n1. Restart',
      language: 'en',
      tags: ['router', 'wifi'],
      queues: ['Support'],
      updatedAt: '2026-10-01T00:00:00.000Z',
    });
  });

  it('takes an explicit id, CRLF line ends, a BOM, block lists and a full ISO time', () => {
    const text = '\uFEFF---\r\nid: custom-id\r\ntitle: T\r\nlanguage: ja\r\ntags:\r\n  - a\r\n  - b\r\nqueues: []\r\nupdated: 2026-10-01T09:00:00+09:00\r\n---\r\n本文\r\n';
    expect(parseArticleFile('x.md', text)).toMatchObject({ id: 'custom-id', language: 'ja', tags: ['a', 'b'], queues: [], body: '本文', updatedAt: '2026-10-01T00:00:00.000Z' });
  });

  it('refuses a bad field with the path and the field', () => {
    expect(refusal(file(GOOD.replace('language: en', 'language: fr')))).toMatchObject({ path: 'kb/article.md', field: 'language', message: 'kb/article.md: "language" must be en or ja' });
    expect(refusal(file(GOOD.replace('tags: [router, wifi]', 'tags: router')))).toMatchObject({ field: 'tags' });
    expect(refusal(file(GOOD.replace('2026-10-01', 'last week')))).toMatchObject({ field: 'updated' });
    expect(refusal(file(GOOD.replace('2026-10-01', '2026-13-45')))).toMatchObject({ field: 'updated' });
    expect(refusal(file(`id: "no spaces allowed"\n${GOOD}`))).toMatchObject({ field: 'id' });
  });

  it('refuses a missing field, an unknown one and an unknown queue', () => {
    expect(refusal(file(GOOD.replace('title: Router keeps dropping\n', ''))).message).toBe('kb/article.md: "title" is missing: it must be a text of 1 to 300 characters');
    expect(refusal(file(`tittle: typo\n${GOOD}`))).toMatchObject({ field: 'tittle' });
    expect(refusal(file(GOOD.replace('[Support]', '[Sales]')), QUEUES).message).toContain('names a queue this instance does not have: Sales');
  });

  it('refuses a file without front matter, with broken YAML, or with an empty body', () => {
    expect(refusal('# Title\n\nText')).toMatchObject({ field: 'front matter' });
    expect(refusal(file('title: [unclosed\nlanguage: en')).message).toMatch(/^kb\/article\.md: front matter is not valid YAML \(line 3 of the file\)/);
    expect(refusal(file(GOOD, '   '))).toMatchObject({ field: 'body' });
    expect(refusal(file(`${GOOD}\ntitle: twice`)).field).toBe('front matter');
  });
});

describe('readArticleFolder', () => {
  it('reads every Markdown file under the folder', () => {
    const folder = readArticleFolder(join(FIXTURES, 'articles'));
    expect(folder.refused).toEqual([]);
    expect(folder.articles.map((article) => article.id).sort()).toEqual(['ja-delivery-late', 'ja-router-drops', 'parcel-not-delivered', 'refund-duplicate-charge', 'router-drops']);
  });

  it('keeps the good files and names each refused one', () => {
    const folder = readArticleFolder(join(FIXTURES, 'mixed'), QUEUES);
    expect(folder.articles.map((article) => article.id)).toEqual(['good-one']);
    expect(folder.refused.map((error) => [error.path, error.field])).toEqual([
      ['bad-language.md', 'language'],
      ['broken-yaml.md', 'front matter'],
      ['missing-title.md', 'title'],
      ['no-front-matter.md', 'front matter'],
      ['unknown-queue.md', 'queues'],
    ]);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => readArticleFolder(join(FIXTURES, 'nowhere'))).toThrow(/does not exist/);
  });
});
