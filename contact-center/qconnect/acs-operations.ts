// Amazon Connect's operations the agent app serves to amazon-q-connectjs as AgentAppService.Acs.<operation>:
// describeContact ({InstanceId, ContactId} → {Contact} with its WisdomInfo.SessionArn, the contact's Q in Connect
// session, made on first use; times in epoch seconds, as Connect's JSON has them) and listIntegrationAssociations
// ({InstanceId, IntegrationType?} → the instance's WISDOM_ASSISTANT and WISDOM_KNOWLEDGE_BASE integrations).
import type { ContactRecord, InstanceConfig } from '../model';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';
import { stableUuid } from './qconnect-model';
import type { QConnectService } from './qconnect-service';

type Instance = Pick<InstanceConfig, 'instanceId' | 'region' | 'accountId'>;

const CHANNELS: Record<ContactRecord['channel'], string> = { voice: 'VOICE', chat: 'CHAT', task: 'TASK' };
const seconds = (ms: number | null | undefined) => (typeof ms === 'number' ? ms / 1000 : undefined);

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    throw new AwsRequestError(400, 'InvalidParameterException', `${name} is required and must be a non-empty string (describeContact takes {InstanceId, ContactId}).`);
  }
  return value;
}

/** The body as an object of this instance (InstanceId its id or ARN); the instance's ARN. */
function instanceInput(config: Instance, body: unknown, operation: string): { input: Record<string, unknown>; instanceArn: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AwsRequestError(400, 'InvalidParameterException', `The ${operation} body must be a JSON object with InstanceId.`);
  const input = body as Record<string, unknown>;
  const instanceArn = `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`;
  const instanceId = field(input, 'InstanceId');
  if (instanceId !== config.instanceId && instanceId !== instanceArn) throw new AwsRequestError(404, 'ResourceNotFoundException', `Instance ${instanceId} does not exist (this one is ${config.instanceId}).`);
  return { input, instanceArn };
}

const INTEGRATION_TYPES = ['WISDOM_ASSISTANT', 'WISDOM_KNOWLEDGE_BASE'] as const;

export function listIntegrationAssociations(service: QConnectService, config: Instance, body: unknown) {
  const { input, instanceArn } = instanceInput(config, body, 'listIntegrationAssociations');
  const wanted = input.IntegrationType;
  if (wanted !== undefined && typeof wanted !== 'string') throw new AwsRequestError(400, 'InvalidParameterException', 'IntegrationType must be a string such as WISDOM_ASSISTANT.');
  const integrations = [
    { type: INTEGRATION_TYPES[0], arn: service.ids.assistantArn },
    ...service.ids.knowledgeBaseIds().map((id) => ({ type: INTEGRATION_TYPES[1], arn: service.ids.knowledgeBaseArn(id) })),
  ].filter((integration) => wanted === undefined || integration.type === wanted);
  return {
    IntegrationAssociationSummaryList: integrations.map(({ type, arn }) => {
      const associationId = stableUuid(`${config.instanceId}/integration-association/${arn}`);
      return {
        IntegrationAssociationId: associationId,
        IntegrationAssociationArn: `${instanceArn}/integration-association/${associationId}`,
        InstanceId: config.instanceId,
        IntegrationType: type,
        IntegrationArn: arn,
      };
    }),
  };
}

export function describeContact(service: QConnectService, config: Instance, body: unknown) {
  const { input, instanceArn } = instanceInput(config, body, 'describeContact');
  const contactId = field(input, 'ContactId');
  const record = service.contacts.record(contactId);
  if (record === null) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact ${contactId} does not exist in instance ${config.instanceId}.`);
  const { sessionArn } = service.sessionOfContact(contactId);
  const lastUpdate = Math.max(record.initiatedAt, record.connectedToAgentAt ?? 0, record.disconnectedAt ?? 0);
  return {
    Contact: {
      Arn: `${instanceArn}/contact/${contactId}`,
      Id: contactId,
      InitialContactId: record.initialContactId,
      PreviousContactId: record.previousContactId ?? undefined,
      InitiationMethod: record.initiationMethod.toUpperCase(),
      Channel: CHANNELS[record.channel],
      QueueInfo: record.queueId === null ? undefined : { Id: record.queueId, EnqueueTimestamp: seconds(record.enqueuedAt) },
      AgentInfo: record.agentId === null ? undefined : { Id: record.agentId, ConnectedToAgentTimestamp: seconds(record.connectedToAgentAt) },
      InitiationTimestamp: seconds(record.initiatedAt),
      DisconnectTimestamp: seconds(record.disconnectedAt),
      LastUpdateTimestamp: seconds(lastUpdate),
      Attributes: record.attributes,
      WisdomInfo: { SessionArn: sessionArn },
    },
  };
}
