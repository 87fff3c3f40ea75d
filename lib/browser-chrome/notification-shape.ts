// The two kinds of desktop notification Switchboard shows. Chrome's have buttons (Accept / Reject) and can stay
// until the agent acts (requireInteraction). Firefox's notifications API has neither: its schema marks `buttons`
// unsupported and has no `requireInteraction`, and either property makes notifications.create throw. There,
// the notification says "click to open", and a click opens the softphone: the sidebar when Firefox allows it,
// else the sidebar's page in a small window (Firefox ESR 153 does not count notifications.onClicked as a user
// action, so sidebarAction.open() throws "may only be called from a user input handler" there).
import { browser } from 'wxt/browser';

export type NotificationShape = 'buttons' | 'click-to-open';

/** The shape of the build's browser. Whether `buttons` is accepted shows only when create throws, and the APIs
 *  that tell the browsers apart are not a safe test (the test double of `browser` has Firefox's sidebarAction), so
 *  it is the build's target (WXT's import.meta.env.BROWSER: 'firefox' for the MV2 build). */
export function browserNotificationShape(target: string | undefined = import.meta.env.BROWSER): NotificationShape {
  return target === 'firefox' ? 'click-to-open' : 'buttons';
}

/** What opening the softphone from a notification click needs. */
export interface PanelOpenerApis {
  sidebarAction?: { open(): Promise<void> };
  windows: { create(data: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
  /** The sidebar's page (sidepanel.html), for the window. */
  panelUrl: string;
}

/** The softphone window's size: the sidebar's width, tall enough for an incoming card and the chat. */
export const PANEL_WINDOW_SIZE = { width: 420, height: 720 } as const;

function browserPanelOpenerApis(): PanelOpenerApis {
  const apis = browser as unknown as { sidebarAction?: PanelOpenerApis['sidebarAction']; windows: PanelOpenerApis['windows'] };
  return { sidebarAction: apis.sidebarAction, windows: apis.windows, panelUrl: browser.runtime.getURL('/sidepanel.html') };
}

/** Opens the softphone after a click on a notification: the sidebar if the browser lets this listener open it
 *  (called in the listener's own turn, as a user action must be), else the sidebar's page in a popup window.
 *  Returns where it opened; the reason the sidebar did not open is in `sidebarError`. */
export async function openPanelFromNotification(apis: PanelOpenerApis = browserPanelOpenerApis()): Promise<{ opened: 'sidebar' | 'window'; sidebarError?: string }> {
  let sidebarError = 'no sidebarAction';
  if (apis.sidebarAction) {
    try {
      await apis.sidebarAction.open();
      return { opened: 'sidebar' };
    } catch (error) {
      sidebarError = error instanceof Error ? error.message : String(error);
    }
  }
  await apis.windows.create({ url: apis.panelUrl, type: 'popup', ...PANEL_WINDOW_SIZE });
  return { opened: 'window', sidebarError };
}
