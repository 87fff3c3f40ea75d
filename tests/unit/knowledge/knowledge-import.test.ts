// Tests for `npm run knowledge:import` (runKnowledgeImport in-process) and the seeding of an empty article table:
// counts, upsert by id, refused files named with their field while the good ones go in, one-line errors.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKnowledgeImport } from '../../../contact-center/knowledge/knowledge-import';
import { readArticleFolder } from '../../../contact-center/knowledge/article-files';
import { SEED_KNOWLEDGE_FOLDER, seedKnowledgeIfEmpty } from '../../../contact-center/knowledge/seed-articles';
import { openDatabase } from '../../../contact-center/store/database';
import { seedIfEmpty } from '../../../contact-center/store/instance-repository';
import { countKnowledgeArticles, getKnowledgeArticle, listKnowledgeArticles } from '../../../contact-center/store/knowledge-repository';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let dataDir: string;
let out: string[];
let errors: string[];
const output = { out: (line: string) => out.push(line), error: (line: string) => errors.push(line) };
const run = (...argv: string[]) => runKnowledgeImport(argv, output, null, 1_000);

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-knowledge-import-'));
  const db = openDatabase(dataDir);
  seedIfEmpty(db, 'secret');
  db.close();
  out = [];
  errors = [];
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('knowledge:import', () => {
  it('imports a folder and reports the counts; a second run finds them unchanged', () => {
    expect(run(join(FIXTURES, 'articles'), '--data-dir', dataDir)).toBe(0);
    expect(errors).toEqual([]);
    expect(out.at(-1)).toMatch(/^Imported 5 article\(s\) from .*articles: 5 new, 0 updated, 0 unchanged\.$/);
    expect(run(join(FIXTURES, 'articles'), `--data-dir=${dataDir}`)).toBe(0);
    expect(out.at(-1)).toContain('0 new, 0 updated, 5 unchanged');
    const db = openDatabase(dataDir);
    expect(getKnowledgeArticle(db, 'ja-router-drops')?.title).toBe('ルーターの接続が頻繁に切れる');
    db.close();
  });

  it('imports the good files of a mixed folder and names each refused one with its field', () => {
    expect(run(join(FIXTURES, 'mixed'), '--data-dir', dataDir)).toBe(1);
    expect(out.at(-1)).toContain('1 new, 0 updated, 0 unchanged; 5 file(s) refused (above).');
    expect(errors).toEqual([
      'refused bad-language.md: "language" must be en or ja',
      expect.stringMatching(/^refused broken-yaml\.md: front matter is not valid YAML \(line 3 of the file\)/),
      'refused missing-title.md: "title" is missing: it must be a text of 1 to 300 characters',
      expect.stringMatching(/^refused no-front-matter\.md: front matter is missing/),
      'refused unknown-queue.md: "queues" names a queue this instance does not have: Sales (queues: BasicQueue, Billing, Support)',
    ]);
    const db = openDatabase(dataDir);
    expect(listKnowledgeArticles(db).map((article) => article.id)).toEqual(['good-one']);
    db.close();
  });

  it('says what is wrong in one line: no folder, unknown option, no database, missing folder', () => {
    expect(run()).toBe(2);
    expect(run('--verbose', 'x')).toBe(2);
    expect(run(join(FIXTURES, 'articles'), '--data-dir', join(dataDir, 'elsewhere'))).toBe(2);
    expect(run(join(FIXTURES, 'nowhere'), '--data-dir', dataDir)).toBe(2);
    expect(errors).toEqual([
      'knowledge:import: Name the folder of Markdown articles to import. Run with --help for the format.',
      'knowledge:import: Unknown option --verbose. Run with --help for the options.',
      expect.stringMatching(/^knowledge:import: no contact center database in .*elsewhere\. Start the contact center once/),
      expect.stringMatching(/^knowledge:import: .*nowhere: file does not exist$/),
    ]);
    expect(run('--help')).toBe(0);
    expect(out.at(-1)).toContain('Usage: npm run knowledge:import');
  });
});

describe('seeding', () => {
  it('stores every seed article (valid, for the demo queues) into an empty table only', () => {
    const seed = readArticleFolder(SEED_KNOWLEDGE_FOLDER, new Set(['BasicQueue', 'Support', 'Billing']));
    expect(seed.refused.map((error) => error.message)).toEqual([]);
    const db = openDatabase(':memory:');
    const lines: string[] = [];
    expect(seedKnowledgeIfEmpty(db, ['BasicQueue', 'Support', 'Billing'], 1, (line) => lines.push(line))).toBe(seed.articles.length);
    expect(lines).toEqual([]);
    expect(countKnowledgeArticles(db)).toBe(seed.articles.length);
    expect(seedKnowledgeIfEmpty(db, ['BasicQueue', 'Support', 'Billing'], 2, () => {})).toBe(0);
    db.close();
  });

  it('leaves out (and logs) seed articles for queues the instance does not have', () => {
    const db = openDatabase(':memory:');
    const lines: string[] = [];
    const stored = seedKnowledgeIfEmpty(db, ['BasicQueue'], 1, (line) => lines.push(line));
    expect(stored).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^a seed knowledge article was left out: .* names a queue this instance does not have \((Support|Billing)\)$/);
    db.close();
  });
});
