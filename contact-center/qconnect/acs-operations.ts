// Amazon Connect's DescribeContact as the agent app's AgentAppService.Acs.describeContact serves it to
// amazon-q-connectjs: the body is {InstanceId, ContactId} and the answer is {Contact} with its WisdomInfo.SessionArn,
// the contact's Q in Connect session (made on first use). Times are epoch seconds, as Connect's JSON has them.
import type { ContactRecord, InstanceConfig } from '../model';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';
import type { QConnectService } from './qconnect-service';

const CHANNELS: Record<ContactRecord['channel'], string> = { voice: 'VOICE', chat: 'CHAT', task: 'TASK' };
const seconds = (ms: number | null | undefined) => (typeof ms === 'number' ? ms / 1000 : undefined);

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    throw new AwsRequestError(400, 'InvalidParameterException', `${name} is required and must be a non-empty string (describeContact takes {InstanceId, ContactId}).`);
  }
  return value;
}

export function describeContact(service: QConnectService, config: Pick<InstanceConfig, 'instanceId' | 'region' | 'accountId'>, body: unknown) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AwsRequestError(400, 'InvalidParameterException', 'The describeContact body must be a JSON object {InstanceId, ContactId}.');
  const input = body as Record<string, unknown>;
  const instanceArn = `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`;
  const instanceId = field(input, 'InstanceId');
  if (instanceId !== config.instanceId && instanceId !== instanceArn) throw new AwsRequestError(404, 'ResourceNotFoundException', `Instance ${instanceId} does not exist (this one is ${config.instanceId}).`);
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
