// The demo knowledge base: the Markdown articles of contact-center/seed/knowledge/ (en/ and ja/), stored when a
// contact center's article table is empty (a new data folder, or one from before the knowledge base).

import { fileURLToPath } from 'node:url';
import type { Database } from '../store/database';
import { countKnowledgeArticles, seedKnowledgeArticlesIfEmpty } from '../store/knowledge-repository';
import { readArticleFolder, type ArticleFolder } from './article-files';

export const SEED_KNOWLEDGE_FOLDER = fileURLToPath(new URL('../seed/knowledge/', import.meta.url));

/** Read once per process: test suites start many contact centers. */
let seedFolder: ArticleFolder | undefined;

function seedArticles(): ArticleFolder {
  seedFolder ??= readArticleFolder(SEED_KNOWLEDGE_FOLDER);
  return seedFolder;
}

/**
 * Stores the seed articles when the table is empty; returns how many it stored (0: the table had articles).
 * A seed file that does not parse, or names a queue the instance lacks, is left out and logged.
 */
export function seedKnowledgeIfEmpty(db: Database, queueNames: readonly string[], now: number, log: (line: string) => void): number {
  if (countKnowledgeArticles(db) > 0) return 0;
  const { articles, refused } = seedArticles();
  for (const refusal of refused) log(`a seed knowledge article was left out: ${refusal.message}`);
  const queues = new Set(queueNames);
  const fitting = articles.filter((article) => {
    const unknown = article.queues.find((queue) => !queues.has(queue));
    if (unknown !== undefined) log(`a seed knowledge article was left out: ${article.id} names a queue this instance does not have (${unknown})`);
    return unknown === undefined;
  });
  return seedKnowledgeArticlesIfEmpty(db, fitting, now) ? fitting.length : 0;
}
