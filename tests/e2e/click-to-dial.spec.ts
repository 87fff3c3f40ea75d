// End to end, click-to-dial (F28, B1) with agent1 signed in: on pages served from their own origin, hovering a
// number shows the dial button and clicking it calls (the panel shows the call, the contact center has the
// outbound contact), a tel: link calls through Switchboard, a Japanese page with full-width digits works with
// the default country JP, a section the page re-renders stays dialable; and a hostile page cannot start a call
// with synthetic clicks or postMessage, nor read the button's closed shadow root. A call dialed from a demo CRM
// customer record carries the page (F31): the panel shows its title and record id, streams sees the contact
// attributes, and the contact record keeps them. "Call <selection>" from the context menu calls the selection's
// first number, or says in a notification why it could not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { REACHES_PANEL_MS, activeCall, agentView, contactRecord, endAndClose, ensureStatus, launchAgent, recordsOf } from '../support/softphone-steps';

/** The extension APIs the tests call inside the service worker (the Node-side tsconfig has no chrome types). */
declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  contextMenus: {
    update(id: string, properties: object): Promise<void>;
    /** Chromium's own: runs this context's listeners of the event with the given arguments. */
    onClicked: { dispatch(info: object, tab: unknown): void };
  };
  tabs: { query(query: { url: string }): Promise<unknown[]> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
};

test.describe.configure({ mode: 'serial' });

const PAGES: Record<string, string> = {
  '/crm': `<!doctype html><html lang="en"><head><title>Customer: Hana Sato</title></head><body>
    <h1>Hana Sato</h1>
    <p>Office: <span id="office">03-5550-0123</span> (weekdays)</p>
    <p><a id="tel" href="tel:+81-3-5550-0124">Support line</a></p>
    <p><input id="field" value="03-5550-0999"></p>
    <div id="spa"></div>
    <script>
      // A single-page-app section: its nodes are thrown away and rebuilt every 300 ms.
      let renders = 0;
      const render = () => { renders++; document.getElementById('spa').innerHTML = '<p>Branch <b>render ' + renders + '</b>: <span id="branch">06-6123-4567</span></p>'; };
      render();
      setInterval(render, 300);
    </script>
  </body></html>`,
  '/ja': `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>顧客情報</title></head><body>
    <p>電話：<span id="fullwidth">０３－５５５０－０１２５</span>（平日）</p>
  </body></html>`,
  '/framed': `<!doctype html><html lang="en"><head><title>Framed</title></head><body>
    <p>The record below is a same-origin frame.</p>
    <iframe id="record" src="/ja" style="width: 360px; height: 120px; border: 0"></iframe>
  </body></html>`,
  '/hostile': `<!doctype html><html lang="en"><head><title>Hostile</title></head><body>
    <p>Call us: <span id="number">03-5550-0126</span></p>
    <p><a id="tel" href="tel:0355500127">Support</a></p>
  </body></html>`,
};

let cc: TestContactCenter;
let emily: AgentBrowser;
let server: Server;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(60_000);
  server = createServer((req, res) => {
    const body = PAGES[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cc = await startTestContactCenter();
  emily = await launchAgent('agent1');
  await emily.signInQuickly(cc);
  await ensureStatus(cc, emily, 'Available');
});
test.afterAll(async () => {
  await emily?.close();
  await cc?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

const dialButton = (page: Page) => page.locator('switchboard-dial-button');
/** How many numbers click-to-dial has marked on the page (its CSS highlight). */
const markedNumbers = (page: Page) =>
  page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('switchboard-phone')?.size ?? 0);

/** Moves the mouse over the middle of the text of `selector` (as the agent pointing at the number). */
async function hoverText(page: Page, selector: string): Promise<void> {
  const box = await page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel)!);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, selector);
  await page.mouse.move(box.x - 5, box.y);
  await page.mouse.move(box.x, box.y, { steps: 3 });
}

async function openPage(path: string): Promise<Page> {
  const page = await emily.context.newPage();
  await page.goto(origin + path);
  return page;
}

/** The call the panel and the contact center show after a dial to `e164`; then ended and closed. */
async function expectOutboundCallTo(e164: string): Promise<void> {
  await expect(activeCall(emily.panel)).toBeVisible({ timeout: REACHES_PANEL_MS });
  const [contact] = agentView(cc, 'agent1').contacts;
  expect(await contactRecord(cc, contact.contactId)).toMatchObject({ initiationMethod: 'outbound', customerEndpoint: e164, agentId: 'agent1' });
  await endAndClose(cc, emily);
}

/** No call for a while: nothing reached the contact center. */
async function expectNoCall(): Promise<void> {
  await emily.panel.waitForTimeout(1500);
  expect(agentView(cc, 'agent1').contacts).toEqual([]);
  await expect(activeCall(emily.panel)).toHaveCount(0);
}

test('hovering a number shows the dial button; clicking it calls the number', async () => {
  const page = await openPage('/crm');
  await expect(dialButton(page)).toBeHidden();
  await hoverText(page, '#office');
  await expect(dialButton(page)).toBeVisible();
  // The page text was not rewritten; the numbers are marked with a CSS highlight instead.
  await expect(page.locator('#office')).toHaveJSProperty('innerHTML', '03-5550-0123');
  await expect.poll(() => markedNumbers(page)).toBeGreaterThanOrEqual(2);
  await dialButton(page).click();
  await expectOutboundCallTo('+81355500123');
  await page.close();
});

test('a number in a form field gets no dial button', async () => {
  const page = await openPage('/crm');
  await hoverText(page, '#field');
  await page.waitForTimeout(500);
  await expect(dialButton(page)).toBeHidden();
  await page.close();
});

test('clicking a tel: link calls through Switchboard instead of the system handler', async () => {
  const page = await openPage('/crm');
  await page.locator('#tel').click();
  await expectOutboundCallTo('+81355500124');
  expect(page.url()).toBe(`${origin}/crm`);
  await page.close();
});

test('a Japanese page with a full-width number is dialable with the default country JP', async () => {
  const page = await openPage('/ja');
  await hoverText(page, '#fullwidth');
  await expect(dialButton(page)).toBeVisible();
  await dialButton(page).click();
  await expectOutboundCallTo('+81355500125');
  await page.close();
});

test('a number in a same-origin frame is dialable', async () => {
  const page = await openPage('/framed');
  const frame = page.frameLocator('#record');
  const offset = (await page.locator('#record').boundingBox())!;
  const inner = await frame.locator('#fullwidth').evaluate((span) => {
    const range = document.createRange();
    range.selectNodeContents(span);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(offset.x + inner.x - 5, offset.y + inner.y);
  await page.mouse.move(offset.x + inner.x, offset.y + inner.y, { steps: 3 });
  await expect(frame.locator('switchboard-dial-button')).toBeVisible();
  await frame.locator('switchboard-dial-button').click();
  await expectOutboundCallTo('+81355500125');
  await page.close();
});

test('a section the page re-renders keeps its number dialable', async () => {
  const page = await openPage('/crm');
  // Several re-renders later the number is in nodes created after the first scan.
  await expect(page.locator('#spa b')).toHaveText(/render ([4-9]|\d\d)/);
  await hoverText(page, '#branch');
  await expect(dialButton(page)).toBeVisible();
  await dialButton(page).click();
  await expectOutboundCallTo('+81661234567');
  await page.close();
});

/**
 * What Chrome does when the agent picks "Call <selection>" in the context menu on `page`: its listeners get the
 * menu item, the page's selection and URL, and the tab. A test cannot open Chrome's native menu (headless draws
 * none), so the item's presence is checked and the worker's own listeners are run with what the click gives.
 */
async function callSelectionFromContextMenu(page: Page): Promise<void> {
  const selectionText = await page.evaluate(() => getSelection()?.toString() ?? '');
  expect(selectionText).not.toBe('');
  const worker = await emily.serviceWorker();
  await worker.evaluate(
    async ({ selectionText, pageUrl }) => {
      const id = 'switchboard-call-selection';
      await chrome.contextMenus.update(id, {}); // rejects "Cannot find menu item" unless the worker created it
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      chrome.contextMenus.onClicked.dispatch({ menuItemId: id, selectionText, pageUrl, editable: false }, tab);
    },
    { selectionText, pageUrl: page.url() },
  );
}

test('"Call <selection>" in the context menu calls the selection\'s first number with the page as its context', async () => {
  // A demo CRM customer record: the agent selects the line with the mobile number and its tel: link.
  const recordUrl = `${cc.crmUrl}/customers/7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01`;
  const page = await emily.context.newPage();
  await page.goto(recordUrl);
  await page.locator('dd', { has: page.locator('a[href="tel:+819012345678"]') }).first().selectText();
  await callSelectionFromContextMenu(page);
  await expect(activeCall(emily.panel)).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(activeCall(emily.panel).getByTestId('page-context').getByRole('link', { name: 'Taro Suzuki · Northwind CRM' })).toHaveAttribute('href', recordUrl);
  const [contact] = agentView(cc, 'agent1').contacts;
  expect(await contactRecord(cc, contact.contactId)).toMatchObject({ initiationMethod: 'outbound', customerEndpoint: '+819012345678' });
  await endAndClose(cc, emily);
  await page.close();
});

test('"Call <selection>" on text without a phone number places no call and says why in a notification', async () => {
  const page = await openPage('/crm');
  const worker = await emily.serviceWorker();
  const failureNotifications = () => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).filter((id) => id.startsWith('dial-failed:')).length);
  const before = await failureNotifications();
  await page.locator('h1').selectText();
  await callSelectionFromContextMenu(page);
  await expect.poll(failureNotifications).toBe(before + 1);
  await expectNoCall();
  await page.close();
});

test('hostile page: synthetic clicks on the button or a tel: link and postMessage start no call; the button is closed to the page', async () => {
  const page = await openPage('/hostile');
  await hoverText(page, '#number');
  await expect(dialButton(page)).toBeVisible();
  const seen = await page.evaluate(() => {
    const host = document.querySelector('switchboard-dial-button') as HTMLElement;
    const peek = { shadowRoot: host.shadowRoot === null, text: host.textContent, html: host.innerHTML, runtime: typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage };
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    (document.getElementById('tel') as HTMLAnchorElement).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    window.postMessage({ type: 'page-dial', phoneNumber: '+81355500128', page: { url: location.href, title: 'x' } }, '*');
    window.postMessage({ type: 'dial', target: { phoneNumber: '+81355500128' } }, '*');
    return peek;
  });
  expect(seen).toEqual({ shadowRoot: true, text: '', html: '', runtime: 'undefined' });
  await expectNoCall();
  await page.close();
});

test('a call dialed from a CRM customer record carries the page: the panel shows it, the contact record keeps it', async () => {
  const TARO = '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01';
  const recordUrl = `${cc.crmUrl}/customers/${TARO}`;
  const page = await emily.context.newPage();
  await page.goto(recordUrl);
  const title = await page.title();
  expect(title).toBe('Taro Suzuki · Northwind CRM');
  await page.locator('a[href="tel:+819012345678"]').first().click();

  const pageContext = activeCall(emily.panel).getByTestId('page-context');
  await expect(pageContext).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(pageContext.getByRole('link', { name: title })).toHaveAttribute('href', recordUrl);
  await expect(pageContext).toContainText(`Record ${TARO}`);

  const [contact] = agentView(cc, 'agent1').contacts;
  const expected = { crmPageUrl: recordUrl, crmPageTitle: title, crmRecordId: TARO };
  await expect.poll(async () => (await contactRecord(cc, contact.contactId)).attributes, { message: 'the contact has the page as attributes' }).toEqual(expected);
  // Streams sees them too: the worker's snapshot (from streams' contact.getAttributes()) has them on the contact.
  const worker = await emily.serviceWorker();
  await expect
    .poll(async () => {
      const stored = (await worker.evaluate(() => chrome.storage.session.get('session.snapshot')))['session.snapshot'] as { contacts: { id: string; attributes: Record<string, string> }[] };
      return stored.contacts.find((c) => c.id === contact.contactId)?.attributes;
    })
    .toEqual(expected);

  await endAndClose(cc, emily);
  const record = (await recordsOf(cc, 'agent1')).find((r) => r.contactId === contact.contactId);
  expect(record).toMatchObject({ initiationMethod: 'outbound', customerEndpoint: '+819012345678', attributes: expected });
  await page.close();
});


test('switching click-to-dial off for a site unmarks its open page at once; on again marks it again', async () => {
  const page = await openPage('/crm');
  await expect.poll(() => markedNumbers(page)).toBeGreaterThan(0);
  try {
    // What the panel's per-site switch stores (the switch itself is tested against the settings store).
    await emily.chooseSettings({ 'clickToDial.disabledSites': [origin] });
    await expect.poll(() => markedNumbers(page)).toBe(0);
    await hoverText(page, '#office');
    await page.waitForTimeout(500);
    await expect(dialButton(page)).toHaveCount(0);
  } finally {
    await emily.chooseSettings({ 'clickToDial.disabledSites': null });
  }
  await expect.poll(() => markedNumbers(page)).toBeGreaterThan(0);
  await hoverText(page, '#office');
  await expect(dialButton(page)).toBeVisible();
  await page.close();
});

test('with confirm before dialing, the first click asks "Call …?" and only the second dials', async () => {
  await emily.chooseSettings({ 'clickToDial.confirmBeforeDialing': true });
  try {
    const page = await openPage('/crm');
    await hoverText(page, '#office');
    await expect(dialButton(page)).toBeVisible();
    await dialButton(page).click();
    await page.waitForTimeout(800);
    expect(agentView(cc, 'agent1').contacts).toEqual([]);
    // The question is in the closed shadow root; the agent's second click on the same button confirms.
    await dialButton(page).click();
    await expectOutboundCallTo('+81355500123');
    await page.close();
  } finally {
    await emily.chooseSettings({ 'clickToDial.confirmBeforeDialing': null });
  }
});
