// Background service worker: the session owner. For now it only makes the toolbar button open the side panel.
export default defineBackground(() => {
  // Registered synchronously on every worker start; Chrome remembers the behaviour, setting it again is harmless.
  browser.sidePanel
    .setPanelBehavior({ openPanelOnActionClick: true })
    .catch((error: unknown) => console.error('Switchboard: could not set the side panel behaviour', error));
});
