// The engine's workspace as the worker's features reach it, for tests in Node against an in-process local contact
// center: the same clients and request answers the offscreen engine uses (customer-profiles-client.ts on the
// instance's /agent-app/api, as its helper page posts it with the agent's cookie; cases-client.ts at the Cases
// URL), dispatched as workspace-engine.ts does, behind the worker's real road (workspace-road.ts) over an engine
// channel that runs the request here. Only the hidden Customer Profiles frame is left out: Node has no frames.
import { CASES_BASE_PATH, CasesArns } from '../../../contact-center/cases/cases-model';
import type { RunningContactCenter } from '../../../contact-center/server/contact-center-server';
import type { CommandResult } from '../../../lib/session/commands';
import type { SessionSnapshot } from '../../../lib/session/snapshot';
import { createWorkspaceRoad, type WorkspaceRoad } from '../../../lib/session/workspace-road';
import { answerCaseRequest, answerCasesByReference, type CaseRequest } from '../../../lib/workspace/case-requests';
import { CasesClient } from '../../../lib/workspace/cases-client';
import { CustomerProfilesClient } from '../../../lib/workspace/customer-profiles-client';
import { CustomerProfilesCallError, type CustomerProfilesTransport } from '../../../lib/workspace/customer-profiles-widget';
import { answerProfileRequest, isProfileRequest } from '../../../lib/workspace/profile-requests';
import type { CasesEndpoint, WorkspaceRequest } from '../../../lib/workspace/workspace-requests';

const EXTENSION_ORIGIN = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;

/** What the helper page's fetch sends to the agent-app API: same origin, the agent's session cookie. */
function agentAppTransport(instanceOrigin: string, cookie: string): CustomerProfilesTransport {
  return {
    async call(operation, params) {
      const response = await fetch(`${instanceOrigin}/agent-app/api`, {
        method: 'POST',
        body: JSON.stringify(params),
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'x-amazon-call-source': 'agent-app',
          'x-amz-target': `AgentAppService.CustomerProfiles.${operation}`,
          Origin: instanceOrigin,
          'Sec-Fetch-Site': 'same-origin',
          Cookie: cookie,
        },
      });
      const data = (await response.json().catch(() => null)) as { message?: unknown } | null;
      if (response.status !== 200) throw new CustomerProfilesCallError(operation, response.status, typeof data?.message === 'string' ? data.message : response.statusText);
      return data;
    },
    close() {},
  };
}

export interface NodeWorkspace {
  /** The worker's road, as screen pop and case links get it. */
  road: WorkspaceRoad;
  /** The requests that reached the engine, in order. */
  asked: WorkspaceRequest[];
  /** Answers one request directly (what a test reads back, e.g. a case's activity). */
  execute(request: WorkspaceRequest): Promise<CommandResult>;
}

export interface NodeWorkspaceOptions {
  /** The session the road sends in (its status and instance). */
  snapshot: SessionSnapshot;
  /** The admin's Cases service (settings), or null for the instance's own; the engine's Cases calls go there. */
  casesEndpoint?: CasesEndpoint | null;
  /** Where the engine's calls go (default the contact center itself; an unreachable origin to test failures). */
  origin?: string;
}

export function nodeWorkspace(cc: RunningContactCenter, options: NodeWorkspaceOptions): NodeWorkspace {
  const origin = options.origin ?? cc.url;
  const cookie = `sb_session=${cc.issueSession('agent1')}`;
  const arns = new CasesArns(cc.engine.instance);
  const profiles = new CustomerProfilesClient(agentAppTransport(origin, cookie), arns.instance);
  const casesAt = (endpoint: CasesEndpoint) => new CasesClient({ ...endpoint, fetch: globalThis.fetch, headers: { Cookie: cookie, Origin: EXTENSION_ORIGIN } });
  const instanceCases = casesAt({ baseUrl: `${origin}${CASES_BASE_PATH}`, domainId: arns.domainId });
  const asked: WorkspaceRequest[] = [];
  const failed = (source: string, error: unknown): CommandResult => ({
    ok: false,
    error: { code: 'workspace-source-failed', params: { source }, detail: error instanceof Error ? error.message : String(error) },
  });

  async function execute(request: WorkspaceRequest, cases = instanceCases): Promise<CommandResult> {
    if (isProfileRequest(request)) {
      try {
        return { ok: true, value: { workspace: await answerProfileRequest(request, { client: profiles, contact: () => null }) } };
      } catch (error) {
        return failed('profiles', error);
      }
    }
    try {
      const answer =
        request.op === 'cases-by-reference'
          ? await answerCasesByReference(request, cases)
          : await answerCaseRequest(request as CaseRequest, { client: cases, instanceArn: arns.instance, profilesDomain: () => profiles.domainName() });
      return { ok: true, value: { workspace: answer } };
    } catch (error) {
      return failed('cases', error);
    }
  }

  const road = createWorkspaceRoad({
    store: { ready: () => Promise.resolve(options.snapshot) },
    casesEndpoint: () => Promise.resolve(options.casesEndpoint ?? null),
    engine: {
      async sendCommand(envelope) {
        if (envelope.command.type !== 'workspace') return { ok: false, error: { code: 'bad-command', detail: 'not a workspace command' } };
        asked.push(envelope.command.request);
        // The admin's Cases service when the command names one, as the engine's casesClient() chooses.
        return execute(envelope.command.request, envelope.command.cases ? casesAt(envelope.command.cases) : instanceCases);
      },
    },
  });
  return { road, asked, execute };
}
