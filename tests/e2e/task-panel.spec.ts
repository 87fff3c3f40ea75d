// End to end, tasks in the built extension's side panel (F18, F19): a backend starts a task with the real
// @aws-sdk/client-connect and the agent works it in the panel to completion (references by type, a javascript:
// "link" shown as text, the worker stopped and the panel reopened mid-task, pause, resume, end, close); an agent on a call creates a scheduled follow-up task for a
// colleague, which reaches the colleague's panel at its time and not before.
import { ConnectClient, StartTaskContactCommand } from '@aws-sdk/client-connect';
import { expect, test } from '@playwright/test';
import { flowIdOfQueue } from '../../contact-center/server/routes/start-chat-contact';
import { ServiceWorkerStopper } from '../support/extension-harness';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { REACHES_PANEL_MS, acceptCall, agentView, callRingsAt, contactRecord, endAndClose, ensureStatus, signInEmilyAndYuki } from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });

let cc: TestContactCenter;
let emily: AgentBrowser;
let yuki: AgentBrowser;
let connect: ConnectClient;
const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

test.beforeAll(async () => {
  test.setTimeout(90_000);
  cc = await startTestContactCenter();
  ({ emily, yuki } = await signInEmilyAndYuki(cc));
  await ensureStatus(cc, emily, 'Available');
  connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
});
test.afterAll(async () => {
  connect?.destroy();
  await emily?.close();
  await yuki?.close();
  await cc?.stop();
});

test('a task from the API is offered in the panel and worked to completion: references by type, a worker restart, pause, resume, end, close', async () => {
  test.setTimeout(60_000);
  const instance = cc.engine.instance;
  const { ContactId } = await connect.send(
    new StartTaskContactCommand({
      InstanceId: instance.instanceId,
      ContactFlowId: flowIdOfQueue(instance, 'basic'),
      Name: 'Send Hana the signed contract',
      Description: 'She asked for it by post. <b>not bold</b>',
      References: {
        Case: { Type: 'URL', Value: 'https://crm.example.com/cases/77' },
        Trap: { Type: 'URL', Value: 'javascript:alert(document.domain)' },
        Email: { Type: 'EMAIL', Value: 'hana@example.com' },
        Amount: { Type: 'NUMBER', Value: '1200.5' },
      },
    }),
  );
  let panel = emily.panel;
  await expect(panel.getByRole('button', { name: 'Accept task' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(panel.getByText('Send Hana the signed contract').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Accept task' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.find((c) => c.contactId === ContactId)?.state, { timeout: REACHES_PANEL_MS }).toBe('connected');

  // The description is text, the https reference a link to a new tab without opener, the javascript: one text.
  await expect(panel.getByText('She asked for it by post. <b>not bold</b>')).toBeVisible({ timeout: REACHES_PANEL_MS });
  const link = panel.getByRole('link', { name: /crm\.example\.com\/cases\/77/ });
  await expect(link).toHaveAttribute('href', 'https://crm.example.com/cases/77');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(panel.getByText('javascript:alert(document.domain)')).toBeVisible();
  expect(await panel.locator('a[href^="javascript:"]').count()).toBe(0);
  await expect(panel.getByRole('link', { name: /hana@example\.com/ })).toHaveAttribute('href', 'mailto:hana@example.com');
  await expect(panel.getByText('1,200.5')).toBeVisible();

  // The worker stopped mid-task, then the panel closed and opened again: the task is still there, still workable.
  const stopper = await ServiceWorkerStopper.attach(panel);
  await stopper.stopAndAwaitRestart();
  await stopper.detach();
  await panel.close();
  emily.panel = await emily.context.newPage();
  await emily.panel.goto(emily.panelUrl);
  panel = emily.panel;
  await expect(panel.getByRole('link', { name: /crm\.example\.com\/cases\/77/ })).toBeVisible({ timeout: REACHES_PANEL_MS });

  await panel.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.find((c) => c.contactId === ContactId)?.task?.pausedAt ?? null).not.toBeNull();
  await expect(panel.getByRole('button', { name: 'Resume', exact: true })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await panel.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.find((c) => c.contactId === ContactId)?.task?.pausedAt === null).toBe(true);

  await panel.getByRole('button', { name: 'End task' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.find((c) => c.contactId === ContactId)?.state, { timeout: REACHES_PANEL_MS }).toBe('ended');
  await panel.getByRole('button', { name: 'Close contact' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
  const record = await contactRecord(cc, ContactId!);
  expect(record.task?.pauses).toHaveLength(1);
});

test('on a call, the agent creates a scheduled follow-up task for a colleague; it reaches her panel at its time, not before', async () => {
  test.setTimeout(90_000);
  await ensureStatus(cc, yuki, 'Available');
  await ensureStatus(cc, emily, 'Available');
  const callId = await callRingsAt(cc, emily, { from: '+819012345678' });
  await acceptCall(cc, emily, callId);

  const panel = emily.panel;
  await panel.getByRole('button', { name: 'Create a follow-up task' }).click();
  const form = panel.getByRole('form', { name: /follow-up task/i }).or(panel.getByTestId('create-task-form'));
  await expect(form.first()).toBeVisible({ timeout: REACHES_PANEL_MS });
  await panel.getByLabel('Assign to').selectOption({ label: 'Yuki Tanaka' });
  await panel.getByLabel('Name', { exact: true }).first().fill('Call back about the invoice'); // the task's own name, before its references' names
  // 20 s from now, in the browser's time zone (datetime-local takes seconds too).
  const due = Date.now() + 20_000;
  const local = await panel.evaluate((ms) => {
    const d = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }, due);
  await panel.getByLabel('Scheduled time').fill(local);
  await panel.getByRole('button', { name: 'Create task', exact: true }).last().click();
  await expect(panel.getByText('Task “Call back about the invoice” created.')).toBeVisible({ timeout: REACHES_PANEL_MS });

  const task = () => [...cc.engine.scheduledTasks()].find((t) => t.name === 'Call back about the invoice');
  await expect.poll(() => task()?.relatedContactId ?? null).toBe(callId);
  const taskId = task()!.contactId;
  await endAndClose(cc, emily);

  // Not before its time: nothing rings for Yuki yet.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now() - 5_000)));
  expect(agentView(cc, 'agent2').contacts.some((c) => c.contactId === taskId)).toBe(false);
  await expect(yuki.panel.getByRole('button', { name: 'Accept task' })).toHaveCount(0);
  // At its time it is offered to her, with the follow-up's link to the call.
  await expect(yuki.panel.getByRole('button', { name: 'Accept task' })).toBeVisible({ timeout: 20_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(Math.floor(due / 1000) * 1000);
  await expect(yuki.panel.getByText('Call back about the invoice').first()).toBeVisible();
  expect(agentView(cc, 'agent2').contacts.find((c) => c.contactId === taskId)?.task?.relatedContactId).toBe(callId);
  await yuki.panel.getByRole('button', { name: 'Accept task' }).click();
  await yuki.panel.getByRole('button', { name: 'End task' }).click();
  await yuki.panel.getByRole('button', { name: 'Close contact' }).click();
  await expect.poll(() => agentView(cc, 'agent2').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
});
