// The extension's own Amazon Q in Connect client (lib/knowledge/qconnect-client.ts, K-PANEL) against this contact
// center through the /wisdom-v2 relay: each request the client would post to the frame (agentAppRequest) goes through
// relayMessage on a MessagePort, as in the browser, so both sides of the protocol are checked together: the contact's
// session, a recommendation with its matched words (acknowledged by the client), a search, an article's body, and
// feedback kept with the contact and the agent.
import { describe, expect, it } from 'vitest';
import { relayMessage } from '../../../contact-center/qconnect/helper-page/wisdom-relay.js';
import { QConnectAgentClient } from '../../../lib/knowledge/qconnect-client';
import { agentAppRequest, KnowledgeCallError, type WisdomTransport } from '../../../lib/knowledge/wisdom-frame';
import { EXTENSION_ORIGIN, useQConnectFixture } from './qconnect-fixture';

const f = useQConnectFixture();

/** The frame's transport, minus the frame: the client's message handed to the page's relay. */
function relayTransport(cookie: string): WisdomTransport {
  const pageFetch: typeof fetch = (url, init) =>
    fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: f().cc.url, 'Sec-Fetch-Site': 'same-origin', Cookie: cookie } });
  return {
    async call(service, operation, input) {
      const channel = new MessageChannel();
      const answer = new Promise<{ data: { status: number; statusText: string; body: unknown } }>((resolve) => {
        channel.port1.onmessage = (event) => resolve(event.data);
      });
      const data = { source: 'wisdom-js', data: agentAppRequest(`${f().cc.url}/agent-app/api`, service, operation, input) };
      await relayMessage({ data, origin: EXTENSION_ORIGIN, ports: [channel.port2] }, { ownOrigin: f().cc.url, fetch: pageFetch, announce: () => {} });
      const { data: response } = await answer;
      channel.port1.close();
      if (response.status >= 200 && response.status < 300) return response.body;
      throw new KnowledgeCallError(operation, response.status, (response.body as { message?: string }).message ?? response.statusText);
    },
    close() {},
  };
}

describe('the extension’s Q in Connect client through the /wisdom-v2 relay', () => {
  it('gets the contact’s session, its recommendation with the matched words, an article and the agent’s feedback', async () => {
    const client = new QConnectAgentClient({ transport: relayTransport(f().cookie), instanceId: f().cc.engine.instance.instanceId });
    const { contactId, sessionId } = f().startCall();
    const session = await client.sessionOf(contactId);
    expect(session).toEqual({ assistantId: f().assistantId, sessionId });

    f().customerSays(contactId, 'ルーターの接続が頻繁に切れる');
    const [suggestion] = await client.recommendations(session!, 2);
    expect(suggestion).toMatchObject({ title: expect.any(String), relevanceLevel: 'HIGH' });
    expect(suggestion!.matched?.split(', ')).toEqual(expect.arrayContaining(['ルーター', '接続']));
    // The client acknowledged what it received: nothing is waiting any more.
    expect(await client.recommendations(session!, 0)).toEqual([]);

    const article = await client.content(suggestion!.knowledgeBaseId, suggestion!.contentId);
    expect(article.body).toBe(f().cc.knowledge.get('ja-router-keeps-dropping')!.body);

    await client.feedback(f().assistantId, suggestion!.recommendationId, 'HELPFUL');
    expect(f().cc.qconnect.repository.feedbackOfContact(contactId)).toEqual([expect.objectContaining({ relevance: 'HELPFUL', agentId: 'agent1' })]);

    const results = await client.query(f().assistantId, 'change my delivery address', sessionId);
    expect(results[0]?.title).toMatch(/address/i);
  });

  it('says why when the agent is signed out', async () => {
    const client = new QConnectAgentClient({ transport: relayTransport(''), instanceId: f().cc.engine.instance.instanceId });
    const { contactId } = f().startCall();
    await expect(client.sessionOf(contactId)).rejects.toMatchObject({ status: 401 });
  });
});
