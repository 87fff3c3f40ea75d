// Knowledge articles and search hits in Amazon Q in Connect's shapes: a Document (contentReference, title and
// excerpt with highlights), the DataSummary beside it (reference and contentData with textData and rankingData),
// a ContentData for GetContent and a ContentSummary for SearchContent.
import { createHash } from 'node:crypto';
import type { KnowledgeArticle, KnowledgeSearchHit, TextHighlight } from '../knowledge/knowledge-types';
import type { RelevanceLevel } from '../store/qconnect-repository';
import type { QConnectIds } from './qconnect-model';

export interface Highlight {
  beginOffsetInclusive: number;
  endOffsetExclusive: number;
}

export interface DocumentText {
  text: string;
  highlights: Highlight[];
}

export interface ContentReference {
  knowledgeBaseId: string;
  knowledgeBaseArn: string;
  contentId: string;
  contentArn: string;
  referenceType: 'KNOWLEDGE_BASE';
}

export interface QConnectDocument {
  contentReference: ContentReference;
  title: DocumentText;
  excerpt: DocumentText;
}

const highlightsOf = (highlights: readonly TextHighlight[]): Highlight[] => highlights.map((h) => ({ beginOffsetInclusive: h.begin, endOffsetExclusive: h.end }));

export function contentReference(ids: QConnectIds, article: KnowledgeArticle): ContentReference {
  const knowledgeBaseId = ids.knowledgeBaseId(article.language);
  const contentId = ids.contentId(knowledgeBaseId, article.id);
  return { knowledgeBaseId, knowledgeBaseArn: ids.knowledgeBaseArn(knowledgeBaseId), contentId, contentArn: ids.contentArn(knowledgeBaseId, contentId), referenceType: 'KNOWLEDGE_BASE' };
}

export function documentOf(ids: QConnectIds, hit: KnowledgeSearchHit): QConnectDocument {
  return {
    contentReference: contentReference(ids, hit.article),
    title: { text: hit.article.title, highlights: highlightsOf(hit.titleHighlights) },
    excerpt: { text: hit.excerpt, highlights: highlightsOf(hit.excerptHighlights) },
  };
}

/** The `data` of a result or recommendation: its reference and its text and ranking. */
export function dataSummaryOf(document: QConnectDocument, ranking: { relevanceScore: number; relevanceLevel?: RelevanceLevel }) {
  return {
    reference: { contentReference: document.contentReference },
    details: { contentData: { textData: { title: document.title, excerpt: document.excerpt }, rankingData: ranking } },
  };
}

/** A revision id that changes when the article does. */
export const revisionOf = (article: KnowledgeArticle): string => createHash('sha256').update(`${article.updatedAt}\n${article.title}\n${article.body}`).digest('hex').slice(0, 32);

/** The metadata Q in Connect keeps with a content: here the article's language, tags, queues and update time. */
function metadataOf(article: KnowledgeArticle): Record<string, string> {
  return { language: article.language, tags: article.tags.join(','), queues: article.queues.join(','), updatedAt: article.updatedAt };
}

export function contentSummaryOf(ids: QConnectIds, article: KnowledgeArticle) {
  const reference = contentReference(ids, article);
  return {
    contentId: reference.contentId,
    contentArn: reference.contentArn,
    knowledgeBaseId: reference.knowledgeBaseId,
    knowledgeBaseArn: reference.knowledgeBaseArn,
    name: article.id,
    title: article.title,
    contentType: 'text/markdown',
    status: 'ACTIVE',
    revisionId: revisionOf(article),
    metadata: metadataOf(article),
    tags: {},
  };
}

/** GetContent's content: the summary plus a URL to the Markdown body and when that URL expires (epoch seconds). */
export function contentDataOf(ids: QConnectIds, article: KnowledgeArticle, body: { url: string; expiresAtSeconds: number }) {
  return { ...contentSummaryOf(ids, article), url: body.url, urlExpiry: body.expiresAtSeconds, linkOutUri: null };
}
