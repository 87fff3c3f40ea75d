// The engine's knowledge answers over a fake Q in Connect: no frame until the first request, a contact's
// suggestions accumulating across calls (the service gives each once) with the agent's feedback kept, the same
// article suggested again moving up, the assistant for a search without a contact (the local contact center's
// instance description, a real instance's WISDOM_ASSISTANT integration), and failures as typed errors.
import { describe, expect, it } from 'vitest';
import { createKnowledgeEngine } from '../../../lib/knowledge/knowledge-engine';
import type { WisdomTransport } from '../../../lib/knowledge/wisdom-frame';
import { KnowledgeCallError } from '../../../lib/knowledge/wisdom-frame';
import { createInstanceDescriptionReader } from '../../../lib/streams/instance-description';
import { isWorkspaceRead, isWorkspaceRequest } from '../../../lib/workspace/workspace-requests';

const AGENT = 'arn:aws:connect:us-west-2:1:instance/inst-1/agent/ag-1';
const doc = (contentId: string, title: string) => ({ contentReference: { knowledgeBaseId: 'kb', contentId }, title: { text: title }, excerpt: { text: '' } });

type Handler = (service: string, operation: string, input: Record<string, unknown>) => unknown;

function engineWith(handler: Handler, options: { instanceUrl?: string; fetch?: typeof fetch; agentArn?: string | null } = {}) {
  const calls: [string, Record<string, unknown>][] = [];
  let frames = 0;
  const transport: WisdomTransport = {
    async call(service, operation, input) {
      calls.push([operation, input]);
      return handler(service, operation, input);
    },
    close() {},
  };
  let clock = 1_000;
  const instanceUrl = options.instanceUrl ?? 'http://127.0.0.1:8090';
  const engine = createKnowledgeEngine({
    instanceUrl,
    instanceBase: instanceUrl,
    container: {} as HTMLElement,
    agentArn: () => (options.agentArn === undefined ? AGENT : options.agentArn),
    instanceDescription: createInstanceDescriptionReader({ instanceUrl, fetch: options.fetch }),
    transport: () => {
      frames += 1;
      return transport;
    },
    fetch: options.fetch,
    now: () => (clock += 1),
  });
  return { engine, calls, frames: () => frames };
}

const withSession: Handler = (_s, operation) => (operation === 'describeContact' ? { Contact: { WisdomInfo: { SessionArn: 'arn:aws:wisdom:r:1:session/asst-1/sess-1' } } } : {});

describe('the knowledge engine', () => {
  it('makes no frame before the first knowledge request', async () => {
    const { engine, frames } = engineWith(withSession);
    expect(frames()).toBe(0);
    await engine.answer({ op: 'knowledge-recommendations', contactId: 'c-1' });
    await engine.answer({ op: 'knowledge-recommendations', contactId: 'c-1' });
    expect(frames()).toBe(1);
  });

  it("accumulates a contact's suggestions, newest first, keeps the feedback given, and moves an article suggested again up", async () => {
    const batches = [
      [{ recommendationId: 'rec-1', document: doc('router', 'Router') }],
      [{ recommendationId: 'rec-2', document: doc('billing', 'Billing') }],
      [{ recommendationId: 'rec-3', document: doc('router', 'Router') }],
    ];
    const { engine, calls } = engineWith((s, operation, input) => {
      if (operation === 'getRecommendations') return { recommendations: batches.shift() ?? [], triggers: [] };
      return withSession(s, operation, input);
    });
    await engine.answer({ op: 'knowledge-recommendations', contactId: 'c-1', waitSeconds: 2 });
    const feedback = await engine.answer({ op: 'knowledge-feedback', contactId: 'c-1', recommendationId: 'rec-1', helpful: true });
    expect(feedback.ok && feedback.value?.workspace?.suggestions?.[0]?.feedback).toBe('HELPFUL');
    const second = await engine.answer({ op: 'knowledge-recommendations', contactId: 'c-1' });
    expect(second.ok && second.value?.workspace?.suggestions?.map((s) => [s.recommendationId, s.feedback])).toEqual([
      ['rec-2', null],
      ['rec-1', 'HELPFUL'],
    ]);
    const third = await engine.answer({ op: 'knowledge-recommendations', contactId: 'c-1' });
    expect(third.ok && third.value?.workspace?.suggestions?.map((s) => s.recommendationId)).toEqual(['rec-3', 'rec-2']);
    expect(calls.filter(([op]) => op === 'putFeedback')).toEqual([
      ['putFeedback', { assistantId: 'asst-1', targetId: 'rec-1', targetType: 'RECOMMENDATION', contentFeedback: { generativeContentFeedbackData: { relevance: 'HELPFUL' } } }],
    ]);
    expect(calls.find(([op]) => op === 'getRecommendations')?.[1]).toMatchObject({ waitTimeSeconds: 2 });
  });

  it('has no suggestions, and asks nothing more, for a contact Q in Connect has no session for', async () => {
    const { engine, calls } = engineWith(() => ({ Contact: { Id: 'c-1' } }));
    expect(await engine.answer({ op: 'knowledge-recommendations', contactId: 'c-1' })).toEqual({ ok: true, value: { workspace: { suggestions: [] } } });
    expect(calls.map(([op]) => op)).toEqual(['describeContact']);
  });

  it('refuses feedback on a suggestion the contact never had', async () => {
    const { engine, calls } = engineWith(withSession);
    const result = await engine.answer({ op: 'knowledge-feedback', contactId: 'c-1', recommendationId: 'nope', helpful: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'knowledge' } } });
    expect(calls.some(([op]) => op === 'putFeedback')).toBe(false);
  });

  it("searches a contact's session with its assistant", async () => {
    const { engine, calls } = engineWith((s, operation, input) => (operation === 'queryAssistant' ? { results: [{ resultId: 'r', document: doc('router', 'Router') }] } : withSession(s, operation, input)));
    const result = await engine.answer({ op: 'knowledge-search', contactId: 'c-1', text: '  router  ' });
    expect(result.ok && result.value?.workspace?.knowledgeResults?.map((r) => r.contentId)).toEqual(['router']);
    expect(calls.find(([op]) => op === 'queryAssistant')?.[1]).toMatchObject({ assistantId: 'asst-1', sessionId: 'sess-1', queryInputData: { queryTextInputData: { text: 'router' } } });
  });

  it("on the local contact center, searches without a contact with the assistant its instance description names", async () => {
    const asked: string[] = [];
    const fetchInstance = (async (url: string) => {
      asked.push(url);
      return Response.json({ qconnect: { assistantId: 'asst-lcc', knowledgeBaseIds: ['kb'], basePath: '/qconnect' } });
    }) as typeof fetch;
    const { engine, calls } = engineWith(() => ({ results: [] }), { fetch: fetchInstance });
    await engine.answer({ op: 'knowledge-search', contactId: null, text: 'ルーター' });
    await engine.answer({ op: 'knowledge-search', contactId: null, text: 'billing' });
    expect(asked).toEqual(['http://127.0.0.1:8090/api/v1/instance']);
    expect(calls.map(([op, input]) => [op, input.assistantId])).toEqual([
      ['queryAssistant', 'asst-lcc'],
      ['queryAssistant', 'asst-lcc'],
    ]);
  });

  it("on a real instance, takes the assistant from the instance's WISDOM_ASSISTANT integration", async () => {
    const { engine, calls } = engineWith(
      (_s, operation) =>
        operation === 'listIntegrationAssociations' ? { IntegrationAssociationSummaryList: [{ IntegrationArn: 'arn:aws:wisdom:r:1:assistant/asst-real' }] } : { results: [] },
      { instanceUrl: 'https://example.my.connect.aws' },
    );
    await engine.answer({ op: 'knowledge-search', contactId: null, text: 'router' });
    expect(calls).toEqual([
      ['listIntegrationAssociations', { InstanceId: 'inst-1', IntegrationType: 'WISDOM_ASSISTANT' }],
      ['queryAssistant', { assistantId: 'asst-real', queryInputData: { queryTextInputData: { text: 'router' } }, maxResults: 10 }],
    ]);
  });

  it('says knowledge failed when there is no assistant, feedback without a session, or no sign-in; a refused request is the agent\'s to fix', async () => {
    const none = engineWith(() => ({ IntegrationAssociationSummaryList: [] }), { instanceUrl: 'https://example.my.connect.aws' });
    expect(await none.engine.answer({ op: 'knowledge-search', contactId: null, text: 'x' })).toMatchObject({ ok: false, error: { params: { source: 'knowledge' } } });
    const noSession = engineWith(() => ({ Contact: {} }));
    expect(await noSession.engine.answer({ op: 'knowledge-feedback', contactId: 'c-1', recommendationId: 'r', helpful: true })).toMatchObject({
      ok: false,
      error: { code: 'workspace-source-failed' },
    });
    const signedOut = engineWith(withSession, { agentArn: null });
    expect(await signedOut.engine.answer({ op: 'knowledge-article', knowledgeBaseId: 'kb', contentId: 'x' })).toMatchObject({ ok: false, error: { detail: expect.stringContaining('not signed in') } });
    const refused = engineWith(() => {
      throw new KnowledgeCallError('queryAssistant', 400, 'text too long');
    });
    expect(await refused.engine.answer({ op: 'knowledge-article', knowledgeBaseId: 'kb', contentId: 'x' })).toMatchObject({ ok: false, error: { code: 'rejected', params: { detail: 'text too long' } } });
  });
});

describe('knowledge requests in the worker', () => {
  it('accepts the four knowledge ops and refuses malformed ones', () => {
    expect(isWorkspaceRequest({ op: 'knowledge-search', contactId: null, text: 'router' })).toBe(true);
    expect(isWorkspaceRequest({ op: 'knowledge-search', contactId: 'c', text: '   ' })).toBe(false);
    expect(isWorkspaceRequest({ op: 'knowledge-search', contactId: 'c', text: 'x'.repeat(1025) })).toBe(false);
    expect(isWorkspaceRequest({ op: 'knowledge-article', knowledgeBaseId: 'kb', contentId: 'a' })).toBe(true);
    expect(isWorkspaceRequest({ op: 'knowledge-article', knowledgeBaseId: 'kb' })).toBe(false);
    expect(isWorkspaceRequest({ op: 'knowledge-recommendations', contactId: 'c', waitSeconds: 2 })).toBe(true);
    expect(isWorkspaceRequest({ op: 'knowledge-recommendations', contactId: 'c', waitSeconds: 60 })).toBe(false);
    expect(isWorkspaceRequest({ op: 'knowledge-feedback', contactId: 'c', recommendationId: 'r', helpful: true })).toBe(true);
    expect(isWorkspaceRequest({ op: 'knowledge-feedback', contactId: 'c', recommendationId: 'r', helpful: 'yes' })).toBe(false);
  });

  it('records feedback (a change) but not searches, articles or suggestions (reads)', () => {
    expect(isWorkspaceRead({ op: 'knowledge-search', contactId: null, text: 'x' })).toBe(true);
    expect(isWorkspaceRead({ op: 'knowledge-article', knowledgeBaseId: 'kb', contentId: 'a' })).toBe(true);
    expect(isWorkspaceRead({ op: 'knowledge-recommendations', contactId: 'c' })).toBe(true);
    expect(isWorkspaceRead({ op: 'knowledge-feedback', contactId: 'c', recommendationId: 'r', helpful: true })).toBe(false);
  });
});
