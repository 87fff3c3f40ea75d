// End to end, an agent's day of chats in the built extension's panel (F16, F17, F26): three concurrent chats with
// the right unread counts per tab, an attachment each way (the customer's image previewed in the panel), a
// transfer to a queue through a quick connect, and the service worker stopped mid-chat losing nothing. The
// customers are the real AWS SDK clients (tests/support/sdk-chat-customer.ts); the agent is the panel, through the
// offscreen engine's streams + ChatJS.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { readSessionLog, ServiceWorkerStopper } from '../support/extension-harness';
import { type ChatE2eWorld, startChatE2eWorld } from '../support/chat-e2e-world';
import type { AgentBrowser, TestContactCenter } from '../support/softphone-fixture';
import { REACHES_PANEL_MS, agentView } from '../support/softphone-steps';
import { type SdkChatClients, type SdkChatCustomer, TINY_PNG } from '../support/sdk-chat-customer';

/** The one extension API this spec calls inside the service worker (the Node-side tsconfig has no chrome types). */
declare const chrome: { offscreen: { closeDocument(): Promise<void> } };

test.describe.configure({ mode: 'serial' });

let world: ChatE2eWorld;
let cc: TestContactCenter;
let emily: AgentBrowser;
let sdk: SdkChatClients;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  world = await startChatE2eWorld();
  ({ cc, emily, sdk } = world);
});
test.afterAll(async () => world?.stop());

const tab = (panel: Page, name: string): Locator => panel.getByRole('tab', { name: new RegExp(name) });
const log = (panel: Page): Locator => panel.getByTestId('chat-log');

/** Starts a chat, waits for the panel to offer it and accepts it there. */
async function acceptedChat(name: string, initialMessage?: string): Promise<SdkChatCustomer> {
  const customer = await sdk.startChat(name, 'basic', initialMessage);
  const offer = emily.panel.getByTestId('incoming-chat').filter({ hasText: name });
  await expect(offer).toBeVisible({ timeout: REACHES_PANEL_MS });
  await offer.getByRole('button', { name: 'Accept chat' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.find((c) => c.contactId === customer.contactId)?.state, { timeout: REACHES_PANEL_MS }).toBe('connected');
  await expect(tab(emily.panel, name)).toBeVisible();
  return customer;
}

/** Ends and closes every chat the agent works, one tab at a time (offers, if any, stay). */
async function endAndCloseAll(): Promise<void> {
  const panel = emily.panel;
  const tabs = panel.getByTestId('chat-tabs').getByRole('tab');
  for (let left = await tabs.count(); left > 0; left--) {
    const end = panel.getByRole('button', { name: 'End chat' });
    if (await end.isVisible()) await end.click();
    const close = panel.getByRole('button', { name: 'Close contact' });
    await expect(close).toBeVisible({ timeout: REACHES_PANEL_MS });
    await close.click();
    await expect(tabs).toHaveCount(left - 1, { timeout: REACHES_PANEL_MS });
  }
}

test('three concurrent chats: each customer has a tab, unread counts follow the messages, and reading a tab clears it', async () => {
  test.setTimeout(60_000);
  const panel = emily.panel;
  const hanako = await acceptedChat('Hanako Yamada');
  const taro = await acceptedChat('Taro Suzuki');
  const grace = await acceptedChat('Grace Lee');
  await expect(panel.getByTestId('chat-tabs').getByRole('tab')).toHaveCount(3);
  // The first chat accepted is the one shown.
  await expect(tab(panel, 'Hanako Yamada')).toHaveAttribute('aria-selected', 'true');

  await taro.send('Is my order shipped?');
  await taro.send('Order 4411.');
  await grace.send('Hello?');
  await hanako.send('Thanks for taking this.');
  await expect(tab(panel, 'Taro Suzuki').getByTestId('unread')).toContainText('2 unread', { timeout: REACHES_PANEL_MS });
  await expect(tab(panel, 'Grace Lee').getByTestId('unread')).toContainText('1 unread');
  // The shown chat's message is read at once: no unread count on its tab.
  await expect(log(panel).getByText('Thanks for taking this.')).toBeVisible();
  await expect(tab(panel, 'Hanako Yamada').getByTestId('unread')).toHaveCount(0);
  // Waiting for a reply is shown on the tabs of customers the agent has not answered.
  await expect(tab(panel, 'Taro Suzuki').getByTestId('waiting')).toBeVisible();

  await tab(panel, 'Taro Suzuki').click();
  await expect(log(panel).getByText('Order 4411.')).toBeVisible();
  await expect(tab(panel, 'Taro Suzuki').getByTestId('unread')).toHaveCount(0, { timeout: REACHES_PANEL_MS });
  await expect(tab(panel, 'Grace Lee').getByTestId('unread')).toContainText('1 unread');
  // Taro's messages were read: his transcript has the read receipt of his last message.
  await expect
    .poll(async () => (await taro.transcript()).find((i) => i.Content === 'Order 4411.')?.MessageMetadata?.Receipts?.some((r) => r.ReadTimestamp) ?? false, { timeout: REACHES_PANEL_MS })
    .toBe(true);

  // Answering clears the wait; each answer goes to its own customer only.
  const box = panel.getByRole('textbox', { name: /Message to Taro Suzuki/ });
  await box.fill('It ships today.');
  await box.press('Enter');
  await expect.poll(() => taro.agentMessages(), { timeout: REACHES_PANEL_MS }).toEqual(['It ships today.']);
  await expect(tab(panel, 'Taro Suzuki').getByTestId('waiting')).toHaveCount(0);
  expect(await hanako.agentMessages()).toEqual([]);
  expect(await grace.agentMessages()).toEqual([]);
  // Three chats is the Basic profile's limit: a fourth waits in its queue.
  const fourth = await sdk.startChat('Waiting Customer');
  await expect.poll(() => cc.engine.getContact(fourth.contactId).state).toBe('queued');
  await endAndCloseAll();
  await expect(emily.panel.getByTestId('incoming-chat').filter({ hasText: 'Waiting Customer' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await emily.panel.getByRole('button', { name: 'Reject chat' }).click();
  await fourth.disconnect();
  await expect.poll(() => agentView(cc, 'agent1').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
});

test('an attachment each way: the customer’s image is previewed in the panel, the agent’s file reaches the customer', async () => {
  test.setTimeout(60_000);
  const panel = emily.panel;
  const customer = await acceptedChat('Mina Kato');
  await customer.attach('router-lights.png', 'image/png', TINY_PNG);
  const attachment = log(panel).getByTestId('attachment');
  await expect(attachment.getByRole('button', { name: /Download router-lights\.png/ })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(attachment.getByRole('img', { name: 'router-lights.png' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  expect(await attachment.getByRole('img').getAttribute('src')).toMatch(/^blob:chrome-extension:/);

  const notes = Buffer.from('Steps to reset the router:\n1. Hold the button 10 s.\n');
  await panel.getByTestId('attach-input').setInputFiles({ name: 'reset-steps.txt', mimeType: 'text/plain', buffer: notes });
  await expect
    .poll(async () => (await customer.transcript()).filter((i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === 'AGENT').map((i) => i.Attachments?.[0]?.AttachmentName), { timeout: REACHES_PANEL_MS })
    .toEqual(['reset-steps.txt']);
  const agentFile = (await customer.transcript()).find((i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === 'AGENT')!.Attachments![0]!;
  expect(agentFile.Status).toBe('APPROVED');
  expect((await customer.download(agentFile.AttachmentId!)).equals(notes)).toBe(true);

  // A file Amazon Connect refuses is refused before upload, with a translated error, and nothing is sent.
  await panel.getByTestId('attach-input').setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await expect(panel.getByTestId('attach-error')).toContainText('“tool.exe” can’t be sent');
  expect((await customer.transcript()).filter((i) => i.Type === 'ATTACHMENT')).toHaveLength(2);
  await endAndCloseAll();
});

test('a chat transferred to a queue through a quick connect: a new contact of the same chat, and the customer keeps the conversation', async () => {
  test.setTimeout(60_000);
  const panel = emily.panel;
  const customer = await acceptedChat('Ken Ito', 'I need billing help.');
  await panel.getByRole('button', { name: 'Transfer' }).click();
  await panel.getByRole('group', { name: 'Transfer the chat to' }).getByRole('button', { name: 'Billing queue' }).click();
  await expect.poll(() => cc.engine.getContact(customer.contactId).state, { timeout: REACHES_PANEL_MS }).not.toBe('connected');
  const nextId = cc.engine.getContact(customer.contactId).record.nextContactId;
  expect(nextId, 'a new contact continues the chat').toBeTruthy();
  const next = cc.engine.getContact(nextId!);
  expect(next.initialContactId).toBe(customer.contactId);
  expect(next.record.previousContactId).toBe(customer.contactId);
  expect(next.queueId).toBe('billing');
  // Emily's side of the chat is in After Contact Work; she closes it.
  await expect(panel.getByRole('button', { name: 'Close contact' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await panel.getByRole('button', { name: 'Close contact' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
  // The customer can still write, and the conversation is one transcript.
  await customer.send('Still there?');
  const contents = (await customer.transcript()).filter((i) => i.Type === 'MESSAGE').map((i) => i.Content);
  expect(contents).toEqual(['I need billing help.', 'Still there?']);
  await customer.disconnect();
});

test('the service worker stopped mid-chat: the conversation goes on, nothing is lost or sent twice', async () => {
  test.setTimeout(60_000);
  const panel = emily.panel;
  const customer = await acceptedChat('Sora Abe');
  await customer.send('First, before the restart.');
  await expect(log(panel).getByText('First, before the restart.')).toBeVisible({ timeout: REACHES_PANEL_MS });

  const box = panel.getByRole('textbox', { name: /Message to Sora Abe/ });
  await box.fill('Typed while the worker restarts.');
  const stopper = await ServiceWorkerStopper.attach(panel);
  const stopping = stopper.stopAndAwaitRestart();
  // Both sides write while the worker is being stopped and started again.
  await box.press('Enter');
  await customer.send('Second, while the worker restarts.');
  await stopping;
  await stopper.detach();
  await customer.send('Third, after the restart.');
  for (const text of ['First, before the restart.', 'Second, while the worker restarts.', 'Third, after the restart.', 'Typed while the worker restarts.']) {
    await expect(log(panel).getByText(text)).toHaveCount(1, { timeout: REACHES_PANEL_MS });
  }
  await box.fill('Got all three.');
  await box.press('Enter');
  // The message typed during the gap reached the customer once.
  await expect.poll(() => customer.agentMessages(), { timeout: REACHES_PANEL_MS }).toEqual(['Typed while the worker restarts.', 'Got all three.']);
  // Closing and reopening the panel shows the same conversation from the worker's store.
  await panel.close();
  emily.panel = await emily.context.newPage();
  await emily.panel.goto(emily.panelUrl);
  for (const text of ['Second, while the worker restarts.', 'Got all three.']) await expect(log(emily.panel).getByText(text)).toHaveCount(1, { timeout: REACHES_PANEL_MS });
  await endAndCloseAll();
});

test('the offscreen engine closed mid-chat: it is recreated, the transcript comes back, and a message typed in the gap is sent once', async () => {
  test.setTimeout(60_000);
  const panel = emily.panel;
  const customer = await acceptedChat('Riko Mori', 'Hello, is anyone there?');
  await expect(log(panel).getByText('Hello, is anyone there?')).toBeVisible({ timeout: REACHES_PANEL_MS });
  const worker = await emily.serviceWorker();
  const since = Date.now();
  await worker.evaluate(() => chrome.offscreen.closeDocument());
  // Both sides write while there is no engine: the agent's message waits for the new engine's ChatJS session.
  const box = panel.getByRole('textbox', { name: /Message to Riko Mori/ });
  await box.fill('Yes, one moment please.');
  await box.press('Enter');
  await customer.send('Sent while the agent’s engine was down.');
  await expect
    .poll(async () => (await readSessionLog(worker)).filter((line) => line.t >= since && line.event === 'engine-recovered').length, { timeout: 15_000 })
    .toBe(1);
  await expect.poll(() => customer.agentMessages(), { timeout: REACHES_PANEL_MS }).toEqual(['Yes, one moment please.']);
  await customer.send('And after it came back.');
  for (const text of ['Hello, is anyone there?', 'Sent while the agent’s engine was down.', 'And after it came back.', 'Yes, one moment please.']) {
    await expect(log(panel).getByText(text)).toHaveCount(1, { timeout: REACHES_PANEL_MS });
  }
  expect(cc.engine.getContact(customer.contactId).state, 'the chat went on in the contact center').toBe('connected');
  await endAndCloseAll();
});
