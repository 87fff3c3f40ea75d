// Smoke: one agent signs in through the panel and takes an inbound call end to end.
import { expect, test } from '@playwright/test';
import { AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';

let cc: TestContactCenter;
let agent: AgentBrowser;

test.beforeAll(async () => {
  cc = await startTestContactCenter();
  agent = await AgentBrowser.launch('agent1');
});
test.afterAll(async () => {
  await agent?.close();
  await cc?.stop();
});

test('an inbound call rings in the panel and is accepted', async () => {
  await agent.signInQuickly(cc);
  await agent.setStatus(cc, 'Available');
  const contactId = await cc.callIn();
  await agent.panel.getByRole('button', { name: 'Accept call' }).click();
  await expect.poll(() => cc.engine.getAgentView('agent1').state.name).toBe('Busy');
  await agent.panel.getByRole('button', { name: 'End call' }).click();
  await agent.panel.getByRole('button', { name: 'Close contact' }).click();
  await expect.poll(() => cc.engine.getAgentView('agent1').state.name).toBe('Available');
  expect(contactId).toBeTruthy();
});
