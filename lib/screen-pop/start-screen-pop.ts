// Wires screen pop into the session worker: the browser's tabs and windows, the built-in site rules, the
// settings, and a subscription to the session store. Returns the function that stops it.
import { browser } from 'wxt/browser';
import { defaultCountryItem } from '../click-to-dial/settings';
import { BUILT_IN_RULES } from '../crm-rules/built-in-rules';
import type { SnapshotChange } from '../session/session-store';
import type { SessionSnapshot } from '../session/snapshot';
import type { ScreenPopMessage } from './card-message';
import { formatForAgent } from '../phone/phone-number';
import { ScreenPop, type ScreenPopTabs } from './screen-pop';
import { poppedContactsItem, screenPopModeItem, screenPopTemplateValuesItem } from './settings';

export interface ScreenPopStartDeps {
  store: {
    subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
    ready(): Promise<SessionSnapshot>;
    update(change: SnapshotChange): Promise<unknown>;
  };
  log: { append(event: string, data?: Record<string, unknown>): void };
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
    fetch: (url, init) => fetch(url, init),
    log: deps.log,
    rules: BUILT_IN_RULES,
    mode: screenPopModeItem,
    templateValues: screenPopTemplateValuesItem,
    popped: poppedContactsItem,
    session: deps.store,
    // The agent's country for reading numbers: the click-to-dial default country (JP unless changed).
    formatNumber: async (e164) => formatForAgent(e164, await defaultCountryItem.getValue()),
  });
  const stop = deps.store.subscribe((snapshot) => {
    void screenPop.handleSnapshot(snapshot);
  });
  return { screenPop, stop };
}
