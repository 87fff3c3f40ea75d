// How the toolbar button opens the softphone panel in each browser: Chrome's side panel opens by itself on a
// click once told to (sidePanel.setPanelBehavior); Firefox has no side panel API, so its button toggles the
// sidebar (sidebar_action) from the click, which Firefox counts as the user action sidebarAction needs.
// The Alt+Shift+S shortcut is the manifest's (_execute_action in Chrome, _execute_sidebar_action in Firefox).
import { browser } from 'wxt/browser';

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface ToolbarButtonApi {
  onClicked: { addListener(listener: () => void): void };
}
interface SidebarActionApi {
  toggle(): Promise<void>;
}

/** The extension APIs this needs, each absent in one of the browsers. */
export interface PanelOpeningApis {
  sidePanel?: SidePanelApi;
  /** `action` (MV3) or `browserAction` (Firefox's MV2 build). */
  toolbarButton?: ToolbarButtonApi;
  sidebarAction?: SidebarActionApi;
}

function browserApis(): PanelOpeningApis {
  const apis = browser as unknown as { sidePanel?: SidePanelApi; action?: ToolbarButtonApi; browserAction?: ToolbarButtonApi; sidebarAction?: SidebarActionApi };
  return { sidePanel: apis.sidePanel, toolbarButton: apis.action ?? apis.browserAction, sidebarAction: apis.sidebarAction };
}

/** Makes the toolbar button open the panel; registered on every background start. Returns which way it took. */
export function openPanelFromToolbarButton(apis: PanelOpeningApis = browserApis()): 'side-panel' | 'sidebar' | 'none' {
  if (apis.sidePanel) {
    // Chrome remembers the behaviour; setting it again on every start is harmless.
    apis.sidePanel
      .setPanelBehavior({ openPanelOnActionClick: true })
      .catch((error: unknown) => console.error('Switchboard: could not set the side panel behaviour', error));
    return 'side-panel';
  }
  const { sidebarAction, toolbarButton } = apis;
  if (sidebarAction && toolbarButton) {
    toolbarButton.onClicked.addListener(() => {
      // Called in the click's own turn: Firefox allows opening the sidebar only from a user action.
      sidebarAction.toggle().catch((error: unknown) => console.error('Switchboard: could not open the sidebar', error));
    });
    return 'sidebar';
  }
  console.error('Switchboard: this browser has neither a side panel nor a sidebar for the softphone');
  return 'none';
}
