// Amazon Connect's StartChatContact on its real route and shape (PUT /contact/chat), for backends written
// against the AWS SDK (its `endpoint` option pointed here; any credentials are accepted on loopback), and
// GET /api/v1/instance, which tells a developer the instance id, each queue's flow id and the service base URLs.
// There are no contact flows here: the instance has one flow id per queue, so ContactFlowId picks the queue.

import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { casesDescription } from '../../cases/cases-model';
import type { ChatRoutingBridge } from '../../chat/chat-routing-bridge';
import type { InstanceConfig } from '../../model';
import { customerProfilesDescription } from '../../profiles/profile-model';
import { qconnectDescription } from '../../qconnect/qconnect-model';
import { contactLensDescription } from '../../transcript/contact-lens-routes';
import { AwsRequestError, useAwsShape } from './aws-shaped-scope';

/** The flow id that routes to `queueId`: UUID-shaped and the same on every start, for scripts to keep. */
export function flowIdOfQueue(config: Pick<InstanceConfig, 'instanceId'>, queueId: string): string {
  const hex = createHash('sha256').update(`${config.instanceId}/flow/${queueId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function instanceDescription(config: InstanceConfig, baseUrl: string) {
  return {
    InstanceId: config.instanceId,
    InstanceArn: `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`,
    InstanceAlias: config.alias,
    Region: config.region,
    ContactFlows: config.queues.map((q) => ({ ContactFlowId: flowIdOfQueue(config, q.id), QueueId: q.id, QueueName: q.name })),
    Services: {
      connect: baseUrl,
      participant: baseUrl,
      ccp: `${baseUrl}/ccp-v2/`,
      customerChatPage: `${baseUrl}/chat/`,
    },
    customerProfiles: customerProfilesDescription(config),
    cases: casesDescription(config),
    qconnect: qconnectDescription(config),
    contactLens: contactLensDescription(),
  };
}

const StartChat = Type.Object({
  InstanceId: Type.String({ errorMessage: 'InstanceId must be the instance id' }),
  ContactFlowId: Type.String({ errorMessage: 'ContactFlowId must be a flow id (GET /api/v1/instance lists them)' }),
  ParticipantDetails: Type.Object({ DisplayName: Type.String({ errorMessage: 'ParticipantDetails.DisplayName must be a string' }) }, { errorMessage: 'ParticipantDetails with a DisplayName is required' }),
  Attributes: Type.Optional(Type.Record(Type.String(), Type.String({ errorMessage: 'attribute "{key}" must have a string value' }), { errorMessage: 'Attributes must be an object of names and string values' })),
  InitialMessage: Type.Optional(Type.Object({ ContentType: Type.String(), Content: Type.String() }, { errorMessage: 'InitialMessage must have ContentType and Content' })),
  SupportedMessagingContentTypes: Type.Optional(Type.Array(Type.String(), { errorMessage: 'SupportedMessagingContentTypes must be a list of content types' })),
  ChatDurationInMinutes: Type.Optional(Type.Integer({ errorMessage: 'ChatDurationInMinutes must be a whole number of minutes' })),
  ClientToken: Type.Optional(Type.String()),
  PersistentChat: Type.Optional(Type.Unknown()),
  RelatedContactId: Type.Optional(Type.String()),
  SegmentAttributes: Type.Optional(Type.Unknown()),
  CustomerId: Type.Optional(Type.String()),
});

type ClientTokenReply = { ContactId: string; ParticipantId: string; ParticipantToken: string };

export interface StartChatContactOptions {
  config: InstanceConfig;
  bridge: ChatRoutingBridge;
  log: (line: string) => void;
}

/** How many StartChatContact ClientTokens the server remembers. */
const REMEMBERED_CLIENT_TOKENS = 10_000;
const INITIAL_MESSAGE_TYPES = new Set(['text/plain', 'text/markdown']);
/** What SupportedMessagingContentTypes may list; Connect requires text/plain among them. */
const MESSAGING_CONTENT_TYPES = new Set(['text/plain', 'text/markdown', 'application/json', 'application/vnd.amazonaws.connect.message.interactive', 'application/vnd.amazonaws.connect.message.interactive.response']);

function assertSupportedTypes(types: string[] | undefined): void {
  if (types === undefined) return;
  const unknown = types.find((type) => !MESSAGING_CONTENT_TYPES.has(type));
  if (unknown !== undefined) throw new AwsRequestError(400, 'InvalidParameterException', `SupportedMessagingContentTypes: ${unknown} is not a messaging content type.`);
  if (!types.includes('text/plain')) throw new AwsRequestError(400, 'InvalidParameterException', 'SupportedMessagingContentTypes must include text/plain.');
}

export const startChatContactRoutes: FastifyPluginAsyncTypebox<StartChatContactOptions> = async (app, { config, bridge, log }) => {
  useAwsShape(app, { validationType: 'InvalidRequestException', log, cors: false });
  // ClientToken: the same token gives the same chat (Connect keeps them for 7 days; here for the server's life).
  const replies = new Map<string, ClientTokenReply>();

  app.put('/contact/chat', { schema: { body: StartChat } }, async (request) => {
    const body = request.body;
    if (body.InstanceId !== config.instanceId && body.InstanceId !== instanceDescription(config, '').InstanceArn) {
      throw new AwsRequestError(404, 'ResourceNotFoundException', `Instance ${body.InstanceId} does not exist.`);
    }
    const queue = config.queues.find((q) => flowIdOfQueue(config, q.id) === body.ContactFlowId);
    if (!queue) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact flow ${body.ContactFlowId} does not exist in this instance.`);
    if (body.InitialMessage && !INITIAL_MESSAGE_TYPES.has(body.InitialMessage.ContentType)) {
      throw new AwsRequestError(400, 'InvalidParameterException', 'InitialMessage.ContentType must be text/plain or text/markdown.');
    }
    assertSupportedTypes(body.SupportedMessagingContentTypes);
    const replayed = body.ClientToken ? replies.get(body.ClientToken) : undefined;
    if (replayed) return replayed;
    const started = bridge.startChatContact({
      queueId: queue.id,
      displayName: body.ParticipantDetails.DisplayName,
      attributes: body.Attributes,
      initialMessage: body.InitialMessage,
      chatDurationMinutes: body.ChatDurationInMinutes,
    });
    const reply = { ContactId: started.contactId, ParticipantId: started.participantId, ParticipantToken: started.participantToken };
    if (body.ClientToken) {
      replies.set(body.ClientToken, reply);
      // Bounded: the oldest tokens are forgotten first.
      if (replies.size > REMEMBERED_CLIENT_TOKENS) replies.delete(replies.keys().next().value as string);
    }
    log(`chat ${started.contactId} started by StartChatContact in ${queue.name}`);
    return reply;
  });
};
