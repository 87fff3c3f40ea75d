// The Amazon Q in Connect operations the contact center serves, once for both roads (the public REST routes and the
// agent app's AgentAppService.WisdomV2 targets): QueryAssistant, GetRecommendations (long poll), NotifyRecommendations-
// Received, GetContent, SearchContent, PutFeedback and GetSession, over the knowledge base (knowledge-base.ts) and the
// Q in Connect tables. The recommender queues recommendations through it, which wakes the long polls.
import { createHash, randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { KnowledgeArticle } from '../knowledge/knowledge-types';
import type { ContactRecord, InstanceConfig } from '../model';
import type { Database } from '../store/database';
import { QConnectRepository, type StoredRecommendation } from '../store/qconnect-repository';
import { japaneseOrNull, languageOfAttributes } from './contact-language';
import { ContentUrls } from './content-urls';
import { contentDataOf, contentSummaryOf, dataSummaryOf, documentOf, type QConnectDocument } from './qconnect-documents';
import type { ContentInput, GetRecommendationsInput, NotifyInput, PutFeedbackInput, QueryAssistantInput, SearchContentInput, SessionInput } from './qconnect-inputs';
import { notFound, QConnectIds, validation } from './qconnect-model';
import { RecommendationWaiters } from './recommendation-waiters';

/** What Q in Connect uses of the knowledge base: search, matchText (the recommender), get and list. */
export type QConnectKnowledge = Pick<KnowledgeBase, 'search' | 'matchText' | 'get' | 'list'>;

/** Where contacts are looked up: the live ones first, then the stored records. */
export interface ContactSource {
  record(contactId: string): ContactRecord | null;
}

export interface QConnectServiceOptions {
  db: Database;
  config: Pick<InstanceConfig, 'instanceId' | 'region' | 'accountId'>;
  knowledge: QConnectKnowledge;
  contacts: ContactSource;
  /** Epoch milliseconds. */
  now: () => number;
  /** The contact center's base URL (GetContent's url names it). */
  baseUrl: () => string;
}

/** Query results can be given feedback for this long; older ones are forgotten (checked at most hourly). */
const QUERY_RESULT_LIFETIME_MS = 24 * 60 * 60 * 1000;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** A page token bound to the query it continues. */
function pageToken(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: createHash('sha256').update(query).digest('hex').slice(0, 16) })).toString('base64url');
}

function offsetOf(token: string | undefined, query: string): number {
  if (token === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && JSON.parse(Buffer.from(pageToken(0, query), 'base64url').toString('utf8')).q === parsed.q) return parsed.o;
  } catch {
    // refused below
  }
  throw validation('nextToken is not one this operation gave for the same request; start again without it.');
}

export class QConnectService {
  readonly ids: QConnectIds;
  readonly repository: QConnectRepository;
  readonly knowledge: QConnectKnowledge;
  readonly contacts: ContactSource;
  readonly now: () => number;
  readonly contentUrls: ContentUrls;
  private readonly waiters = new RecommendationWaiters();
  /** Content ids already in qconnect_contents (saves a write per search hit). */
  private readonly rememberedContents = new Set<string>();
  private lastPrune = 0;

  constructor(options: QConnectServiceOptions) {
    this.ids = new QConnectIds(options.config);
    this.repository = new QConnectRepository(options.db);
    this.knowledge = options.knowledge;
    this.contacts = options.contacts;
    this.now = options.now;
    this.contentUrls = new ContentUrls(options.baseUrl, options.now);
  }

  /** The contact's session, created on first use; its id is derived from the contact id. */
  sessionOfContact(contactId: string): { sessionId: string; sessionArn: string } {
    const sessionId = this.ids.sessionId(contactId);
    this.repository.ensureSession(sessionId, contactId, this.now());
    return { sessionId, sessionArn: this.ids.sessionArn(sessionId) };
  }

  /** The contact of a session given by id or ARN; refuses sessions that do not exist. */
  contactOfSession(sessionId: string): { sessionId: string; contactId: string } {
    const id = sessionId.startsWith('arn:') ? (sessionId.split('/').at(-1) ?? '') : sessionId;
    const session = this.repository.session(id);
    if (session === null) throw notFound(`Session ${sessionId} does not exist: a contact's session id comes from describeContact (WisdomInfo.SessionArn).`, sessionId);
    return { sessionId: id, contactId: session.contactId };
  }

  /** Records the content id of an article so GetContent finds it later (also after a restart). */
  contentOf(document: QConnectDocument, article: KnowledgeArticle): string {
    const { contentId, knowledgeBaseId } = document.contentReference;
    if (!this.rememberedContents.has(contentId)) {
      this.repository.rememberContent({ contentId, knowledgeBaseId, articleId: article.id });
      this.rememberedContents.add(contentId);
    }
    return contentId;
  }

  queryAssistant(input: QueryAssistantInput) {
    this.ids.assertAssistant(input.assistantId);
    const session = input.sessionId === undefined ? null : this.contactOfSession(input.sessionId);
    if (input.resultTypes !== undefined && !input.resultTypes.includes('KNOWLEDGE_CONTENT')) return { results: [] };
    const attributes = session ? (this.contacts.record(session.contactId)?.attributes ?? {}) : {};
    const language = japaneseOrNull(input.text) ?? languageOfAttributes(attributes) ?? undefined;
    const offset = offsetOf(input.nextToken, input.text);
    const hits = this.knowledge.search(input.text, { language, limit: offset + input.maxResults + 1 });
    const page = hits.slice(offset, offset + input.maxResults);
    const results = page.map((hit) => {
      const document = documentOf(this.ids, hit);
      this.contentOf(document, hit.article);
      return { resultId: randomUUID(), relevanceScore: hit.score, type: 'KNOWLEDGE_CONTENT', document, data: dataSummaryOf(document, { relevanceScore: hit.score }) };
    });
    const now = this.now();
    this.repository.rememberQueryResults(
      results.map((r) => ({ resultId: r.resultId, contentId: r.document.contentReference.contentId })),
      session,
      now,
    );
    if (now - this.lastPrune >= PRUNE_INTERVAL_MS) {
      this.lastPrune = now;
      this.repository.forgetQueryResults(now - QUERY_RESULT_LIFETIME_MS);
    }
    return hits.length > offset + input.maxResults ? { results, nextToken: pageToken(offset + input.maxResults, input.text) } : { results };
  }

  /** Queues recommendations for their sessions (an article already recommended in a session is left out) and wakes
   *  the long polls of those sessions. Returns the ones queued. */
  queueRecommendations(recommendations: readonly StoredRecommendation[]): StoredRecommendation[] {
    const queued = this.repository.queueRecommendations(recommendations);
    for (const sessionId of new Set(queued.map((r) => r.sessionId))) this.waiters.wake(sessionId);
    return queued;
  }

  private pending(sessionId: string, maxResults: number) {
    const stored = this.repository.pendingRecommendations(sessionId, maxResults);
    const recommendations = stored.map((r) => {
      const document = JSON.parse(r.documentJson) as QConnectDocument;
      const ranking = { relevanceScore: r.relevanceScore, relevanceLevel: r.relevanceLevel };
      return { recommendationId: r.recommendationId, document, ...ranking, type: 'KNOWLEDGE_CONTENT', data: dataSummaryOf(document, ranking) };
    });
    const triggers = new Map<string, { id: string; type: 'QUERY'; source: string; data: { query: { text: string } }; recommendationIds: string[] }>();
    for (const r of stored) {
      const trigger = triggers.get(r.triggerId) ?? { id: r.triggerId, type: 'QUERY' as const, source: r.triggerSource, data: { query: { text: r.triggerText } }, recommendationIds: [] };
      trigger.recommendationIds.push(r.recommendationId);
      triggers.set(r.triggerId, trigger);
    }
    return { recommendations, triggers: [...triggers.values()] };
  }

  /** The session's recommendations not yet acknowledged; with waitTimeSeconds, waits for some to come. */
  async getRecommendations(input: GetRecommendationsInput, signal?: AbortSignal) {
    this.ids.assertAssistant(input.assistantId);
    const { sessionId } = this.contactOfSession(input.sessionId);
    const first = this.pending(sessionId, input.maxResults);
    if (first.recommendations.length > 0 || input.waitTimeSeconds === 0) return first;
    await this.waiters.wait(sessionId, input.waitTimeSeconds * 1000, signal);
    return this.pending(sessionId, input.maxResults);
  }

  notifyRecommendationsReceived(input: NotifyInput) {
    this.ids.assertAssistant(input.assistantId);
    const { sessionId } = this.contactOfSession(input.sessionId);
    const { known, unknown } = this.repository.markNotified(sessionId, input.recommendationIds, this.now());
    return {
      recommendationIds: known,
      errors: unknown.map((recommendationId) => ({ recommendationId, message: `Recommendation ${recommendationId} is not one of session ${sessionId}.` })),
    };
  }

  private articleOfContent(input: ContentInput): KnowledgeArticle {
    const { knowledgeBaseId } = this.ids.assertKnowledgeBase(input.knowledgeBaseId);
    const contentId = input.contentId.startsWith('arn:') ? (input.contentId.split('/').at(-1) ?? '') : input.contentId;
    const content = this.repository.content(contentId);
    const article = content !== null && content.knowledgeBaseId === knowledgeBaseId ? this.knowledge.get(content.articleId) : null;
    if (article === null) throw notFound(`Content ${input.contentId} does not exist in knowledge base ${input.knowledgeBaseId} (content ids come from QueryAssistant, GetRecommendations and SearchContent).`, input.contentId);
    return article;
  }

  getContent(input: ContentInput) {
    const article = this.articleOfContent(input);
    const knowledgeBaseId = this.ids.knowledgeBaseId(article.language);
    const body = this.contentUrls.sign(knowledgeBaseId, this.ids.contentId(knowledgeBaseId, article.id));
    return { content: contentDataOf(this.ids, article, body) };
  }

  /** The Markdown body of a content (the signed URL's route checks the signature first). */
  contentBody(input: ContentInput): string {
    return this.articleOfContent(input).body;
  }

  searchContent(input: SearchContentInput) {
    const { language } = this.ids.assertKnowledgeBase(input.knowledgeBaseId);
    // No filter: every content of the knowledge base. Filters all hold: every NAME EQUALS must name the same article.
    const name = input.names.every((n) => n === input.names[0]) ? input.names[0] : null;
    const article = name === null || name === undefined ? null : this.knowledge.get(name);
    const matches = input.names.length === 0 ? this.knowledge.list(language) : article !== null && article.language === language ? [article] : [];
    const offset = offsetOf(input.nextToken, input.names.join('\n'));
    const contentSummaries = matches.slice(offset, offset + input.maxResults).map((a) => {
      const summary = contentSummaryOf(this.ids, a);
      if (!this.rememberedContents.has(summary.contentId)) {
        this.repository.rememberContent({ contentId: summary.contentId, knowledgeBaseId: summary.knowledgeBaseId, articleId: a.id });
        this.rememberedContents.add(summary.contentId);
      }
      return summary;
    });
    const more = matches.length > offset + input.maxResults;
    return more ? { contentSummaries, nextToken: pageToken(offset + input.maxResults, input.names.join('\n')) } : { contentSummaries };
  }

  putFeedback(input: PutFeedbackInput, agentId: string | null) {
    this.ids.assertAssistant(input.assistantId);
    const target =
      input.targetType === 'RECOMMENDATION'
        ? this.repository.recommendation(input.targetId)
        : this.repository.queryResult(input.targetId);
    if (target === null) {
      const origin = input.targetType === 'RECOMMENDATION' ? 'GetRecommendations' : 'QueryAssistant';
      throw notFound(`${input.targetType === 'RECOMMENDATION' ? 'Recommendation' : 'Result'} ${input.targetId} does not exist (targetId is a ${origin} id).`, input.targetId);
    }
    this.repository.putFeedback({
      targetId: input.targetId,
      targetType: input.targetType,
      relevance: input.relevance,
      contactId: target.contactId,
      sessionId: target.sessionId,
      contentId: target.contentId,
      agentId,
      createdAt: this.now(),
    });
    return {
      assistantId: this.ids.assistantId,
      assistantArn: this.ids.assistantArn,
      targetId: input.targetId,
      targetType: input.targetType,
      contentFeedback: { generativeContentFeedbackData: { relevance: input.relevance } },
    };
  }

  getSession(input: SessionInput) {
    this.ids.assertAssistant(input.assistantId);
    const { sessionId, contactId } = this.contactOfSession(input.sessionId);
    return {
      session: {
        sessionId,
        sessionArn: this.ids.sessionArn(sessionId),
        name: contactId,
        description: `Amazon Q in Connect session of contact ${contactId}`,
        tags: {},
        origin: 'SYSTEM',
      },
    };
  }

  /** Ends every long poll (the server is closing). */
  close(): void {
    this.waiters.wakeAll();
  }
}
