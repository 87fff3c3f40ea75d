// Contract suite, tasks: the real, pinned amazon-connect-streams with amazon-connect-taskjs 2.0.0 as the agent (in
// the harness page, against the local /ccp-v2/; agent3, Support Tier 1, ten tasks at once) and the real
// @aws-sdk/client-connect as the backend that starts tasks (StartTaskContact). A task is offered with its name,
// description and references; accepted, paused, resumed, transferred, ended and cleared; tasks created through
// TaskJS (plain and templated) reach their agent; a scheduled task arrives at its time; the eleventh waits.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, StartTaskContactCommand, type StartTaskContactCommandInput } from '@aws-sdk/client-connect';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { type RunningContactCenter, startContactCenter } from '../../contact-center/server/contact-center-server';
import { flowIdOfQueue } from '../../contact-center/server/routes/start-chat-contact';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { serveStreamsHarness, type StreamsHarnessServer } from '../support/streams-harness/serve';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'contract-pw';

let dataDir: string;
let cc: RunningContactCenter;
let harness: StreamsHarnessServer;
let browser: Browser;
let page: Page;
let connect: ConnectClient;
const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const AGENT = 'agent3';

type Harness = Record<string, (...args: unknown[]) => unknown>;
const call = <T>(object: 'harness' | 'taskHarness', fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    async ({ object, fn, args }) => {
      const target = (window as unknown as Record<string, Harness>)[object]!;
      return (await target[fn]!(...args)) as never;
    },
    { object, fn, args },
  );

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-contract-task-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: PASSWORD });
  connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
  harness = await serveStreamsHarness();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  const context = await browser.newContext();
  const login = await context.newPage();
  await login.goto(`${cc.url}/connect/login`);
  await login.getByLabel(/User name/).fill(AGENT);
  await login.getByLabel(/Password/).fill(PASSWORD);
  await login.getByRole('button', { name: /Sign in/ }).click();
  await expect(login.getByRole('heading', { name: /Signed in as/ })).toBeVisible();
  await login.close();
  page = await context.newPage();
  await page.goto(harness.taskPageUrl(`${cc.url}/ccp-v2/`));
  await page.evaluate(() => (window as unknown as { harness: { ready: Promise<unknown> } }).harness.ready);
  await call('harness', 'setState', 'Available');
});

test.afterAll(async () => {
  connect?.destroy();
  await browser?.close();
  await harness?.close();
  await cc?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface TemplateSummary {
  Id: string;
  Name: string;
  Status: string;
}

test('TaskJS lists the active task templates (status in upper case; lower case finds none, as on Connect) and gets one with its fields', async () => {
  const listed = await call<{ TaskTemplates: TemplateSummary[] }>('taskHarness', 'listTaskTemplates', { status: 'ACTIVE', maxResults: 100 });
  expect(listed.TaskTemplates.length).toBeGreaterThanOrEqual(2);
  expect(listed.TaskTemplates.every((t) => t.Status === 'ACTIVE' && t.Id !== '')).toBe(true);
  const names = listed.TaskTemplates.map((t) => t.Name);
  expect(names).toEqual(expect.arrayContaining(['Call back the customer', 'お客様へ折り返し電話']));
  expect((await call<{ TaskTemplates: unknown[] }>('taskHarness', 'listTaskTemplates', { status: 'active', maxResults: 100 })).TaskTemplates).toEqual([]);

  const callback = listed.TaskTemplates.find((t) => t.Name === 'Call back the customer')!;
  const template = await call<{ Id: string; Fields: { Id: { Name: string }; Type: string }[]; Constraints: { RequiredFields: unknown[] } }>(
    'taskHarness',
    'getTaskTemplate',
    { id: callback.Id },
  );
  expect(template.Id).toBe(callback.Id);
  expect(template.Fields.map((f) => f.Type)).toContain('NAME');
  expect(template.Constraints.RequiredFields.length).toBeGreaterThan(0);

  await expect(call('taskHarness', 'getTaskTemplate', { id: 'no-such-template' })).rejects.toThrow(/ResourceNotFoundException|does not exist/);
});

interface ContactSummary {
  id: string;
  type: string;
  state: string;
}

interface TaskDetails {
  type: string;
  state: string;
  name: string;
  description: string;
  references: Record<string, { type: string; value: string | number }>;
  channelContext: { scheduledTime: number | null; taskTemplateId: string | null } | null;
  relatedContactId: string | null;
  initialContactId: string;
  connections: { type: string; state: string }[];
}

const startTask = (input: Partial<StartTaskContactCommandInput> = {}) =>
  connect.send(
    new StartTaskContactCommand({
      InstanceId: cc.engine.instance.instanceId,
      ContactFlowId: flowIdOfQueue(cc.engine.instance, 'support'),
      Name: 'Send the signed contract',
      ...input,
    }),
  );

const agentTasks = () => call<ContactSummary[]>('harness', 'contacts').then((contacts) => contacts.filter((c) => c.type === 'task'));

async function offered(contactId: string): Promise<void> {
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === contactId)?.state, { timeout: 10_000 }).toBe('connecting');
}

async function finish(contactId: string): Promise<void> {
  await call('harness', 'hangUpAgent', contactId);
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === contactId)?.state).toBe('ended');
  await call('harness', 'clear', contactId);
  await expect.poll(async () => (await agentTasks()).some((c) => c.id === contactId)).toBe(false);
}

test('a task from StartTaskContact is offered with its name, description and references; accepted, paused, resumed, transferred to a queue', async () => {
  const { ContactId } = await startTask({
    Description: 'Mail the countersigned copy to Hana Sato.',
    References: {
      Case: { Type: 'URL', Value: 'https://crm.example.com/cases/77' },
      Email: { Type: 'EMAIL', Value: 'hana@example.com' },
      Amount: { Type: 'NUMBER', Value: '1200' },
      Due: { Type: 'DATE', Value: '1772442000' },
      Note: { Type: 'STRING', Value: 'VIP' },
    },
    Attributes: { orderId: '77' },
  });
  await offered(ContactId!);
  const details = await call<TaskDetails>('taskHarness', 'details', ContactId);
  expect(details).toMatchObject({
    type: 'task',
    name: 'Send the signed contract',
    description: 'Mail the countersigned copy to Hana Sato.',
    references: {
      Case: { type: 'URL', value: 'https://crm.example.com/cases/77' },
      Email: { type: 'EMAIL', value: 'hana@example.com' },
      Amount: { type: 'NUMBER', value: 1200 },
      Due: { type: 'DATE', value: 1772442000 },
      Note: { type: 'STRING', value: 'VIP' },
    },
    channelContext: { scheduledTime: null, taskTemplateId: null },
  });
  // One connection, the agent's: a task has no customer leg.
  expect(details.connections.map((c) => c.type)).toEqual(['agent']);

  await call('harness', 'accept', ContactId);
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === ContactId)?.state).toBe('connected');
  await call('taskHarness', 'listen', ContactId);

  await call('taskHarness', 'pause', ContactId);
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === ContactId)?.state).toBe('paused');
  await call('taskHarness', 'resume', ContactId);
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === ContactId)?.state).toBe('connected');
  expect(cc.engine.getContact(ContactId!).record.task?.pauses).toHaveLength(1);

  // TaskJS's updateContact: the agent renames it and changes its references; streams sees the new ones.
  await call('taskHarness', 'updateContact', { contactId: ContactId, name: 'Send the signed contract (registered mail)', references: { Tracking: { type: 'STRING', value: 'RR123456789JP' } } });
  await expect
    .poll(async () => {
      const updated = await call<TaskDetails>('taskHarness', 'details', ContactId);
      return [updated.name, Object.keys(updated.references)];
    })
    .toEqual(['Send the signed contract (registered mail)', ['Tracking']]);
  await expect(call('taskHarness', 'updateContact', { contactId: ContactId, name: 'x'.repeat(513) })).rejects.toThrow(/at most 512 characters/);

  await call('taskHarness', 'transfer', ContactId, 'Billing queue');
  await expect.poll(() => call<string[]>('taskHarness', 'heardBy', ContactId)).toEqual(expect.arrayContaining(['transfer-initiated', 'transfer-succeeded']));
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === ContactId)?.state).toBe('ended');
  const transferred = cc.engine.getContact(ContactId!).record.transfers;
  expect(transferred).toEqual([expect.objectContaining({ kind: 'queue', to: 'billing' })]);
  await call('harness', 'clear', ContactId);
  await expect.poll(async () => (await agentTasks()).some((c) => c.id === ContactId)).toBe(false);
  // The new contact waits in Billing (this agent serves it too, after the queue's 5 s delay) and is offered again.
  let next = '';
  await expect.poll(async () => (next = (await agentTasks()).find((c) => c.id !== ContactId)?.id ?? ''), { timeout: 15_000 }).not.toBe('');
  await offered(next);
  expect(await call<TaskDetails>('taskHarness', 'details', next)).toMatchObject({ name: 'Send the signed contract (registered mail)', initialContactId: ContactId });
  await call('harness', 'accept', next);
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === next)?.state).toBe('connected');
  await finish(next);
});

test('agent.createTask for a colleague reaches them; a templated one carries its fields; a ClientToken retry is one task', async () => {
  const plain = await call<{ contactId: string }>(
    'taskHarness',
    'createTask',
    { name: 'Call Hana back at 15:00', description: 'About her invoice', references: { Invoice: { type: 'URL', value: 'https://crm.example.com/invoices/9' } } },
    'Yuki Tanaka',
  );
  expect(plain.contactId).toBeTruthy();
  const forColleague = cc.engine.getContact(plain.contactId);
  expect(forColleague.record.task).toMatchObject({ name: 'Call Hana back at 15:00', references: { Invoice: { type: 'URL', value: 'https://crm.example.com/invoices/9' } } });
  // It waits in Yuki's own queue and rings for her, nobody else, once she is Available.
  cc.engine.setStatus('agent2', 'available');
  await expect.poll(() => cc.engine.getAgentView('agent2').contacts.map((c) => c.contactId)).toEqual([plain.contactId]);
  cc.engine.acceptContact('agent2', plain.contactId);
  cc.engine.endTask('agent2', plain.contactId);
  cc.engine.clearContact('agent2', plain.contactId);
  cc.engine.setStatus('agent2', 'offline');

  const templates = await call<{ TaskTemplates: { Id: string; Name: string }[] }>('taskHarness', 'listTaskTemplates', { status: 'ACTIVE', maxResults: 100 });
  const sendDocument = templates.TaskTemplates.find((t) => t.Name === 'Send a document')!;
  const template = await call<{ Fields: { Id: { Name: string }; Type: string; SingleSelectOptions?: string[] }[]; Constraints: { RequiredFields: { Id: { Name: string } }[]; ReadOnlyFields: { Id: { Name: string } }[]; InvisibleFields: { Id: { Name: string } }[] }; Defaults: { DefaultFieldValues: { Id: { Name: string }; DefaultValue: string }[] } }>(
    'taskHarness',
    'getTaskTemplate',
    { id: sendDocument.Id },
  );
  // Fill every required field a person would fill (not the read-only or hidden ones), by type.
  const locked = new Set([...template.Constraints.ReadOnlyFields, ...template.Constraints.InvisibleFields].map((f) => f.Id.Name));
  const defaults = new Map(template.Defaults.DefaultFieldValues.map((d) => [d.Id.Name, d.DefaultValue]));
  const sample: Record<string, { type: string; value: string }> = {
    URL: { type: 'URL', value: 'https://crm.example.com/docs/contract.pdf' },
    EMAIL: { type: 'EMAIL', value: 'hana@example.com' },
    NUMBER: { type: 'NUMBER', value: '2' },
    TEXT: { type: 'STRING', value: 'Registered mail' },
    TEXT_AREA: { type: 'STRING', value: 'Signed copy, two pages' },
    DATE_TIME: { type: 'DATE', value: new Date(Date.now() + 86_400_000).toISOString() },
    BOOLEAN: { type: 'STRING', value: 'true' },
  };
  const references: Record<string, { type: string; value: string }> = {};
  for (const field of template.Fields) {
    if (locked.has(field.Id.Name) || defaults.has(field.Id.Name)) continue;
    const value = field.Type === 'SINGLE_SELECT' ? { type: 'STRING', value: field.SingleSelectOptions![0]! } : sample[field.Type];
    if (value) references[field.Id.Name] = value;
  }
  const templated = await call<{ contactId: string }>(
    'taskHarness',
    'createTask',
    { taskTemplateId: sendDocument.Id, name: 'Send the contract to Hana', references },
    'Support queue',
  );
  const fromTemplate = cc.engine.getContact(templated.contactId).record.task!;
  expect(fromTemplate).toMatchObject({ name: 'Send the contract to Hana', templateId: sendDocument.Id });
  expect(Object.keys(fromTemplate.references).length).toBeGreaterThan(0);

  // A template field given a value it does not allow is refused with the field's name.
  const urlField = template.Fields.find((f) => f.Type === 'URL' && !locked.has(f.Id.Name));
  if (urlField) {
    await expect(
      call('taskHarness', 'createTask', { taskTemplateId: sendDocument.Id, name: 'Bad link', references: { ...references, [urlField.Id.Name]: { type: 'URL', value: 'javascript:alert(1)' } } }, 'Support queue'),
    ).rejects.toThrow(new RegExp(urlField.Id.Name));
  }

  const first = await startTask({ Name: 'Once only', ClientToken: 'retry-token-1' });
  const again = await startTask({ Name: 'Once only', ClientToken: 'retry-token-1' });
  expect(again.ContactId).toBe(first.ContactId);
  for (const contactId of [templated.contactId, first.ContactId!]) {
    await offered(contactId);
    await call('harness', 'accept', contactId);
    await expect.poll(async () => (await agentTasks()).find((c) => c.id === contactId)?.state).toBe('connected');
    await finish(contactId);
  }
});

test('a scheduled task arrives at its time and not before', async () => {
  const at = Math.ceil(Date.now() / 1000) + 4;
  const { ContactId } = await startTask({ Name: 'Call back at the agreed time', ScheduledTime: new Date(at * 1000) });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect((await agentTasks()).some((c) => c.id === ContactId)).toBe(false);
  await offered(ContactId!);
  expect(Date.now()).toBeGreaterThanOrEqual(at * 1000);
  expect((await call<TaskDetails>('taskHarness', 'details', ContactId)).channelContext?.scheduledTime).toBe(at);
  await call('harness', 'accept', ContactId);
  await expect.poll(async () => (await agentTasks()).find((c) => c.id === ContactId)?.state).toBe('connected');
  await finish(ContactId!);
});

test('ten concurrent tasks for a Support Tier 1 agent; the eleventh waits in its queue until one is closed', async () => {
  const ids: string[] = [];
  for (let n = 1; n <= 11; n++) ids.push((await startTask({ Name: `Batch task ${n}` })).ContactId!);
  for (const id of ids.slice(0, 10)) {
    await offered(id);
    await call('harness', 'accept', id);
  }
  await expect.poll(async () => (await agentTasks()).filter((c) => c.state === 'connected').length).toBe(10);
  const eleventh = ids[10]!;
  expect((await agentTasks()).some((c) => c.id === eleventh)).toBe(false);
  expect(cc.engine.getContact(eleventh).record.state).toBe('queued');
  await finish(ids[0]!);
  await offered(eleventh);
  await call('harness', 'accept', eleventh);
  for (const id of ids.slice(1)) {
    await expect.poll(async () => (await agentTasks()).find((c) => c.id === id)?.state).toBe('connected');
    await finish(id);
  }
});
