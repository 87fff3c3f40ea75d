// The worker's side of dialing from pages: only this extension's content scripts may ask, the number is checked
// again, each request becomes one `dial` command with a fresh page-dial id, and the log gets the origin only.
import { describe, expect, it, vi } from 'vitest';
import type { CommandEnvelope, CommandError, CommandResult } from '../../../lib/session/commands';
import { CALL_SELECTION_MENU_ID, createCallSelectionMenu, PageDial, validE164 } from '../../../lib/session/page-dial';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromContentScript = { id: EXTENSION_ID, url: 'https://crm.example.com/customers/42?token=secret', tab: { id: 7 } };
const PAGE = { url: 'https://crm.example.com/customers/42?token=secret', title: 'Hana Sato', recordId: '42' };
const request = (phoneNumber: string) => ({ type: 'page-dial', phoneNumber, page: PAGE });

function setup(result: CommandResult = { ok: true }) {
  const executed: CommandEnvelope[] = [];
  const selectionFailures: [CommandError, string][] = [];
  const lines: { event: string; data?: Record<string, unknown> }[] = [];
  /** What the page-context binder was told, in order, interleaved with the commands run. */
  const steps: string[] = [];
  let n = 0;
  const pageDial = new PageDial({
    extensionId: EXTENSION_ID,
    execute: (envelope) => {
      executed.push(envelope);
      steps.push(`execute ${envelope.id}`);
      return Promise.resolve(result);
    },
    pageContexts: {
      expect: (dialId, phoneNumber, page) => Promise.resolve(void steps.push(`expect ${dialId} ${phoneNumber} ${JSON.stringify(page)}`)),
      forget: (dialId) => Promise.resolve(void steps.push(`forget ${dialId}`)),
    },
    log: { append: (event, data) => void lines.push({ event, data }) },
    defaultCountry: () => Promise.resolve('JP'),
    newId: () => `uuid-${++n}`,
    selectionFailed: (error, selection) => Promise.resolve(void selectionFailures.push([error, selection])),
  });
  return { pageDial, executed, lines, steps, selectionFailures };
}

describe('PageDial', () => {
  it('dials a valid E.164 number sent by our content script with a fresh page-dial id and answers the result', async () => {
    const { pageDial, executed, lines } = setup();
    await expect(pageDial.handleMessage(request('+81312345678'), fromContentScript)).resolves.toEqual({ ok: true });
    await pageDial.handleMessage(request('+81312345678'), fromContentScript);
    expect(executed).toEqual([
      { id: 'page-dial:uuid-1', command: { type: 'dial', target: { phoneNumber: '+81312345678' } } },
      { id: 'page-dial:uuid-2', command: { type: 'dial', target: { phoneNumber: '+81312345678' } } },
    ]);
    expect(lines[0]).toEqual({ event: 'page-dial', data: { origin: 'https://crm.example.com', source: 'page', ok: true } });
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(JSON.stringify(lines)).not.toContain('Hana');
  });

  it('hands the page to the page-context binder before the dial, and takes it back when the dial fails', async () => {
    const dialed = setup();
    await dialed.pageDial.handleMessage(request('+81312345678'), fromContentScript);
    expect(dialed.steps).toEqual([`expect page-dial:uuid-1 +81312345678 ${JSON.stringify(PAGE)}`, 'execute page-dial:uuid-1']);
    const refused = setup({ ok: false, error: { code: 'rejected' } });
    await refused.pageDial.handleMessage(request('+81312345678'), fromContentScript);
    expect(refused.steps).toEqual([`expect page-dial:uuid-1 +81312345678 ${JSON.stringify(PAGE)}`, 'execute page-dial:uuid-1', 'forget page-dial:uuid-1']);
  });

  it('gives a selection dial the page URL and tab title as its context, without a record id', async () => {
    const { pageDial, steps } = setup();
    await pageDial.handleSelection('03-1234-5678', 'https://crm.example.com/x', 'Hana Sato');
    expect(steps[0]).toBe(`expect page-dial:uuid-1 +81312345678 ${JSON.stringify({ url: 'https://crm.example.com/x', title: 'Hana Sato', recordId: null })}`);
  });

  it.each([
    ['a title over 300 characters', { ...PAGE, title: 'x'.repeat(301) }],
    ['a record id that is a number', { ...PAGE, recordId: 42 }],
    ['no record id at all', { url: PAGE.url, title: PAGE.title }],
  ])('leaves a page-dial request with %s to the other handlers (not ours: our content script never sends it)', (_case, page) => {
    const { pageDial } = setup();
    expect(pageDial.handleMessage({ type: 'page-dial', phoneNumber: '+81312345678', page }, fromContentScript)).toBeUndefined();
  });

  it('passes a command error back to the content script', async () => {
    const { pageDial } = setup({ ok: false, error: { code: 'not-signed-in' } });
    await expect(pageDial.handleMessage(request('+81312345678'), fromContentScript)).resolves.toEqual({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('leaves other messages to the other handlers', () => {
    const { pageDial } = setup();
    expect(pageDial.handleMessage({ target: 'worker', type: 'engine-event', event: {} }, fromContentScript)).toBeUndefined();
    expect(pageDial.handleMessage({ type: 'page-dial', phoneNumber: 42 }, fromContentScript)).toBeUndefined();
  });

  it.each([
    ['another extension', { ...fromContentScript, id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }],
    ['an extension page (no tab)', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` }],
    ['a non-web page', { id: EXTENSION_ID, url: 'file:///etc/passwd', tab: { id: 1 } }],
  ])('refuses a request from %s and places no call', async (_name, sender) => {
    const { pageDial, executed } = setup();
    const answer = await pageDial.handleMessage(request('+81312345678'), sender);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-command' } });
    expect(executed).toEqual([]);
  });

  it.each(['0312345678', '+8131234567', '+81 3 1234 5678', '+81312345678;phone-context=x', '+1234'])('refuses %j: not a valid E.164 number', async (number) => {
    const { pageDial, executed } = setup();
    const answer = await pageDial.handleMessage(request(number), fromContentScript);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-number' } });
    expect(executed).toEqual([]);
  });

  it('dials the first number of a selection read with the default country, and refuses a selection without one', async () => {
    const { pageDial, executed } = setup();
    await expect(pageDial.handleSelection('Tel. ０３－１２３４－５６７８ (main)', 'https://crm.example.com/x')).resolves.toEqual({ ok: true });
    await expect(pageDial.handleSelection('Order 2024-05-01 12:30', 'https://crm.example.com/x')).resolves.toMatchObject({ ok: false, error: { code: 'invalid-number' } });
    expect(executed.map((e) => e.command)).toEqual([{ type: 'dial', target: { phoneNumber: '+81312345678' } }]);
  });

  it('tells the agent why a selection placed no call (no number in it, or the dial failed), and nothing when it did', async () => {
    const dialed = setup();
    await dialed.pageDial.handleSelection('Call 03-1234-5678', 'https://crm.example.com/x');
    expect(dialed.selectionFailures).toEqual([]);
    await dialed.pageDial.handleSelection('Order 2024-05-01 12:30', 'https://crm.example.com/x');
    expect(dialed.selectionFailures).toEqual([[{ code: 'invalid-number', params: { number: 'Order 2024-05-01 12:30' } }, 'Order 2024-05-01 12:30']]);
    const signedOut = setup({ ok: false, error: { code: 'not-signed-in' } });
    await expect(signedOut.pageDial.handleSelection('Call 03-1234-5678', 'https://crm.example.com/x')).resolves.toMatchObject({ ok: false });
    expect(signedOut.selectionFailures).toEqual([[{ code: 'not-signed-in' }, 'Call 03-1234-5678']]);
  });

  it('creates the selection menu item with the translated title on web pages only', () => {
    const create = vi.fn();
    createCallSelectionMenu({ create }, 'Call “%s” with Switchboard');
    expect(create).toHaveBeenCalledWith({ id: CALL_SELECTION_MENU_ID, title: 'Call “%s” with Switchboard', contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
  });

  it('validE164 accepts US and Japanese numbers in E.164 only', () => {
    expect(validE164('+14155550132')).toBe('+14155550132');
    expect(validE164('+819012345678')).toBe('+819012345678');
    expect(validE164('+1415555013')).toBeNull();
  });
});
