// Reads and writes the knowledge base's articles (table knowledge_articles, migration 12): upsert by id, get, list,
// count, and seeding a data folder that has none. The search index lives in memory (knowledge/knowledge-base.ts).

import type { ArticleLanguage, KnowledgeArticle } from '../knowledge/knowledge-types';
import type { Database } from './database';

interface KnowledgeArticleRow {
  id: string;
  title: string;
  body: string;
  language: ArticleLanguage;
  tags_json: string;
  queues_json: string;
  updated_at: string;
  stored_at: number;
}

/** What an upsert did: a new article, a changed one, or nothing (the stored article was the same). */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

const COLUMNS = 'id, title, body, language, tags_json, queues_json, updated_at, stored_at';

function articleFromRow(row: KnowledgeArticleRow): KnowledgeArticle {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    language: row.language,
    tags: JSON.parse(row.tags_json) as string[],
    queues: JSON.parse(row.queues_json) as string[],
    updatedAt: row.updated_at,
  };
}

function sameArticle(a: KnowledgeArticle, b: KnowledgeArticle): boolean {
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.language === b.language &&
    a.updatedAt === b.updatedAt &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.queues) === JSON.stringify(b.queues)
  );
}

export function getKnowledgeArticle(db: Database, id: string): KnowledgeArticle | null {
  const row = db.prepare<[string], KnowledgeArticleRow>(`SELECT ${COLUMNS} FROM knowledge_articles WHERE id = ?`).get(id);
  return row ? articleFromRow(row) : null;
}

/** Every article (of one language when given), by id. */
export function listKnowledgeArticles(db: Database, language?: ArticleLanguage): KnowledgeArticle[] {
  const rows =
    language === undefined
      ? db.prepare<[], KnowledgeArticleRow>(`SELECT ${COLUMNS} FROM knowledge_articles ORDER BY id`).all()
      : db.prepare<[string], KnowledgeArticleRow>(`SELECT ${COLUMNS} FROM knowledge_articles WHERE language = ? ORDER BY id`).all(language);
  return rows.map(articleFromRow);
}

export function countKnowledgeArticles(db: Database): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM knowledge_articles').get()?.n ?? 0;
}

/** Stores `article` under its id, replacing the stored one; `at` is epoch ms. An identical article is left alone. */
export function upsertKnowledgeArticle(db: Database, article: KnowledgeArticle, at: number): UpsertOutcome {
  const existing = getKnowledgeArticle(db, article.id);
  if (existing && sameArticle(existing, article)) return 'unchanged';
  db.prepare<[string, string, string, ArticleLanguage, string, string, string, number]>(
    `INSERT INTO knowledge_articles (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, language = excluded.language,
       tags_json = excluded.tags_json, queues_json = excluded.queues_json, updated_at = excluded.updated_at, stored_at = excluded.stored_at`,
  ).run(article.id, article.title, article.body, article.language, JSON.stringify(article.tags), JSON.stringify(article.queues), article.updatedAt, at);
  return existing ? 'updated' : 'created';
}

/** Upserts several articles in one transaction; returns how many of each outcome. */
export function upsertKnowledgeArticles(db: Database, articles: readonly KnowledgeArticle[], at: number): Record<UpsertOutcome, number> {
  return db.transaction(() => {
    const counts: Record<UpsertOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
    for (const article of articles) counts[upsertKnowledgeArticle(db, article, at)]++;
    return counts;
  }).immediate();
}

/** Stores `articles` when the table is empty (a new data folder, or one from before the knowledge base); returns
 *  whether it did. Articles imported or edited since are never touched. */
export function seedKnowledgeArticlesIfEmpty(db: Database, articles: readonly KnowledgeArticle[], at: number): boolean {
  return db.transaction(() => {
    if (countKnowledgeArticles(db) > 0) return false;
    for (const article of articles) upsertKnowledgeArticle(db, article, at);
    return true;
  }).immediate();
}
