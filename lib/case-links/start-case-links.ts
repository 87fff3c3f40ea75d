// Wires case links into the session worker: the CRM rules in force and the screen-pop template values (from the
// settings; they name the demo CRM's port), the session store and the engine's workspace. Returns the message
// handler.
import { browser } from 'wxt/browser';
import { activeRules } from '../crm-rules/active-rules';
import { getSetting, loadSettings } from '../settings/settings-store';
import type { SessionSnapshot } from '../session/snapshot';
import type { WorkspaceRoad } from '../session/workspace-road';
import { CaseLinks } from './case-links-worker';

export interface CaseLinksStartDeps {
  store: { ready(): Promise<SessionSnapshot> };
  log: { append(event: string, data?: Record<string, unknown>): void };
  workspace: WorkspaceRoad;
}

export function startCaseLinks(deps: CaseLinksStartDeps): CaseLinks {
  return new CaseLinks({
    extensionId: browser.runtime.id,
    snapshot: () => deps.store.ready(),
    rules: async () => activeRules((await loadSettings()).values),
    templateValues: () => getSetting('screenPop.templateValues'),
    workspace: deps.workspace,
    log: deps.log,
  });
}
