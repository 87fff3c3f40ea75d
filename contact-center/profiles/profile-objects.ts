// ListProfileObjects of object type CTR: a profile's contact history from the routing engine's contact records,
// each record's Object a JSON string in the shape of Amazon Connect's contact trace record (the Connect
// integration's object type). A record belongs to a profile when it has ended and its customer's number, or the
// email, account number or profile id in its attributes, is one of the profile's keys, or when its contact id
// (or the contact it was transferred from) was linked with AddProfileKey `_ctrContactId`. Newest first.
import type { ContactRecord, InstanceConfig } from '../model';
import { badRequest, CONTACT_ID_KEY, CTR_OBJECT_TYPE, instanceArnOf, notFound, type ProfilesContext } from './profile-model';
import { bodyOf, domainName, keyName, keyValues, maxResults, nextToken, objectMember, objectTypeName, pageOffset, profileId } from './profile-params';
import { profileExists } from './profile-rows';

export interface ProfileObject {
  ObjectTypeName: string;
  ProfileObjectUniqueKey: string;
  /** The object as a JSON string. */
  Object: string;
}

export interface ListProfileObjectsResponse {
  Items: ProfileObject[];
  NextToken?: string;
}

const OPERATION = 'listProfileObjects';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const seconds = (ms: number) => Math.round(ms / 1000);

/** The CTR's Queue: where the contact waited and for how long. */
function ctrQueue(record: ContactRecord, config: InstanceConfig) {
  const queueId = record.queueId as string;
  return {
    Name: config.queues.find((q) => q.id === queueId)?.name ?? queueId,
    ARN: `${instanceArnOf(config)}/queue/${queueId}`,
    EnqueueTimestamp: iso(record.enqueuedAt),
    DequeueTimestamp: iso(record.dequeuedAt),
    Duration: seconds(record.queueDurationMs),
  };
}

/** The CTR's Agent: who handled the contact, talk, hold and After Contact Work. */
function ctrAgent(record: ContactRecord, config: InstanceConfig) {
  const agentId = record.agentId as string;
  const handling = record.agents.find((offer) => offer.agentId === agentId && offer.outcome === 'accepted');
  return {
    Username: config.agents.find((a) => a.id === agentId)?.username ?? agentId,
    ARN: `${instanceArnOf(config)}/agent/${agentId}`,
    ConnectedToAgentTimestamp: iso(record.connectedToAgentAt),
    AgentInteractionDuration: seconds(record.talkDurationMs),
    CustomerHoldDuration: seconds(record.holdDurationMs),
    NumberOfHolds: record.holdCount,
    AfterContactWorkStartTimestamp: iso(handling?.acwStartedAt ?? null),
    AfterContactWorkEndTimestamp: iso(handling?.acwEndedAt ?? null),
    AfterContactWorkDuration: seconds(record.acwDurationMs),
  };
}

/** A contact record as Amazon Connect's CTR (the parts Customer Profiles' CTR objects carry). Durations in seconds. */
export function ctrObject(record: ContactRecord, config: InstanceConfig): Record<string, unknown> {
  const endpoint = (address: string | null) => (address === null ? null : { Type: 'TELEPHONE_NUMBER', Address: address });
  return {
    AWSAccountId: config.accountId,
    InstanceARN: instanceArnOf(config),
    ContactId: record.contactId,
    InitialContactId: record.initialContactId,
    PreviousContactId: record.previousContactId,
    NextContactId: record.nextContactId,
    Channel: record.channel.toUpperCase(),
    InitiationMethod: record.initiationMethod.toUpperCase(),
    InitiationTimestamp: iso(record.initiatedAt),
    DisconnectTimestamp: iso(record.disconnectedAt),
    DisconnectReason: record.disconnectReason?.toUpperCase() ?? null,
    CustomerEndpoint: endpoint(record.customerEndpoint),
    SystemEndpoint: endpoint(record.systemEndpoint),
    Queue: record.queueId === null ? null : ctrQueue(record, config),
    Agent: record.agentId === null ? null : ctrAgent(record, config),
    Attributes: record.attributes,
    ...(record.task ? { Name: record.task.name, Description: record.task.description } : {}),
  };
}

/** The ended records of profile @id: linked by contact id, or sharing one of its keys. */
const PROFILE_CONTACTS = `
  WITH linked (contact_id) AS (
    SELECT value FROM profile_keys WHERE profile_id = @id AND key_name = '${CONTACT_ID_KEY}'
    UNION SELECT r.contact_id FROM profile_keys pk JOIN contact_records r ON r.initial_contact_id = pk.value
      WHERE pk.profile_id = @id AND pk.key_name = '${CONTACT_ID_KEY}'
    UNION SELECT k.contact_id FROM profile_keys pk JOIN contact_record_keys k ON k.key_name = pk.key_name AND k.value = pk.value
      WHERE pk.profile_id = @id AND pk.key_name IN ('_phone', '_email', '_account')
    UNION SELECT contact_id FROM contact_record_keys WHERE key_name = '_profileId' AND value = @id
  )
  SELECT r.contact_id, r.record_json FROM linked JOIN contact_records r ON r.contact_id = linked.contact_id
  WHERE r.state = 'ended'`;

export function listProfileObjects(context: ProfilesContext, params: unknown): ListProfileObjectsResponse {
  const body = bodyOf(params);
  const domain = domainName(body, context);
  const type = objectTypeName(body);
  const id = profileId(body);
  const limit = maxResults(body);
  const offset = pageOffset(body, OPERATION);
  const filter = objectMember(body, 'ObjectFilter');
  let filterValues: string[] | null = null;
  if (filter) {
    const name = keyName(filter, 'KeyName', 'ObjectFilter.KeyName');
    filterValues = keyValues(filter, 'Values', 'ObjectFilter.Values');
    if (name !== CONTACT_ID_KEY) throw badRequest(`ObjectFilter.KeyName ${name} is not a key of object type ${CTR_OBJECT_TYPE}; its key is ${CONTACT_ID_KEY} (the contact id).`);
  }
  if (type !== CTR_OBJECT_TYPE) throw notFound(`Object type ${type} does not exist in domain ${domain}; this contact center has ${CTR_OBJECT_TYPE} (its contact records).`);
  if (!profileExists(context.db, id)) throw notFound(`Profile ${id} does not exist in domain ${domain}.`);

  const filterSql = filterValues ? ` AND r.contact_id IN (${filterValues.map(() => '?').join(',')})` : '';
  const rows = context.db
    .prepare<unknown[], { contact_id: string; record_json: string }>(`${PROFILE_CONTACTS}${filterSql} ORDER BY r.initiated_at DESC, r.contact_id LIMIT @limit OFFSET @offset`)
    .all({ id, limit: limit + 1, offset }, ...(filterValues ?? []));
  const items = rows.slice(0, limit).map((row) => ({
    ObjectTypeName: CTR_OBJECT_TYPE,
    ProfileObjectUniqueKey: row.contact_id,
    Object: JSON.stringify(ctrObject(JSON.parse(row.record_json) as ContactRecord, context.config)),
  }));
  return { Items: items, ...(rows.length > limit ? { NextToken: nextToken(OPERATION, offset + limit) } : {}) };
}
