// The engine's knowledge against the local contact center's Amazon Q in Connect, end to end below the panel: the
// /wisdom-v2 frame protocol (wisdom-frame.ts) talking to the contact center's own relay (its helper page's
// script, run here with the frame's messages) over /agent-app/api with agent1's session. A customer's line on a
// call brings the router article with the words that matched, in English and in Japanese; feedback is kept; a
// search without a contact finds the assistant in the instance description; an article's body comes from its
// signed URL.
import { describe, expect, it } from 'vitest';
import { relayMessage } from '../../../contact-center/qconnect/helper-page/wisdom-relay.js';
import { createKnowledgeEngine } from '../../../lib/knowledge/knowledge-engine';
import { QConnectAgentClient } from '../../../lib/knowledge/qconnect-client';
import { wisdomFrame } from '../../../lib/knowledge/wisdom-frame';
import { createInstanceDescriptionReader } from '../../../lib/streams/instance-description';
import { EXTENSION_ORIGIN, useQConnectFixture } from '../qconnect/qconnect-fixture';

const f = useQConnectFixture();

/** The content id of an article (the labelled queries' right answers name articles by id). */
const contentOf = (articleId: string, language: 'en' | 'ja') => {
  const knowledgeBaseId = f().knowledgeBaseIds[language];
  return { knowledgeBaseId, contentId: f().cc.qconnect.ids.contentId(knowledgeBaseId, articleId) };
};

/** A container whose frame is the contact center's /wisdom-v2 page: its relay answers what the frame is posted. */
function lccFrameContainer(): HTMLElement {
  const { cc, cookie } = f();
  const view = new EventTarget();
  const pageFetch: typeof fetch = (url, init) =>
    fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: cc.url, 'Sec-Fetch-Site': 'same-origin', Cookie: cookie } });
  const contentWindow = {
    postMessage(data: unknown, targetOrigin: string, ports: MessagePort[] = []) {
      if (targetOrigin !== cc.url) throw new Error(`posted to ${targetOrigin}`);
      const announce = () => view.dispatchEvent(Object.assign(new Event('message'), { data: { source: 'wisdom-js', type: 'CHANNEL_READY' }, origin: cc.url, source: contentWindow }));
      void relayMessage({ data, origin: EXTENSION_ORIGIN, ports }, { ownOrigin: cc.url, fetch: pageFetch, announce });
    },
  };
  const document = {
    defaultView: view,
    createElement: () => Object.assign(new EventTarget(), { contentWindow, setAttribute() {}, remove() {} }),
  };
  return {
    ownerDocument: document,
    append(frame: EventTarget) {
      // The page loads and announces itself.
      setTimeout(() => {
        frame.dispatchEvent(new Event('load'));
        view.dispatchEvent(Object.assign(new Event('message'), { data: { source: 'wisdom-js', type: 'CHANNEL_READY' }, origin: cc.url, source: contentWindow }));
      }, 0);
    },
  } as unknown as HTMLElement;
}

function engine() {
  const { cc, cookie } = f();
  const { instanceId, region, accountId } = cc.engine.instance;
  // The engine's own fetches: the instance description (with the agent's cookie, as the extension's would go)
  // and an article's body (no credentials).
  const engineFetch: typeof fetch = (url, init) => fetch(url, init?.credentials === 'include' ? { ...init, headers: { Cookie: cookie } } : init);
  return createKnowledgeEngine({
    instanceUrl: cc.url,
    instanceBase: cc.url,
    container: lccFrameContainer(),
    agentArn: () => `arn:aws:connect:${region}:${accountId}:instance/${instanceId}/agent/agent1`,
    instanceDescription: createInstanceDescriptionReader({ instanceUrl: cc.url, fetch: engineFetch }),
    fetch: engineFetch,
    timeoutMs: 5_000,
  });
}

describe('knowledge through the local contact center', () => {
  it("suggests the router article from the customer's words on a call, says which matched, and keeps the agent's feedback", async () => {
    const knowledge = engine();
    const { contactId } = f().startCall();
    f().customerSays(contactId, 'my router keeps dropping the connection');
    const answer = await knowledge.answer({ op: 'knowledge-recommendations', contactId, waitSeconds: 2 });
    expect(answer.ok).toBe(true);
    const suggestions = answer.ok ? (answer.value?.workspace?.suggestions ?? []) : [];
    expect(suggestions.length).toBeGreaterThan(0);
    const top = suggestions[0]!;
    expect({ knowledgeBaseId: top.knowledgeBaseId, contentId: top.contentId }).toEqual(contentOf('router-keeps-dropping', 'en'));
    expect(top.matched?.toLowerCase()).toContain('router');

    const again = await knowledge.answer({ op: 'knowledge-recommendations', contactId });
    expect(again.ok && again.value?.workspace?.suggestions?.map((s) => s.recommendationId)).toEqual(suggestions.map((s) => s.recommendationId));

    const rated = await knowledge.answer({ op: 'knowledge-feedback', contactId, recommendationId: top.recommendationId, helpful: true });
    expect(rated.ok && rated.value?.workspace?.suggestions?.[0]?.feedback).toBe('HELPFUL');

    const article = await knowledge.answer({ op: 'knowledge-article', knowledgeBaseId: top.knowledgeBaseId, contentId: top.contentId });
    expect(article.ok && article.value?.workspace?.article?.body.length).toBeGreaterThan(100);
    knowledge.close();
  });

  it('suggests the Japanese router article from a Japanese line', async () => {
    const knowledge = engine();
    const { contactId } = f().startCall();
    f().customerSays(contactId, 'ルーターの接続が頻繁に切れる');
    const answer = await knowledge.answer({ op: 'knowledge-recommendations', contactId, waitSeconds: 2 });
    const top = answer.ok ? answer.value?.workspace?.suggestions?.[0] : undefined;
    expect({ knowledgeBaseId: top?.knowledgeBaseId, contentId: top?.contentId }).toEqual(contentOf('ja-router-keeps-dropping', 'ja'));
    expect(top?.matched).toContain('ルーター');
    knowledge.close();
  });

  it("searches without a contact with the instance's assistant, and with a contact in its session", async () => {
    const knowledge = engine();
    const plain = await knowledge.answer({ op: 'knowledge-search', contactId: null, text: 'how do I dispute a charge on my bill' });
    const results = plain.ok ? (plain.value?.workspace?.knowledgeResults ?? []) : [];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.titleHighlights.length + results[0]!.excerptHighlights.length).toBeGreaterThan(0);
    const { contactId } = f().startCall();
    const inSession = await knowledge.answer({ op: 'knowledge-search', contactId, text: 'ルーターの接続が頻繁に切れる' });
    expect(inSession.ok && inSession.value?.workspace?.knowledgeResults?.[0]?.contentId).toBe(contentOf('ja-router-keeps-dropping', 'ja').contentId);
    knowledge.close();
  });

  it("finds the instance's assistant through its WISDOM_ASSISTANT integration, as on a real instance", async () => {
    const transport = wisdomFrame({ instanceBase: f().cc.url, container: lccFrameContainer(), timeoutMs: 5_000 });
    const client = new QConnectAgentClient({ transport, instanceId: f().cc.engine.instance.instanceId });
    expect(await client.instanceAssistantId()).toBe(f().assistantId);
    transport.close();
  });
});
