// The CCP's `api_request` methods (amazon-connect-streams' client methods) carried out on the routing
// engine for one signed-in agent. Every method gets an answer: unknown ones an error, never silence.

import type { ChatRoutingBridge } from '../chat/chat-routing-bridge';
import type { AgentConfig } from '../model';
import type { RoutingEngine } from '../routing/engine';
import { EngineError, invalidParameter } from '../routing/errors';
import type { CcpTaskApi } from './ccp-task-api';
import { type Arns, endpoints } from './snapshot';

export interface ApiError {
  type: string;
  message: string;
  stack: string[];
  retryStatus: 'NONE';
  statusCode: number;
}

export type ApiResult = { ok: true; data: unknown } | { ok: false; err: ApiError };

type Params = Record<string, unknown>;

const str = (params: Params, key: string): string => {
  const v = params[key];
  if (typeof v !== 'string' || v === '') throw invalidParameter(`${key} is required`);
  return v;
};

/** Methods that exist in streams but have no meaning here: accepted and ignored, as the real CCP does. */
const NO_OPS = new Set(['sendSoftphoneCallMetrics', 'sendSoftphoneCallReport', 'sendClientLogs', 'sendSoftphoneReport']);

export class CcpApi {
  constructor(
    private readonly engine: RoutingEngine,
    private readonly arns: Arns,
    private readonly chat?: ChatRoutingBridge,
    private readonly tasks?: CcpTaskApi,
  ) {}

  call(agentId: string, method: string, rawParams: unknown): ApiResult {
    const params: Params = typeof rawParams === 'object' && rawParams !== null ? (rawParams as Params) : {};
    try {
      return { ok: true, data: this.dispatch(agentId, method, params) ?? null };
    } catch (error) {
      if (error instanceof EngineError) {
        const statusCode = error.code === 'ResourceNotFoundException' ? 404 : error.code === 'AccessDeniedException' ? 403 : 400;
        return { ok: false, err: { type: error.code, message: error.message, stack: [], retryStatus: 'NONE', statusCode } };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, err: { type: 'InternalServiceException', message, stack: [], retryStatus: 'NONE', statusCode: 500 } };
    }
  }

  private dispatch(agentId: string, method: string, params: Params): unknown {
    const e = this.engine;
    switch (method) {
      case 'putAgentState': {
        const state = params.state as { agentStateARN?: unknown } | undefined;
        const statusId = this.arns.idOf(state?.agentStateARN, 'agent-state');
        if (!statusId) throw invalidParameter('state must be one of the agent states of the configuration');
        e.setStatus(agentId, statusId, { enqueueNextState: params.enqueueNextState === true });
        return {};
      }
      case 'getEndpoints':
        return { endpoints: endpoints(this.arns, e.instance, e.quickConnects()), nextToken: null };
      case 'updateAgentConfiguration':
        e.updateAgentConfig(agentId, this.configPatch(params.configuration));
        return {};
      case 'acceptContact':
        e.acceptContact(agentId, str(params, 'contactId'));
        return {};
      case 'rejectContact':
        e.rejectContact(agentId, str(params, 'contactId'));
        return {};
      case 'clearContact':
      case 'completeContact':
        e.clearContact(agentId, str(params, 'contactId'));
        return {};
      case 'createOutboundContact': {
        const target = this.target(params.endpoint);
        if (!('phoneNumber' in target)) throw invalidParameter('an outbound call needs a phone number or a phone number quick connect');
        const queueId = params.queueARN === undefined || params.queueARN === null ? undefined : this.arns.idOf(params.queueARN, 'queue');
        if (queueId === null) throw invalidParameter('queueARN is not a queue of this instance');
        e.startOutboundCall(agentId, { phoneNumber: target.phoneNumber, queueId });
        return {};
      }
      case 'createAdditionalConnection':
      case 'addNewConnection':
        e.addConnection(agentId, str(params, 'contactId'), this.target(params.endpoint));
        return {};
      case 'toggleActiveConnections':
        e.toggleActiveConnections(agentId, str(params, 'contactId'));
        return {};
      case 'conferenceConnections':
        e.conference(agentId, str(params, 'contactId'));
        return {};
      case 'destroyConnection':
        e.destroyConnection(agentId, str(params, 'contactId'), str(params, 'connectionId'));
        return {};
      case 'holdConnection':
        e.holdConnection(agentId, str(params, 'contactId'), str(params, 'connectionId'));
        return {};
      case 'resumeConnection':
        e.resumeConnection(agentId, str(params, 'contactId'), str(params, 'connectionId'));
        return {};
      case 'createTransport':
        return this.createTransport(agentId, params);
      case 'transferContact': {
        const target = this.target(params.endpoint);
        if (!('quickConnectId' in target)) throw invalidParameter('a chat or task is transferred to a queue or agent quick connect');
        const contactId = str(params, 'contactId');
        const channel = e.getAgentView(agentId).contacts.find((c) => c.contactId === contactId)?.channel;
        if (channel === 'task') e.transferTask(agentId, contactId, target.quickConnectId);
        else e.transferChat(agentId, contactId, target.quickConnectId);
        return {};
      }
      case 'sendDigits':
        e.sendDigits(agentId, str(params, 'contactId'), str(params, 'digits'));
        return {};
      default:
        if (NO_OPS.has(method)) return {};
        if (this.tasks?.handles(method)) return this.tasks.call(agentId, method, params);
        throw new EngineError('InvalidParameterException', `the local contact center does not support ${method}`);
    }
  }

  /** createTransport chat_token: the agent's connection token for the chat's participant service calls. */
  private createTransport(agentId: string, params: Params): unknown {
    if (params.transportType !== 'chat_token') throw invalidParameter(`the local contact center does not give ${String(params.transportType)} transports`);
    const contactId = str(params, 'contactId');
    const view = this.engine.getAgentView(agentId).contacts.find((c) => c.contactId === contactId);
    if (!view?.chat || !this.chat) throw new EngineError('ResourceNotFoundException', `chat contact ${contactId} is not one of this agent's contacts`);
    const participant = this.chat.agentParticipantFor(contactId, view.chat.agentConnectionId, this.engine.getAgentView(agentId).name);
    if (!participant.connectionToken || participant.disconnectedAt !== null) throw new EngineError('AccessDeniedException', `the agent is no longer in chat ${contactId}`);
    return { chatTokenTransport: { participantToken: participant.connectionToken, expiry: new Date(participant.connectionExpiresAt ?? Date.now()).toISOString() } };
  }

  /** A streams Endpoint: one of our quick connects (by ARN) or a phone number. */
  private target(raw: unknown): { quickConnectId: string } | { phoneNumber: string } {
    if (typeof raw !== 'object' || raw === null) throw invalidParameter('endpoint is required');
    const ep = raw as { endpointARN?: unknown; endpointId?: unknown; phoneNumber?: unknown; type?: unknown };
    const qcId = this.arns.idOf(ep.endpointARN, 'transfer-destination') ?? this.arns.idOf(ep.endpointId, 'transfer-destination');
    if (qcId) {
      const qc = this.engine.quickConnects().find((q) => q.id === qcId);
      if (qc?.kind === 'phone') return { phoneNumber: qc.phoneNumber };
      return { quickConnectId: qcId };
    }
    if (typeof ep.phoneNumber === 'string' && ep.phoneNumber !== '') return { phoneNumber: ep.phoneNumber.replace(/^sip:|@.*$/g, '') };
    throw invalidParameter('endpoint must be a quick connect or a phone number');
  }

  private configPatch(raw: unknown): Partial<AgentConfig> {
    if (typeof raw !== 'object' || raw === null) throw invalidParameter('configuration is required');
    const c = raw as { softphoneEnabled?: unknown; extension?: unknown; softphoneAutoAccept?: unknown; agentPreferences?: { LANGUAGE?: unknown } };
    const patch: Partial<AgentConfig> = {};
    if (c.softphoneEnabled !== undefined) patch.softphoneEnabled = c.softphoneEnabled as boolean;
    if (c.extension !== undefined && c.extension !== null) patch.deskPhoneNumber = String(c.extension);
    if (c.softphoneAutoAccept !== undefined) patch.autoAccept = c.softphoneAutoAccept as boolean;
    if (c.agentPreferences?.LANGUAGE !== undefined) patch.language = String(c.agentPreferences.LANGUAGE);
    return patch;
  }
}
