// Firefox end to end, outbound calls: from the number pad in the sidebar's page (in a tab: Japan chosen, the number
// keyed on the pad, Call; the contact center has the outbound contact from this agent, its far end answers, and
// the call is ended and closed), and click-to-dial (F28) on a page served on loopback in a Firefox tab: the content
// script marks the numbers with a CSS Custom Highlight that Firefox paints, without rewriting the page's text; the
// pointer over a number shows the dial button, and a real pointer click on it calls the number; a tel: link
// clicked calls through Switchboard. One agent and one contact center for both (a browser start costs seconds).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { contactRecord, contactState, customerState } from '../support/softphone-steps';
import { eventually, FirefoxAgent, textOf } from './support/firefox-agent';

/** How long a change may take to reach the panel (softphone.test.ts says why it is longer than Chrome's). */
const REACHES_PANEL_MS = 20_000;

const CRM_PAGE = `<!doctype html><html lang="en"><head><title>Customer: Hana Sato</title></head><body style="font: 16px sans-serif">
  <h1>Hana Sato</h1>
  <p>Office: <span id="office">03-5550-0123</span> (weekdays)</p>
  <p>Mobile: <span id="mobile">090-5550-0188</span></p>
  <p><a id="tel" href="tel:+81-3-5550-0124">Support line</a></p>
</body></html>`;

describe('Firefox: outbound calls from the number pad and from a page', () => {
  let cc: TestContactCenter;
  let agent: FirefoxAgent;
  let server: Server;
  let pageUrl = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const found = req.url === '/crm';
      res.writeHead(found ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(found ? CRM_PAGE : 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm`;
    cc = await startTestContactCenter();
    agent = await FirefoxAgent.launch('agent1');
    await agent.signInQuickly(cc);
    await agent.selectStatus('Available');
    await eventually('the contact center to have agent1 Available', () => cc.engine.getAgentView('agent1').status.name === 'Available');
  });
  afterAll(async () => {
    await agent?.close();
    await cc?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function openCrmPage(): Promise<Page> {
    const page = await agent.browser.newPage();
    await page.setViewport({ width: 900, height: 600 });
    await page.goto(pageUrl);
    return page;
  }

  /** How many numbers click-to-dial has marked on the page: the size of its CSS highlight, as the page sees
   *  the document's highlight registry (the content script's world is isolated, the registry is the page's). */
  const markedNumbers = (page: Page) =>
    page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('switchboard-phone')?.size ?? 0);

  /** The middle of the text of `selector`, in viewport coordinates. */
  const middleOfText = (page: Page, selector: string) =>
    page.evaluate((css) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector(css)!);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, selector);

  /** How many pixels of the screenshot of the text of `selector` (and the line under it) are clearly blue: the
   *  highlight's dotted underline (#1a73e8) is; the page's own black text on white is not. The screenshot is
   *  decoded by the page itself (an <img> drawn on a canvas), as the tests have no PNG decoder. */
  async function bluePixelsUnder(page: Page, selector: string): Promise<number> {
    const box = await page.evaluate((css) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector(css)!);
      const rect = range.getBoundingClientRect();
      return { x: Math.floor(rect.left), y: Math.floor(rect.top), width: Math.ceil(rect.width), height: Math.ceil(rect.height) + 4 };
    }, selector);
    const png = await page.screenshot({ clip: box, encoding: 'base64' });
    return page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let blue = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 2] - pixels[i] > 60) blue += 1;
      return blue;
    }, png);
  }

  /** The dial button's box when it is shown (its host element is the page's to see; its shadow root is closed). */
  const dialButtonBox = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('switchboard-dial-button');
      const rect = host?.getBoundingClientRect();
      return host && rect && getComputedStyle(host).display !== 'none' && rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : undefined;
    });

  /** The outbound call to `e164` shows in the panel and at the contact center, connects, and is ended and closed. */
  async function expectOutboundCallTo(e164: string): Promise<void> {
    const [contact] = await eventually('an outbound contact at the contact center', () => {
      const contacts = cc.engine.getAgentView('agent1').contacts;
      return contacts.length === 1 && contacts;
    }, REACHES_PANEL_MS);
    expect(await contactRecord(cc, contact.contactId)).toMatchObject({ initiationMethod: 'outbound', customerEndpoint: e164, agentId: 'agent1' });
    await eventually('the far end to answer', () => customerState(cc, contact.contactId) === 'connected', REACHES_PANEL_MS);
    await eventually('the call in the panel', () => agent.shows('[data-testid="active-call"]'), REACHES_PANEL_MS);
    await agent.clickButton('End call', '[data-testid="active-call"]');
    await agent.clickButton('Close contact', '[data-testid="after-call-work"]');
    await eventually('the agent without contacts', () => cc.engine.getAgentView('agent1').contacts.length === 0, REACHES_PANEL_MS);
  }

  it('keys a Japanese number on the pad, calls it, the far end answers, and the call ends', async () => {
    await agent.openTool('Number pad');
    const country = await agent.panel.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#dial-country option')].find((o) => o.textContent?.trim() === 'Japan (+81)')?.value);
    expect(country).toBe('JP');
    await agent.panel.select('#dial-country', 'JP');
    for (const key of '0355500123') await agent.clickButton(key, 'section[aria-label="Number pad"] [role="group"]');
    expect(await agent.panel.$eval('#dial-number', (input) => (input as HTMLInputElement).value)).toBe('0355500123');
    await agent.clickButton('Call', 'section[aria-label="Number pad"]');

    await eventually('the active call', () => agent.shows('[data-testid="active-call"]'), REACHES_PANEL_MS);
    const [contact] = await eventually('an outbound contact at the contact center', () => {
      const contacts = cc.engine.getAgentView('agent1').contacts;
      return contacts.length === 1 && contacts;
    });
    await eventually('the far end to answer', () => customerState(cc, contact.contactId) === 'connected', REACHES_PANEL_MS);
    expect(contactState(cc, contact.contactId)).toBe('connected');
    expect(await contactRecord(cc, contact.contactId)).toMatchObject({ initiationMethod: 'outbound', customerEndpoint: '+81355500123', agentId: 'agent1' });
    // The heading says "Dialing…" until the contact center connects the customer.
    await eventually('the panel to say On a call', async () => (await textOf(agent.panel, '[data-testid="active-call"] h2'))?.trim().toLowerCase() === 'on a call', REACHES_PANEL_MS);
    expect((await textOf(agent.panel, '[data-testid="customer-number"]'))?.trim()).toBe('03-5550-0123');

    await agent.clickButton('End call', '[data-testid="active-call"]');
    await eventually('after call work', () => agent.shows('[data-testid="after-call-work"]'), REACHES_PANEL_MS);
    expect(contactState(cc, contact.contactId)).not.toBe('connected');
    await agent.clickButton('Close contact', '[data-testid="after-call-work"]');
    await eventually('the agent without contacts', () => cc.engine.getAgentView('agent1').contacts.length === 0, REACHES_PANEL_MS);
    expect(contactState(cc, contact.contactId)).toBe('ended');
  });

  it('marks the numbers without rewriting the page, and a pointer click on the dial button calls the number', async () => {
    const page = await openCrmPage();
    // Both numbers marked (the tel: link is a link, not marked text).
    await eventually('the two numbers marked', async () => (await markedNumbers(page)) === 2, REACHES_PANEL_MS);
    expect(await page.$eval('#office', (span) => span.innerHTML)).toBe('03-5550-0123');
    // Firefox paints the highlight (the manifest's stylesheet styles ::highlight): blue under the number only.
    await eventually('the number underlined in blue', async () => (await bluePixelsUnder(page, '#office')) > 10);
    expect(await bluePixelsUnder(page, 'h1')).toBe(0);
    expect(await dialButtonBox(page)).toBeUndefined();

    // The pointer moved onto the number, as the agent would, shows the dial button next to it.
    const number = await middleOfText(page, '#office');
    const button = await eventually('the dial button next to the number', async () => {
      await page.mouse.move(number.x - 6, number.y);
      await page.mouse.move(number.x, number.y, { steps: 3 });
      return dialButtonBox(page);
    }, REACHES_PANEL_MS);
    await page.mouse.move(button.x, button.y, { steps: 3 });
    await page.mouse.click(button.x, button.y);
    await expectOutboundCallTo('+81355500123');
    await page.close();
  });

  it('a tel: link clicked with the pointer calls through Switchboard, and the page stays', async () => {
    const page = await openCrmPage();
    await eventually('the page scanned', async () => (await markedNumbers(page)) === 2, REACHES_PANEL_MS);
    const link = await middleOfText(page, '#tel');
    await page.mouse.click(link.x, link.y);
    await expectOutboundCallTo('+81355500124');
    expect(page.url()).toBe(pageUrl);
    await page.close();
  });
});
