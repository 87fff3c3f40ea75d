// Click-to-dial's life in one page: started when the effective settings allow it on the page's URL, restarted
// with new options or stopped when the settings change (policy pushed by an admin, the agent's per-site switch),
// without reloading the page.
import type { ResolvedSettings } from '../settings/resolve';
import { watchSettings } from '../settings/settings-store';
import { startClickToDial, type ClickToDial } from './click-to-dial';
import { pageDialTexts, sendPageDial } from './page-dial-client';
import { clickToDialAccess, type PageClickToDialOptions } from './site-access';

/** Runs click-to-dial in `document` while the settings allow it; returns the function that stops it all. */
export function runClickToDialOnPage(document: Document, currentUrl: () => string): () => void {
  let running: { instance: ClickToDial; key: string } | null = null;
  let stopped = false;

  const apply = (options: PageClickToDialOptions | null) => {
    const key = options ? JSON.stringify(options) : '';
    if (stopped || (running?.key ?? '') === key) return;
    running?.instance.stop();
    running = options ? { instance: startClickToDial(document, { ...options, texts: pageDialTexts(), dial: sendPageDial, highlightStyleInjected: true }), key } : null;
  };
  const decide = (settings: ResolvedSettings) => {
    const access = clickToDialAccess(currentUrl(), settings.values);
    apply(access.on ? access.options : null);
  };

  const stopWatching = watchSettings(decide, { now: true });
  return () => {
    stopped = true;
    stopWatching();
    running?.instance.stop();
    running = null;
  };
}
