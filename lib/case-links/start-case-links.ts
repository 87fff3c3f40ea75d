// Wires case links into the session worker: the CRM rules in force and the screen-pop template values (from the
// settings; they name the demo CRM's port), the session store and the browser's fetch. Returns the message
// handler.
import { browser } from 'wxt/browser';
import { activeRules } from '../crm-rules/active-rules';
import { getSetting, loadSettings } from '../settings/settings-store';
import type { SessionSnapshot } from '../session/snapshot';
import { CaseLinks } from './case-links-worker';

export interface CaseLinksStartDeps {
  store: { ready(): Promise<SessionSnapshot> };
  log: { append(event: string, data?: Record<string, unknown>): void };
}

export function startCaseLinks(deps: CaseLinksStartDeps): CaseLinks {
  return new CaseLinks({
    extensionId: browser.runtime.id,
    snapshot: () => deps.store.ready(),
    rules: async () => activeRules((await loadSettings()).values),
    templateValues: () => getSetting('screenPop.templateValues'),
    fetch: (url, init) => fetch(url, init),
    log: deps.log,
  });
}
