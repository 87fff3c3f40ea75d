// Measures what Firefox does to Switchboard's background page (and so to the engine frame in it) while the
// agent is idle: for the MV2 build (persistent background page, what ships) and an MV3 build (event page), with
// Firefox's idle timeout shortened to IDLE_MS so that minutes become seconds. Each phase reports whether the
// background page was unloaded (its document's timeOrigin changed, or 'worker-started' was logged again) and
// whether the engine was lost, and it counts what the engine frame sends the background while idle. Run:
// `npx wxt build -b firefox && npx wxt build -b firefox --mv3 && npx tsx tests/firefox/measure-background-lifetime.ts`
// (PHASE_MS=60000 for the figures in docs/firefox.md).
import { fileURLToPath } from 'node:url';
import { startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { agentOf } from '../support/softphone-steps';
import { eventually, FirefoxAgent, firefoxExtensionDir } from './support/firefox-agent';

const IDLE_MS = 3000;
const PHASE_MS = Number(process.env.PHASE_MS ?? 10 * IDLE_MS);
const mv3Dir = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The session log's events (storage.session), read from an extension page. */
async function loggedEvents(agent: FirefoxAgent): Promise<string[]> {
  return (await agent.sessionLog()).map((line) => (JSON.parse(line) as { event: string }).event);
}

async function measure(name: string, extensionDir: string, cc: TestContactCenter): Promise<void> {
  const agent = await FirefoxAgent.launch('agent1', { 'screenPop.mode': 'off' }, { extensionDir, prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
  try {
    // Control: no session (no engine), the panel closed for a while.
    await eventually('the panel page to run', () => agent.panel.evaluate(() => document.readyState === 'complete'));
    const beforeSession = await agent.backgroundStartedAt();
    await agent.panel.close();
    await wait(PHASE_MS);
    await agent.reopenPanel();
    await eventually('the reopened panel to run', () => agent.panel.evaluate(() => document.readyState === 'complete'));
    const afterIdle = await agent.backgroundStartedAt();
    console.log(`${name} | no session, panel closed ${PHASE_MS / 1000} s | background ${afterIdle === beforeSession ? 'same page' : 'restarted'}`);

    await agent.signInQuickly(cc);
    await agent.selectStatus('Available');
    await eventually('Available', () => cc.engine.getAgentView('agent1').status.name === 'Available');
    const startedAt = await agent.backgroundStartedAt();
    const count = (events: string[], event: string) => events.filter((e) => e === event).length;
    const report = async (phase: string) => {
      const events = await loggedEvents(agent);
      const now = await agent.backgroundStartedAt();
      console.log(
        `${name} | ${phase} | background ${now === null ? 'not running' : now === startedAt ? 'same page' : 'restarted'} | ` +
          `worker-started ×${count(events, 'worker-started')} | engine-lost ×${count(events, 'engine-lost')} | status shown: ${(await agent.shownStatus()) ?? '(none)'}`,
      );
    };
    await report('signed in');
    // What the engine frame sends the background page while nothing happens (runtime messages reach every
    // extension page, the panel too): Firefox restarts an event page's idle timer on each.
    const engineMessages = await agent.panel.evaluate(async (ms) => {
      const runtime = (globalThis as unknown as { browser: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } } }).browser.runtime;
      const kinds: Record<string, number> = {};
      runtime.onMessage.addListener((message) => {
        const m = message as { target?: string; event?: { type?: string; event?: string } };
        if (m.target !== 'worker' || !m.event) return;
        const kind = m.event.type === 'log' ? `log:${m.event.event}` : String(m.event.type);
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      });
      await new Promise((resolve) => setTimeout(resolve, ms));
      return kinds;
    }, 10_000);
    console.log(`${name} | engine -> background messages in 10 s idle | ${JSON.stringify(engineMessages)}`);
    await wait(PHASE_MS);
    await report(`panel open, idle ${PHASE_MS / 1000} s`);
    await agent.panel.close();
    await wait(PHASE_MS);
    await agent.reopenPanel();
    await eventually('the reopened panel to run', () => agent.panel.evaluate(() => document.readyState === 'complete'));
    await report(`panel closed ${PHASE_MS / 1000} s, reopened`);
    await eventually('the status control', () => agent.panel.$('#agent-status'), 40_000).catch(() => undefined);
    const contactId = await cc.callIn();
    const rang = await eventually('the call offered', () => agentOf(cc, contactId) === 'agent1', 15_000).then(
      () => eventually('the incoming card', () => agent.panel.evaluate(() => document.querySelector('[data-testid="incoming-contact"]') !== null), 15_000),
    ).then(() => true, () => false);
    console.log(`${name} | a call after that | ${rang ? 'rings in the panel' : 'did not ring'}`);
    await cc.customerHangUp(contactId).catch(() => undefined);
  } finally {
    await agent.close();
  }
}

const cc = await startTestContactCenter();
try {
  for (const [name, dir] of [['MV2 persistent', firefoxExtensionDir], ['MV3 event page', mv3Dir]] as const) {
    await measure(name, dir, cc);
  }
} finally {
  await cc.stop();
}
