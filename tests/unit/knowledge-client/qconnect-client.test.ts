// The Q in Connect client over the frame, against a fake page: each operation's body exactly as amazon-q-connectjs
// sends the SDK input (describeContact, queryAssistant, getRecommendations + notifyRecommendationsReceived,
// getContent, putFeedback), and what it keeps of the answers: the session from WisdomInfo.SessionArn, results and
// recommendations with their highlights (malformed ones dropped), the words that triggered each recommendation,
// an article's body fetched from its URL.
import { afterEach, describe, expect, it } from 'vitest';
import { assistantIdFromArn, instanceIdOf, QConnectAgentClient, sessionFromArn } from '../../../lib/knowledge/qconnect-client';
import { wisdomFrame, type WisdomTransport } from '../../../lib/knowledge/wisdom-frame';
import { fakeWisdomPage, INSTANCE, type PageAnswer } from './fake-wisdom-page';

const SESSION_ARN = 'arn:aws:wisdom:us-west-2:123456789012:session/asst-1/sess-c1';
const ROUTER_DOC = {
  contentReference: { knowledgeBaseId: 'kb-en', contentId: 'router-drops', contentArn: 'arn:aws:wisdom:…' },
  title: { text: 'Router keeps dropping the connection', highlights: [{ beginOffsetInclusive: 0, endOffsetExclusive: 6 }] },
  excerpt: { text: 'If your router drops…', highlights: [{ beginOffsetInclusive: 8, endOffsetExclusive: 14 }, { beginOffsetInclusive: 15, endOffsetExclusive: 999 }] },
};

const opened: WisdomTransport[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.close()));

function clientWith(answer: (target: string, body: Record<string, unknown>) => PageAnswer, fetchBody?: typeof fetch) {
  const page = fakeWisdomPage(answer);
  const transport = wisdomFrame({ instanceBase: INSTANCE, container: page.container });
  opened.push(transport);
  page.load();
  return { page, client: new QConnectAgentClient({ transport, instanceId: 'inst-1', fetch: fetchBody }) };
}

describe('ARNs', () => {
  it('reads the assistant and session of a session ARN, the assistant of an assistant ARN, the instance of an agent ARN', () => {
    expect(sessionFromArn(SESSION_ARN)).toEqual({ assistantId: 'asst-1', sessionId: 'sess-c1' });
    expect(sessionFromArn('arn:aws:connect:us-west-2:1:instance/x')).toBeNull();
    expect(assistantIdFromArn('arn:aws:wisdom:us-west-2:1:assistant/asst-9')).toBe('asst-9');
    expect(assistantIdFromArn('asst-9')).toBe('asst-9');
    expect(assistantIdFromArn('arn:aws:wisdom:us-west-2:1:knowledge-base/kb')).toBeNull();
    expect(instanceIdOf('arn:aws:connect:us-west-2:1:instance/inst-1/agent/ag-1')).toBe('inst-1');
  });
});

describe('QConnectAgentClient', () => {
  it("finds a contact's session through describeContact once, and none when Q in Connect has none", async () => {
    const { page, client } = clientWith((_t, body) =>
      body.ContactId === 'c-1' ? { status: 200, body: { Contact: { Id: 'c-1', WisdomInfo: { SessionArn: SESSION_ARN } } } } : { status: 200, body: { Contact: { Id: 'c-2' } } },
    );
    expect(await client.sessionOf('c-1')).toEqual({ assistantId: 'asst-1', sessionId: 'sess-c1' });
    expect(await client.sessionOf('c-1')).toEqual({ assistantId: 'asst-1', sessionId: 'sess-c1' });
    expect(await client.sessionOf('c-2')).toBeNull();
    expect(page.requests.map((r) => [r.target, r.body])).toEqual([
      ['AgentAppService.Acs.describeContact', { InstanceId: 'inst-1', ContactId: 'c-1' }],
      ['AgentAppService.Acs.describeContact', { InstanceId: 'inst-1', ContactId: 'c-2' }],
    ]);
  });

  it('searches with queryAssistant and keeps knowledge results with their highlights inside the text', async () => {
    const { page, client } = clientWith(() => ({
      status: 200,
      body: {
        results: [
          { resultId: 'r-1', relevanceScore: 0.9, type: 'KNOWLEDGE_CONTENT', document: ROUTER_DOC },
          { resultId: 'r-2', type: 'GENERATIVE_ANSWER', data: {} },
          {
            resultId: 'r-3',
            type: 'KNOWLEDGE_CONTENT',
            data: {
              reference: { contentReference: { knowledgeBaseId: 'kb-ja', contentId: 'router-ja' } },
              details: { contentData: { textData: { title: { text: 'ルーター', highlights: [] }, excerpt: { text: '接続が切れる' } } } },
            },
          },
          { resultId: 'r-4', document: { title: { text: 'no reference' } } },
        ],
      },
    }));
    const results = await client.query('asst-1', 'router dropping', 'sess-c1');
    expect(page.requests[0]!.target).toBe('AgentAppService.WisdomV2.queryAssistant');
    expect(page.requests[0]!.body).toEqual({ assistantId: 'asst-1', queryInputData: { queryTextInputData: { text: 'router dropping' } }, sessionId: 'sess-c1', maxResults: 10 });
    expect(results).toEqual([
      {
        resultId: 'r-1',
        knowledgeBaseId: 'kb-en',
        contentId: 'router-drops',
        title: 'Router keeps dropping the connection',
        titleHighlights: [{ begin: 0, end: 6 }],
        excerpt: 'If your router drops…',
        excerptHighlights: [{ begin: 8, end: 14 }, { begin: 15, end: 21 }],
        score: 0.9,
      },
      { resultId: 'r-3', knowledgeBaseId: 'kb-ja', contentId: 'router-ja', title: 'ルーター', titleHighlights: [], excerpt: '接続が切れる', excerptHighlights: [], score: null },
    ]);
  });

  it('omits the session from a search without a contact', async () => {
    const { page, client } = clientWith(() => ({ status: 200, body: { results: [] } }));
    await client.query('asst-1', 'billing', null, 5);
    expect(page.requests[0]!.body).toEqual({ assistantId: 'asst-1', queryInputData: { queryTextInputData: { text: 'billing' } }, maxResults: 5 });
  });

  it('gets the queued recommendations with the words that triggered them, and acknowledges every one it got', async () => {
    const { page, client } = clientWith((target) =>
      target.endsWith('getRecommendations')
        ? {
            status: 200,
            body: {
              recommendations: [
                { recommendationId: 'rec-1', document: ROUTER_DOC, relevanceLevel: 'HIGH', relevanceScore: 2.1, type: 'KNOWLEDGE_CONTENT' },
                { recommendationId: 'rec-2', document: { contentReference: { knowledgeBaseId: 'kb-en', contentId: 'bill' }, title: { text: 'Billing' } }, relevanceLevel: 'BOGUS' },
              ],
              triggers: [{ id: 't-1', type: 'QUERY', source: 'ISSUE_DETECTION', data: { query: { text: 'router, dropping' } }, recommendationIds: ['rec-1'] }],
            },
          }
        : { status: 200, body: {} },
    );
    const received = await client.recommendations({ assistantId: 'asst-1', sessionId: 'sess-c1' }, 2);
    expect(received.map((r) => [r.recommendationId, r.contentId, r.relevanceLevel, r.matched])).toEqual([
      ['rec-1', 'router-drops', 'HIGH', 'router, dropping'],
      ['rec-2', 'bill', null, null],
    ]);
    expect(page.requests.map((r) => [r.target, r.body])).toEqual([
      ['AgentAppService.WisdomV2.getRecommendations', { assistantId: 'asst-1', sessionId: 'sess-c1', maxResults: 10, waitTimeSeconds: 2 }],
      ['AgentAppService.WisdomV2.notifyRecommendationsReceived', { assistantId: 'asst-1', sessionId: 'sess-c1', recommendationIds: ['rec-1', 'rec-2'] }],
    ]);
  });

  it('acknowledges nothing when nothing came', async () => {
    const { page, client } = clientWith(() => ({ status: 200, body: { recommendations: [], triggers: [] } }));
    expect(await client.recommendations({ assistantId: 'a', sessionId: 's' }, 0)).toEqual([]);
    expect(page.requests).toHaveLength(1);
  });

  it("reads an article with getContent and fetches its body from the URL it names, without the agent's cookies", async () => {
    const fetched: [string, RequestInit | undefined][] = [];
    const fetchBody = (async (url: string, init?: RequestInit) => {
      fetched.push([url, init]);
      return new Response('# Router\n\nRestart it.', { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
    }) as typeof fetch;
    const { page, client } = clientWith(
      () => ({ status: 200, body: { content: { contentId: 'router-drops', knowledgeBaseId: 'kb-en', title: 'Router', contentType: 'text/markdown', url: `${INSTANCE}/qconnect/body/x?sig=1`, linkOutUri: 'javascript:alert(1)' } } }),
      fetchBody,
    );
    const article = await client.content('kb-en', 'router-drops');
    expect(page.requests[0]!.body).toEqual({ knowledgeBaseId: 'kb-en', contentId: 'router-drops' });
    expect(fetched).toEqual([[`${INSTANCE}/qconnect/body/x?sig=1`, { credentials: 'omit' }]]);
    expect(article).toEqual({ knowledgeBaseId: 'kb-en', contentId: 'router-drops', title: 'Router', contentType: 'text/markdown', body: '# Router\n\nRestart it.', linkOutUri: null });
  });

  it('refuses an article whose body URL is not http(s)', async () => {
    const { client } = clientWith(() => ({ status: 200, body: { content: { url: 'file:///etc/passwd' } } }));
    await expect(client.content('kb', 'x')).rejects.toMatchObject({ reason: 'the article has no body URL' });
  });

  it('puts feedback on a recommendation as amazon-q-connectjs does', async () => {
    const { page, client } = clientWith(() => ({ status: 200, body: {} }));
    await client.feedback('asst-1', 'rec-1', 'NOT_HELPFUL');
    expect(page.requests[0]!.target).toBe('AgentAppService.WisdomV2.putFeedback');
    expect(page.requests[0]!.body).toEqual({
      assistantId: 'asst-1',
      targetId: 'rec-1',
      targetType: 'RECOMMENDATION',
      contentFeedback: { generativeContentFeedbackData: { relevance: 'NOT_HELPFUL' } },
    });
  });
});
