// Wires case links into the session worker: the built-in site rules, the screen-pop template values (they name
// the demo CRM's port), the session store and the browser's fetch. Returns the message handler.
import { browser } from 'wxt/browser';
import { BUILT_IN_RULES } from '../crm-rules/built-in-rules';
import { screenPopTemplateValuesItem } from '../screen-pop/settings';
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
    rules: BUILT_IN_RULES,
    templateValues: () => screenPopTemplateValuesItem.getValue(),
    fetch: (url, init) => fetch(url, init),
    log: deps.log,
  });
}
