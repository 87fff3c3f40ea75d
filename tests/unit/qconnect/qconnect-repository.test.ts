// The Q in Connect tables (schema version 13) on an in-memory database: a session per contact, an article queued at
// most once per session, acknowledgement limited to the session's own recommendations, query results forgotten after
// their time, and one feedback per target (the latest counts) read back by contact.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../contact-center/store/database';
import { QConnectRepository, type StoredRecommendation } from '../../../contact-center/store/qconnect-repository';

let db: Database;
let repository: QConnectRepository;

beforeEach(() => {
  db = openDatabase(':memory:');
  repository = new QConnectRepository(db);
  repository.ensureSession('session-1', 'contact-1', 1000);
  repository.ensureSession('session-2', 'contact-2', 1000);
  repository.rememberContent({ contentId: 'content-a', knowledgeBaseId: 'kb-en', articleId: 'router-keeps-dropping' });
  repository.rememberContent({ contentId: 'content-b', knowledgeBaseId: 'kb-en', articleId: 'slow-wifi-speeds' });
});
afterEach(() => db.close());

const recommendation = (id: string, sessionId: string, contentId: string, createdAt = 2000): StoredRecommendation => ({
  recommendationId: id,
  sessionId,
  contactId: sessionId.replace('session', 'contact'),
  contentId,
  relevanceScore: 0.8,
  relevanceLevel: 'HIGH',
  triggerId: `trigger-${id}`,
  triggerSource: 'ISSUE_DETECTION',
  triggerText: 'router, dropping',
  documentJson: '{}',
  createdAt,
  notifiedAt: null,
});

describe('sessions and recommendations', () => {
  it('keeps one session per contact, whatever is asked again', () => {
    repository.ensureSession('session-1', 'contact-1', 5000);
    expect(repository.session('session-1')).toEqual({ contactId: 'contact-1', createdAt: 1000 });
    expect(repository.session('nothing')).toBeNull();
  });

  it('queues an article at most once per session, and lists the pending ones oldest first', () => {
    expect(repository.queueRecommendations([recommendation('r1', 'session-1', 'content-a', 3000), recommendation('r2', 'session-1', 'content-b', 2000)]).map((r) => r.recommendationId)).toEqual(['r1', 'r2']);
    expect(repository.queueRecommendations([recommendation('r3', 'session-1', 'content-a'), recommendation('r4', 'session-2', 'content-a')]).map((r) => r.recommendationId)).toEqual(['r4']);
    expect(repository.pendingRecommendations('session-1', 10).map((r) => r.recommendationId)).toEqual(['r2', 'r1']);
    expect(repository.recommendedContents('session-1')).toEqual(new Set(['content-a', 'content-b']));
  });

  it('acknowledges only the session’s own recommendations', () => {
    repository.queueRecommendations([recommendation('r1', 'session-1', 'content-a'), recommendation('r4', 'session-2', 'content-a')]);
    expect(repository.markNotified('session-1', ['r1', 'r4', 'r9'], 4000)).toEqual({ known: ['r1'], unknown: ['r4', 'r9'] });
    expect(repository.pendingRecommendations('session-1', 10)).toEqual([]);
    expect(repository.recommendation('r1')?.notifiedAt).toBe(4000);
    expect(repository.pendingRecommendations('session-2', 10).map((r) => r.recommendationId)).toEqual(['r4']);
  });
});

describe('query results and feedback', () => {
  it('forgets query results made before a time', () => {
    repository.rememberQueryResults([{ resultId: 'old', contentId: 'content-a' }], { sessionId: 'session-1', contactId: 'contact-1' }, 1000);
    repository.rememberQueryResults([{ resultId: 'new', contentId: 'content-b' }], null, 9000);
    expect(repository.forgetQueryResults(5000)).toBe(1);
    expect(repository.queryResult('old')).toBeNull();
    expect(repository.queryResult('new')).toEqual({ sessionId: null, contactId: null, contentId: 'content-b' });
  });

  it('keeps one feedback per target, the latest, read back by contact', () => {
    const base = { targetId: 'r1', targetType: 'RECOMMENDATION' as const, contactId: 'contact-1', sessionId: 'session-1', contentId: 'content-a' };
    repository.putFeedback({ ...base, relevance: 'HELPFUL', agentId: 'agent1', createdAt: 5000 });
    repository.putFeedback({ ...base, relevance: 'NOT_HELPFUL', agentId: 'agent2', createdAt: 6000 });
    repository.putFeedback({ ...base, targetId: 'x', targetType: 'RESULT', relevance: 'HELPFUL', agentId: null, createdAt: 7000, contactId: 'contact-2' });
    expect(repository.feedbackOfContact('contact-1')).toEqual([{ ...base, relevance: 'NOT_HELPFUL', agentId: 'agent2', createdAt: 6000 }]);
  });
});
