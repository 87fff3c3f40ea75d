// The extension's benchmarks in Firefox (`npm run bench -- firefox`), beside Chrome's: the Firefox build
// (.output/firefox-mv2, built first) in headless firefox-esr driven over WebDriver BiDi (tests/firefox/support),
// against the in-process contact center, one agent signed in through the sidebar page (in a tab; the sidebar that
// Firefox opens at install is closed, so the tab is the only view, as Chrome's bench has one side panel):
//   - offer to ringing: t0 just before the control API's POST of an inbound call, t1 when "Accept call" is in the
//     page's DOM and when the frame after it was painted (extension-bench.ts's recorder; both clocks are
//     performance.timeOrigin + performance.now() on this machine);
//   - sidebar page open to interactive: as Chrome's extension bench defines it (extension-bench.ts's marker): the
//     page's own clock when the Status control is enabled with the agent's status and name rendered from the
//     worker's snapshot, and the frame after. The page is opened with window.open from the agent's sidebar page,
//     which attaches the marker while the new page is still being parsed (Firefox runs no BiDi preload script in
//     extension pages);
//   - click-to-dial: the scanner and highlighter (bundled as in the content script) on the 12,500-text-node CRM
//     page click-to-dial-bench.ts generates, in a plain Firefox tab. Firefox has no "longtask" performance
//     entries, so the longest slice stands in for the longest task.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Page as PlaywrightPage } from '@playwright/test';
import { clickToDialBundle } from '../support/click-to-dial-bundle';
import { startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import buildFirefoxExtension from '../firefox/support/global-setup';
import { eventually, FirefoxAgent } from '../firefox/support/firefox-agent';
import { FirefoxBrowserWindow } from '../firefox/support/firefox-browser-window';
import { measure as measureScan } from './click-to-dial-bench';
import { AWAIT_INTERACTIVE, awaitRing, INTERACTIVE_MARKER, offerRecorder, type OpenTiming, type Ring } from './extension-bench';
import { type BenchRow, ms, summarize } from './stats';

export interface FirefoxBenchOptions {
  calls?: number;
  panelOpens?: number;
}

export interface FirefoxBenchResult {
  offerToRinging: BenchRow[];
  panelOpen: BenchRow[];
  clickToDial: BenchRow[];
  load: BenchRow[];
}

const SCANNED_TEXT_NODES = 12_500;
const epochNow = () => performance.timeOrigin + performance.now();
const loadNow = () => loadavg().map((average) => average.toFixed(2)).join(' / ');

/** Resolves `promise`, or throws saying what did not happen within `timeoutMs`. */
function within<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${timeoutMs} ms`)), timeoutMs))]);
}

async function waitUntilIdle(cc: TestContactCenter, agent: FirefoxAgent): Promise<void> {
  await eventually('the agent Available with no contact', () => {
    const view = cc.engine.getAgentView(agent.agentId);
    return view.state.name === 'Available' && view.contacts.length === 0;
  }, 20_000);
  await eventually('no Accept call button in the page', () =>
    agent.panel.evaluate(() => ![...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Accept call')),
  20_000);
}

async function offerToRinging(cc: TestContactCenter, agent: FirefoxAgent, calls: number): Promise<BenchRow[]> {
  await agent.panel.evaluate(offerRecorder('Accept call'));
  const warmUp = 3;
  const dom: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < warmUp + calls; i++) {
    const t0 = epochNow();
    const contactId = await cc.callIn({ from: `+8190${40_000_000 + i}` });
    const ring = await within(`call ${i} ringing in the sidebar page`, agent.panel.evaluate(awaitRing(i)) as Promise<Ring>, 10_000);
    if (i >= warmUp) {
      dom.push(ring.domAt - t0);
      painted.push(ring.paintedAt - t0);
    }
    await cc.customerHangUp(contactId);
    await waitUntilIdle(cc, agent);
  }
  const d = summarize(dom);
  const p = summarize(painted);
  return [
    { measure: `POST -> Accept call in the DOM, p50 / p95 (${d.n} calls)`, value: `${ms(d.p50)} / ${ms(d.p95)}`, goal: '', ok: null },
    { measure: `POST -> Accept call painted, p50 / p95 / max (${p.n} calls)`, value: `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.max)}`, goal: 'p95 < 150 ms', ok: p.p95 < 150 },
  ];
}

/** Run in the agent's sidebar page: opens the sidebar page in a new tab with window.open and, as soon as the new
 *  document exists (still loading: its module script runs after parsing), runs extension-bench.ts's interactive
 *  marker against it. Firefox runs no BiDi preload script in extension pages, so the marker cannot be added
 *  before the page's scripts as Playwright's init script does in Chrome; the opener, same origin, can. */
const OPEN_AND_MARK = `new Promise((resolve, reject) => {
  const url = location.origin + '/sidepanel.html';
  // A window of its own: the opener's window stays in front, so its timers are not throttled as a background tab's.
  const win = window.open(url, '_blank', 'popup,width=420,height=900');
  if (!win) { reject(new Error('window.open was blocked')); return; }
  window.__benchWin = win;
  const attach = () => {
    let arrived = false;
    try { arrived = win.location.href === url && !!win.document.getElementById('app'); } catch { arrived = false; }
    if (!arrived) { setTimeout(attach, 0); return; }
    const app = win.document.getElementById('app');
    const readyState = app.childElementCount > 0 ? 'rendered' : win.document.readyState;
    (function (window, document, performance, requestAnimationFrame, MutationObserver) { ${INTERACTIVE_MARKER} })(win, win.document, win.performance, win.requestAnimationFrame.bind(win), win.MutationObserver);
    resolve(readyState);
  };
  attach();
})`;

/** Run in the opener: the opened page's timings, on its own clock, once the frame after interactive was painted. */
const AWAIT_OPENED = `(function (window, performance) { return ${AWAIT_INTERACTIVE}; })(window.__benchWin, window.__benchWin.performance)`;

/** Opens the sidebar page once (see OPEN_AND_MARK), waits until it is interactive and painted, closes it. */
async function timedOpen(agent: FirefoxAgent): Promise<OpenTiming & { externalMs: number; attachedWhile: string }> {
  const started = Date.now();
  const attachedWhile = (await within('the sidebar page opened', agent.panel.evaluate(OPEN_AND_MARK) as Promise<string>, 20_000));
  try {
    const timing = await within('the sidebar page interactive', agent.panel.evaluate(AWAIT_OPENED) as Promise<OpenTiming>, 20_000);
    return { ...timing, externalMs: Date.now() - started, attachedWhile };
  } finally {
    await agent.panel.evaluate('window.__benchWin.close()');
  }
}

async function panelOpen(agent: FirefoxAgent, opens: number): Promise<BenchRow[]> {
  await timedOpen(agent); // warm-up, not reported
  const samples: (OpenTiming & { externalMs: number; attachedWhile: string })[] = [];
  for (let i = 0; i < opens; i++) samples.push(await timedOpen(agent));
  // A marker attached after the app rendered would see the page interactive at once: such opens are counted.
  const late = samples.filter((sample) => sample.attachedWhile === 'rendered').length;
  const d = summarize(samples.flatMap((s) => (s.domContentLoadedMs === null ? [] : [s.domContentLoadedMs])));
  const m = summarize(samples.map((s) => s.mountedMs));
  const i = summarize(samples.map((s) => s.interactiveMs));
  const p = summarize(samples.map((s) => s.paintedMs));
  const e = summarize(samples.map((s) => s.externalMs));
  const states = [...new Set(samples.map((sample) => sample.attachedWhile))].join(', ');
  return [
    { measure: `the page's readyState when the marker was attached`, value: states, goal: '', ok: null },
    { measure: `navigation start -> DOMContentLoaded, p50 / p95 (${d.n} opens)`, value: `${ms(d.p50)} / ${ms(d.p95)}`, goal: '', ok: null },
    { measure: 'navigation start -> the app mounted (#app rendered), p50 / p95', value: `${ms(m.p50)} / ${ms(m.p95)}`, goal: '', ok: null },
    { measure: 'navigation start -> Status enabled with the snapshot, p50 / p95', value: `${ms(i.p50)} / ${ms(i.p95)}`, goal: '', ok: null },
    { measure: 'navigation start -> that frame painted, p50 / p95 / max', value: `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.max)}`, goal: 'p95 < 300 ms', ok: p.p95 < 300 },
    { measure: 'window.open() -> painted, seen from the bench, p50 / p95', value: `${ms(e.p50)} / ${ms(e.p95)}`, goal: '', ok: null },
    { measure: 'opens where the marker came after the app rendered (not comparable)', value: String(late), goal: '0', ok: late === 0 },
  ];
}

async function clickToDial(agent: FirefoxAgent): Promise<BenchRow[]> {
  const bundle = await clickToDialBundle();
  const page = await agent.browser.newPage();
  try {
    // click-to-dial-bench.ts's measure() takes Playwright's Page; it calls setContent, addStyleTag, addScriptTag
    // and evaluate(fn, arg), which puppeteer's Page has with the same meaning.
    const scanPage = page as unknown as PlaywrightPage;
    const supported = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'));
    await measureScan(scanPage, bundle, 2500); // warm-up (JIT), not reported
    const f = await measureScan(scanPage, bundle, SCANNED_TEXT_NODES);
    const label = `${SCANNED_TEXT_NODES.toLocaleString('en-US')} text nodes`;
    const scanMs = f.scanWorkMs + f.highlightWorkMs;
    const rescanMs = f.rescanWorkMs + f.rescanHighlightMs;
    return [
      { measure: `${label}: initial scan, scanner + highlighter work (${f.numbers} numbers, ${f.highlighted} highlighted)`, value: `${ms(scanMs)} (${ms(f.scanWorkMs)} + ${ms(f.highlightWorkMs)})`, goal: '', ok: null },
      { measure: `${label}: bare TreeWalker pass / ratio of the scan to it`, value: `${ms(f.bareMs)} / ${(scanMs / f.bareMs).toFixed(1)}x`, goal: '', ok: null },
      { measure: `${label}: scan start to idle (wall, frames and idle waits included)`, value: ms(f.scanWallMs), goal: '', ok: null },
      {
        measure: `${label}: longest slice, scanner / highlighter (own clock; ${supported ? 'longtask entries exist' : 'Firefox has no longtask entries'})`,
        value: `${ms(f.longestSliceMs)} / ${ms(f.longestHighlightSliceMs)}`,
        goal: '< 50 ms',
        ok: Math.max(f.longestSliceMs, f.longestHighlightSliceMs) < 50,
      },
      {
        measure: `${label}: rescan after re-rendering 1000 nodes, same text, median / worst`,
        value: `${ms(rescanMs)} / ${ms(f.rescanRunsMs.at(-1) ?? 0)}`,
        goal: '< 5 ms',
        ok: rescanMs < 5,
      },
    ];
  } finally {
    await page.close();
  }
}

export async function firefoxBench(options: FirefoxBenchOptions = {}): Promise<FirefoxBenchResult> {
  buildFirefoxExtension();
  const loadAtStart = loadNow();
  const cc = await startTestContactCenter();
  let agent: FirefoxAgent | null = null;
  try {
    // window.open from the sidebar page (the open measurement) is not a popup to block; performance.now() in full
    // precision (Firefox rounds it to 1 ms by default, too coarse for the scan's slices).
    agent = await FirefoxAgent.launch('agent1', { 'screenPop.mode': 'off' }, { prefs: { 'dom.disable_open_during_load': false, 'privacy.reduceTimerPrecision': false } });
    // tsx (which runs the bench) names functions with a `__name` helper that exists only in Node; the tests' own
    // runner (vitest) does not, so FirefoxAgent's page functions need it defined here.
    await agent.panel.evaluate('globalThis.__name = (fn) => fn');
    await (await FirefoxBrowserWindow.of(agent.browser)).closeSidebar();
    await agent.signInQuickly(cc);
    await agent.selectStatus('Available');
    await eventually('the contact center to have Available', () => cc.engine.getAgentView('agent1').status.name === 'Available', 20_000);
    const offerRows = await offerToRinging(cc, agent, options.calls ?? 20);
    const openRows = await panelOpen(agent, options.panelOpens ?? 20);
    const scanRows = await clickToDial(agent);
    const version = await agent.browser.version();
    const load: BenchRow[] = [
      { measure: 'browser', value: version, goal: '', ok: null },
      { measure: 'machine load average (1 / 5 / 15 min) at the start / at the end', value: `${loadAtStart} | ${loadNow()}`, goal: '', ok: null },
    ];
    return { offerToRinging: offerRows, panelOpen: openRows, clickToDial: scanRows, load };
  } finally {
    await agent?.close();
    await cc.stop();
  }
}
