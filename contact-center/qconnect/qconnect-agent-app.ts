// The agent app's Amazon Q in Connect targets on POST /agent-app/api, as amazon-q-connectjs sends them from the
// /wisdom-v2 page: `x-amz-target: AgentAppService.WisdomV2.<operation>` with the Q in Connect SDK's input as the body
// (queryAssistant, getRecommendations, notifyRecommendationsReceived, getContent, putFeedback, getSession), and
// `AgentAppService.Acs.describeContact` with {InstanceId, ContactId} and `Acs.listIntegrationAssociations` with
// {InstanceId, IntegrationType?}. The answers are the APIs' output shapes.
import type { InstanceConfig } from '../model';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';
import { describeContact, listIntegrationAssociations } from './acs-operations';
import { readGetContent, readGetRecommendations, readNotify, readPutFeedback, readQueryAssistant, readSession } from './qconnect-inputs';
import type { QConnectService } from './qconnect-service';

export const WISDOM_TARGET_PREFIX = 'AgentAppService.WisdomV2.';
export const ACS_TARGET_PREFIX = 'AgentAppService.Acs.';

export const WISDOM_OPERATIONS = ['queryAssistant', 'getRecommendations', 'notifyRecommendationsReceived', 'getContent', 'putFeedback', 'getSession'] as const;
export const ACS_OPERATIONS = ['describeContact', 'listIntegrationAssociations'] as const;
/** What amazon-q-connectjs also knows but this contact center does not serve (generative answers, guides). */
const NOT_SERVED = new Set(['sendMessage', 'getNextMessage', 'listContentAssociations', 'describeContactFlow']);

export type QConnectTarget = { service: 'WisdomV2'; operation: (typeof WISDOM_OPERATIONS)[number] } | { service: 'Acs'; operation: (typeof ACS_OPERATIONS)[number] };

/** The Q in Connect target an x-amz-target header names; null when it names another service. */
export function qconnectTargetOf(target: string): QConnectTarget | null {
  for (const [prefix, service, operations] of [
    [WISDOM_TARGET_PREFIX, 'WisdomV2', WISDOM_OPERATIONS],
    [ACS_TARGET_PREFIX, 'Acs', ACS_OPERATIONS],
  ] as const) {
    if (!target.startsWith(prefix)) continue;
    const operation = target.slice(prefix.length);
    if ((operations as readonly string[]).includes(operation)) return { service, operation } as QConnectTarget;
    const why = NOT_SERVED.has(operation) ? `${operation} is not served by the local contact center` : `${JSON.stringify(operation)} is not an operation of ${service}`;
    throw new AwsRequestError(400, 'UnknownOperationException', `${why}; ${prefix}<operation> takes ${operations.join(', ')}.`);
  }
  return null;
}

export interface AgentAppCall {
  target: QConnectTarget;
  body: unknown;
  agentId: string;
  /** Aborted when the caller goes away (ends a long poll early). */
  signal: AbortSignal;
}

export async function callQConnectAgentApp(service: QConnectService, config: Pick<InstanceConfig, 'instanceId' | 'region' | 'accountId'>, call: AgentAppCall): Promise<unknown> {
  const { target, body } = call;
  if (target.service === 'Acs') return target.operation === 'describeContact' ? describeContact(service, config, body) : listIntegrationAssociations(service, config, body);
  switch (target.operation) {
    case 'queryAssistant':
      return service.queryAssistant(readQueryAssistant(body));
    case 'getRecommendations':
      return service.getRecommendations(readGetRecommendations(body), call.signal);
    case 'notifyRecommendationsReceived':
      return service.notifyRecommendationsReceived(readNotify(body));
    case 'getContent':
      return service.getContent(readGetContent(body));
    case 'putFeedback':
      return service.putFeedback(readPutFeedback(body), call.agentId);
    case 'getSession':
      return service.getSession(readSession(body, 'GetSession'));
  }
}
