// What a contact carries beyond its record, read for the contact details page: its transcript segments (calls and
// chats), the agents' feedback on knowledge articles given during it (with each article's title), and the names of
// the step-by-step guides a guide record on the contact may name.
import type { GuideLibrary } from '../../guides/guide-library';
import type { Database } from '../../store/database';
import { getKnowledgeArticle } from '../../store/knowledge-repository';
import { type FeedbackRelevance, type FeedbackTargetType, QConnectRepository } from '../../store/qconnect-repository';
import { listTranscriptSegments, type StoredTranscriptSegment } from '../../store/transcript-repository';

/** At most this many segments are shown; a longer transcript says it was cut. */
export const MAX_SHOWN_SEGMENTS = 5000;
const SEGMENT_PAGE = 1000;

export interface ContactTranscript {
  segments: StoredTranscriptSegment[];
  /** True when the contact has more segments than are shown. */
  truncated: boolean;
}

export interface KnowledgeFeedbackEntry {
  relevance: FeedbackRelevance;
  targetType: FeedbackTargetType;
  /** Epoch ms the agent gave (or last changed) the feedback. */
  at: number;
  agentId: string | null;
  /** The article's title, or null when the content is no longer known or its article was removed. */
  articleTitle: string | null;
  /** The article's id when known, else the Q in Connect content id: what names an article without a title. */
  articleRef: string;
}

export interface ContactActivitySource {
  transcript(contactId: string): ContactTranscript;
  knowledgeFeedback(contactId: string): KnowledgeFeedbackEntry[];
  /** The name of a guide by its id, or null when the contact center has no such guide. */
  guideName(guideId: string): string | null;
}

/** The contact's segments in order, read a page at a time, at most `limit` of them. */
function readTranscript(db: Database, contactId: string, limit: number): ContactTranscript {
  const segments: StoredTranscriptSegment[] = [];
  let after = 0;
  for (;;) {
    const wanted = Math.min(SEGMENT_PAGE, limit + 1 - segments.length);
    const page = listTranscriptSegments(db, contactId, after, wanted);
    segments.push(...page);
    if (page.length < wanted || segments.length > limit) break;
    after = page.at(-1)!.sequence;
  }
  return segments.length > limit ? { segments: segments.slice(0, limit), truncated: true } : { segments, truncated: false };
}

/** Reads the contact's transcript, feedback and guide names from the contact center's database and guides. */
export function contactActivityFromDatabase(db: Database, guides: GuideLibrary | null, maxSegments = MAX_SHOWN_SEGMENTS): ContactActivitySource {
  const qconnect = new QConnectRepository(db);
  return {
    transcript: (contactId) => readTranscript(db, contactId, maxSegments),
    knowledgeFeedback: (contactId) =>
      qconnect.feedbackOfContact(contactId).map((feedback) => {
        const content = qconnect.content(feedback.contentId);
        const article = content === null ? null : getKnowledgeArticle(db, content.articleId);
        return {
          relevance: feedback.relevance,
          targetType: feedback.targetType,
          at: feedback.createdAt,
          agentId: feedback.agentId,
          articleTitle: article?.title ?? null,
          articleRef: content?.articleId ?? feedback.contentId,
        };
      }),
    guideName: (guideId) => guides?.get(guideId)?.Name ?? null,
  };
}
