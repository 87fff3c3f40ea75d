// Firefox end to end, an outbound call from the number pad: in the sidebar's page (in a tab) the agent chooses
// Japan, keys the number on the pad and presses Call; the contact center has an outbound contact to that number
// from this agent, its far end answers, the panel shows the connected call, and End call and Close contact end it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { contactRecord, contactState, customerState } from '../support/softphone-steps';
import { eventually, FirefoxAgent, textOf } from './support/firefox-agent';

/** How long a change may take to reach the panel (softphone.test.ts says why it is longer than Chrome's). */
const REACHES_PANEL_MS = 20_000;

describe('Firefox: an outbound call from the number pad', () => {
  let cc: TestContactCenter;
  let agent: FirefoxAgent;

  beforeAll(async () => {
    cc = await startTestContactCenter();
    agent = await FirefoxAgent.launch('agent1');
    await agent.signInQuickly(cc);
    await agent.selectStatus('Available');
    await eventually('the contact center to have agent1 Available', () => cc.engine.getAgentView('agent1').status.name === 'Available');
  });
  afterAll(async () => {
    await agent?.close();
    await cc?.stop();
  });

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
});
