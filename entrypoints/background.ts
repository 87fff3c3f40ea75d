// Background: the session owner (lib/session/session-worker.ts does the work): Chrome's service worker, Firefox's
// background page (which also hosts the engine frame: lib/platform/engine-frame.ts). Everything is registered
// synchronously on every start, as a stopped worker is woken by the events it listens to.
import { openPanelFromToolbarButton } from '@/lib/platform/panel-opening';
import { startSessionWorker } from '@/lib/session/session-worker';

export default defineBackground({
  // Firefox's MV2 build only (Chrome's MV3 manifest has no such key): a persistent page is never suspended,
  // so the engine frame it holds, and a call in it, live as long as the browser (docs/firefox.md).
  persistent: true,
  main() {
    openPanelFromToolbarButton();
    startSessionWorker();
  },
});
