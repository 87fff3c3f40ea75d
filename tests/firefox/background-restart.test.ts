// Firefox end to end, the session owner restarted mid-call: Firefox's background is a persistent page, which
// nothing unloads while the browser runs, so the strongest restarts a test can force are reloading that page (a
// new session owner restores the session from storage.session and finds its engine frame gone with the old
// document) and removing only the engine frame (the supervisor's engine-lost recovery). After each, the panel
// must show the connected call again, and Hold, Resume and End call must work, checked on the contact center.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { agentOf, contactState, customerState } from '../support/softphone-steps';
import { hasEngineFrame, reloadBackgroundPage, removeEngineFrame, sessionLogLines } from './support/background-page';
import { eventually, FirefoxAgent, textOf } from './support/firefox-agent';

/** How long a change may take to reach the panel (softphone.test.ts says why it is longer than Chrome's). */
const REACHES_PANEL_MS = 20_000;
/** How long a new engine may take to be ready again: the frame, streams, the CCP frame and its first poll. */
const ENGINE_BACK_MS = 30_000;

describe('Firefox: the background restarted mid-call, the call still controllable', () => {
  let cc: TestContactCenter;
  let agent: FirefoxAgent;

  beforeAll(async () => {
    cc = await startTestContactCenter(undefined, { offerTimeoutMs: 15_000 });
    agent = await FirefoxAgent.launch('agent1');
    await agent.signInQuickly(cc);
    await agent.selectStatus('Available');
    await eventually('the contact center to have agent1 Available', () => cc.engine.getAgentView('agent1').status.name === 'Available');
  });
  afterAll(async () => {
    await agent?.close();
    await cc?.stop();
  });
  beforeEach(async () => {
    await eventually('agent1 Available with no contact', () => cc.engine.getAgentView('agent1').state.name === 'Available' && cc.engine.getAgentView('agent1').contacts.length === 0, REACHES_PANEL_MS);
  });

  /** A customer calls, the agent accepts in the panel; resolves once both sides have the call connected. */
  async function acceptInboundCall(): Promise<string> {
    const contactId = await cc.callIn();
    await eventually(`contact ${contactId} offered to agent1`, () => agentOf(cc, contactId) === 'agent1');
    await eventually('the incoming card', () => agent.shows('[data-testid="incoming-contact"]'), REACHES_PANEL_MS);
    await agent.clickButton('Accept call', '[data-testid="incoming-contact"]');
    await eventually('the contact center to connect the call', () => contactState(cc, contactId) === 'connected', REACHES_PANEL_MS);
    await eventually('the active call', () => agent.shows('[data-testid="active-call"]'), REACHES_PANEL_MS);
    return contactId;
  }

  /** Records in the panel page, on every change of its DOM, the connection banner's text and whether the active
   *  call is on screen: what the agent saw while the engine was away. */
  async function recordPanel(): Promise<void> {
    await agent.panel.evaluate(() => {
      const seen: { banner: string; call: boolean }[] = [];
      (window as unknown as { panelStates: typeof seen }).panelStates = seen;
      const look = () => {
        const state = {
          banner: document.querySelector('[data-testid="connection-banner"]')?.textContent?.trim() ?? '',
          call: document.querySelector('[data-testid="active-call"]') !== null,
        };
        const last = seen.at(-1);
        if (!last || last.banner !== state.banner || last.call !== state.call) seen.push(state);
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
      look();
    });
  }
  const panelStates = () => agent.panel.evaluate(() => (window as unknown as { panelStates: { banner: string; call: boolean }[] }).panelStates);

  /** After a restart: the engine is back (logged), the panel shows the connected call with no banner, and
   *  Hold, Resume and End call from the panel reach the contact center; then the contact is closed. */
  async function expectCallBackAndControllable(contactId: string, since: number): Promise<void> {
    const [lost] = await eventually('engine-lost in the session log', async () => {
      const lines = await sessionLogLines(agent.panel, { since, event: 'engine-lost' });
      return lines.length > 0 && lines;
    }, ENGINE_BACK_MS);
    expect(lost.reason).toBe('engine-closed');
    await eventually('engine-recovered in the session log', async () => (await sessionLogLines(agent.panel, { since, event: 'engine-recovered' })).length === 1, ENGINE_BACK_MS);
    await eventually('the connected call without a banner', async () => (await agent.shows('[data-testid="active-call"]')) && !(await agent.shows('[data-testid="connection-banner"]')), REACHES_PANEL_MS);
    expect((await textOf(agent.panel, '[data-testid="active-call"] h2'))?.trim().toLowerCase()).toBe('on a call');
    // The agent saw that the connection was lost, and the call stayed on screen throughout.
    const states = await panelStates();
    expect(states.some((state) => /connection to the contact center was lost/i.test(state.banner)), JSON.stringify(states)).toBe(true);
    expect(states.every((state) => state.call), JSON.stringify(states)).toBe(true);
    expect(contactState(cc, contactId)).toBe('connected');
    // The call's audio went with the old engine: the call view says so, and the session log has it.
    await eventually('the no-audio note on the call', () => agent.shows('[data-testid="call-audio-lost"]'), REACHES_PANEL_MS);
    expect(await sessionLogLines(agent.panel, { since, event: 'call-audio-lost' })).toHaveLength(1);

    await agent.clickButton('Hold', '[data-testid="active-call"]');
    await eventually('the customer on hold', () => customerState(cc, contactId) === 'hold', REACHES_PANEL_MS);
    await agent.clickButton('Resume', '[data-testid="active-call"]');
    await eventually('the customer back', () => customerState(cc, contactId) === 'connected', REACHES_PANEL_MS);
    await agent.clickButton('End call', '[data-testid="active-call"]');
    await eventually('the call ended at the contact center', () => customerState(cc, contactId) !== 'connected', REACHES_PANEL_MS);
    await eventually('after call work', () => agent.shows('[data-testid="after-call-work"]'), REACHES_PANEL_MS);
    await agent.clickButton('Close contact', '[data-testid="after-call-work"]');
    await eventually('the contact closed', () => contactState(cc, contactId) === 'ended', REACHES_PANEL_MS);
    // The engine-lost recovery kept the agent's status: the call was not missed.
    expect(cc.engine.getAgentView('agent1').status.name).toBe('Available');
  }

  it('the background page reloaded mid-call: a new session owner restores the call, and Hold, Resume and End call work', async () => {
    const contactId = await acceptInboundCall();
    const backgroundBefore = await agent.backgroundStartedAt();
    await recordPanel();

    const since = await reloadBackgroundPage(agent.panel);
    await eventually('a new background document', async () => {
      const started = await agent.backgroundStartedAt();
      return started !== null && started !== backgroundBefore;
    }, REACHES_PANEL_MS);
    const [started] = await eventually('worker-started in the session log', async () => {
      const lines = await sessionLogLines(agent.panel, { since, event: 'worker-started' });
      return lines.length > 0 && lines;
    }, REACHES_PANEL_MS);
    // The new page restored the session (a call, connected) from storage.session, not from a new sign-in.
    expect(started).toMatchObject({ restored: true, connection: 'ready' });
    expect(await sessionLogLines(agent.panel, { since, event: 'sign-in' })).toEqual([]);
    await expectCallBackAndControllable(contactId, since);
    expect(await hasEngineFrame(agent.panel)).toBe(true);
  });

  it('the engine frame removed mid-call: the same background page recreates it, and Hold, Resume and End call work', async () => {
    const contactId = await acceptInboundCall();
    const backgroundBefore = await agent.backgroundStartedAt();
    await recordPanel();

    const since = await removeEngineFrame(agent.panel);
    await expectCallBackAndControllable(contactId, since);
    expect(await agent.backgroundStartedAt()).toBe(backgroundBefore);
    expect(await hasEngineFrame(agent.panel)).toBe(true);
  });
});
