// Wires screen pop into the session worker: the browser's tabs and windows, the engine's workspace for the
// lookups, the CRM rules and screen-pop settings (read at each pop, so a policy change applies to the next
// contact), and a subscription to the session store. Returns the function that stops it.
import { browser } from 'wxt/browser';
import { activeRules } from '../crm-rules/active-rules';
import { getSetting, loadSettings } from '../settings/settings-store';
import type { SnapshotChange } from '../session/session-store';
import type { SessionSnapshot } from '../session/snapshot';
import type { WorkspaceRoad } from '../session/workspace-road';
import type { ScreenPopMessage } from './card-message';
import { formatForAgent } from '../phone/phone-number';
import { ScreenPop, type ScreenPopTabs } from './screen-pop';
import { poppedContactsItem } from './settings';

export interface ScreenPopStartDeps {
  store: {
    subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
    ready(): Promise<SessionSnapshot>;
    update(change: SnapshotChange): Promise<unknown>;
  };
  log: { append(event: string, data?: Record<string, unknown>): void };
  workspace: WorkspaceRoad;
}

export function startScreenPop(deps: ScreenPopStartDeps): { screenPop: ScreenPop; stop: () => void } {
  const tabs: ScreenPopTabs = {
    query: (query) => browser.tabs.query(query),
    create: (properties) => browser.tabs.create(properties),
    update: (tabId, properties) => browser.tabs.update(tabId, properties),
    sendMessage: (tabId, message: ScreenPopMessage) => browser.tabs.sendMessage(tabId, message),
  };
  const screenPop = new ScreenPop({
    tabs,
    focusWindow: (windowId) => browser.windows.update(windowId, { focused: true }),
    workspace: deps.workspace,
    log: deps.log,
    rules: { getValue: async () => activeRules((await loadSettings()).values) },
    mode: { getValue: () => getSetting('screenPop.mode') },
    templateValues: { getValue: () => getSetting('screenPop.templateValues') },
    popped: poppedContactsItem,
    session: deps.store,
    // The agent's country for reading numbers: the click-to-dial default country (JP unless changed).
    formatNumber: async (e164) => formatForAgent(e164, await getSetting('clickToDial.defaultCountry')),
  });
  const stop = deps.store.subscribe((snapshot) => {
    void screenPop.handleSnapshot(snapshot);
  });
  return { screenPop, stop };
}
