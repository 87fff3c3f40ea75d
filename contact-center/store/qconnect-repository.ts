// Reads and writes Amazon Q in Connect's tables (qconnect-migrations.ts): sessions per contact, the content ids of
// knowledge articles, the recommendations queued per session and their acknowledgement, manual query results, and
// agents' feedback kept with the contact. Statements are prepared once per connection (the recommender writes on
// every customer sentence).
import type { Database } from './database';

export type RelevanceLevel = 'HIGH' | 'MEDIUM' | 'LOW';
export type TriggerSource = 'ISSUE_DETECTION' | 'RULE_EVALUATION' | 'OTHER';
export type FeedbackTargetType = 'RECOMMENDATION' | 'RESULT';
export type FeedbackRelevance = 'HELPFUL' | 'NOT_HELPFUL';

export interface StoredRecommendation {
  recommendationId: string;
  sessionId: string;
  contactId: string;
  contentId: string;
  relevanceScore: number;
  relevanceLevel: RelevanceLevel;
  triggerId: string;
  triggerSource: TriggerSource;
  triggerText: string;
  /** The Q in Connect document, as JSON. */
  documentJson: string;
  createdAt: number;
  notifiedAt: number | null;
}

export interface StoredContent {
  contentId: string;
  knowledgeBaseId: string;
  articleId: string;
}

export interface StoredFeedback {
  targetId: string;
  targetType: FeedbackTargetType;
  relevance: FeedbackRelevance;
  contactId: string | null;
  sessionId: string | null;
  contentId: string;
  agentId: string | null;
  createdAt: number;
}

interface RecommendationRow {
  recommendation_id: string;
  session_id: string;
  contact_id: string;
  content_id: string;
  relevance_score: number;
  relevance_level: RelevanceLevel;
  trigger_id: string;
  trigger_source: TriggerSource;
  trigger_text: string;
  document_json: string;
  created_at: number;
  notified_at: number | null;
}

const recommendationOf = (row: RecommendationRow): StoredRecommendation => ({
  recommendationId: row.recommendation_id,
  sessionId: row.session_id,
  contactId: row.contact_id,
  contentId: row.content_id,
  relevanceScore: row.relevance_score,
  relevanceLevel: row.relevance_level,
  triggerId: row.trigger_id,
  triggerSource: row.trigger_source,
  triggerText: row.trigger_text,
  documentJson: row.document_json,
  createdAt: row.created_at,
  notifiedAt: row.notified_at,
});

function prepare(db: Database) {
  return {
    insertSession: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO qconnect_sessions (session_id, contact_id, created_at) VALUES (?, ?, ?)'),
    sessionById: db.prepare<[string], { contact_id: string; created_at: number }>('SELECT contact_id, created_at FROM qconnect_sessions WHERE session_id = ?'),
    insertContent: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO qconnect_contents (content_id, knowledge_base_id, article_id) VALUES (?, ?, ?)'),
    contentById: db.prepare<[string], { knowledge_base_id: string; article_id: string }>('SELECT knowledge_base_id, article_id FROM qconnect_contents WHERE content_id = ?'),
    insertRecommendation: db.prepare<[RecommendationRow]>(
      `INSERT OR IGNORE INTO qconnect_recommendations (recommendation_id, session_id, contact_id, content_id, relevance_score, relevance_level,
         trigger_id, trigger_source, trigger_text, document_json, created_at, notified_at)
       VALUES (@recommendation_id, @session_id, @contact_id, @content_id, @relevance_score, @relevance_level,
         @trigger_id, @trigger_source, @trigger_text, @document_json, @created_at, @notified_at)`,
    ),
    recommendedContents: db.prepare<[string], { content_id: string }>('SELECT content_id FROM qconnect_recommendations WHERE session_id = ?'),
    pending: db.prepare<[string, number], RecommendationRow>(
      'SELECT * FROM qconnect_recommendations WHERE session_id = ? AND notified_at IS NULL ORDER BY created_at, rowid LIMIT ?',
    ),
    recommendationById: db.prepare<[string], RecommendationRow>('SELECT * FROM qconnect_recommendations WHERE recommendation_id = ?'),
    notify: db.prepare<[number, string, string]>('UPDATE qconnect_recommendations SET notified_at = COALESCE(notified_at, ?) WHERE recommendation_id = ? AND session_id = ?'),
    insertResult: db.prepare<[string, string | null, string | null, string, number]>(
      'INSERT INTO qconnect_query_results (result_id, session_id, contact_id, content_id, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    pruneResults: db.prepare<[number]>('DELETE FROM qconnect_query_results WHERE created_at < ?'),
    resultById: db.prepare<[string], { session_id: string | null; contact_id: string | null; content_id: string }>(
      'SELECT session_id, contact_id, content_id FROM qconnect_query_results WHERE result_id = ?',
    ),
    upsertFeedback: db.prepare<[StoredFeedback]>(
      `INSERT INTO qconnect_feedback (target_id, target_type, relevance, contact_id, session_id, content_id, agent_id, created_at)
       VALUES (@targetId, @targetType, @relevance, @contactId, @sessionId, @contentId, @agentId, @createdAt)
       ON CONFLICT (target_type, target_id) DO UPDATE SET relevance = excluded.relevance, agent_id = excluded.agent_id, created_at = excluded.created_at`,
    ),
    feedbackOfContact: db.prepare<[string], { target_id: string; target_type: FeedbackTargetType; relevance: FeedbackRelevance; contact_id: string | null; session_id: string | null; content_id: string; agent_id: string | null; created_at: number }>(
      'SELECT * FROM qconnect_feedback WHERE contact_id = ? ORDER BY created_at, rowid',
    ),
  };
}

/** The Q in Connect tables of one database connection. */
export class QConnectRepository {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(private readonly db: Database) {
    this.statements = prepare(db);
  }

  /** Records a contact's session (nothing happens when it exists). */
  ensureSession(sessionId: string, contactId: string, at: number): void {
    this.statements.insertSession.run(sessionId, contactId, at);
  }

  session(sessionId: string): { contactId: string; createdAt: number } | null {
    const row = this.statements.sessionById.get(sessionId);
    return row ? { contactId: row.contact_id, createdAt: row.created_at } : null;
  }

  rememberContent(content: StoredContent): void {
    this.statements.insertContent.run(content.contentId, content.knowledgeBaseId, content.articleId);
  }

  content(contentId: string): StoredContent | null {
    const row = this.statements.contentById.get(contentId);
    return row ? { contentId, knowledgeBaseId: row.knowledge_base_id, articleId: row.article_id } : null;
  }

  /** The contents already recommended in a session (acknowledged or not). */
  recommendedContents(sessionId: string): Set<string> {
    return new Set(this.statements.recommendedContents.all(sessionId).map((row) => row.content_id));
  }

  /** Queues recommendations; one whose content the session already had is left out. Returns the ones queued. */
  queueRecommendations(recommendations: readonly StoredRecommendation[]): StoredRecommendation[] {
    const queued: StoredRecommendation[] = [];
    this.db.transaction(() => {
      for (const r of recommendations) {
        const { changes } = this.statements.insertRecommendation.run({
          recommendation_id: r.recommendationId,
          session_id: r.sessionId,
          contact_id: r.contactId,
          content_id: r.contentId,
          relevance_score: r.relevanceScore,
          relevance_level: r.relevanceLevel,
          trigger_id: r.triggerId,
          trigger_source: r.triggerSource,
          trigger_text: r.triggerText,
          document_json: r.documentJson,
          created_at: r.createdAt,
          notified_at: r.notifiedAt,
        });
        if (changes > 0) queued.push(r);
      }
    })();
    return queued;
  }

  /** The session's recommendations not yet acknowledged, oldest first. */
  pendingRecommendations(sessionId: string, limit: number): StoredRecommendation[] {
    return this.statements.pending.all(sessionId, limit).map(recommendationOf);
  }

  recommendation(recommendationId: string): StoredRecommendation | null {
    const row = this.statements.recommendationById.get(recommendationId);
    return row ? recommendationOf(row) : null;
  }

  /** Marks recommendations of the session received; returns the ids that are the session's (others are unknown). */
  markNotified(sessionId: string, recommendationIds: readonly string[], at: number): { known: string[]; unknown: string[] } {
    const known: string[] = [];
    const unknown: string[] = [];
    this.db.transaction(() => {
      for (const id of recommendationIds) {
        const row = this.statements.recommendationById.get(id);
        if (row === undefined || row.session_id !== sessionId) {
          unknown.push(id);
          continue;
        }
        this.statements.notify.run(at, id, sessionId);
        known.push(id);
      }
    })();
    return { known, unknown };
  }

  rememberQueryResults(results: readonly { resultId: string; contentId: string }[], session: { sessionId: string; contactId: string } | null, at: number): void {
    this.db.transaction(() => {
      for (const result of results) this.statements.insertResult.run(result.resultId, session?.sessionId ?? null, session?.contactId ?? null, result.contentId, at);
    })();
  }

  /** Forgets query results made before `before` (feedback already given keeps its own copy of what it needs). */
  forgetQueryResults(before: number): number {
    return this.statements.pruneResults.run(before).changes;
  }

  queryResult(resultId: string): { sessionId: string | null; contactId: string | null; contentId: string } | null {
    const row = this.statements.resultById.get(resultId);
    return row ? { sessionId: row.session_id, contactId: row.contact_id, contentId: row.content_id } : null;
  }

  putFeedback(feedback: StoredFeedback): void {
    this.statements.upsertFeedback.run(feedback);
  }

  /** The feedback agents gave on a contact's recommendations and results, oldest first. */
  feedbackOfContact(contactId: string): StoredFeedback[] {
    return this.statements.feedbackOfContact.all(contactId).map((row) => ({
      targetId: row.target_id,
      targetType: row.target_type,
      relevance: row.relevance,
      contactId: row.contact_id,
      sessionId: row.session_id,
      contentId: row.content_id,
      agentId: row.agent_id,
      createdAt: row.created_at,
    }));
  }
}
