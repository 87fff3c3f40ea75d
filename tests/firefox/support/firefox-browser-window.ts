// Firefox's own windows, seen from the Firefox end-to-end tests through WebDriver BiDi's chrome scope (Firefox
// lists its browser.xhtml and extension sidebars as 'moz:scope': 'chrome' contexts when started with
// --remote-allow-system-access): the extension's sidebar (open or closed, which page), and the desktop
// notifications Firefox shows in its own alert windows (with the pref alerts.useSystemBackend false, as
// NOTIFICATION_PREFS sets, instead of the system's notification service a headless test machine may lack).
import type { Browser } from 'puppeteer-core';

/** Firefox shows extension notifications in its own alert windows, which the tests can read and click. */
export const NOTIFICATION_PREFS: Record<string, unknown> = { 'alerts.useSystemBackend': false };

/** One alert window: what Firefox shows of a notification (title and message; no buttons, no context line). */
export interface ShownAlert {
  title: string;
  text: string;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

export class FirefoxBrowserWindow {
  private constructor(
    private readonly connection: BidiConnection,
    private readonly context: string,
  ) {}

  /** The first browser window's chrome context. */
  static async of(browser: Browser): Promise<FirefoxBrowserWindow> {
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
    const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error(`no browser window among Firefox's chrome contexts (${tree.contexts.map((context) => context.url).join(', ')})`);
    return new FirefoxBrowserWindow(connection, window.context);
  }

  /** Runs `body` (a function body returning something JSON can carry) in the browser window's privileged scope. */
  async run<T>(body: string): Promise<T> {
    const expression = `(async () => JSON.stringify(await (async () => { ${body} })()))()`;
    const evaluated = (await this.connection.send('script.evaluate', { expression, target: { context: this.context }, awaitPromise: true })).result as EvaluateResult;
    if (evaluated.type !== 'success') throw new Error(`chrome-scope script failed: ${evaluated.exceptionDetails?.text ?? 'unknown error'}`);
    const value = evaluated.result?.value;
    return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
  }

  /** Whether the sidebar is open and which page it shows. Firefox opens an extension's sidebar when it is
   *  installed, headless too: the tests' "sidebar page" tab is then a second view beside it. */
  sidebar(): Promise<{ open: boolean; page: string | null }> {
    return this.run(`
      const browser = document.getElementById('sidebar')?.contentDocument?.getElementById('webext-panels-browser');
      return { open: SidebarController.isOpen, page: SidebarController.isOpen ? (browser?.currentURI?.spec ?? null) : null };`);
  }

  /** Closes the sidebar (the agent closing it), so that no view of the session is left in it. */
  async closeSidebar(): Promise<void> {
    await this.run(`if (SidebarController.isOpen) SidebarController.hide(); return null;`);
  }

  /** The notifications Firefox shows now, oldest first. */
  alerts(): Promise<ShownAlert[]> {
    return this.run(`
      const shown = [];
      for (const alert of Services.wm.getEnumerator('alert:alert')) {
        const doc = alert.document;
        shown.push({ title: doc.getElementById('alertTitleLabel')?.getAttribute('value') ?? '', text: doc.getElementById('alertTextLabel')?.textContent ?? '' });
      }
      return shown;`);
  }

  /** Clicks the notification titled `title` where it has no button (its text), as the agent would. */
  async clickAlert(title: string): Promise<void> {
    const clicked = await this.run<boolean>(`
      for (const alert of Services.wm.getEnumerator('alert:alert')) {
        const doc = alert.document;
        if (doc.getElementById('alertTitleLabel')?.getAttribute('value') !== ${JSON.stringify(title)}) continue;
        doc.getElementById('alertTextLabel').click();
        return true;
      }
      return false;`);
    if (!clicked) throw new Error(`no notification titled "${title}" to click`);
  }
}
