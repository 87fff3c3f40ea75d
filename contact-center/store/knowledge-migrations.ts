// Knowledge articles (migration version 12): the knowledge base's articles as an admin wrote them (Markdown with
// front matter, see knowledge/article-files.ts). Kept apart from migrations.ts; appended to MIGRATIONS there in
// version order.
import type { Migration } from './migrations';

export const KNOWLEDGE_MIGRATIONS: Migration[] = [
  {
    version: 12,
    name: 'knowledge articles',
    up(db) {
      // An article is read and written whole. tags_json and queues_json are JSON arrays of strings; updated_at is the
      // article's own ISO 8601 time (its front matter's `updated`); stored_at (epoch ms) is when this row was last
      // written (by the seed, an import or an edit).
      db.exec(`
        CREATE TABLE knowledge_articles (
          id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
          title TEXT NOT NULL CHECK (length(title) > 0),
          body TEXT NOT NULL,
          language TEXT NOT NULL CHECK (language IN ('en', 'ja')),
          tags_json TEXT NOT NULL,
          queues_json TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          stored_at INTEGER NOT NULL
        );
        CREATE INDEX knowledge_articles_language ON knowledge_articles (language);
      `);
    },
  },
];
