// The knowledge shapes that cross from the engine to the panel: a search result, a suggested article (a Q in
// Connect recommendation with the words that triggered it, and the agent's feedback on it) and an opened article.
// Plain data, every text as the service gave it: the panel shows it as text, never as HTML.

/** A matched stretch of a text: UTF-16 offsets, end exclusive (Q in Connect's begin/endOffsetExclusive). */
export interface TextRange {
  begin: number;
  end: number;
}

/** Which article: the knowledge base and the content in it. */
export interface ArticleRef {
  knowledgeBaseId: string;
  contentId: string;
}

export interface KnowledgeResult extends ArticleRef {
  resultId: string;
  title: string;
  titleHighlights: TextRange[];
  excerpt: string;
  excerptHighlights: TextRange[];
  /** The service's relevance score, comparable only within one search (null when it gave none). */
  score: number | null;
}

export type KnowledgeRelevance = 'HELPFUL' | 'NOT_HELPFUL';

export interface KnowledgeSuggestion extends ArticleRef {
  recommendationId: string;
  title: string;
  titleHighlights: TextRange[];
  excerpt: string;
  excerptHighlights: TextRange[];
  relevanceLevel: 'HIGH' | 'MEDIUM' | 'LOW' | null;
  /** What the customer said that brought it up: the trigger's query text ("router, dropping"), or null. */
  matched: string | null;
  /** When the engine first received it (epoch ms). */
  receivedAt: number;
  /** The agent's feedback, once given. */
  feedback: KnowledgeRelevance | null;
}

export interface KnowledgeArticleView extends ArticleRef {
  title: string;
  /** The body's MIME type as the service named it (text/markdown, text/plain, text/html…). */
  contentType: string;
  body: string;
  /** Where the article lives outside the contact center (http(s) only), or null. */
  linkOutUri: string | null;
}
