// Amazon Q in Connect's sessions, recommendations and agents' feedback (migration version 13): one session per
// contact, the content ids handed out for knowledge articles, the recommendations queued per session (each with the
// words that triggered it and whether the agent app has acknowledged it), the results of manual queries (so that
// feedback on one is kept with its contact), and the feedback itself. Kept apart from migrations.ts; appended to
// MIGRATIONS there in version order.
import type { Migration } from './migrations';

export const QCONNECT_MIGRATIONS: Migration[] = [
  {
    version: 13,
    name: 'amazon q in connect sessions, recommendations and feedback',
    up(db) {
      db.exec(`
        -- A contact's Q in Connect session; session_id is derived from the contact id, so it never changes.
        CREATE TABLE qconnect_sessions (
          session_id TEXT PRIMARY KEY,
          contact_id TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL
        );

        -- The content id (UUID-shaped) of each knowledge article in its language's knowledge base.
        CREATE TABLE qconnect_contents (
          content_id TEXT PRIMARY KEY,
          knowledge_base_id TEXT NOT NULL,
          article_id TEXT NOT NULL,
          UNIQUE (knowledge_base_id, article_id)
        );

        -- Recommendations queued for a session. An article is recommended at most once per session.
        -- notified_at stays NULL until NotifyRecommendationsReceived acknowledges it.
        CREATE TABLE qconnect_recommendations (
          recommendation_id TEXT PRIMARY KEY,
          session_id TEXT NOT NULL REFERENCES qconnect_sessions (session_id),
          contact_id TEXT NOT NULL,
          content_id TEXT NOT NULL REFERENCES qconnect_contents (content_id),
          relevance_score REAL NOT NULL,
          relevance_level TEXT NOT NULL CHECK (relevance_level IN ('HIGH', 'MEDIUM', 'LOW')),
          trigger_id TEXT NOT NULL,
          trigger_source TEXT NOT NULL CHECK (trigger_source IN ('ISSUE_DETECTION', 'RULE_EVALUATION', 'OTHER')),
          -- The words that matched, as the customer (or the contact's attributes) wrote them.
          trigger_text TEXT NOT NULL,
          -- The Q in Connect document (title and excerpt with highlights) as it was recommended.
          document_json TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          notified_at INTEGER,
          UNIQUE (session_id, content_id)
        );
        CREATE INDEX qconnect_recommendations_pending ON qconnect_recommendations (session_id, notified_at, created_at);

        -- QueryAssistant's results, so that feedback on a result finds its content and contact.
        CREATE TABLE qconnect_query_results (
          result_id TEXT PRIMARY KEY,
          session_id TEXT,
          contact_id TEXT,
          content_id TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );

        -- An agent's feedback on a recommendation or a query result, kept with the contact (the latest one counts).
        CREATE TABLE qconnect_feedback (
          target_id TEXT NOT NULL,
          target_type TEXT NOT NULL CHECK (target_type IN ('RECOMMENDATION', 'RESULT')),
          relevance TEXT NOT NULL CHECK (relevance IN ('HELPFUL', 'NOT_HELPFUL')),
          contact_id TEXT,
          session_id TEXT,
          content_id TEXT NOT NULL,
          -- The signed-in agent who gave it; NULL when a backend did.
          agent_id TEXT,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (target_type, target_id)
        );
        CREATE INDEX qconnect_feedback_by_contact ON qconnect_feedback (contact_id, created_at);
      `);
    },
  },
];
