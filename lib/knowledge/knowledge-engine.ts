// The engine's knowledge: answers the panel's knowledge requests (search, an article, a contact's suggested
// articles, feedback on one) through Amazon Q in Connect's agent-app road. The /wisdom-v2 frame is created on the
// first request. Suggestions accumulate here per contact, with the agent's feedback, because the service gives
// each recommendation once: the panel can close and open again and still find them. The assistant for a search
// without a contact is the instance's (its WISDOM_ASSISTANT integration, or on the local contact center the one
// its instance description names).
import type { CommandResult } from '../session/commands';
import type { InstanceDescriptionReader } from '../streams/instance-description';
import { isLocalContactCenter } from '../streams/instance-urls';
import type { KnowledgeRequest } from './knowledge-requests';
import type { KnowledgeSuggestion } from './knowledge-views';
import { instanceIdOf, QConnectAgentClient, type QConnectSession } from './qconnect-client';
import { KnowledgeCallError, wisdomFrame, type WisdomTransport } from './wisdom-frame';

export interface KnowledgeEngineOptions {
  instanceUrl: string;
  /** The instance's base URL (instance-urls.ts' instanceBase). */
  instanceBase: string;
  /** Where the hidden frame goes. */
  container: HTMLElement;
  /** The signed-in agent's ARN, or null before the CCP is ready. */
  agentArn(): string | null;
  /** The engine's one reader of the local contact center's instance description (it names the assistant). */
  instanceDescription: InstanceDescriptionReader;
  timeoutMs?: number;
  /** Makes the transport (tests give a fake; default: the /wisdom-v2 frame). */
  transport?: () => WisdomTransport;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface KnowledgeEngine {
  answer(request: KnowledgeRequest): Promise<CommandResult>;
  close(): void;
}

/** Longest a suggestions request waits for new ones (Q in Connect's long poll allows 20 s; the panel asks on
 *  each customer line, so a short wait covers the recommender's own delay). */
export const MAX_WAIT_SECONDS = 5;
/** Most suggestions kept per contact (the newest). */
export const MAX_SUGGESTIONS = 20;
/** Contacts whose suggestions are kept (the most recently asked about): a shift's worth, and bounded. */
export const MAX_CONTACTS_KEPT = 50;

const failure = (detail: string): CommandResult => ({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'knowledge' }, detail } });

export function createKnowledgeEngine(options: KnowledgeEngineOptions): KnowledgeEngine {
  const now = options.now ?? Date.now;
  let transport: WisdomTransport | null = null;
  let client: QConnectAgentClient | null = null;
  let instanceAssistant: Promise<string | null> | null = null;
  /** Each contact's suggestions, newest first, with the agent's feedback. */
  const suggestions = new Map<string, KnowledgeSuggestion[]>();

  function keep(contactId: string, list: KnowledgeSuggestion[]): KnowledgeSuggestion[] {
    suggestions.delete(contactId);
    suggestions.set(contactId, list);
    for (const oldest of suggestions.keys()) {
      if (suggestions.size <= MAX_CONTACTS_KEPT) break;
      suggestions.delete(oldest);
    }
    return list;
  }

  function qconnect(): QConnectAgentClient {
    const agentArn = options.agentArn();
    const instanceId = agentArn ? instanceIdOf(agentArn) : null;
    if (!instanceId) throw new KnowledgeCallError('sign-in', 0, 'the agent is not signed in');
    transport ??= options.transport?.() ?? wisdomFrame({ instanceBase: options.instanceBase, container: options.container, timeoutMs: options.timeoutMs });
    client ??= new QConnectAgentClient({ transport, instanceId, fetch: options.fetch });
    return client;
  }

  async function describedAssistant(): Promise<string | null> {
    const id = (await options.instanceDescription.read())?.qconnect?.assistantId;
    return typeof id === 'string' && id !== '' ? id : null;
  }

  /** The instance's assistant, found once (again after a failure). */
  function assistantOfInstance(): Promise<string | null> {
    instanceAssistant ??= isLocalContactCenter(options.instanceUrl) ? describedAssistant() : qconnect().instanceAssistantId();
    instanceAssistant.catch(() => (instanceAssistant = null));
    return instanceAssistant;
  }

  async function sessionOf(contactId: string): Promise<QConnectSession> {
    const session = await qconnect().sessionOf(contactId);
    if (!session) throw new KnowledgeCallError('describeContact', 0, 'Amazon Q in Connect has no session for this contact');
    return session;
  }

  async function collect(contactId: string, waitSeconds: number): Promise<KnowledgeSuggestion[]> {
    // A contact without a Q in Connect session (its flow does not enable it) simply has no suggestions.
    const session = await qconnect().sessionOf(contactId);
    if (!session) return suggestions.get(contactId) ?? [];
    const received = await qconnect().recommendations(session, Math.min(Math.max(0, Math.round(waitSeconds)), MAX_WAIT_SECONDS));
    const known = suggestions.get(contactId) ?? [];
    const at = now();
    const fresh = received
      .filter((r) => !known.some((k) => k.recommendationId === r.recommendationId))
      .map((r) => ({ ...r, receivedAt: at, feedback: null }));
    // The same article suggested again moves up (with its newest reason), keeping the feedback given.
    const kept = known.filter((k) => !fresh.some((f) => f.contentId === k.contentId && f.knowledgeBaseId === k.knowledgeBaseId));
    return keep(contactId, [...fresh, ...kept].slice(0, MAX_SUGGESTIONS));
  }

  async function feedback(contactId: string, recommendationId: string, helpful: boolean): Promise<KnowledgeSuggestion[]> {
    const list = suggestions.get(contactId) ?? [];
    if (!list.some((s) => s.recommendationId === recommendationId)) throw new KnowledgeCallError('putFeedback', 404, 'no such suggestion for this contact');
    const relevance = helpful ? 'HELPFUL' : 'NOT_HELPFUL';
    await qconnect().feedback((await sessionOf(contactId)).assistantId, recommendationId, relevance);
    return keep(contactId, (suggestions.get(contactId) ?? list).map((s) => (s.recommendationId === recommendationId ? { ...s, feedback: relevance } : s)));
  }

  async function run(request: KnowledgeRequest): Promise<CommandResult> {
    switch (request.op) {
      case 'knowledge-search': {
        const session = request.contactId ? await qconnect().sessionOf(request.contactId).catch(() => null) : null;
        const assistantId = session?.assistantId ?? (await assistantOfInstance());
        if (!assistantId) return failure('the contact center has no Amazon Q in Connect assistant');
        const results = await qconnect().query(assistantId, request.text.trim(), session?.sessionId ?? null);
        return { ok: true, value: { workspace: { knowledgeResults: results } } };
      }
      case 'knowledge-article':
        return { ok: true, value: { workspace: { article: await qconnect().content(request.knowledgeBaseId, request.contentId) } } };
      case 'knowledge-recommendations':
        return { ok: true, value: { workspace: { suggestions: await collect(request.contactId, request.waitSeconds ?? 0) } } };
      case 'knowledge-feedback':
        return { ok: true, value: { workspace: { suggestions: await feedback(request.contactId, request.recommendationId, request.helpful) } } };
    }
  }

  return {
    async answer(request) {
      try {
        return await run(request);
      } catch (error) {
        if (error instanceof KnowledgeCallError && error.status >= 400 && error.status < 500 && ![401, 403, 404, 429].includes(error.status)) {
          return { ok: false, error: { code: 'rejected', params: { detail: error.reason }, detail: error.message } };
        }
        return failure(error instanceof Error ? error.message : String(error));
      }
    },
    close() {
      transport?.close();
    },
  };
}
