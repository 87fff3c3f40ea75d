// The /wisdom-v2 frame protocol against a fake page: the frame amazon-q-connectjs makes, calls held until the
// page's CHANNEL_READY (from the instance's origin and that frame only), each request in the official client's
// message shape and headers, answers and refusals read from the port, a silent page timed out, and a page older
// than the handshake still used after a grace period.
import { afterEach, describe, expect, it } from 'vitest';
import { agentAppRequest, KnowledgeCallError, wisdomFrame, type WisdomTransport } from '../../../lib/knowledge/wisdom-frame';
import { fakeWisdomPage, INSTANCE } from './fake-wisdom-page';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const opened: WisdomTransport[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.close()));

function open(page: ReturnType<typeof fakeWisdomPage>, options: { timeoutMs?: number; handshakeGraceMs?: number } = {}) {
  const transport = wisdomFrame({ instanceBase: INSTANCE, container: page.container, ...options });
  opened.push(transport);
  return transport;
}

describe('the /wisdom-v2 frame', () => {
  it('frames the hidden Q in Connect page the way amazon-q-connectjs does', () => {
    const page = fakeWisdomPage(() => ({ status: 200, body: {} }));
    open(page);
    const frame = page.frame()!;
    expect(frame.src).toBe(`${INSTANCE}/wisdom-v2/?theme=hidden_page`);
    expect(frame.id).toBe('AmazonQConnect');
    expect(frame.hidden).toBe(true);
    expect(frame.attributes['aria-hidden']).toBe('true');
  });

  it('holds calls until the page announces CHANNEL_READY, and ignores announcements from elsewhere', async () => {
    const page = fakeWisdomPage(() => ({ status: 200, body: { results: [] } }));
    const transport = open(page, { handshakeGraceMs: 10_000 });
    const call = transport.call('WisdomV2', 'queryAssistant', { assistantId: 'a-1' });
    page.frame()!.dispatchEvent(new Event('load'));
    page.post({ source: 'wisdom-js', type: 'CHANNEL_READY' }, 'https://evil.example');
    page.post({ source: 'wisdom-js', type: 'CHANNEL_READY' }, INSTANCE, false);
    await tick();
    expect(page.requests).toHaveLength(0);
    page.post({ source: 'wisdom-js', type: 'CHANNEL_READY' });
    await expect(call).resolves.toEqual({ results: [] });
    expect(page.requests).toHaveLength(1);
  });

  it("sends amazon-q-connectjs' message: source wisdom-js, the agent-app URL, POST with its headers and the JSON body, to the instance's origin only", async () => {
    const page = fakeWisdomPage(() => ({ status: 200, body: {} }));
    const transport = open(page);
    page.load();
    await transport.call('WisdomV2', 'getRecommendations', { assistantId: 'a-1', sessionId: 's-1', maxResults: 10, waitTimeSeconds: 2 });
    await transport.call('Acs', 'describeContact', { InstanceId: 'i-1', ContactId: 'c-1' });
    const [recommendations, describe] = page.requests;
    expect(recommendations!.targetOrigin).toBe(INSTANCE);
    expect(recommendations!.message).toEqual({
      source: 'wisdom-js',
      data: {
        url: `${INSTANCE}/agent-app/api`,
        options: {
          method: 'POST',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'x-access-section': 'WISDOM_GET_RECOMMENDATIONS',
            'x-amazon-call-source': 'agent-app',
            'x-amz-access-section': 'WISDOM_GET_RECOMMENDATIONS',
            'x-amz-target': 'AgentAppService.WisdomV2.getRecommendations',
            'x-amz-vendor': 'wisdom',
          },
          body: JSON.stringify({ assistantId: 'a-1', sessionId: 's-1', maxResults: 10, waitTimeSeconds: 2 }),
        },
      },
    });
    expect(describe!.message.data.options.headers).toMatchObject({
      'x-access-section': 'DESCRIBE_CONTACT',
      'x-amz-access-section': 'DESCRIBE_CONTACT',
      'x-amz-target': 'AgentAppService.Acs.describeContact',
      'x-amz-vendor': 'connect',
    });
    expect(describe!.body).toEqual({ InstanceId: 'i-1', ContactId: 'c-1' });
  });

  it.each([
    ['queryAssistant', 'WISDOM_QUERY_ASSISTANT'],
    ['notifyRecommendationsReceived', 'WISDOM_NOTIFIY_RECOMMENDATIONS_RECEIVED'],
    ['getContent', 'WISDOM_GET_CONTENT'],
    ['putFeedback', 'WISDOM_PUT_FEEDBACK'],
    ['getSession', 'WISDOM_GET_SESSION'],
  ])('names %s with the access section %s, as the official client does', (operation, section) => {
    const { headers } = agentAppRequest(`${INSTANCE}/agent-app/api`, 'WisdomV2', operation, {}).options;
    expect(headers['x-access-section']).toBe(section);
    expect(headers['x-amz-access-section']).toBe(section);
    expect(headers['x-amz-target']).toBe(`AgentAppService.WisdomV2.${operation}`);
  });

  it("turns a refusal into a KnowledgeCallError with the service's status and message", async () => {
    const page = fakeWisdomPage(() => ({ status: 404, statusText: 'Not Found', body: { message: 'Content not found' } }));
    const transport = open(page);
    page.load();
    const error = await transport.call('WisdomV2', 'getContent', { knowledgeBaseId: 'kb', contentId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeCallError);
    expect(error).toMatchObject({ operation: 'getContent', status: 404, reason: 'Content not found' });
  });

  it('gives up on a page that does not answer, with status 0', async () => {
    const page = fakeWisdomPage(() => 'silent');
    const transport = open(page, { timeoutMs: 30 });
    page.load();
    await expect(transport.call('WisdomV2', 'queryAssistant', {})).rejects.toMatchObject({ status: 0, reason: 'no answer in 30 ms' });
  });

  it('asks a page that never announced itself again, and calls it anyway after the grace period', async () => {
    const page = fakeWisdomPage(() => ({ status: 200, body: { ok: 1 } }));
    const transport = open(page, { handshakeGraceMs: 20 });
    const call = transport.call('WisdomV2', 'getSession', { assistantId: 'a', sessionId: 's' });
    page.load({ announce: false });
    expect(page.probes).toEqual([{ source: 'wisdom-js', type: 'CHANNEL_READY_REQUEST' }]);
    await expect(call).resolves.toEqual({ ok: 1 });
  });

  it('removes the frame on close, after which calls fail clearly', async () => {
    const page = fakeWisdomPage(() => ({ status: 200, body: {} }));
    const transport = open(page);
    page.load();
    transport.close();
    expect(page.frame()!.removed).toBe(true);
    await expect(transport.call('WisdomV2', 'queryAssistant', {})).rejects.toMatchObject({ reason: 'the Q in Connect frame is gone' });
  });
});
