// The /wisdom-v2 helper page and its relay in amazon-q-connectjs' postMessage protocol: the page under a strict CSP
// at the client's URL (`/wisdom-v2/?theme=hidden_page`); the relay announcing CHANNEL_READY to its parent and again on
// CHANNEL_READY_REQUEST, answering {source: 'wisdom-js', data: {url, options}} on the MessagePort with
// {source: 'wisdom-ui', data: {status, statusText, ok, headers, body}} after calling /agent-app/api with the agent's
// session; refusing other origins without calling, URLs other than this contact center's proxy, and missing targets.
import { describe, expect, it } from 'vitest';
import { relayMessage, startRelay, type RelayEvent } from '../../../contact-center/qconnect/helper-page/wisdom-relay.js';
import { EXTENSION_ORIGIN, useQConnectFixture } from './qconnect-fixture';

const f = useQConnectFixture();
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('GET /wisdom-v2', () => {
  it('serves the helper page at the client’s URL under a strict CSP, with its scripts from this origin', async () => {
    const page = await fetch(`${f().cc.url}/wisdom-v2/?theme=hidden_page`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' chrome-extension: moz-extension:");
    expect(await page.text()).toContain('<script type="module" src="/wisdom-v2/wisdom-page.js">');
    for (const script of ['wisdom-page.js', 'wisdom-relay.js']) {
      const response = await fetch(`${f().cc.url}/wisdom-v2/${script}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    }
  });
});

describe('the relay (amazon-q-connectjs’ postMessage protocol)', () => {
  /** The browser's fetch from the page: same origin, so the session cookie goes along. */
  const pageFetch =
    (cookie: string): typeof fetch =>
    (url, init) =>
      fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: f().cc.url, 'Sec-Fetch-Site': 'same-origin', Cookie: cookie } });

  /** The request fetchWithChannel posts: the endpoint and the fetch options the command serialised. */
  const request = (method: string, input: unknown, url = `${f().cc.url}/agent-app/api`) => ({
    source: 'wisdom-js',
    data: {
      url,
      options: {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'x-access-section': 'WISDOM_QUERY_ASSISTANT',
          'x-amazon-call-source': 'agent-app',
          'x-amz-access-section': 'WISDOM_QUERY_ASSISTANT',
          'x-amz-target': `AgentAppService.WisdomV2.${method}`,
          'x-amz-vendor': 'wisdom',
        },
        body: JSON.stringify(input),
      },
    },
  });

  async function post(origin: string, data: unknown, options: { cookie?: string; fetch?: typeof fetch } = {}): Promise<Loose> {
    const channel = new MessageChannel();
    const reply = new Promise<Loose>((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data as Loose);
    });
    try {
      const handled = await relayMessage({ data, origin, ports: [channel.port2] }, { ownOrigin: f().cc.url, fetch: options.fetch ?? pageFetch(options.cookie ?? f().cookie), announce: () => {} });
      expect(handled).toBe(true);
      return await reply;
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  }

  it('answers an extension’s request with the HttpResponse amazon-q-connectjs resolves', async () => {
    const answer = await post(EXTENSION_ORIGIN, request('queryAssistant', { assistantId: f().assistantId, queryText: 'track my parcel' }));
    expect(answer).toMatchObject({ source: 'wisdom-ui', data: { status: 200, statusText: 'OK', ok: true, headers: { 'content-type': expect.stringMatching(/^application\/json/) } } });
    expect(answer.data.body.results[0].document.title.text).toMatch(/order|parcel|track/i);
  });

  it('passes refusals on with their status and AWS error body, including a signed-out agent', async () => {
    const missing = await post(EXTENSION_ORIGIN, request('getSession', { assistantId: f().assistantId, sessionId: 'none' }));
    expect(missing.data).toMatchObject({ status: 404, ok: false, headers: { 'x-amzn-errortype': 'ResourceNotFoundException' }, body: { __type: 'ResourceNotFoundException' } });
    const signedOut = await post(EXTENSION_ORIGIN, request('queryAssistant', { assistantId: f().assistantId, queryText: 'router' }), { cookie: '' });
    expect(signedOut.data).toMatchObject({ status: 401, ok: false });
  });

  it('also takes the public-api-proxy endpoint the client names by default, and still calls /agent-app/api', async () => {
    const calls: string[] = [];
    const spy: typeof fetch = (url, init) => {
      calls.push(String(url));
      return pageFetch(f().cookie)(url, init);
    };
    const answer = await post(f().cc.url, request('queryAssistant', { assistantId: f().assistantId, queryText: 'invoice' }, `${f().cc.url}/api-proxy`), { fetch: spy });
    expect(answer.data.status).toBe(200);
    expect(calls).toEqual([`${f().cc.url}/agent-app/api`]);
  });

  it('refuses a web page without calling, another URL, and a request without a Q in Connect target', async () => {
    let called = false;
    const spy: typeof fetch = async (...args) => {
      called = true;
      return fetch(...args);
    };
    const page = await post('https://evil.example', request('queryAssistant', {}), { fetch: spy });
    expect(page.data).toMatchObject({ status: 403, body: { __type: 'AccessDeniedException' } });
    expect(called).toBe(false);
    const elsewhere = await post(EXTENSION_ORIGIN, request('queryAssistant', {}, 'https://attacker.example/agent-app/api'));
    expect(elsewhere.data).toMatchObject({ status: 400, body: { message: expect.stringContaining('/agent-app/api') } });
    const profiles = request('queryAssistant', {});
    profiles.data.options.headers['x-amz-target'] = 'AgentAppService.CustomerProfiles.searchProfiles';
    expect((await post(EXTENSION_ORIGIN, profiles)).data).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
  });

  it('announces CHANNEL_READY to its parent when framed, and again when the parent asks', async () => {
    const parentMessages: unknown[] = [];
    const parent = { postMessage: (message: unknown, targetOrigin: string) => parentMessages.push([message, targetOrigin]) };
    let listener: ((event: RelayEvent) => void) | null = null;
    startRelay({ addEventListener: (_type, l) => (listener = l), location: { origin: f().cc.url }, fetch, parent, top: parent });
    expect(parentMessages).toEqual([[{ source: 'wisdom-js', type: 'CHANNEL_READY' }, '*']]);
    listener!({ data: { source: 'wisdom-js', type: 'CHANNEL_READY_REQUEST' }, origin: EXTENSION_ORIGIN, source: parent, ports: [] });
    await Promise.resolve();
    expect(parentMessages).toHaveLength(2);
    // A sibling frame (not the parent) is not answered, nor a web page's request.
    listener!({ data: { source: 'wisdom-js', type: 'CHANNEL_READY_REQUEST' }, origin: EXTENSION_ORIGIN, source: {}, ports: [] });
    listener!({ data: { source: 'wisdom-js', type: 'CHANNEL_READY_REQUEST' }, origin: 'https://evil.example', source: parent, ports: [] });
    await Promise.resolve();
    expect(parentMessages).toHaveLength(2);
  });

  it('leaves other messages alone', async () => {
    const options = { ownOrigin: f().cc.url, fetch, announce: () => {} };
    expect(await relayMessage({ data: { source: 'AmazonConnectCustomerProfilesClient' }, origin: EXTENSION_ORIGIN, ports: [] }, options)).toBe(false);
    expect(await relayMessage({ data: { source: 'wisdom-js', type: 'CHANNEL_READY' }, origin: EXTENSION_ORIGIN, ports: [] }, options)).toBe(false);
  });
});
