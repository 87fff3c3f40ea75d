// Firefox end to end, the desktop notifications of offered contacts (F27) with no view of the session open: the
// sidebar closed and the sidebar page's tab closed, a call rings and Firefox shows the notification (no buttons:
// it says to click it); a click opens the softphone in a window (Firefox does not let a notification click open
// the sidebar), where the call is answered; a chat offered likewise is notified, and the notification goes away
// when the customer leaves before it is answered. What Firefox shows is read from its own alert windows.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SdkChatClients } from '../support/sdk-chat-customer';
import { CUSTOMER, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { contactState } from '../support/softphone-steps';
import { eventually, extensionUrl, FirefoxAgent } from './support/firefox-agent';
import { FirefoxBrowserWindow, NOTIFICATION_PREFS, type ShownAlert } from './support/firefox-browser-window';

const REACHES_BROWSER_MS = 20_000;
const CLICK_TO_OPEN = 'Click to open Switchboard and answer.';

describe('Firefox: notifications of offered contacts while the sidebar page is closed', () => {
  let cc: TestContactCenter;
  let agent: FirefoxAgent;
  let firefox: FirefoxBrowserWindow;
  let chats: SdkChatClients;

  beforeAll(async () => {
    // Long offers: the notification is read, clicked and the call answered in the window it opens.
    cc = await startTestContactCenter(undefined, { offerTimeoutMs: 30_000 });
    chats = new SdkChatClients(cc);
    agent = await FirefoxAgent.launch('agent1', { 'screenPop.mode': 'off' }, { prefs: NOTIFICATION_PREFS });
    firefox = await FirefoxBrowserWindow.of(agent.browser);
    await agent.signInQuickly(cc);
    await agent.selectStatus('Available');
    await eventually('the contact center to have Available', () => cc.engine.getAgentView('agent1').status.name === 'Available', REACHES_BROWSER_MS);
  });
  afterAll(async () => {
    chats?.destroy();
    await agent?.close();
    await cc?.stop();
  });

  const alertTitled = (title: string) => async (): Promise<ShownAlert | undefined> => (await firefox.alerts()).find((alert) => alert.title === title);

  /** The page showing the sidebar page (puppeteer's page.url() stays about:blank for extension pages in
   *  Firefox: it learns no navigation of theirs, so each page is asked where it is). */
  async function softphonePage(): Promise<Page | undefined> {
    for (const page of await agent.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => null);
      if (href === extensionUrl('sidepanel.html')) return page;
    }
    return undefined;
  }

  /** Closes every view of the session: the sidebar Firefox opened at install, and the sidebar page's tab. */
  async function closeEveryView(): Promise<void> {
    await firefox.closeSidebar();
    expect(await firefox.sidebar()).toEqual({ open: false, page: null });
    await agent.panel.close();
  }

  it('a ringing call is notified without buttons; a click opens the softphone, where it is answered', async () => {
    await closeEveryView();
    const contactId = await cc.callIn();

    const alert = await eventually('Firefox to show the incoming call notification', alertTitled('Incoming call'), REACHES_BROWSER_MS);
    expect(alert.text).toContain(CUSTOMER);
    expect(alert.text).toContain(CLICK_TO_OPEN);

    await firefox.clickAlert('Incoming call');
    const opened = await eventually('the softphone page opened by the click', () => softphonePage(), REACHES_BROWSER_MS);
    agent.panel = opened;
    await eventually('the notification gone', async () => !(await alertTitled('Incoming call')()), REACHES_BROWSER_MS);

    await agent.clickButton('Accept call', '[data-testid="incoming-contact"]');
    await eventually('the contact center to connect the call', () => contactState(cc, contactId) === 'connected', REACHES_BROWSER_MS);
    await agent.clickButton('End call', '[data-testid="active-call"]');
    await agent.clickButton('Close contact', '[data-testid="after-call-work"]');
    await eventually('the agent without contacts', () => cc.engine.getAgentView('agent1').contacts.length === 0, REACHES_BROWSER_MS);

    // What the worker did: shown once, then the click opened a window because the sidebar refused.
    const lines = (await agent.sessionLog()).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.event === 'notification-shown' && line.contactId === contactId)).toHaveLength(1);
    expect(lines.find((line) => line.event === 'notification-clicked' && line.contactId === contactId)).toMatchObject({
      opened: 'window',
      sidebarError: 'sidebarAction.open may only be called from a user input handler',
    });
  });

  it('an offered chat is notified with the customer, and the notification goes when the customer leaves', async () => {
    await agent.panel.close();
    expect((await firefox.sidebar()).open).toBe(false);
    const customer = await chats.startChat('Hanako Yamada', 'basic', 'Is anyone there?');

    const alert = await eventually('Firefox to show the incoming chat notification', alertTitled('Incoming chat'), REACHES_BROWSER_MS);
    expect(alert.text).toContain('Hanako Yamada');
    expect(alert.text).toContain(CLICK_TO_OPEN);

    await customer.disconnect();
    await eventually('the chat notification cleared after the customer left', async () => !(await alertTitled('Incoming chat')()), REACHES_BROWSER_MS);
  });
});
