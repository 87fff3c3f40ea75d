// StartChatContact on Amazon Connect's route, as a backend on @aws-sdk/client-connect calls it: validation and
// refusals parsed by the SDK into Connect's exception classes, ClientToken idempotency, the queue each flow id
// picks, the Host guard, and GET /api/v1/instance describing the instance for developers.

import { InvalidParameterException, InvalidRequestException, StartChatContactCommand } from '@aws-sdk/client-connect';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowIdOfQueue } from '../../../contact-center/server/routes/start-chat-contact';
import { type ParticipantFixture, startChat, startParticipantFixture } from './participant-fixture';

let f: ParticipantFixture;

beforeEach(async () => {
  f = await startParticipantFixture();
});

afterEach(async () => {
  await f.close();
});

describe('StartChatContact refusals, as the SDK parses them', () => {
  it('answers a malformed request with InvalidRequestException 400 naming the field', async () => {
    const instance = f.cc.engine.instance;
    // The SDK does not check required members: a missing DisplayName reaches the server.
    const missingName = f.connect.send(new StartChatContactCommand({ InstanceId: instance.instanceId, ContactFlowId: flowIdOfQueue(instance, 'basic'), ParticipantDetails: {} as { DisplayName: string } }));
    const error = await missingName.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect((error as InvalidRequestException).$metadata.httpStatusCode).toBe(400);
    expect((error as InvalidRequestException).message).toMatch(/DisplayName/);
  });

  it('answers an initial message that is not text or Markdown with InvalidParameterException', async () => {
    const refused = startChat(f, { InitialMessage: { ContentType: 'text/html', Content: '<b>hi</b>' } });
    await expect(refused).rejects.toBeInstanceOf(InvalidParameterException);
    expect(f.cc.engine.queueSize('basic', 'chat')).toBe(0);
  });

  it('checks SupportedMessagingContentTypes and ChatDurationInMinutes as Connect does', async () => {
    await expect(startChat(f, { SupportedMessagingContentTypes: ['text/markdown'] })).rejects.toThrow(/must include text\/plain/);
    await expect(startChat(f, { SupportedMessagingContentTypes: ['text/plain', 'text/html'] })).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(startChat(f, { ChatDurationInMinutes: 59 })).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(startChat(f, { ChatDurationInMinutes: 10_081 })).rejects.toBeInstanceOf(InvalidParameterException);
    expect(f.cc.engine.queueSize('basic', 'chat')).toBe(0);
    const started = await startChat(f, { SupportedMessagingContentTypes: ['text/plain', 'text/markdown'], ChatDurationInMinutes: 60 });
    expect(f.cc.engine.getContact(started.ContactId!).channel).toBe('chat');
    expect(started.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the AWS restJson1 error shape: x-amzn-errortype header and a __type body', async () => {
    const instance = f.cc.engine.instance;
    const response = await fetch(`${f.cc.url}/contact/chat`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20261202/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=00' },
      body: JSON.stringify({ InstanceId: instance.instanceId, ContactFlowId: 'no-such-flow', ParticipantDetails: { DisplayName: 'x' } }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/-/);
    expect(await response.json()).toMatchObject({ __type: 'ResourceNotFoundException', message: expect.stringContaining('no-such-flow') });
  });

  it('refuses a request addressed to a non-loopback Host name (DNS rebinding)', async () => {
    const instance = f.cc.engine.instance;
    const answer = await f.cc.app.inject({
      method: 'PUT',
      url: '/contact/chat',
      headers: { host: 'attacker.example', 'content-type': 'application/json' },
      payload: { InstanceId: instance.instanceId, ContactFlowId: flowIdOfQueue(instance, 'basic'), ParticipantDetails: { DisplayName: 'x' } },
    });
    expect(answer.statusCode).toBe(421);
    expect(f.cc.engine.queueSize('basic', 'chat')).toBe(0);
  });
});

describe('StartChatContact routing and idempotency', () => {
  it('routes each flow id to its own queue and accepts the instance ARN as InstanceId', async () => {
    const instance = f.cc.engine.instance;
    const arn = `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.instanceId}`;
    for (const queue of instance.queues) {
      const started = await startChat(f, { queueId: queue.id, InstanceId: arn });
      expect(f.cc.engine.getContact(started.ContactId!).queueId).toBe(queue.id);
    }
  });

  it('gives the same chat for the same ClientToken, and a new one for another', async () => {
    const first = await startChat(f, { ClientToken: 'order-4711' });
    const again = await startChat(f, { ClientToken: 'order-4711' });
    const other = await startChat(f, { ClientToken: 'order-4712' });
    expect(again).toMatchObject({ ContactId: first.ContactId, ParticipantId: first.ParticipantId, ParticipantToken: first.ParticipantToken });
    expect(other.ContactId).not.toBe(first.ContactId);
    expect(f.cc.engine.queueSize('basic', 'chat')).toBe(2);
  });

  it('keeps the attributes on the contact and the customer as its participant', async () => {
    const started = await startChat(f, { Attributes: { accountNumber: 'AC-2002', tier: 'gold' } });
    const contact = f.cc.engine.getContact(started.ContactId!);
    expect(contact.record.attributes).toMatchObject({ accountNumber: 'AC-2002', tier: 'gold' });
    expect(f.cc.chat.getParticipant(started.ParticipantId!)).toMatchObject({ role: 'CUSTOMER', displayName: 'Hanako Yamada' });
  });
});

describe('GET /api/v1/instance', () => {
  it("lists the instance id and ARN, every queue's flow id and the services' base URLs on 127.0.0.1", async () => {
    const response = await fetch(`${f.cc.url}/api/v1/instance`);
    expect(response.status).toBe(200);
    const described = (await response.json()) as {
      InstanceId: string;
      InstanceArn: string;
      Region: string;
      ContactFlows: { ContactFlowId: string; QueueId: string; QueueName: string }[];
      Services: { connect: string; participant: string };
    };
    const instance = f.cc.engine.instance;
    expect(described.InstanceId).toBe(instance.instanceId);
    expect(described.InstanceArn).toBe(`arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.instanceId}`);
    expect(described.Region).toBe(instance.region);
    expect(described.ContactFlows.map((flow) => flow.QueueId)).toEqual(instance.queues.map((q) => q.id));
    expect(new Set(described.ContactFlows.map((flow) => flow.ContactFlowId)).size).toBe(instance.queues.length);
    expect(described.Services.connect).toBe(`http://127.0.0.1:${f.cc.port}`);
    expect(described.Services.participant).toBe(`http://127.0.0.1:${f.cc.port}`);
    // The documented flow id starts a chat in its queue.
    const last = described.ContactFlows.at(-1)!;
    const started = await startChat(f, { ContactFlowId: last.ContactFlowId });
    expect(f.cc.engine.getContact(started.ContactId!).queueId).toBe(last.QueueId);
  });

  it('gives every queue the same flow id on every start (derived from the instance and queue ids)', () => {
    const instance = f.cc.engine.instance;
    expect(flowIdOfQueue(instance, 'basic')).toBe(flowIdOfQueue({ instanceId: instance.instanceId }, 'basic'));
    expect(flowIdOfQueue(instance, 'basic')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('StartChatContact and the chat layer agree', () => {
  it('trims the display name as the engine does, so a long padded name starts one chat and not an orphan contact', async () => {
    const name = 'あ'.repeat(256);
    const started = await startChat(f, { ParticipantDetails: { DisplayName: `  ${name}  ` } });
    expect(f.cc.chat.getParticipant(started.ParticipantId!)?.displayName).toBe(name);
    expect(f.cc.engine.getContact(started.ContactId!).chat?.customerDisplayName).toBe(name);
  });

  it('refuses a message the participant service would refuse before anything is queued', async () => {
    await expect(startChat(f, { ParticipantDetails: { DisplayName: 'x'.repeat(257) } })).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(startChat(f, { InitialMessage: { ContentType: 'text/markdown', Content: '' } })).rejects.toBeInstanceOf(InvalidParameterException);
    expect(f.cc.engine.queueSize('basic', 'chat')).toBe(0);
  });
});
