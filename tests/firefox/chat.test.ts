// Firefox end to end, a chat conversation (F16): the customer is the real AWS SDK (StartChatContact, then the
// participant API: SendMessage, GetTranscript, DisconnectParticipant), the agent the sidebar page in Firefox with
// streams and ChatJS in the engine frame of the background page. The chat is offered and accepted, messages go
// both ways (the customer reads the agent's reply in its transcript), the customer leaves, and the agent closes
// the contact from After Contact Work; each step checked on the contact center's side too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SdkChatClients } from '../support/sdk-chat-customer';
import { startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { agentView, contactState } from '../support/softphone-steps';
import { eventually, FirefoxAgent } from './support/firefox-agent';
import { chatLogHas, chatLogText, sendChatMessage } from './support/firefox-chat';

/** Contact center -> CCP socket / ChatJS websocket -> engine frame -> worker -> sidebar page, on a busy machine. */
const REACHES_PANEL_MS = 20_000;

describe('Firefox: a chat conversation in the sidebar page', () => {
  let cc: TestContactCenter;
  let agent: FirefoxAgent;
  let chats: SdkChatClients;

  beforeAll(async () => {
    // Offers ring 30 s: a slow panel must still find the chat offered when it accepts.
    cc = await startTestContactCenter(undefined, { offerTimeoutMs: 30_000 });
    chats = new SdkChatClients(cc);
    agent = await FirefoxAgent.launch('agent1');
    await agent.signInQuickly(cc);
    await agent.selectStatus('Available');
    await eventually('the contact center to have Available', () => cc.engine.getAgentView('agent1').status.name === 'Available', REACHES_PANEL_MS);
  });
  afterAll(async () => {
    chats?.destroy();
    await agent?.close();
    await cc?.stop();
  });

  it('is offered, accepted, converses both ways, and is closed after the customer leaves', async () => {
    const customer = await chats.startChat('Hanako Yamada', 'basic', 'My router keeps rebooting.');
    const contactId = customer.contactId;
    await eventually('the chat offered in the panel', () => agent.panel.evaluate(() => document.querySelector('[data-testid="incoming-chat"] [data-testid="customer-name"]')?.textContent?.includes('Hanako Yamada')), REACHES_PANEL_MS);

    await agent.clickButton('Accept chat', '[data-testid="incoming-chat"]');
    await eventually('the contact center to connect the chat', () => agentView(cc, 'agent1').contacts.find((contact) => contact.contactId === contactId)?.state === 'connected', REACHES_PANEL_MS);

    // The customer's messages reach the panel: the first one from the chat's start, then one sent live.
    await eventually('the initial message in the chat log', async () => (await chatLogText(agent)).includes('My router keeps rebooting.'), REACHES_PANEL_MS);
    await customer.send('It started this morning.');
    await eventually('the live message in the chat log', async () => (await chatLogText(agent)).includes('It started this morning.'), REACHES_PANEL_MS);

    // The agent answers in the composer; the customer reads it in its transcript, and the panel renders it.
    await sendChatMessage(agent, 'Let me **check** your line.');
    await eventually('the customer to receive the reply', async () => (await customer.agentMessages()).join('|') === 'Let me **check** your line.', REACHES_PANEL_MS);
    await eventually('the reply rendered with its Markdown', () => chatLogHas(agent, 'strong', 'check'), REACHES_PANEL_MS);

    // The customer leaves: the chat goes to After Contact Work, and the agent closes it.
    await customer.disconnect();
    await agent.clickButton('Close contact');
    await eventually('the agent without contacts', () => agentView(cc, 'agent1').contacts.length === 0, REACHES_PANEL_MS);
    expect(contactState(cc, contactId)).toBe('ended');
    expect(await chatLogText(agent)).toBe('');
  });
});
