// The sign-in window: the instance's login page in a popup the worker opens (an offscreen document cannot open
// one, and streams runs with loginPopup:false). One window per sign-in attempt, not one per "needs sign-in"
// report; closed when the session is ready. If the agent closes it first, it is not reopened on its own: the
// connection stays needs-sign-in and the panel offers "Sign in", which opens it again.
import { browser } from 'wxt/browser';
import { loginUrlFor } from '../streams/instance-urls';
import { loginWindowItem, type LoginWindowState } from '../settings/storage-items';
import type { SessionLogWriter } from '../session-log/session-log';

export const LOGIN_WINDOW_SIZE = { width: 480, height: 640 } as const;

/** The window calls the login window needs (fake-browser's windows API fits). */
export interface WindowsApi {
  create(createData: { url: string; type: 'popup'; width: number; height: number; focused: boolean }): Promise<{ id?: number }>;
  get(windowId: number): Promise<unknown>;
  update(windowId: number, updateInfo: { focused: boolean }): Promise<unknown>;
  remove(windowId: number): Promise<void>;
}

export interface LoginWindowStorage {
  getValue(): Promise<LoginWindowState>;
  setValue(value: LoginWindowState): Promise<void>;
}

export interface LoginWindowDeps {
  windows?: WindowsApi;
  storage?: LoginWindowStorage;
  log: SessionLogWriter;
  /** The login page of an instance (the settings' contactCenter.loginUrl, else the instance's own). */
  loginUrl?: (instanceUrl: string) => string | Promise<string>;
  /** Whether the window opens by itself when the engine needs a sign-in (setting signIn.openLoginWindow);
   *  when not, only the agent's "Sign in" opens it. */
  opensByItself?: () => Promise<boolean>;
}

export class LoginWindow {
  private readonly windows: WindowsApi;
  private readonly storage: LoginWindowStorage;
  private readonly log: SessionLogWriter;
  private readonly loginUrl: (instanceUrl: string) => string | Promise<string>;
  private readonly opensByItself: () => Promise<boolean>;
  /** Opening and closing run one at a time, so two reports never open two windows. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(deps: LoginWindowDeps) {
    this.windows = deps.windows ?? (browser.windows as unknown as WindowsApi);
    this.storage = deps.storage ?? loginWindowItem;
    this.log = deps.log;
    this.loginUrl = deps.loginUrl ?? loginUrlFor;
    this.opensByItself = deps.opensByItself ?? (() => Promise.resolve(true));
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Opens the login window, or focuses it if it is open. `reason` 'engine' (the CCP asked for sign-in) does
   *  nothing when the agent closed the window in this attempt; 'agent' (they asked to sign in) always opens. */
  open(instanceUrl: string, reason: 'engine' | 'agent'): Promise<void> {
    return this.serialize(async () => {
      const state = await this.storage.getValue();
      if (state.windowId !== null && (await this.exists(state.windowId))) {
        if (reason === 'agent') await this.windows.update(state.windowId, { focused: true }).catch(() => undefined);
        return;
      }
      if (reason === 'engine' && state.dismissed) return;
      if (reason === 'engine' && !(await this.opensByItself())) {
        this.log.append('login-window-waits-for-agent', {});
        return;
      }
      const url = await this.loginUrl(instanceUrl);
      const created = await this.windows.create({ url, type: 'popup', focused: true, ...LOGIN_WINDOW_SIZE });
      await this.storage.setValue({ windowId: created.id ?? null, dismissed: false });
      this.log.append('login-window-opened', { url, reason });
    });
  }

  /** Closes the login window if it is open, and forgets that the agent dismissed one (a new attempt starts). */
  close(): Promise<void> {
    return this.serialize(async () => {
      const state = await this.storage.getValue();
      if (state.windowId === null && !state.dismissed) return;
      await this.storage.setValue({ windowId: null, dismissed: false });
      if (state.windowId !== null && (await this.exists(state.windowId))) {
        await this.windows.remove(state.windowId).catch(() => undefined);
        this.log.append('login-window-closed', {});
      }
    });
  }

  /** Page loads seen in the login window since it opened (in memory: a restarted worker counts afresh). */
  private loadsSeen = new Map<number, number>();

  /** tabs.onUpdated 'complete' in some window: true when it is a page load in our login window after its first
   *  one, i.e. the agent submitted the sign-in form (or the identity provider redirected): the session may now
   *  be signed in, so the engine should try the CCP again instead of waiting for streams' next retry. */
  handlePageLoaded(windowId: number): Promise<boolean> {
    return this.serialize(async () => {
      const state = await this.storage.getValue();
      if (state.windowId === null || state.windowId !== windowId) return false;
      const loads = (this.loadsSeen.get(windowId) ?? 0) + 1;
      this.loadsSeen = new Map([[windowId, loads]]);
      return loads > 1;
    });
  }

  /** windows.onRemoved: if the agent closed our window before signing in, remember it. */
  handleWindowRemoved(windowId: number): Promise<boolean> {
    return this.serialize(async () => {
      const state = await this.storage.getValue();
      if (state.windowId !== windowId) return false;
      await this.storage.setValue({ windowId: null, dismissed: true });
      this.log.append('login-window-dismissed', {});
      return true;
    });
  }

  private async exists(windowId: number): Promise<boolean> {
    try {
      return (await this.windows.get(windowId)) !== undefined;
    } catch {
      return false; // "No window with id": closed while the worker was stopped
    }
  }
}
