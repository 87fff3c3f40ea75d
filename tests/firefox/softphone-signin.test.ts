// Firefox end to end: the sidebar's page (in a tab) signs in to the local contact center, the engine runs in
// the background page's frame, and the agent's status goes both ways between the panel and the contact center.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { eventually, FirefoxAgent } from './support/firefox-agent';

describe('Firefox: signing in from the sidebar page', () => {
  let cc: TestContactCenter;
  let agent: FirefoxAgent;

  beforeAll(async () => {
    cc = await startTestContactCenter();
    agent = await FirefoxAgent.launch('agent1');
  });
  afterAll(async () => {
    await agent?.close();
    await cc?.stop();
  });

  it('shows the sign-in form, signs in, and shows the agent and the status the contact center has', async () => {
    await eventually('the sign-in heading', () => agent.panel.evaluate(() => document.querySelector('#sign-in-heading')?.textContent?.trim()));
    await agent.signInQuickly(cc);
    await eventually('the agent name', () => agent.panel.evaluate(() => document.body.innerText.includes('Emily Carter')));
    expect(await agent.shownStatus()).toBe(cc.engine.getAgentView('agent1').status.name);
  });

  it('changes the status from the panel, and the contact center follows', async () => {
    await agent.panel.select('#agent-status', await optionValue(agent, 'Available'));
    await eventually('the contact center to have Available', () => cc.engine.getAgentView('agent1').status.name === 'Available');
    // The panel shows the contact center's answer when the engine reports it.
    await eventually('the panel to show Available', async () => (await agent.shownStatus()) === 'Available');
  });
});

/** The value of the status option named `name`. */
async function optionValue(agent: FirefoxAgent, name: string): Promise<string> {
  return eventually(`the status option ${name}`, () =>
    agent.panel.evaluate((label) => [...document.querySelectorAll<HTMLOptionElement>('#agent-status option')].find((o) => o.textContent?.trim() === label)?.value, name),
  );
}
