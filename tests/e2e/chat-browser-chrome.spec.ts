// End to end, chat in the browser's chrome around the panel (F16, F27, F29): the toolbar badge counts an offered
// chat as ringing and then the connected chats whose customer waits for a reply (amber, with its tooltip), and
// answering clears it; with the agent's chat auto-accept on, an offered chat connects without a click, once, also
// after the service worker was stopped; and a chat whose backend passed the customer's email pops the card in the
// demo CRM tab and opens that customer's record. Customers are the real AWS SDK clients; the agent is the built
// extension (offscreen streams + ChatJS, worker, panel).
import { type CDPSession, expect, type Locator, type Page, test, type Worker } from '@playwright/test';
import { readSessionLog, ServiceWorkerStopper } from '../support/extension-harness';
import { type ChatE2eWorld, startChatE2eWorld } from '../support/chat-e2e-world';
import type { AgentBrowser, TestContactCenter } from '../support/softphone-fixture';
import { REACHES_PANEL_MS, agentView } from '../support/softphone-steps';
import type { SdkChatClients, SdkChatCustomer } from '../support/sdk-chat-customer';

declare const chrome: {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string>; getBadgeBackgroundColor(details: object): Promise<number[]> };
};

test.describe.configure({ mode: 'serial' });

/** The demo CRM's customer whose email address the chat carries (contact-center/seed/demo-customers.ts). */
const TARO = { email: 'taro.suzuki@example.jp', profileId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01' };
const AMBER = [0xe3, 0x74, 0x00, 255];

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

/** What the toolbar button shows: badge text, tooltip and background colour. */
async function badge(worker: Worker): Promise<{ text: string; title: string; color: number[] }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
  }));
}

const offer = (panel: Page, name: string): Locator => panel.getByTestId('incoming-chat').filter({ hasText: name });
const contactState = (contactId: string) => agentView(cc, 'agent1').contacts.find((c) => c.contactId === contactId)?.state;

async function acceptInPanel(name: string, customer: SdkChatCustomer): Promise<void> {
  await expect(offer(emily.panel, name)).toBeVisible({ timeout: REACHES_PANEL_MS });
  await offer(emily.panel, name).getByRole('button', { name: 'Accept chat' }).click();
  await expect.poll(() => contactState(customer.contactId), { timeout: REACHES_PANEL_MS }).toBe('connected');
}

async function reply(name: string, text: string, customer: SdkChatCustomer): Promise<void> {
  await emily.panel.getByRole('tab', { name: new RegExp(name) }).click();
  const box = emily.panel.getByRole('textbox', { name: new RegExp(`Message to ${name}`) });
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => customer.agentMessages(), { timeout: REACHES_PANEL_MS }).toContain(text);
}

/** Ends and closes every chat tab in the panel. */
async function endAndCloseAll(): Promise<void> {
  const panel = emily.panel;
  await panel.bringToFront();
  const tabs = panel.getByTestId('chat-tabs').getByRole('tab');
  for (let left = await tabs.count(); left > 0; left--) {
    const end = panel.getByRole('button', { name: 'End chat' });
    if (await end.isVisible()) await end.click();
    await panel.getByRole('button', { name: 'Close contact' }).click({ timeout: REACHES_PANEL_MS });
    await expect(tabs).toHaveCount(left - 1, { timeout: REACHES_PANEL_MS });
  }
  await expect.poll(() => agentView(cc, 'agent1').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
}

test('the badge counts an offered chat as ringing, then the chats waiting for a reply, and answering clears them', async () => {
  test.setTimeout(60_000);
  const worker = await emily.serviceWorker();
  const hanako = await sdk.startChat('Hanako Yamada');
  await expect.poll(() => badge(worker), { timeout: REACHES_PANEL_MS }).toMatchObject({ text: '1', title: 'Switchboard: 1 incoming' });
  await acceptInPanel('Hanako Yamada', hanako);
  // On a chat nobody has written in yet: busy.
  await expect.poll(async () => (await badge(worker)).text, { timeout: REACHES_PANEL_MS }).toBe('BUSY');

  await hanako.send('Hello? My router keeps restarting.');
  await expect.poll(() => badge(worker), { timeout: REACHES_PANEL_MS }).toEqual({ text: '1', title: 'Switchboard: a chat is waiting for your reply', color: AMBER });
  const taro = await sdk.startChat('Taro Suzuki');
  await acceptInPanel('Taro Suzuki', taro);
  await taro.send('Is my order shipped?');
  await taro.send('Order 4411.');
  await expect.poll(() => badge(worker), { timeout: REACHES_PANEL_MS }).toEqual({ text: '2', title: 'Switchboard: 2 chats waiting for your reply', color: AMBER });

  await reply('Hanako Yamada', 'Let me check that for you.', hanako);
  await expect.poll(async () => (await badge(worker)).text, { timeout: REACHES_PANEL_MS }).toBe('1');
  await reply('Taro Suzuki', 'It ships today.', taro);
  await expect.poll(async () => (await badge(worker)).text, { timeout: REACHES_PANEL_MS }).toBe('BUSY');
  // The customer writes again after the answer: waiting again.
  await taro.send('Thanks! One more thing…');
  await expect.poll(async () => (await badge(worker)).text, { timeout: REACHES_PANEL_MS }).toBe('1');

  await endAndCloseAll();
  await expect.poll(async () => (await badge(worker)).text, { timeout: REACHES_PANEL_MS }).toBe('ON');
});

/** The worker's chat-auto-accepted log lines: contact, attempt, ok. */
async function autoAccepts(worker: Worker): Promise<unknown[][]> {
  return (await readSessionLog(worker)).filter((line) => line.event === 'chat-auto-accepted').map((line) => [line.contactId, line.attempt, line.ok]);
}

test('with chat auto-accept on, an offered chat connects without a click, once, also after the worker was stopped', async () => {
  test.setTimeout(60_000);
  await emily.chooseSettings({ 'chat.autoAccept': true });
  try {
    const ken = await sdk.startChat('Ken Ito', 'basic', 'Hi, I need help with billing.');
    await expect.poll(() => contactState(ken.contactId), { timeout: REACHES_PANEL_MS }).toBe('connected');
    await expect(emily.panel.getByRole('tab', { name: /Ken Ito/ })).toBeVisible({ timeout: REACHES_PANEL_MS });
    // Auto-accepted with the customer's first message unanswered: the badge shows the chat waiting.
    const worker = await emily.serviceWorker();
    await expect.poll(async () => (await badge(worker)).text, { timeout: REACHES_PANEL_MS }).toBe('1');
    await expect.poll(() => autoAccepts(worker)).toEqual([[ken.contactId, 1, true]]);

    const stopper = await ServiceWorkerStopper.attach(emily.panel);
    await stopper.stopAndAwaitRestart();
    await stopper.detach();
    const restarted = await emily.serviceWorker();
    const mina = await sdk.startChat('Mina Kato');
    await expect.poll(() => contactState(mina.contactId), { timeout: REACHES_PANEL_MS }).toBe('connected');

    // Ken's chat, still connected, was not accepted again by the restarted worker; Mina's was accepted once.
    await expect.poll(() => autoAccepts(restarted)).toEqual([
      [ken.contactId, 1, true],
      [mina.contactId, 1, true],
    ]);
    expect(contactState(ken.contactId)).toBe('connected');
  } finally {
    await emily.chooseSettings({ 'chat.autoAccept': null });
  }
  await endAndCloseAll();
});

/** Names of the page's accessibility tree (Chromium computes it over closed shadow roots too; the page's own
 *  script cannot read those). */
async function accessibleNames(cdp: CDPSession): Promise<{ role: string; name: string }[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
  return nodes.map((node) => ({ role: node.role?.value ?? '', name: node.name?.value ?? '' })).filter((node) => node.name !== '');
}

test("a chat carrying the customer's email pops the card in the demo CRM tab and opens their record once", async () => {
  test.setTimeout(60_000);
  await emily.chooseSettings({ 'screenPop.mode': 'ring', 'screenPop.templateValues': { crmPort: String(cc.crmPort) } });
  const recordUrl = `http://localhost:${cc.crmPort}/customers/${TARO.profileId}`;
  const recordTabs = () => emily.context.pages().filter((page) => page.url() === recordUrl);
  try {
    const crmPage = await emily.context.newPage();
    await crmPage.goto(`${cc.crmUrl}/`);
    await crmPage.bringToFront();
    const cdp = await crmPage.context().newCDPSession(crmPage);

    const taro = await sdk.startChat('Taro S.', 'basic', 'Hello, it is about my router.', { email: TARO.email });
    await expect.poll(() => recordTabs().length, { timeout: REACHES_PANEL_MS, message: 'the record tab opens' }).toBe(1);
    await expect.poll(async () => (await accessibleNames(cdp)).some((node) => node.role === 'dialog' && node.name === 'Incoming chat'), { timeout: REACHES_PANEL_MS }).toBe(true);
    const names = (await accessibleNames(cdp)).map((node) => node.name);
    expect(names).toContain('Taro Suzuki'); // the profile found by the email address, linking to the record
    expect(names).toContain(TARO.email);
    expect(await crmPage.evaluate(() => document.querySelector('switchboard-screen-pop')?.shadowRoot ?? null)).toBeNull();
    await cdp.detach();

    await emily.panel.bringToFront(); // the record tab took the focus
    await acceptInPanel('Taro S.', taro);
    await emily.panel.waitForTimeout(1000);
    expect(recordTabs(), 'accepting pops nothing more').toHaveLength(1);
  } finally {
    await emily.chooseSettings({ 'screenPop.mode': null, 'screenPop.templateValues': null });
  }
  await endAndCloseAll();
});
