// The contact center's HTTP and WebSocket surface, in-process on an ephemeral port: control API rules,
// sign-in, the CCP socket protocol, desk phones, and records that survive a restart.

import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { injectFetch } from './inject-fetch';

let dataDir: string;
let cc: RunningContactCenter;
/** The contact center's routes, driven without a socket. */
const inject = injectFetch(() => cc.app);

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-cc-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', engine: { farEndAnswerMs: 50 } });
});

afterEach(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  inject(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(cc.url + path, { headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A CCP page's socket, as ccp-page.js speaks it. */
async function ccpSocket(cookie?: string) {
  const ws = new WebSocket(cc.url.replace('http', 'ws') + '/ccp-v2/socket', { headers: cookie ? { Cookie: `sb_session=${cookie}` } : {} });
  const messages: { type: string; event?: string; data?: unknown; requestId?: string; err?: string | null; signedIn?: boolean }[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(d.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise((r) => ws.once('open', r));
  const next = async (pred: (m: (typeof messages)[number]) => boolean, timeoutMs = 2000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = messages.findIndex(pred);
      if (i >= 0) return messages.splice(i, 1)[0];
      if (Date.now() > deadline) throw new Error('no such message');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  let n = 0;
  const api = async (method: string, params: unknown) => {
    const requestId = `r${++n}`;
    ws.send(JSON.stringify({ type: 'api_request', requestId, method, params }));
    return next((m) => m.type === 'api_response' && m.requestId === requestId);
  };
  return { ws, messages, next, api };
}

describe('control API', () => {
  it('starts an inbound call and reports it', async () => {
    const res = await post('/api/v1/inbound-calls', { from: '+819012345678', queue: 'Support', attributes: { accountNumber: '12345' } });
    expect(res.status).toBe(201);
    const { contactId } = (await res.json()) as { contactId: string };
    const contact = (await (await inject(`/api/v1/contacts/${contactId}`)).json()) as { state: string; record: { queueId: string; attributes: Record<string, string> } };
    expect(contact).toMatchObject({ state: 'queued', record: { queueId: 'support', attributes: { accountNumber: '12345' } } });
  });

  it('answers malformed requests with 400 and a reason', async () => {
    const bad = await post('/api/v1/inbound-calls', { from: '0312345678' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/E\.164/);
    const notJson = await inject('/api/v1/inbound-calls', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
    const noQueue = await post('/api/v1/inbound-calls', { from: '+819012345678', queue: 'Nope' });
    expect(noQueue.status).toBe(404);
    const unknown = await post('/api/v1/contacts/nope/customer-hangup', {});
    expect(unknown.status).toBe(404);
  });

  it('refuses bodies that are not JSON with 415', async () => {
    const res = await inject('/api/v1/inbound-calls', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"from":"+819012345678"}' });
    expect(res.status).toBe(415);
  });

  it('refuses a Host that is not a loopback name (DNS rebinding)', async () => {
    expect((await rawGet('/api/v1/agents', { Host: 'attacker.example:80' })).status).toBe(421);
    expect((await rawGet('/api/v1/agents', { Host: `localhost:${cc.port}` })).status).toBe(200);
  });

  it('refuses calls from web pages of other origins and sends no CORS headers', async () => {
    const res = await post('/api/v1/inbound-calls', { from: '+819012345678' }, { Origin: 'https://crm.example' });
    expect(res.status).toBe(403);
    const get = await rawGet('/api/v1/agents', { Origin: 'https://crm.example' });
    expect(get.status).toBe(403);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lists agents and their states', async () => {
    const body = (await (await inject('/api/v1/agents')).json()) as { agents: { agentId: string; state: string }[] };
    expect(body.agents.map((a) => [a.agentId, a.state])).toEqual([
      ['agent1', 'Offline'],
      ['agent2', 'Offline'],
      ['agent3', 'Offline'],
      ['agent4', 'Offline'],
    ]);
  });
});

describe('sign-in', () => {
  it('signs in with the login form, remembering the user name when asked', async () => {
    const form = new URLSearchParams({ username: 'agent1', password: 'pw-test', remember: '1' });
    const res = await inject('/connect/login', { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('sb_session='))).toMatch(/HttpOnly; SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('sb_remember_user='))).toContain('agent1');
    const again = await (await inject('/connect/login', { headers: { Cookie: 'sb_remember_user=agent1' } })).text();
    expect(again).toContain('value="agent1"');
  });

  it('refuses a wrong password with a message and no session', async () => {
    const form = new URLSearchParams({ username: 'agent1', password: 'nope' });
    const res = await inject('/connect/login', { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('incorrect');
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('CCP socket', () => {
  it('tells an unsigned page it is not signed in and answers its API requests with an error', async () => {
    const page = await ccpSocket();
    expect(await page.next((m) => m.type === 'hello')).toMatchObject({ signedIn: false });
    const res = await page.api('putAgentState', {});
    expect(JSON.parse(res.err ?? '{}')).toMatchObject({ type: 'UnauthorizedException' });
    page.ws.close();
  });

  it('sends a full agent update with ARN-shaped ids and encoded dates once the parent is ready', async () => {
    const page = await ccpSocket(cc.issueSession('agent1'));
    expect(await page.next((m) => m.type === 'hello')).toMatchObject({ signedIn: true });
    page.ws.send(JSON.stringify({ type: 'parent_ready' }));
    const update = (await page.next((m) => m.event === 'agent::update')) as { data: { snapshot: { state: { name: string; startTimestamp: unknown } }; configuration: { routingProfile: { routingProfileId: string }; agentStates: { name: string }[] } } };
    expect(update.data.snapshot.state).toMatchObject({ name: 'Offline', startTimestamp: { $date: expect.any(Number) } });
    expect(update.data.configuration.routingProfile.routingProfileId).toMatch(/^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]+\/routing-profile\//);
    expect(update.data.configuration.agentStates.map((s) => s.name)).toEqual(expect.arrayContaining(['Available', 'Offline', 'Break']));
    page.ws.close();
  });

  it('answers an api_request before the agent update that reflects it', async () => {
    const page = await ccpSocket(cc.issueSession('agent1'));
    page.ws.send(JSON.stringify({ type: 'parent_ready' }));
    const first = (await page.next((m) => m.event === 'agent::update')) as { data: { configuration: { agentStates: { name: string; agentStateARN: string }[] } } };
    const available = first.data.configuration.agentStates.find((s) => s.name === 'Available');
    page.messages.length = 0;
    const res = await page.api('putAgentState', { state: available, enqueueNextState: false });
    expect(res.err).toBeNull();
    const update = (await page.next((m) => m.event === 'agent::update')) as { data: { snapshot: { state: { name: string } } } };
    expect(update.data.snapshot.state.name).toBe('Available');
    page.ws.close();
  });

  it('answers unknown methods with an error instead of leaving them hanging', async () => {
    const page = await ccpSocket(cc.issueSession('agent2'));
    const res = await page.api('getTaskTemplates', {});
    expect(JSON.parse(res.err ?? '{}')).toMatchObject({ type: 'InvalidParameterException', message: expect.stringContaining('getTaskTemplates') });
    page.ws.close();
  });

  it('sends terminated to the agent\'s pages when they sign out', async () => {
    const token = cc.issueSession('agent3');
    const page = await ccpSocket(token);
    await inject('/connect/logout', { headers: { Cookie: `sb_session=${token}` } });
    expect(await page.next((m) => m.type === 'terminated')).toBeTruthy();
    const again = await ccpSocket(token);
    expect(await again.next((m) => m.type === 'hello')).toMatchObject({ signedIn: false });
    again.ws.close();
  });

  it('trades the session cookie for a one-time socket ticket, as the real CCP trades it for a token', async () => {
    const token = cc.issueSession('agent2');
    const auth = (await (await inject('/ccp-v2/authorize', { headers: { Cookie: `sb_session=${token}` } })).json()) as { ticket: string };
    expect(auth.ticket).toEqual(expect.any(String));
    const open = async (ticket: string) => {
      const ws = new WebSocket(`${cc.url.replace('http', 'ws')}/ccp-v2/socket?ticket=${encodeURIComponent(ticket)}`);
      const hello = await new Promise<{ signedIn: boolean; agentId: string | null }>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))));
      ws.close();
      return hello;
    };
    expect(await open(auth.ticket)).toMatchObject({ signedIn: true, agentId: 'agent2' });
    expect(await open(auth.ticket)).toMatchObject({ signedIn: false }); // used once
    const anonymous = (await (await inject('/ccp-v2/authorize')).json()) as { ticket: string | null };
    expect(anonymous).toEqual({ signedIn: false, ticket: null });
    const crossSite = await inject('/ccp-v2/authorize', { headers: { Cookie: `sb_session=${token}`, 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
  });

  it('refuses a socket opened by a page of another origin', async () => {
    const ws = new WebSocket(cc.url.replace('http', 'ws') + '/ccp-v2/socket', { headers: { Origin: 'https://crm.example' } });
    const outcome = await new Promise((r) => {
      ws.once('open', () => r('open'));
      ws.once('error', () => r('refused'));
    });
    expect(outcome).toBe('refused');
  });
});

describe('desk phone and persistence', () => {
  it('rings the desk phone page and answers from it', async () => {
    cc.engine.updateAgentConfig('agent1', { softphoneEnabled: false, deskPhoneNumber: '+81355559999' });
    cc.engine.setStatus('agent1', 'available');
    await post('/api/v1/inbound-calls', { from: '+819012345678', queue: 'BasicQueue' });
    const state = (await (await inject('/deskphone/%2B81355559999/state')).json()) as { ringing: { caller: string } | null };
    expect(state.ringing).toMatchObject({ caller: '+819012345678' });
    expect(await (await inject('/deskphone/%2B81355559999')).text()).toContain('Answer');
    const answered = await post('/deskphone/%2B81355559999/answer', {});
    expect(answered.status).toBe(200);
    expect(cc.engine.getAgentView('agent1').state.name).toBe('Busy');
  });

  it('keeps contact records across a restart and ends calls in flight with reason server_restart', async () => {
    cc.engine.setStatus('agent1', 'available');
    const { contactId } = (await (await post('/api/v1/inbound-calls', { from: '+819012345678' })).json()) as { contactId: string };
    cc.engine.acceptContact('agent1', contactId);
    await cc.close();
    cc = await startContactCenter({ dataDir, port: 0 });
    const contact = (await (await inject(`/api/v1/contacts/${contactId}`)).json()) as { record: { state: string; disconnectReason: string; agentId: string } };
    expect(contact.record).toMatchObject({ state: 'ended', disconnectReason: 'server_restart', agentId: 'agent1' });
  });

  it('saves agent configuration changes made through the CCP, across a restart', async () => {
    const page = await ccpSocket(cc.issueSession('agent4'));
    const res = await page.api('updateAgentConfiguration', { configuration: { softphoneEnabled: false, extension: '+81355558888', softphoneAutoAccept: true, agentPreferences: { LANGUAGE: 'ja_JP' } } });
    expect(res.err).toBeNull();
    page.ws.close();
    await cc.close();
    cc = await startContactCenter({ dataDir, port: 0 });
    expect(cc.engine.getAgentView('agent4').config).toEqual({ softphoneEnabled: false, deskPhoneNumber: '+81355558888', autoAccept: true, language: 'ja_JP' });
  });

  it('reports time per status per agent', async () => {
    cc.engine.setStatus('agent2', 'break');
    await new Promise((r) => setTimeout(r, 30));
    cc.engine.setStatus('agent2', 'available');
    const report = (await (await inject('/api/v1/reports/status-time')).json()) as { totals: { agentId: string; statusName: string; totalMs: number }[] };
    const onBreak = report.totals.find((t) => t.agentId === 'agent2' && t.statusName === 'Break');
    expect(onBreak?.totalMs).toBeGreaterThanOrEqual(25);
  });
});
