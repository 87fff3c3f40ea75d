// Background service worker: the session owner (lib/session/session-worker.ts does the work). Everything is
// registered synchronously on every start, as a stopped worker is woken by the events it listens to.
import { startSessionWorker } from '@/lib/session/session-worker';

export default defineBackground(() => {
  // Chrome remembers the behaviour; setting it again on every start is harmless.
  browser.sidePanel
    .setPanelBehavior({ openPanelOnActionClick: true })
    .catch((error: unknown) => console.error('Switchboard: could not set the side panel behaviour', error));
  startSessionWorker();
});
