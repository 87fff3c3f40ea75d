// The worker's own road to the engine's workspace, for the worker's features (screen pop, case links): one
// workspace request sent to the engine while the session is ready, with the admin's Cases service attached as
// the command router attaches it to the panel's commands. Customer Profiles then go through the instance's
// agent-app API and Cases through the configured Cases URL, on the local contact center and on Amazon Connect
// alike. Not a view's command: nothing retries it, so it is neither recorded nor deduplicated (a CRM page's
// lookups would otherwise crowd the panel's command records out).
import { isLocalContactCenter } from '../streams/instance-urls';
import type { CasesEndpoint, WorkspaceRequest } from '../workspace/workspace-requests';
import type { CommandResult } from './commands';
import type { EngineChannel } from './engine-channel';
import type { SessionSnapshot } from './snapshot';

export interface WorkspaceRoad {
  /** The engine's answer to one workspace request (value.workspace), or a typed error; never rejects. */
  ask(request: WorkspaceRequest): Promise<CommandResult>;
  /** Whether the engine can reach a Cases service for this instance: the admin's, or the local contact center's own. */
  hasCases(instanceUrl: string | null): Promise<boolean>;
}

export interface WorkspaceRoadDeps {
  store: { ready(): Promise<SessionSnapshot> };
  engine: Pick<EngineChannel, 'sendCommand'>;
  /** The admin's Cases service (settings workspace.casesUrl/casesDomainId), or null for the instance's own. */
  casesEndpoint(): Promise<CasesEndpoint | null>;
  /** How long the engine may take to answer (default 15 s, as the router's). */
  timeoutMs?: number;
  newId?: () => string;
}

export function createWorkspaceRoad(deps: WorkspaceRoadDeps): WorkspaceRoad {
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  return {
    async ask(request) {
      const { status } = (await deps.store.ready()).connection;
      if (status === 'connecting' || status === 'engine-lost') return { ok: false, error: { code: 'engine-unavailable', detail: `the engine is ${status}` } };
      if (status !== 'ready') return { ok: false, error: { code: 'not-signed-in', detail: `the session is ${status}` } };
      const cases = await deps.casesEndpoint();
      return deps.engine.sendCommand({ id: `worker:${newId()}`, command: { type: 'workspace', request, cases } }, timeoutMs);
    },
    async hasCases(instanceUrl) {
      if (!instanceUrl) return false;
      return (await deps.casesEndpoint()) !== null || isLocalContactCenter(instanceUrl);
    },
  };
}
