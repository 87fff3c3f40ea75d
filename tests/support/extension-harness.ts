// What the extension benchmarks share: the built extension (built here when missing), stopping the extension's
// service worker over CDP and waiting for Chrome to start it again, and reading the session log the worker
// keeps in storage.session. Scripts run in the browser are strings: tsx (esbuild, keepNames) would wrap
// functions passed to evaluate() in a `__name` helper that does not exist in the page.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { CDPSession, Page, Worker } from '@playwright/test';
import { repoRoot } from './chromium';
import { extensionDir } from './extension-fixture';

/** Builds the extension into .output/chrome-mv3 unless a build is there already. */
export function ensureExtensionBuilt(): void {
  if (existsSync(`${extensionDir}/manifest.json`)) return;
  console.log('No built extension in .output/chrome-mv3: running `wxt build`…');
  const build = spawnSync(process.execPath, [`${repoRoot}node_modules/wxt/bin/wxt.mjs`, 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`wxt build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
}

/** One line of the session log (F3): `{"t":<epoch ms>,"event":"…",…}`. */
export interface SessionLogLine {
  t: number;
  event: string;
  [field: string]: unknown;
}

/** Every line of the session log, oldest first, as the worker has saved it to storage.session (chunks
 *  `sessionLog.<n>` between the index's first and last). */
export async function readSessionLog(worker: Worker): Promise<SessionLogLine[]> {
  const lines = await worker.evaluate<string[]>(`(async () => {
    const all = await chrome.storage.session.get(null);
    const index = all['sessionLog.index'];
    if (!index) return [];
    const out = [];
    for (let chunk = index.first; chunk <= index.last; chunk++) out.push(...(all['sessionLog.' + chunk] ?? []));
    return out;
  })()`);
  return lines.map((line) => JSON.parse(line) as SessionLogLine);
}

/** Running states Chrome reports for the extension's service worker over CDP (ServiceWorker domain). */
type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface WorkerVersionUpdated {
  versions: { scriptURL: string; runningStatus: RunningStatus }[];
}

/** Stops the extension's service worker through the DevTools protocol (as Chrome does to an idle worker) and
 *  follows its running state. The session comes from a page of the extension, whose CDP session sees the
 *  ServiceWorker domain. */
export class ServiceWorkerStopper {
  private readonly statuses: { status: RunningStatus; at: number }[] = [];
  private waiters: (() => void)[] = [];

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: WorkerVersionUpdated) => {
      for (const version of event.versions) {
        if (!version.scriptURL.endsWith('/background.js')) continue;
        this.statuses.push({ status: version.runningStatus, at: Date.now() });
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async attach(page: Page): Promise<ServiceWorkerStopper> {
    const cdp = await page.context().newCDPSession(page);
    const stopper = new ServiceWorkerStopper(cdp);
    await cdp.send('ServiceWorker.enable');
    return stopper;
  }

  /** Stops the worker and resolves once Chrome reports it stopped and then running again (a view's port
   *  reconnecting, or any other event, wakes it); returns when each happened (epoch ms). */
  async stopAndAwaitRestart(timeoutMs = 10_000): Promise<{ stoppedAt: number; runningAt: number }> {
    const from = this.statuses.length;
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.statuses.slice(from);
      const stopped = seen.findIndex((s) => s.status === 'stopped');
      const running = stopped >= 0 ? seen.findIndex((s, i) => i > stopped && s.status === 'running') : -1;
      if (running >= 0) return { stoppedAt: seen[stopped].at, runningAt: seen[running].at };
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the service worker did not stop and start again within ${timeoutMs} ms (saw: ${seen.map((s) => s.status).join(', ')})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** Polls `read` until it returns a value (not undefined), or throws after `timeoutMs`. */
export async function pollFor<T>(what: string, read: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
