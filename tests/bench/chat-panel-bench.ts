// The side panel's chat benchmarks, in the built extension with Debian Chromium against the in-process contact
// center; customers are the real AWS SDK clients (StartChatContact, SendMessage), the agent is the panel through
// the offscreen engine's streams + ChatJS:
//   - customer message to painted: agent1 (Basic) accepts one chat; 200 messages are sent one at a time; t0 just
//     before SendMessage, t1 when the message's text is in the chat log (a MutationObserver in the panel) and when
//     the next frame has been painted; both clocks are performance.timeOrigin + performance.now() on this machine;
//   - JS heap of the panel page (CDP Performance.getMetrics after HeapProfiler.collectGarbage): agent3 (Support
//     Tier 1, ten chats) signed in with no chat, then with ten chats of 100 customer messages each (plain and
//     Markdown, realistic lengths);
//   - panel open with those ten chats: a new panel page, navigation start to the shown chat's last message in the
//     log (an init script's observer), and the frame after; 20 opens, with the agent's first panel moved to the
//     options page (an agent has one panel: the first one following the ten chats made each open slower).

import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from '@playwright/test';
import { ensureExtensionBuilt, pollFor } from '../support/extension-harness';
import { SdkChatClients, type SdkChatCustomer } from '../support/sdk-chat-customer';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { ensureStatus, launchAgent } from '../support/softphone-steps';
import { timedPanelOpen } from './extension-bench';
import { type BenchRow, ms, summarize } from './stats';

export interface ChatPanelBenchOptions {
  messages?: number;
  chats?: number;
  messagesPerChat?: number;
  panelOpens?: number;
}

export interface ChatPanelBenchResult {
  messageToPainted: BenchRow[];
  heap: BenchRow[];
  panelOpen: BenchRow[];
}

const epochNow = () => performance.timeOrigin + performance.now();
const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** A token each message carries in plain text (it survives Markdown rendering), for finding it in the panel. */
const tokenOf = (chat: number, n: number) => `ref-${chat}-${n}-q`;

const PLAIN = [
  'Hi, my router keeps dropping the connection every few minutes.',
  'I tried restarting it twice already but the problem comes back after about ten minutes, and the light on the front blinks orange.',
  'Yes.',
  'The account is under my husband’s name, but I pay the bills. Can you still help me with this, or does he need to call?',
  'Thanks! One more thing: the invoice for last month shows a charge I do not recognise, about 1,200 yen, labelled “service fee”. What is it for?',
  'ok',
  'I am on the 5 GHz network. The laptop is about three metres from the router, no walls in between.',
];
const MARKDOWN = [
  'Here is what I see on the status page:\n\n- **WAN**: disconnected\n- **LAN**: connected\n- *Uptime*: 00:04:12',
  'I followed [the reset guide](https://example.com/help/router-reset) and it says to hold the button for `10 s`. Is that right?',
  '> Your plan includes 100 GB a month\n\nBut I only used **40 GB** and was still throttled.',
  'Steps I took:\n\n1. Unplugged the router\n2. Waited 30 seconds\n3. Plugged it back in\n\nStill **no internet**.',
];

/** The n-th message of a chat: mostly plain, every third Markdown, lengths from a word to a few lines. */
function messageOf(chat: number, n: number): { content: string; contentType: 'text/plain' | 'text/markdown' } {
  const token = tokenOf(chat, n);
  if (n % 3 === 2) return { content: `${MARKDOWN[n % MARKDOWN.length]}\n\n(${token})`, contentType: 'text/markdown' };
  return { content: `${PLAIN[n % PLAIN.length]} (${token})`, contentType: 'text/plain' };
}

/** Installed in the panel: when `window.__benchWant` is set, timestamps the moment its text is in the chat log
 *  and the next frame after (a task queued from requestAnimationFrame runs after that frame was painted). */
const PAINT_RECORDER = `(() => {
  window.__benchWant = null;
  window.__benchSeen = {};
  const check = () => {
    const want = window.__benchWant;
    if (!want || window.__benchSeen[want]) return;
    const log = document.querySelector('[data-testid="chat-log"]');
    if (!log || !log.textContent.includes(want)) return;
    const seen = { domAt: performance.timeOrigin + performance.now(), paintedAt: null };
    window.__benchSeen[want] = seen;
    requestAnimationFrame(() => setTimeout(() => { seen.paintedAt = performance.timeOrigin + performance.now(); }, 0));
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

const awaitPainted = (token: string, timeoutMs: number) => `new Promise((resolve) => {
  const until = Date.now() + ${timeoutMs};
  const poll = () => {
    const seen = window.__benchSeen[${JSON.stringify(token)}];
    if (seen && seen.paintedAt !== null) resolve(seen);
    else if (Date.now() > until) resolve(null);
    else setTimeout(poll, 2);
  };
  poll();
})`;

/** Added before a new panel's scripts run: marks (0 = navigation start) when the app is first rendered and when
 *  the shown chat's log ends with one of the chats' last messages, and the frame after that. */
const openMarker = (lastTokens: string[]) => `(() => {
  const tokens = ${JSON.stringify(lastTokens)};
  const result = { mountedMs: null, transcriptMs: null, paintedMs: null, marks: {} };
  window.__benchOpen = result;
  const observer = new MutationObserver(() => {
    if (result.mountedMs === null) {
      const app = document.getElementById('app');
      if (app && app.childElementCount > 0) result.mountedMs = performance.now();
    }
    const last = document.querySelector('[data-testid="chat-log"] .items')?.lastElementChild;
    if (!last || !tokens.some((token) => last.textContent.includes(token))) return;
    result.transcriptMs = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      result.marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('switchboard:')).map((m) => [m.name, m.startTime]));
      result.paintedMs = performance.now();
    }, 0));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})()`;

const AWAIT_OPENED = `new Promise((resolve) => {
  const check = () => {
    const result = window.__benchOpen;
    if (result && result.paintedMs !== null) resolve(result);
    else setTimeout(check, 5);
  };
  check();
})`;

/** The number in each tab's "N unread" (0 without a badge), in tab order. */
const UNREAD_BY_TAB = `[...document.querySelectorAll('[role="tab"]')].map((tab) => {
  const badge = tab.querySelector('[data-testid="unread"] .visually-hidden');
  return badge ? Number((badge.textContent.match(/\\d+/) ?? ['0'])[0]) : 0;
})`;

interface Seen {
  domAt: number;
  paintedAt: number;
}

interface OpenTiming {
  /** The panel's own start-up marks (switchboard:panel-…), ms from navigation start. */
  marks: Record<string, number>;
  mountedMs: number;
  transcriptMs: number;
  paintedMs: number;
}

/** Starts a chat into `queueId`, waits for its offer in the panel and accepts it there. */
async function acceptedChat(cc: TestContactCenter, agent: AgentBrowser, sdk: SdkChatClients, name: string, queueId: string): Promise<SdkChatCustomer> {
  const customer = await sdk.startChat(name, queueId);
  const offer = agent.panel.getByTestId('incoming-chat').filter({ hasText: name });
  await offer.getByRole('button', { name: 'Accept chat' }).click({ timeout: 15_000 });
  await pollFor(`${name}'s chat to be connected`, () =>
    cc.engine.getAgentView(agent.agentId).contacts.some((c) => c.contactId === customer.contactId && c.state === 'connected') ? true : undefined,
  15_000);
  await agent.panel.getByRole('tab', { name: new RegExp(name) }).waitFor({ timeout: 15_000 });
  return customer;
}

async function signedInAgent(cc: TestContactCenter, agentId: string): Promise<AgentBrowser> {
  const agent = await launchAgent(agentId);
  await agent.signInQuickly(cc);
  await ensureStatus(cc, agent, 'Available');
  return agent;
}

async function messageToPainted(cc: TestContactCenter, sdk: SdkChatClients, messages: number): Promise<BenchRow[]> {
  const agent = await signedInAgent(cc, 'agent1');
  try {
    const customer = await acceptedChat(cc, agent, sdk, 'Hanako Yamada', 'basic');
    await agent.panel.evaluate(PAINT_RECORDER);
    const metrics = await agent.context.newCDPSession(agent.panel);
    await metrics.send('Performance.enable');
    let before: Record<string, number> = {};
    const warmUp = 5;
    const domSamples: number[] = [];
    const paintedSamples: number[] = [];
    let missing = 0;
    for (let n = 0; n < warmUp + messages; n++) {
      if (n === warmUp) before = await mainThreadTimes(metrics);
      const token = tokenOf(0, n);
      const { content, contentType } = messageOf(0, n);
      await agent.panel.evaluate(`window.__benchWant = ${JSON.stringify(token)}`);
      const t0 = epochNow();
      await customer.send(content, contentType);
      const seen = await agent.panel.evaluate<Seen | null>(awaitPainted(token, 5000));
      if (n < warmUp) continue;
      if (!seen) {
        missing += 1;
        continue;
      }
      domSamples.push(seen.domAt - t0);
      paintedSamples.push(seen.paintedAt - t0);
    }
    const after = await mainThreadTimes(metrics);
    const perMessage = (name: string) => ms((after[name] - before[name]) / messages);
    const dom = summarize(domSamples);
    const painted = summarize(paintedSamples);
    return [
      { measure: `SendMessage -> text in the chat log, p50 / p95 (${dom.n} messages)`, value: `${ms(dom.p50)} / ${ms(dom.p95)}`, goal: '', ok: null },
      {
        measure: `SendMessage -> text painted, p50 / p95 / max (${painted.n} messages)`,
        value: `${ms(painted.p50)} / ${ms(painted.p95)} / ${ms(painted.max)}`,
        goal: 'p95 < 100 ms',
        ok: painted.p95 < 100,
      },
      { measure: 'messages never shown in the panel (5 s)', value: String(missing), goal: '0', ok: missing === 0 },
      {
        measure: 'extension renderer main thread a message: CPU / script / layout / style',
        value: ['ThreadTime', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].map(perMessage).join(' / '),
        goal: '',
        ok: null,
      },
    ];
  } finally {
    await agent.close();
  }
}

/** Time the panel's renderer main thread spent, in ms (CDP Performance metrics: ThreadTime is its CPU time). The panel shares that thread
 *  with the offscreen engine document (extension pages of one extension share a renderer). */
async function mainThreadTimes(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value * 1000]));
}

/** The panel page's JS heap after a full garbage collection, and its DOM node count. */
async function heapOf(page: Page): Promise<{ used: number; total: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { used: metric('JSHeapUsedSize'), total: metric('JSHeapTotalSize'), nodes: metric('Nodes') };
  } finally {
    await cdp.detach();
  }
}

/** Sends `perChat` messages into each chat, the chats in parallel, each chat's messages one after another. */
async function fillChats(customers: SdkChatCustomer[], perChat: number): Promise<void> {
  await Promise.all(
    customers.map(async (customer, chat) => {
      for (let n = 0; n < perChat; n++) {
        const { content, contentType } = messageOf(chat + 1, n);
        await customer.send(content, contentType);
      }
    }),
  );
}

const openPanelOnce = (agent: AgentBrowser, lastTokens: string[]) => timedPanelOpen<OpenTiming>(agent, openMarker(lastTokens), AWAIT_OPENED);

/** With CHAT_PANEL_PROFILE=<file>, one more open is profiled (V8 CPU profile of the extension's renderer, which the
 *  engine shares; 500 µs sampling) and written to <file>.cpuprofile, for DevTools' Performance panel. */
async function profiledOpen(agent: AgentBrowser, lastTokens: string[], file: string): Promise<void> {
  const page = await agent.context.newPage();
  try {
    const cdp = await agent.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await page.addInitScript(openMarker(lastTokens));
    await cdp.send('Profiler.start');
    await page.goto(agent.panelUrl);
    await page.evaluate(AWAIT_OPENED);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile));
  } finally {
    await page.close();
  }
}

async function panelOpenRows(agent: AgentBrowser, metrics: CDPSession, lastTokens: string[], opens: number): Promise<BenchRow[]> {
  await openPanelOnce(agent, lastTokens); // warm-up, not reported
  if (process.env.CHAT_PANEL_PROFILE) await profiledOpen(agent, lastTokens, process.env.CHAT_PANEL_PROFILE);
  const samples: (OpenTiming & { externalMs: number })[] = [];
  const before = await mainThreadTimes(metrics);
  for (let i = 0; i < opens; i++) samples.push(await openPanelOnce(agent, lastTokens));
  const cpu = ((await mainThreadTimes(metrics)).ThreadTime - before.ThreadTime) / opens;
  const phase = (mark: string) => summarize(samples.map((s) => s.marks[`switchboard:${mark}`]).filter((v): v is number => v !== undefined));
  const phases: BenchRow[] = [
    ['panel-script', 'its script running (chunks loaded)'],
    ['panel-first-snapshot', 'the session snapshot from the worker'],
    ['panel-settings', 'the settings read (or 400 ms)'],
    ['panel-mounted', 'mounted'],
  ].map(([mark, what]) => {
    const s = phase(mark!);
    return { measure: `  navigation start -> ${what}, p50 / p95 (${s.n})`, value: `${ms(s.p50)} / ${ms(s.p95)}`, goal: '', ok: null };
  });
  const m = summarize(samples.map((s) => s.mountedMs));
  const t = summarize(samples.map((s) => s.transcriptMs));
  const p = summarize(samples.map((s) => s.paintedMs));
  const e = summarize(samples.map((s) => s.externalMs));
  return [
    ...phases,
    { measure: `navigation start -> the app mounted, p50 / p95 (${m.n} opens)`, value: `${ms(m.p50)} / ${ms(m.p95)}`, goal: '', ok: null },
    { measure: 'navigation start -> shown chat’s last message in the log, p50 / p95', value: `${ms(t.p50)} / ${ms(t.p95)}`, goal: '', ok: null },
    { measure: 'navigation start -> that frame painted, p50 / p95 / max', value: `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.max)}`, goal: 'p95 < 400 ms', ok: p.p95 < 400 },
    { measure: 'page.goto() start -> painted, seen from Playwright, p50 / p95', value: `${ms(e.p50)} / ${ms(e.p95)}`, goal: '', ok: null },
    { measure: 'extension renderer main thread CPU an open (with the engine and the first panel)', value: ms(cpu), goal: '', ok: null },
  ];
}

async function tenChats(
  cc: TestContactCenter,
  sdk: SdkChatClients,
  chats: number,
  perChat: number,
  opens: number,
): Promise<{ heap: BenchRow[]; panelOpen: BenchRow[] }> {
  const agent = await signedInAgent(cc, 'agent3');
  try {
    const baseline = await heapOf(agent.panel);
    const metrics = await agent.context.newCDPSession(agent.panel);
    await metrics.send('Performance.enable');
    const customers: SdkChatCustomer[] = [];
    for (let chat = 0; chat < chats; chat++) customers.push(await acceptedChat(cc, agent, sdk, `Customer ${chat + 1}`, 'support'));
    const filledFrom = Date.now();
    const cpuFrom = (await mainThreadTimes(metrics)).ThreadTime;
    await fillChats(customers, perChat);
    const lastTokens = customers.map((_, chat) => tokenOf(chat + 1, perChat - 1));
    // Every message has reached the panel: the shown chat's log ends with its last one, the others count them unread.
    await pollFor(
      'every message to reach the panel',
      async () => {
        const unread = await agent.panel.evaluate<number[]>(UNREAD_BY_TAB);
        const shownLast = await agent.panel.evaluate<boolean>(
          `(() => { const last = document.querySelector('[data-testid="chat-log"] .items')?.lastElementChild; return !!last && ${JSON.stringify(lastTokens)}.some((t) => last.textContent.includes(t)); })()`,
        );
        return shownLast && unread.filter((u) => u === perChat).length === chats - 1 ? true : undefined;
      },
      120_000,
      250,
    );
    const filledMs = Date.now() - filledFrom;
    const filledCpu = (await mainThreadTimes(metrics)).ThreadTime - cpuFrom;
    const loaded = await heapOf(agent.panel);
    // The agent reads every chat once, then comes back to the first: nothing shown before should stay behind.
    const tabs = agent.panel.getByRole('tab');
    for (let i = 1; i < chats; i++) await tabs.nth(i).click();
    await tabs.nth(0).click();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const visited = await heapOf(agent.panel);
    const heap: BenchRow[] = [
      { measure: 'panel JS heap used, signed in, no chat (baseline)', value: `${mb(baseline.used)} (${baseline.nodes} DOM nodes)`, goal: '', ok: null },
      {
        measure: `panel JS heap used, ${chats} chats x ${perChat} messages (one shown)`,
        value: `${mb(loaded.used)} (${loaded.nodes} DOM nodes)`,
        goal: '< 60 MB',
        ok: loaded.used < 60 * MB,
      },
      { measure: '  the same after showing every chat once', value: `${mb(visited.used)} (${visited.nodes} DOM nodes)`, goal: '< 60 MB', ok: visited.used < 60 * MB },
      { measure: `  ${chats * perChat} messages sent and all in the panel in`, value: `${(filledMs / 1000).toFixed(1)} s`, goal: '', ok: null },
      { measure: '  extension renderer main thread CPU a message meanwhile', value: ms(filledCpu / (chats * perChat)), goal: '', ok: null },
    ];
    // An agent has one side panel: the one used to accept the chats goes to the (idle) options page, in the same
    // renderer, so that it neither repaints nor follows the chats while the new panels open.
    await agent.panel.goto(agent.panelUrl.replace('sidepanel.html', 'options.html'));
    await metrics.send('Performance.enable');
    return { heap, panelOpen: await panelOpenRows(agent, metrics, lastTokens, opens) };
  } finally {
    await agent.close();
  }
}

export async function chatPanelBench(options: ChatPanelBenchOptions = {}): Promise<ChatPanelBenchResult> {
  ensureExtensionBuilt();
  const cc = await startTestContactCenter();
  const sdk = new SdkChatClients(cc);
  try {
    // The ten Support chats first: agent1's Basic profile serves Support too, agent3's does not serve Basic.
    const { heap, panelOpen } = await tenChats(cc, sdk, options.chats ?? 10, options.messagesPerChat ?? 100, options.panelOpens ?? 20);
    const messageRows = await messageToPainted(cc, sdk, options.messages ?? 200);
    return { messageToPainted: messageRows, heap, panelOpen };
  } finally {
    sdk.destroy();
    await cc.stop();
  }
}
