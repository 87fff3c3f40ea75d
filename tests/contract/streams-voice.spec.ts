// Contract suite: the real, pinned amazon-connect-streams runs `connect.core.initCCP` in a plain page against
// the local contact center's /ccp-v2/, for two signed-in agents, and every voice operation is driven through
// streams' public API. We assert what streams reports (events, states, connections) and what the contact
// records say, so the emulator stays faithful to what the extension will meet on a real instance.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import type { ContactRecord } from '../../contact-center/model';
import { DEMO_INSTANCE } from '../../contact-center/seed/demo-instance';
import { type RunningContactCenter, startContactCenter } from '../../contact-center/server/contact-center-server';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { serveStreamsHarness, type StreamsHarnessServer } from '../support/streams-harness/serve';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'contract-pw';
const DESK_PHONE = '+81355559999';
const CUSTOMER = '+819012345678';

interface ConnectionSummary {
  id: string;
  type: string;
  state: string;
  initial: boolean;
  isOnHold: boolean;
  endpoint: { type: string; phoneNumber: string | null; name: string | null };
}
interface ContactSummary {
  id: string;
  state: string;
  initiationMethod: string;
  queue: string | null;
  attributes: Record<string, { value: string }>;
  connections: ConnectionSummary[];
  agentConnectionId: string;
}
interface HarnessEvent {
  seq: number;
  name: string;
  contactId: string | null;
  data: unknown;
}

/** One agent: a browser context signed in through the login page, and the streams harness page. */
class AgentDriver {
  constructor(
    readonly agentId: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  eval<T>(fn: string, ...args: unknown[]): Promise<T> {
    return this.page.evaluate(
      async ({ fn, args }) => {
        const h = (window as unknown as { harness: Record<string, (...a: unknown[]) => unknown> }).harness;
        return (await h[fn](...args)) as never;
      },
      { fn, args },
    );
  }

  mark(): Promise<number> {
    return this.eval('mark');
  }

  waitFor(name: string, opts: { contactId?: string; since?: number; timeout?: number } = {}): Promise<HarnessEvent> {
    return this.page.evaluate(
      ({ name, opts }) => (window as unknown as { harness: { waitFor(n: string, o: object): Promise<HarnessEvent> } }).harness.waitFor(name, opts),
      { name, opts },
    );
  }

  state(): Promise<{ state: { name: string; type: string }; nextState: { name: string } | null }> {
    return this.eval('agentState');
  }

  contacts(): Promise<ContactSummary[]> {
    return this.eval('contacts');
  }

  async contact(id: string): Promise<ContactSummary> {
    const found = (await this.contacts()).find((c) => c.id === id);
    if (!found) throw new Error(`${this.agentId} has no contact ${id}`);
    return found;
  }

  async expectState(name: string): Promise<void> {
    await expect.poll(async () => (await this.state()).state.name, { timeout: 5000 }).toBe(name);
  }

  async setState(name: string, enqueueNextState = false): Promise<void> {
    await this.eval('setState', name, { enqueueNextState });
  }

  /** Ends the agent's contact (if still connected) and closes it, leaving the agent Available. */
  async finish(contactId: string): Promise<void> {
    const c = (await this.contacts()).find((x) => x.id === contactId);
    if (c && c.state !== 'ended') await this.eval('hangUpAgent', contactId);
    await expect.poll(async () => (await this.contact(contactId)).state).toBe('ended');
    const since = await this.mark();
    await this.eval('clear', contactId);
    await this.waitFor('contact::destroyed', { contactId, since });
  }
}

let dataDir: string;
let cc: RunningContactCenter;
let harness: StreamsHarnessServer;
let browser: Browser;
let agent1: AgentDriver;
let agent2: AgentDriver;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(cc.url + path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const callIn = async (attributes: Record<string, string> = {}, queue = 'BasicQueue') =>
  (await api<{ contactId: string }>('/api/v1/inbound-calls', { from: CUSTOMER, queue, attributes })).contactId;
const record = async (contactId: string) => (await api<{ record: ContactRecord }>(`/api/v1/contacts/${contactId}`)).record;

async function signIn(agentId: string): Promise<AgentDriver> {
  const context = await browser.newContext();
  const login = await context.newPage();
  await login.goto(`${cc.url}/connect/login`);
  await login.getByLabel(/User name/).fill(agentId);
  await login.getByLabel(/Password/).fill(PASSWORD);
  await login.getByRole('button', { name: /Sign in/ }).click();
  await expect(login.getByRole('heading', { name: /Signed in as/ })).toBeVisible();
  await login.close();
  const page = await context.newPage();
  await page.goto(harness.pageUrl(`${cc.url}/ccp-v2/`));
  await page.evaluate(() => (window as unknown as { harness: { ready: Promise<unknown> } }).harness.ready);
  return new AgentDriver(agentId, context, page);
}

/** Rings `driver` with a new inbound call and returns its contact id once streams reports it connecting.
 *  The other agent steps out (Break) while the call is routed, so the offer cannot go to them. */
async function ringing(driver: AgentDriver, attributes: Record<string, string> = {}): Promise<string> {
  const other = driver === agent1 ? agent2 : agent1;
  const otherWasAvailable = (await other.state()).state.name === 'Available';
  if (otherWasAvailable) await other.setState('Break');
  const since = await driver.mark();
  const contactId = await callIn(attributes);
  await driver.waitFor('contact::connecting', { contactId, since });
  if (otherWasAvailable) await other.setState('Available');
  return contactId;
}

async function connectedCall(driver: AgentDriver): Promise<string> {
  const contactId = await ringing(driver);
  const since = await driver.mark();
  await driver.eval('accept', contactId);
  await driver.waitFor('contact::connected', { contactId, since });
  return contactId;
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-contract-'));
  const instance = { ...DEMO_INSTANCE, agents: DEMO_INSTANCE.agents.map((a) => (a.id === 'agent2' ? { ...a, acwTimeoutSeconds: 2 } : a)) };
  cc = await startContactCenter({
    dataDir,
    port: 0,
    demoPassword: PASSWORD,
    instance,
    engine: { offerTimeoutMs: 2500, farEndAnswerMs: 300, farEndBusyMs: 200, farEndNoAnswerMs: 1500 },
  });
  harness = await serveStreamsHarness();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs(), '--headless=new'] });
  agent1 = await signIn('agent1');
  agent2 = await signIn('agent2');
});

test.afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await cc?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('initCCP completes against /ccp-v2/ and the agent sees the instance configuration', async () => {
  const config = await agent1.eval<{ username: string; routingProfile: { routingProfileId: string }; agentStates: { name: string }[] }>('getConfiguration');
  expect(config.username).toBe('agent1');
  expect(config.routingProfile.routingProfileId).toMatch(/^arn:aws:connect:ap-northeast-1:\d{12}:instance\/.+\/routing-profile\//);
  expect(config.agentStates.map((s) => s.name)).toEqual(['Available', 'Offline', 'Break', 'Meeting', 'Paperwork', 'Outbound work', 'Feedback']);
  expect((await agent1.state()).state.name).toBe('Offline');
});

test('agent states: streams reports each change and the contact center agrees', async () => {
  const since = await agent1.mark();
  await agent1.setState('Break');
  await agent1.waitFor('agent::not_routable', { since });
  await agent1.setState('Available');
  await agent1.waitFor('agent::routable', { since });
  await agent2.setState('Available');
  await agent2.expectState('Available');
  const { agents } = await api<{ agents: { agentId: string; state: string }[] }>('/api/v1/agents');
  expect(agents.filter((a) => a.agentId === 'agent1' || a.agentId === 'agent2').map((a) => a.state)).toEqual(['Available', 'Available']);
});

test('inbound call: ring with queue and attributes, accept, customer hang-up, ACW, clear', async () => {
  const contactId = await ringing(agent1, { accountNumber: 'AC-1001' });
  const offered = await agent1.contact(contactId);
  expect(offered).toMatchObject({ state: 'connecting', initiationMethod: 'inbound', queue: 'BasicQueue' });
  expect(offered.attributes.accountNumber.value).toBe('AC-1001');
  expect(offered.connections.find((c) => c.initial)?.endpoint.phoneNumber).toBe(CUSTOMER);
  await agent1.expectState('PendingBusy');

  const since = await agent1.mark();
  await agent1.eval('accept', contactId);
  await agent1.waitFor('contact::accepted', { contactId, since });
  await agent1.waitFor('contact::connected', { contactId, since });
  await agent1.expectState('Busy');

  await api(`/api/v1/contacts/${contactId}/customer-hangup`, {});
  await agent1.waitFor('contact::ended', { contactId, since });
  await agent1.waitFor('agent::acw', { since });
  await agent1.expectState('AfterCallWork');
  await agent1.finish(contactId);
  await agent1.expectState('Available');
  const r = await record(contactId);
  expect(r).toMatchObject({ state: 'ended', agentId: 'agent1', disconnectReason: 'customer_disconnect', queueId: 'basic' });
  expect(r.connectedToAgentAt).not.toBeNull();
  expect(r.acwDurationMs).toBeGreaterThanOrEqual(0);
});

test('reject: the call is re-queued and offered to the other agent', async () => {
  const contactId = await ringing(agent1);
  const since2 = await agent2.mark();
  await agent1.eval('reject', contactId);
  await agent2.waitFor('contact::connecting', { contactId, since: since2 });
  await agent1.expectState('Available');
  await agent2.eval('accept', contactId);
  await agent2.finish(contactId);
  const r = await record(contactId);
  expect(r.agents.map((a) => [a.agentId, a.outcome])).toEqual([
    ['agent1', 'rejected'],
    ['agent2', 'accepted'],
  ]);
});

test('missed: an offer not accepted in time goes to the other agent; the first is MissedCallAgent; ACW timeout clears', async () => {
  // agent2 was the last to finish, so agent1 is the longest idle and is offered the call first.
  const contactId = await ringing(agent1);
  const since1 = await agent1.mark();
  const since2 = await agent2.mark();
  await agent1.waitFor('contact::missed', { contactId, since: since1, timeout: 6000 });
  await agent1.expectState('MissedCallAgent');
  await agent2.waitFor('contact::connecting', { contactId, since: since2 });
  await agent2.eval('accept', contactId);
  await agent2.waitFor('contact::connected', { contactId, since: since2 });
  await agent2.eval('hangUpAgent', contactId);
  await agent2.expectState('AfterCallWork');
  // agent2's ACW timeout is 2 s: the contact closes by itself.
  await agent2.waitFor('contact::destroyed', { contactId, since: since2, timeout: 6000 });
  await agent2.expectState('Available');
  await agent1.setState('Available');
  await agent1.expectState('Available');
  expect((await record(contactId)).agents.map((a) => a.outcome)).toEqual(['missed', 'accepted']);
});

test('on a call: hold and resume, mute and unmute, DTMF; a next status applies when the contact closes', async () => {
  const contactId = await connectedCall(agent1);
  const customer = (await agent1.contact(contactId)).connections.find((c) => c.initial) as ConnectionSummary;
  await agent1.eval('hold', contactId, customer.id);
  await expect.poll(async () => (await agent1.contact(contactId)).connections.find((c) => c.initial)?.isOnHold).toBe(true);
  await agent1.eval('resume', contactId, customer.id);
  await expect.poll(async () => (await agent1.contact(contactId)).connections.find((c) => c.initial)?.isOnHold).toBe(false);

  await agent1.eval('mute');
  expect(await agent1.eval('isMuted')).toBe(true);
  await expect.poll(() => cc.engine.getAgentView('agent1').muted).toBe(true);
  await agent1.eval('unmute');
  expect(await agent1.eval('isMuted')).toBe(false);

  await agent1.eval('sendDigits', contactId, '1234#');
  await agent1.setState('Break', true);
  await expect.poll(async () => (await agent1.state()).nextState?.name).toBe('Break');
  await agent1.finish(contactId);
  await agent1.expectState('Break');
  const r = await record(contactId);
  expect(r).toMatchObject({ holdCount: 1, dtmfDigits: '1234#', disconnectReason: 'agent_disconnect' });
  await agent1.setState('Available');
});

test('outbound: an invalid number places no call; a valid one rings, connects and is recorded', async () => {
  await expect(agent1.eval('dial', '0312345678')).rejects.toThrow(/dial failed/);
  expect(await agent1.contacts()).toEqual([]);

  const since = await agent1.mark();
  await agent1.eval('dial', '+81355501234');
  const init = await agent1.waitFor('contact::init', { since });
  const contactId = init.contactId as string;
  await agent1.expectState('CallingCustomer');
  await agent1.waitFor('contact::connected', { contactId, since });
  await agent1.expectState('Busy');
  const c = await agent1.contact(contactId);
  expect(c.initiationMethod).toBe('outbound');
  expect(c.connections.find((x) => x.initial)?.endpoint.phoneNumber).toBe('+81355501234');
  await agent1.finish(contactId);
  expect(await record(contactId)).toMatchObject({ initiationMethod: 'outbound', queueId: 'basic', systemEndpoint: '+815055500100' });
});

test('quick connects: queue, agent and external number kinds are listed', async () => {
  const endpoints = await agent1.eval<{ name: string; type: string }[]>('quickConnects');
  expect(endpoints.map((e) => e.type).sort()).toEqual(expect.arrayContaining(['agent', 'phone_number', 'queue']));
  expect(endpoints.find((e) => e.name === 'Escalation desk')?.type).toBe('phone_number');
});

test('transfer to an agent: consult, swap, join, then leave hands the customer to the receiving agent', async () => {
  const contactId = await connectedCall(agent1);
  const endpoints = await agent1.eval<{ name: string }[]>('quickConnects');
  const since2 = await agent2.mark();
  await agent1.eval('addConnection', contactId, endpoints.findIndex((e) => e.name === 'Yuki Tanaka'));
  const offered = await agent2.waitFor('contact::connecting', { since: since2 });
  const transferId = offered.contactId as string;
  expect((await agent2.contact(transferId)).initiationMethod).toBe('transfer');
  await agent2.eval('accept', transferId);
  await agent2.waitFor('contact::connected', { contactId: transferId, since: since2 });

  const states = async () => (await agent1.contact(contactId)).connections.map((c) => `${c.type}:${c.state}`);
  await expect.poll(states).toEqual(['agent:connected', 'inbound:hold', 'outbound:connected']);
  await agent1.eval('toggle', contactId);
  await expect.poll(states).toEqual(['agent:connected', 'inbound:connected', 'outbound:hold']);
  await agent1.eval('conference', contactId);
  await expect.poll(states).toEqual(['agent:connected', 'inbound:connected', 'outbound:connected']);

  const since1 = await agent1.mark();
  await agent1.eval('hangUpAgent', contactId); // leave
  await agent1.waitFor('agent::acw', { since: since1 });
  await expect
    .poll(async () => (await agent2.contact(transferId)).connections.map((c) => `${c.type}:${c.state}`))
    .toEqual(['agent:connected', 'inbound:connected']);
  await agent1.finish(contactId);
  await agent2.finish(transferId);
  const r = await record(contactId);
  expect(r).toMatchObject({ disconnectReason: 'transferred', nextContactId: transferId });
  expect(r.transfers).toEqual([expect.objectContaining({ kind: 'agent', to: 'agent2', completed: true })]);
  expect(await record(transferId)).toMatchObject({ previousContactId: contactId, agentId: 'agent2', initiationMethod: 'transfer' });
});

test('transfer to a queue routes to an agent of that queue', async () => {
  const contactId = await connectedCall(agent1);
  const endpoints = await agent1.eval<{ name: string }[]>('quickConnects');
  const since2 = await agent2.mark();
  await agent1.eval('addConnection', contactId, endpoints.findIndex((e) => e.name === 'Support queue'));
  const offered = await agent2.waitFor('contact::connecting', { since: since2 });
  const transferId = offered.contactId as string;
  expect(await agent2.contact(transferId)).toMatchObject({ initiationMethod: 'transfer', queue: 'Support' });
  await agent2.eval('accept', transferId);
  await agent2.waitFor('contact::connected', { contactId: transferId, since: since2 });
  await agent1.eval('hangUpAgent', contactId); // leave
  await expect
    .poll(async () => (await agent2.contact(transferId)).connections.map((c) => `${c.type}:${c.state}`))
    .toEqual(['agent:connected', 'inbound:connected']);
  await agent1.finish(contactId);
  await agent2.finish(transferId);
  expect(await record(transferId)).toMatchObject({ queueId: 'support', agentId: 'agent2', previousContactId: contactId });
});

test('consult an external number, then cancel: the customer is back on hold with the agent', async () => {
  const contactId = await connectedCall(agent1);
  await agent1.eval('addConnection', contactId, '+81355500123');
  const states = async () => (await agent1.contact(contactId)).connections.map((c) => `${c.type}:${c.state}`);
  await expect.poll(states).toEqual(['agent:connected', 'inbound:hold', 'outbound:connected']);
  const third = (await agent1.contact(contactId)).connections.find((c) => c.type === 'outbound') as ConnectionSummary;
  await agent1.eval('destroyConnection', contactId, third.id);
  await expect.poll(states).toEqual(['agent:connected', 'inbound:hold']);
  const customer = (await agent1.contact(contactId)).connections.find((c) => c.initial) as ConnectionSummary;
  await agent1.eval('resume', contactId, customer.id);
  await expect.poll(states).toEqual(['agent:connected', 'inbound:connected']);
  await agent1.finish(contactId);
  expect((await record(contactId)).transfers).toEqual([expect.objectContaining({ kind: 'phone', to: '+81355500123', completed: false })]);
});

test('desk phone mode: the call rings the desk-phone page, which answers it', async () => {
  await agent2.setState('Break');
  await agent1.eval('setConfiguration', { softphoneEnabled: false, extension: DESK_PHONE });
  await expect.poll(async () => (await agent1.eval<{ softphoneEnabled: boolean }>('getConfiguration')).softphoneEnabled).toBe(false);
  const desk = await agent1.context.newPage();
  await desk.goto(`${cc.url}/deskphone/${encodeURIComponent(DESK_PHONE)}`);
  await expect(desk.getByRole('status')).toHaveText('Idle');
  const contactId = await ringing(agent1);
  await expect(desk.getByRole('status')).toContainText(`Ringing: ${CUSTOMER}`);
  const since = await agent1.mark();
  await desk.getByRole('button', { name: 'Answer' }).click();
  await agent1.waitFor('contact::connected', { contactId, since });
  await expect(desk.getByRole('status')).toHaveText('In call');
  await agent1.finish(contactId);
  await desk.close();
  await agent1.eval('setConfiguration', { softphoneEnabled: true, extension: '' });
  await expect.poll(() => cc.engine.getAgentView('agent1').config.softphoneEnabled).toBe(true);
  await agent2.setState('Available');
});

test('sign-out sends terminated to streams and the agent goes Offline', async () => {
  const since = await agent1.mark();
  const logout = await agent1.context.newPage();
  await logout.goto(`${cc.url}/connect/logout`);
  await agent1.waitFor('terminated', { since });
  await expect.poll(() => cc.engine.getAgentView('agent1').state.name).toBe('Offline');
  await logout.close();
});
