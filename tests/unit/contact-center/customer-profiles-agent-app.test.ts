// Contract test of POST /agent-app/api on a listening contact center: the exact request Amazon Connect's Customer
// Profiles client builds (amazon-connect-customer-profiles, DirectApiCommunication: POST, Accept and Content-Type
// JSON, x-amazon-call-source agent-app, x-amz-target AgentAppService.CustomerProfiles.<op>, the API body, the
// session cookie) from the /customerprofiles-v2 page, answered in Customer Profiles' shapes; a real call's record in
// the caller's history; refusals of pages of other origins, of no session, of unknown operations and bad bodies;
// the helper page, its CSP and its relay module speaking the client's postMessage protocol over MessagePorts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayMessage } from '../../../contact-center/profiles/helper-page/profiles-relay.js';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { DOMAIN, TARO, type Loose } from './customer-profiles-fixture';

let dataDir: string;
let cc: RunningContactCenter;
let session: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-agent-app-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', engine: { farEndAnswerMs: 50 } });
  session = cc.issueSession('agent1');
});

afterAll(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What the official client's fetch sends from the helper page (same origin, the agent's cookie). */
function officialRequest(operation: string, params: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${cc.url}/agent-app/api`, {
    method: 'post',
    body: JSON.stringify(params || {}),
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'x-amazon-call-source': 'agent-app',
      'x-amz-target': `AgentAppService.CustomerProfiles.${operation}`,
      Origin: cc.url,
      'Sec-Fetch-Site': 'same-origin',
      Cookie: `sb_session=${session}`,
      ...headers,
    },
  });
}

async function ok(operation: string, params: unknown): Promise<Loose> {
  const response = await officialRequest(operation, params);
  expect(response.status, `${operation}: ${await response.clone().text()}`).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
}

describe('POST /agent-app/api with the official client’s request', () => {
  it('finds the domain, searches, creates, updates, links a contact and lists the CTR history', async () => {
    const described = (await (await fetch(`${cc.url}/api/v1/instance`)).json()) as Loose;
    expect(described.customerProfiles).toEqual({ domainName: DOMAIN, agentAppApiPath: '/agent-app/api', helperPage: '/customerprofiles-v2' });

    const integrations = await ok('listAccountIntegrations', { Uri: described.InstanceArn });
    expect(integrations.Items[0]).toMatchObject({ DomainName: DOMAIN, Uri: described.InstanceArn, ObjectTypeName: 'CTR' });

    const found = await ok('searchProfiles', { DomainName: DOMAIN, KeyName: '_phone', Values: ['+819012345678'] });
    expect(found.Items).toHaveLength(1);
    expect(found.Items[0]).toMatchObject({ ProfileId: TARO, FirstName: 'Taro', LastName: 'Suzuki', AccountNumber: 'AC-1001', BirthDate: '1985-04-12' });

    const { ProfileId } = await ok('createProfile', { DomainName: DOMAIN, FirstName: 'Mei', LastName: 'Sato', PhoneNumber: '+819055501010' });
    expect(ProfileId).toMatch(/^[a-f0-9]{32}$/);
    expect(await ok('updateProfile', { DomainName: DOMAIN, ProfileId, EmailAddress: 'mei@example.jp' })).toEqual({ ProfileId });

    // A real call from a number no profile has, handled by agent1 and linked to Mei as the agent app links it.
    cc.engine.setStatus('agent1', 'available');
    const contactId = cc.engine.startInboundCall({ from: '+819055502020', queueId: 'basic' });
    cc.engine.acceptContact('agent1', contactId);
    cc.engine.customerHangUp(contactId);
    cc.engine.clearContact('agent1', contactId);
    expect(await ok('addProfileKey', { DomainName: DOMAIN, ProfileId, KeyName: '_ctrContactId', Values: [contactId] })).toEqual({ KeyName: '_ctrContactId', Values: [contactId] });

    const history = await ok('listProfileObjects', { DomainName: DOMAIN, ProfileId, ObjectTypeName: 'CTR', MaxResults: 100 });
    expect(history.Items).toHaveLength(1);
    expect(history.Items[0]).toMatchObject({ ObjectTypeName: 'CTR', ProfileObjectUniqueKey: contactId });
    expect(JSON.parse(history.Items[0].Object)).toMatchObject({
      ContactId: contactId,
      Channel: 'VOICE',
      CustomerEndpoint: { Address: '+819055502020' },
      Queue: { Name: 'BasicQueue' },
      Agent: { Username: 'agent1' },
    });
  });

  it('answers a refusal in the API’s error shape: status, x-amzn-errortype and {__type, message}', async () => {
    const response = await officialRequest('searchProfiles', { DomainName: DOMAIN, KeyName: 'bad key', Values: ['x'] });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(await response.json()).toMatchObject({ __type: 'BadRequestException', message: expect.stringContaining('KeyName') });
    const missing = await officialRequest('updateProfile', { DomainName: DOMAIN, ProfileId: '0'.repeat(32), FirstName: 'X' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ __type: 'ResourceNotFoundException' });
  });

  it('refuses a body that is not JSON, naming the content type to send', async () => {
    const response = await officialRequest('searchProfiles', { DomainName: DOMAIN }, { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ __type: 'BadRequestException', message: expect.stringContaining('application/json') });
  });

  it('refuses an unknown operation or a missing target', async () => {
    const unknown = await officialRequest('deleteProfile', { DomainName: DOMAIN });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining('searchProfiles') });
    const untargeted = await officialRequest('searchProfiles', {}, { 'x-amz-target': 'AgentAppService.WisdomV2.getContent' });
    expect(untargeted.status).toBe(400);
  });

  it('refuses a caller with no session, or a session that is not one, with 401', async () => {
    for (const cookie of ['', 'sb_session=forged']) {
      const response = await officialRequest('searchProfiles', { DomainName: DOMAIN, KeyName: '_phone', Values: ['+819012345678'] }, { Cookie: cookie });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
      expect(((await response.json()) as Loose).message).toContain('/connect/login');
    }
  });

  it('refuses web pages of other origins, even on 127.0.0.1 with the agent’s cookie, before reading their body', async () => {
    const params = { DomainName: DOMAIN, KeyName: '_phone', Values: ['+819012345678'] };
    const pages: Record<string, string>[] = [
      { Origin: cc.crmUrl, 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'http://127.0.0.1:1', 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
      { Origin: 'null' },
    ];
    for (const headers of pages) {
      const response = await officialRequest('searchProfiles', params, headers);
      expect(response.status, headers.Origin).toBe(403);
      expect(((await response.json()) as Loose).__type).toBe('AccessDeniedException');
    }
    const garbled = await fetch(`${cc.url}/agent-app/api`, { method: 'POST', body: '{', headers: { 'Content-Type': 'application/json', Origin: cc.crmUrl, Cookie: `sb_session=${session}` } });
    expect(garbled.status).toBe(403);
  });
});

describe('GET /customerprofiles-v2', () => {
  it('serves the helper page under a strict CSP, with its scripts from this origin', async () => {
    const page = await fetch(`${cc.url}/customerprofiles-v2`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self' chrome-extension:");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/customerprofiles-v2/profiles-page.js">');
    for (const script of ['profiles-page.js', 'profiles-relay.js']) {
      const response = await fetch(`${cc.url}/customerprofiles-v2/${script}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    }
  });
});

describe('the helper page’s relay (the client’s postMessage protocol)', () => {
  const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  /** The browser's fetch from the page: same origin, so the session cookie goes along. */
  const pageFetch = (cookie: string): typeof fetch => (url, init) =>
    fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: cc.url, 'Sec-Fetch-Site': 'same-origin', Cookie: cookie } });

  async function post(origin: string, data: unknown, cookie = `sb_session=${session}`): Promise<Loose> {
    const channel = new MessageChannel();
    const reply = new Promise((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data);
    });
    try {
      const handled = await relayMessage({ data, origin, ports: [channel.port2] }, { ownOrigin: cc.url, fetch: pageFetch(cookie) });
      expect(handled).toBe(true);
      return await reply;
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  }

  const call = (method: string, params: unknown) => ({
    source: 'AmazonConnectCustomerProfilesClient',
    event_type: 'CustomerProfilesApiCall',
    api_data: { url: `${cc.url}/agent-app/api`, method, params },
  });

  it('answers an extension’s call with status 200 and the operation’s data', async () => {
    const answer = await post(extension, call('searchProfiles', { DomainName: DOMAIN, KeyName: '_account', Values: ['AC-1001'] }));
    expect(answer).toMatchObject({ source: 'AmazonConnectCustomerProfilesClient', event_type: 'CustomerProfilesApiCall', api_response: { status: 200, statusText: 'OK' } });
    expect(answer.api_response.data.Items[0].ProfileId).toBe(TARO);
  });

  it('passes a refusal on with its status, status text and AWS error body', async () => {
    const answer = await post(extension, call('searchProfiles', { DomainName: 'elsewhere', KeyName: '_phone', Values: ['1'] }));
    expect(answer.api_response).toMatchObject({ status: 404, statusText: 'Not Found', data: { __type: 'ResourceNotFoundException' } });
    const signedOut = await post(extension, call('searchProfiles', { DomainName: DOMAIN, KeyName: '_phone', Values: ['1'] }), '');
    expect(signedOut.api_response).toMatchObject({ status: 401, statusText: 'Unauthorized' });
  });

  it('refuses a web page’s message without calling the API, and a url other than this contact center’s API', async () => {
    let called = false;
    const channel = new MessageChannel();
    const reply = new Promise<Loose>((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data);
    });
    const spyFetch: typeof fetch = async (...args) => {
      called = true;
      return fetch(...args);
    };
    await relayMessage({ data: call('searchProfiles', {}), origin: 'https://evil.example', ports: [channel.port2] }, { ownOrigin: cc.url, fetch: spyFetch });
    expect((await reply).api_response).toMatchObject({ status: 403 });
    expect(called).toBe(false);
    channel.port1.close();
    const elsewhere = await post(extension, { ...call('searchProfiles', {}), api_data: { url: 'https://attacker.example/agent-app/api', method: 'searchProfiles', params: {} } });
    expect(elsewhere.api_response).toMatchObject({ status: 400 });
  });

  it('leaves other messages alone', async () => {
    expect(await relayMessage({ data: { source: 'wisdom-js' }, origin: extension, ports: [] }, { ownOrigin: cc.url, fetch })).toBe(false);
  });
});
