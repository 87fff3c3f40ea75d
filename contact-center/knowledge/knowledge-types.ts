// The knowledge base's shapes, shared by its store and search (knowledge-base.ts), the Amazon Q in Connect routes
// and the recommender: an article as an admin writes it, and a search hit with what matched and where.

export type ArticleLanguage = 'en' | 'ja';

export interface KnowledgeArticle {
  /** Stable id (the Markdown file's `id`, else its file name without `.md`). */
  id: string;
  title: string;
  /** Markdown. */
  body: string;
  language: ArticleLanguage;
  tags: string[];
  /** Queue names the article is meant for (may be empty: any queue). */
  queues: string[];
  /** ISO 8601. */
  updatedAt: string;
}

/** A matched stretch of text: UTF-16 offsets, end exclusive (Q in Connect's beginOffsetInclusive/endOffsetExclusive). */
export interface TextHighlight {
  begin: number;
  end: number;
}

export interface KnowledgeSearchHit {
  article: KnowledgeArticle;
  /** The ranking's score (higher is better); comparable only within one search. */
  score: number;
  /** The words of the query that matched, as the query wrote them (for "matched: router, dropping"). */
  matchedTerms: string[];
  titleHighlights: TextHighlight[];
  /** A short plain-text passage of the body around the best matches (Markdown stripped). */
  excerpt: string;
  excerptHighlights: TextHighlight[];
}

export interface KnowledgeSearchOptions {
  /** Only articles in this language; absent = both. */
  language?: ArticleLanguage;
  /** At most this many hits (default 10). */
  limit?: number;
}

/** What the knowledge base offers its users (implemented in knowledge-base.ts). */
export interface KnowledgeSearch {
  search(text: string, options?: KnowledgeSearchOptions): KnowledgeSearchHit[];
  get(id: string): KnowledgeArticle | null;
  count(): number;
}
