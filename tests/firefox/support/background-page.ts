// Firefox's background page seen from an extension page (the sidebar's page in a tab): found through
// `extension.getViews()`, which does not wake or restart it. The Firefox tests reload it, as an extension update
// or a crash of the page would restart the session owner, and remove its engine frame, as a crash of the frame's
// process would (the supervisor then finds the engine gone); and they read the session log's parsed lines.
import type { Page } from 'puppeteer-core';

/** One parsed line of the session log (lib/session-log): when, what, and the event's own fields. */
export interface SessionLogLine {
  t: number;
  event: string;
  [field: string]: unknown;
}

/** Reloads the background page's document; resolves with when (epoch ms) the reload was asked for. */
export async function reloadBackgroundPage(from: Page): Promise<number> {
  const at = Date.now();
  const found = await from.evaluate(() => {
    const extension = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension;
    const background = extension.getViews().find((view) => view.location.pathname.includes('background'));
    // Later, so that this evaluation returns before the page's unload can disturb anything.
    background?.setTimeout(() => background.location.reload(), 0);
    return background !== undefined;
  });
  if (!found) throw new Error('no background page to reload');
  return at;
}

/** Removes the engine frame (lib/platform/engine-frame.ts) from the background page; resolves with when. */
export async function removeEngineFrame(from: Page): Promise<number> {
  const at = Date.now();
  const removed = await from.evaluate(() => {
    const extension = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension;
    const background = extension.getViews().find((view) => view.location.pathname.includes('background'));
    const frame = background?.document.getElementById('switchboard-engine');
    frame?.remove();
    return frame !== undefined && frame !== null;
  });
  if (!removed) throw new Error('no engine frame in the background page');
  return at;
}

/** Whether the background page has an engine frame now. */
export function hasEngineFrame(from: Page): Promise<boolean> {
  return from.evaluate(() => {
    const extension = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension;
    const background = extension.getViews().find((view) => view.location.pathname.includes('background'));
    return background?.document.getElementById('switchboard-engine') != null;
  });
}

/** The session log's lines (storage.session), parsed; `since` and `event` filter them. */
export async function sessionLogLines(from: Page, filter: { since?: number; event?: string } = {}): Promise<SessionLogLine[]> {
  const raw = await from.evaluate(async () => {
    const session = (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.session;
    const all = await session.get(null);
    return Object.keys(all)
      .filter((key) => /^sessionLog\.\d+$/.test(key))
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
      .flatMap((key) => all[key] as string[]);
  });
  return raw
    .map((line) => JSON.parse(line) as SessionLogLine)
    .filter((line) => (filter.since === undefined || line.t >= filter.since) && (filter.event === undefined || line.event === filter.event));
}
