// The engine's workspace: answers the panel's `workspace` commands with the customer's profiles and cases. The
// Customer Profiles frame is created on the first profile request (not at engine start: a voice-only agent never
// pays for it); Cases are reached at the configured URL, or, on the local contact center, at the Cases service
// its instance description names; knowledge goes to Amazon Q in Connect (lib/knowledge). Every failure is a typed error naming the source, so the panel can show that
// source as failed and the others still.
import type { CommandError, CommandResult } from '../session/commands';
import type { ContactView } from '../session/snapshot';
import { createKnowledgeEngine } from '../knowledge/knowledge-engine';
import { isKnowledgeRequest } from '../knowledge/knowledge-requests';
import type { InstanceDescriptionReader } from '../streams/instance-description';
import { instanceBase } from '../streams/instance-urls';
import { answerCaseRequest, answerCasesByReference, type CaseRequest } from './case-requests';
import { CasesCallError, CasesClient } from './cases-client';
import { CustomerProfilesClient } from './customer-profiles-client';
import { CustomerProfilesCallError, customerProfilesWidget, type CustomerProfilesTransport } from './customer-profiles-widget';
import { answerProfileRequest, isProfileRequest } from './profile-requests';
import { type CasesEndpoint, isWorkspaceRequest, type WorkspaceRequest } from './workspace-requests';

export interface WorkspaceEngineOptions {
  instanceUrl: string;
  /** Where the hidden Customer Profiles frame goes. */
  container: HTMLElement;
  /** The signed-in agent's ARN (its instance ARN prefix names the instance), or null before the CCP is ready. */
  agentArn(): string | null;
  /** The contact as the panel sees it. */
  contact(contactId: string): ContactView | null;
  /** The engine's one reader of the local contact center's instance description (Cases and Q in Connect). */
  instanceDescription: InstanceDescriptionReader;
  /** How long one call may take (default 10 s). */
  timeoutMs?: number;
}

export interface WorkspaceEngine {
  /** Answers one request; `cases` is the admin's Cases service (settings), or null for the instance's own. */
  execute(request: WorkspaceRequest, cases?: CasesEndpoint | null, commandId?: string): Promise<CommandResult>;
  close(): void;
}

const failure = (source: 'profiles' | 'cases', detail: string, params: Record<string, string> = {}): CommandResult => ({
  ok: false,
  error: { code: 'workspace-source-failed', params: { source, ...params }, detail } satisfies CommandError,
});

/** The instance ARN inside an agent's ARN (`…:instance/<id>/agent/<id>`). */
export const instanceArnOf = (agentArn: string) => agentArn.replace(/\/agent\/[^/]+$/, '');

export function createWorkspaceEngine(options: WorkspaceEngineOptions): WorkspaceEngine {
  const base = instanceBase(options.instanceUrl);
  let transport: CustomerProfilesTransport | null = null;
  let profiles: CustomerProfilesClient | null = null;
  let cases: Promise<CasesClient> | null = null;
  let configured: { key: string; client: CasesClient } | null = null;
  const knowledge = createKnowledgeEngine({
    instanceUrl: options.instanceUrl,
    instanceBase: base,
    container: options.container,
    agentArn: options.agentArn,
    instanceDescription: options.instanceDescription,
    timeoutMs: options.timeoutMs,
  });

  function profilesClient(): CustomerProfilesClient {
    const agentArn = options.agentArn();
    if (!agentArn) throw new CustomerProfilesCallError('sign-in', 0, 'the agent is not signed in');
    transport ??= customerProfilesWidget({ instanceBase: base, container: options.container, timeoutMs: options.timeoutMs });
    profiles ??= new CustomerProfilesClient(transport, instanceArnOf(agentArn));
    return profiles;
  }

  async function discoverCases(): Promise<CasesClient> {
    // Not the local contact center (a real instance): only a configured URL reaches Cases.
    const described = await options.instanceDescription.read();
    if (!described) throw new CasesCallError('configuration', 0, 'NotConfigured', 'no Cases URL is set (workspace.casesUrl)');
    const { domainId, basePath } = described.cases ?? {};
    if (typeof domainId !== 'string' || typeof basePath !== 'string') throw new CasesCallError('configuration', 0, 'NotConfigured', 'the contact center names no Cases service');
    return new CasesClient({ baseUrl: new URL(basePath, `${base}/`).href.replace(/\/+$/, ''), domainId });
  }

  function casesClient(endpoint: CasesEndpoint | null): Promise<CasesClient> {
    if (endpoint?.baseUrl) {
      const key = `${endpoint.baseUrl} ${endpoint.domainId}`;
      if (configured?.key !== key) configured = { key, client: new CasesClient({ ...endpoint }) };
      return Promise.resolve(configured.client);
    }
    cases ??= discoverCases();
    cases.catch(() => {
      cases = null;
    });
    return cases;
  }

  return {
    async execute(request, endpoint, commandId) {
      if (!isWorkspaceRequest(request)) return { ok: false, error: { code: 'bad-command', detail: 'malformed workspace request' } };
      if (isKnowledgeRequest(request)) return knowledge.answer(request);
      if (isProfileRequest(request)) {
        try {
          return { ok: true, value: { workspace: await answerProfileRequest(request, { client: profilesClient(), contact: options.contact }) } };
        } catch (error) {
          // A refusal of what the agent entered (a malformed email, a taken account number) is theirs to fix.
          if (error instanceof CustomerProfilesCallError && error.status >= 400 && error.status < 500 && error.status !== 403) {
            return { ok: false, error: { code: 'rejected', params: { detail: error.statusText }, detail: error.message } };
          }
          return failure('profiles', error instanceof Error ? error.message : String(error));
        }
      }
      try {
        const client = await casesClient(endpoint ?? null);
        const agentArn = options.agentArn();
        if (!agentArn) return failure('cases', 'the agent is not signed in');
        const answer =
          request.op === 'cases-by-reference'
            ? await answerCasesByReference(request, client)
            : await answerCaseRequest(request as CaseRequest, { client, instanceArn: instanceArnOf(agentArn), profilesDomain: () => profilesClient().domainName(), commandId });
        return { ok: true, value: { workspace: answer } };
      } catch (error) {
        if (error instanceof CasesCallError && ['ValidationException', 'ConflictException'].includes(error.type)) {
          return { ok: false, error: { code: 'rejected', params: { detail: error.message }, detail: `${error.operation}: ${error.message}` } };
        }
        return failure('cases', error instanceof Error ? error.message : String(error));
      }
    },
    close() {
      transport?.close();
      knowledge.close();
    },
  };
}
