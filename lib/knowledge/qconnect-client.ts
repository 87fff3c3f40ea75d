// Amazon Q in Connect for the engine, on the agent-app operations amazon-q-connectjs uses (wisdom-frame.ts):
// a contact's Q in Connect session (Acs.describeContact → WisdomInfo.SessionArn), manual search (queryAssistant),
// the recommendations queued for the session (getRecommendations, then notifyRecommendationsReceived so they
// come once), an article (getContent, whose body is fetched from the short-lived URL it gives) and feedback
// (putFeedback). Answers are checked, not trusted: only the fields the panel shows are kept, as plain values.
import type { KnowledgeArticleView, KnowledgeResult, KnowledgeSuggestion, TextRange } from './knowledge-views';
import { KnowledgeCallError, type WisdomTransport } from './wisdom-frame';

/** A contact's Q in Connect session: its assistant and session ids. */
export interface QConnectSession {
  assistantId: string;
  sessionId: string;
}

/** A recommendation as received, before the engine adds when it came and the agent's feedback. */
export type ReceivedSuggestion = Omit<KnowledgeSuggestion, 'receivedAt' | 'feedback'>;

export interface QConnectClientOptions {
  transport: WisdomTransport;
  /** The Connect instance's id (its ARN's last part). */
  instanceId: string;
  /** Fetches an article's body (the engine's fetch; tests give their own). */
  fetch?: typeof fetch;
}

/** The longest article body read (characters); a longer one is cut. */
export const MAX_ARTICLE_LENGTH = 200_000;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** `arn:aws:wisdom:<region>:<account>:session/<assistantId>/<sessionId>` → its ids, or null. */
export function sessionFromArn(arn: string): QConnectSession | null {
  const match = /^arn:[^:]+:wisdom:[^:]*:[^:]*:session\/([^/]+)\/([^/]+)$/.exec(arn);
  return match ? { assistantId: match[1]!, sessionId: match[2]! } : null;
}

/** `arn:aws:wisdom:…:assistant/<assistantId>` (or a bare id) → the assistant id, or null. */
export function assistantIdFromArn(arnOrId: string): string | null {
  if (!arnOrId.startsWith('arn:')) return arnOrId.length > 0 && !arnOrId.includes('/') ? arnOrId : null;
  return /^arn:[^:]+:wisdom:[^:]*:[^:]*:assistant\/([^/]+)$/.exec(arnOrId)?.[1] ?? null;
}

/** The instance id inside an agent's ARN (`…:instance/<id>/agent/<id>`), or null. */
export const instanceIdOf = (agentArn: string): string | null => /:instance\/([^/]+)/.exec(agentArn)?.[1] ?? null;

/** A service's highlights as ranges inside `length` characters (malformed ones dropped). */
function rangesOf(value: unknown, length: number): TextRange[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((h) => {
    const { beginOffsetInclusive: begin, endOffsetExclusive: end } = record(h);
    if (!Number.isInteger(begin) || !Number.isInteger(end)) return [];
    const b = Math.max(0, begin as number);
    const e = Math.min(length, end as number);
    return b < e ? [{ begin: b, end: e }] : [];
  });
}

/** The article a result or recommendation points at, with its title and excerpt: from `document` (the
 *  long-standing shape) or from `data` (QueryAssistant's newer one), whichever names the content. */
function documentOf(item: Record<string, unknown>) {
  const document = record(item.document);
  const data = record(item.data);
  const reference = record(record(document.contentReference).contentId ? document.contentReference : record(data.reference).contentReference);
  const knowledgeBaseId = text(reference.knowledgeBaseId);
  const contentId = text(reference.contentId);
  if (!knowledgeBaseId || !contentId) return null;
  const textData = record(record(record(data.details).contentData).textData);
  const titleField = record(document.title ?? textData.title);
  const excerptField = record(document.excerpt ?? textData.excerpt);
  const title = text(titleField.text) ?? contentId;
  const excerpt = text(excerptField.text) ?? '';
  return {
    knowledgeBaseId,
    contentId,
    title,
    titleHighlights: rangesOf(titleField.highlights, title.length),
    excerpt,
    excerptHighlights: rangesOf(excerptField.highlights, excerpt.length),
  };
}

const RELEVANCE_LEVELS = new Set(['HIGH', 'MEDIUM', 'LOW']);

export class QConnectAgentClient {
  private readonly transport: WisdomTransport;
  private readonly instanceId: string;
  private readonly fetchBody: typeof fetch;
  private readonly sessions = new Map<string, QConnectSession>();

  constructor(options: QConnectClientOptions) {
    this.transport = options.transport;
    this.instanceId = options.instanceId;
    this.fetchBody = options.fetch ?? ((...args) => fetch(...args));
  }

  /** The contact's Q in Connect session (asked once per contact); null when Q in Connect has none for it. */
  async sessionOf(contactId: string): Promise<QConnectSession | null> {
    const known = this.sessions.get(contactId);
    if (known) return known;
    const answer = record(await this.transport.call('Acs', 'describeContact', { InstanceId: this.instanceId, ContactId: contactId }));
    const arn = text(record(record(answer.Contact).WisdomInfo).SessionArn);
    const session = arn ? sessionFromArn(arn) : null;
    if (session) this.sessions.set(contactId, session);
    return session;
  }

  /** The instance's Q in Connect assistant, from its WISDOM_ASSISTANT integration; null when it has none. */
  async instanceAssistantId(): Promise<string | null> {
    const answer = record(
      await this.transport.call('Acs', 'listIntegrationAssociations', { InstanceId: this.instanceId, IntegrationType: 'WISDOM_ASSISTANT' }),
    );
    const associations = Array.isArray(answer.IntegrationAssociationSummaryList) ? answer.IntegrationAssociationSummaryList : [];
    for (const association of associations) {
      const id = assistantIdFromArn(text(record(association).IntegrationArn) ?? '');
      if (id) return id;
    }
    return null;
  }

  /** A natural-language search of the assistant's knowledge (in the contact's session when there is one). */
  async query(assistantId: string, queryText: string, sessionId: string | null, maxResults = 10): Promise<KnowledgeResult[]> {
    const answer = record(
      await this.transport.call('WisdomV2', 'queryAssistant', {
        assistantId,
        queryInputData: { queryTextInputData: { text: queryText } },
        ...(sessionId ? { sessionId } : {}),
        maxResults,
      }),
    );
    const results = Array.isArray(answer.results) ? answer.results : [];
    return results.flatMap((item, index) => {
      const result = record(item);
      if (result.type !== undefined && result.type !== 'KNOWLEDGE_CONTENT') return [];
      const document = documentOf(result);
      if (!document) return [];
      const score = typeof result.relevanceScore === 'number' && Number.isFinite(result.relevanceScore) ? result.relevanceScore : null;
      return [{ resultId: text(result.resultId) ?? `result-${index}`, ...document, score }];
    });
  }

  /** The recommendations queued for the session since the last call, acknowledged so they come once. */
  async recommendations(session: QConnectSession, waitTimeSeconds: number, maxResults = 10): Promise<ReceivedSuggestion[]> {
    const answer = record(
      await this.transport.call('WisdomV2', 'getRecommendations', { ...session, maxResults, waitTimeSeconds }),
    );
    const matchedBy = new Map<string, string>();
    for (const trigger of Array.isArray(answer.triggers) ? answer.triggers : []) {
      const { data, recommendationIds } = record(trigger);
      const query = text(record(record(data).query).text);
      if (!query || !Array.isArray(recommendationIds)) continue;
      for (const id of recommendationIds) if (typeof id === 'string' && !matchedBy.has(id)) matchedBy.set(id, query);
    }
    const received = (Array.isArray(answer.recommendations) ? answer.recommendations : []).flatMap((item) => {
      const recommendation = record(item);
      const recommendationId = text(recommendation.recommendationId);
      if (!recommendationId) return [];
      if (recommendation.type !== undefined && recommendation.type !== 'KNOWLEDGE_CONTENT') return [];
      const document = documentOf(recommendation);
      if (!document) return [];
      const level = recommendation.relevanceLevel;
      return [
        {
          recommendationId,
          ...document,
          relevanceLevel: typeof level === 'string' && RELEVANCE_LEVELS.has(level) ? (level as ReceivedSuggestion['relevanceLevel']) : null,
          matched: matchedBy.get(recommendationId) ?? null,
        },
      ];
    });
    const ids = (Array.isArray(answer.recommendations) ? answer.recommendations : []).flatMap((item) => text(record(item).recommendationId) ?? []);
    if (ids.length > 0) await this.transport.call('WisdomV2', 'notifyRecommendationsReceived', { ...session, recommendationIds: ids });
    return received;
  }

  /** An article: its description (getContent), then its body from the URL that names. */
  async content(knowledgeBaseId: string, contentId: string): Promise<KnowledgeArticleView> {
    const answer = record(await this.transport.call('WisdomV2', 'getContent', { knowledgeBaseId, contentId }));
    const content = record(answer.content);
    const url = text(content.url);
    if (!url || !/^https?:\/\//i.test(url)) throw new KnowledgeCallError('getContent', 0, 'the article has no body URL');
    let response: Response;
    try {
      response = await this.fetchBody(url, { credentials: 'omit' });
    } catch (error) {
      throw new KnowledgeCallError('getContent', 0, `the article's body could not be fetched: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new KnowledgeCallError('getContent', response.status, "the article's body could not be fetched");
    const body = (await response.text()).slice(0, MAX_ARTICLE_LENGTH);
    const linkOut = text(content.linkOutUri);
    return {
      knowledgeBaseId,
      contentId,
      title: text(content.title) ?? text(content.name) ?? contentId,
      contentType: text(content.contentType) ?? response.headers.get('content-type')?.split(';')[0]?.trim() ?? 'text/plain',
      body,
      linkOutUri: linkOut && /^https?:\/\//i.test(linkOut) ? linkOut : null,
    };
  }

  /** The agent's feedback on a recommendation. */
  async feedback(assistantId: string, recommendationId: string, relevance: 'HELPFUL' | 'NOT_HELPFUL'): Promise<void> {
    await this.transport.call('WisdomV2', 'putFeedback', {
      assistantId,
      targetId: recommendationId,
      targetType: 'RECOMMENDATION',
      contentFeedback: { generativeContentFeedbackData: { relevance } },
    });
  }
}
