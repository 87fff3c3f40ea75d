// The contact center's chat APIs driven by the REAL AWS SDK clients, as a backend and a customer would use them
// against Amazon Connect: StartChatContact (@aws-sdk/client-connect) and the participant service
// (@aws-sdk/client-connectparticipant), plus the customer's WebSocket framing and CORS for ChatJS.

import { ResourceNotFoundException, StartChatContactCommand } from '@aws-sdk/client-connect';
import {
  AccessDeniedException,
  CompleteAttachmentUploadCommand,
  DisconnectParticipantCommand,
  GetAttachmentCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  StartAttachmentUploadCommand,
  ValidationException,
} from '@aws-sdk/client-connectparticipant';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { flowIdOfQueue } from '../../../contact-center/server/routes/start-chat-contact';
import { agentAccepts as acceptAs, customerConnection as connectAs, type ParticipantFixture, startChat as startAs, startParticipantFixture } from './participant-fixture';

let f: ParticipantFixture;
let cc: ParticipantFixture['cc'];
let connect: ParticipantFixture['connect'];
let participant: ParticipantFixture['participant'];

beforeEach(async () => {
  f = await startParticipantFixture();
  ({ cc, connect, participant } = f);
});

afterEach(async () => {
  await f.close();
});

const startChat = () => startAs(f);
const customerConnection = (participantToken: string) => connectAs(f, participantToken);
const agentAccepts = (contactId: string) => acceptAs(f, contactId);

describe('StartChatContact with @aws-sdk/client-connect', () => {
  it('starts a chat routed by the flow id of a queue, with the customer token and the initial message', async () => {
    const started = await startChat();
    expect(started.ContactId).toMatch(/.+/);
    expect(started.ParticipantToken).toMatch(/.+/);
    expect(cc.engine.getContact(started.ContactId!).channel).toBe('chat');
    const { token } = await customerConnection(started.ParticipantToken!);
    const transcript = await participant.send(new GetTranscriptCommand({ ConnectionToken: token, SortOrder: 'ASCENDING', MaxResults: 100 }));
    const messages = transcript.Transcript!.filter((i) => i.Type === 'MESSAGE');
    expect(messages.map((m) => [m.Content, m.ParticipantRole, m.DisplayName])).toEqual([['My router keeps rebooting.', 'CUSTOMER', 'Hanako Yamada']]);
  });

  it('refuses an unknown flow and an unknown instance as ResourceNotFoundException', async () => {
    const instance = cc.engine.instance;
    const bad = (InstanceId: string, ContactFlowId: string) => connect.send(new StartChatContactCommand({ InstanceId, ContactFlowId, ParticipantDetails: { DisplayName: 'x' } }));
    await expect(bad(instance.instanceId, '00000000-0000-4000-a000-000000000000')).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(bad('not-this-instance', flowIdOfQueue(instance, 'basic'))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('the participant service with @aws-sdk/client-connectparticipant', () => {
  it('carries messages both ways, typing and a read receipt, and pages the transcript', async () => {
    const started = await startChat();
    const customer = await customerConnection(started.ParticipantToken!);
    const agentToken = agentAccepts(started.ContactId!);
    await participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/markdown', Content: 'Hello **Hanako**, let me check.', ClientToken: 'agent-1' }));
    // The same ClientToken again is the same message, not a second one.
    const again = await participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/markdown', Content: 'Hello **Hanako**, let me check.', ClientToken: 'agent-1' }));
    const sent = await participant.send(new SendMessageCommand({ ConnectionToken: customer.token, ContentType: 'text/plain', Content: 'Thanks!' }));
    await participant.send(new SendEventCommand({ ConnectionToken: customer.token, ContentType: 'application/vnd.amazonaws.connect.event.typing' }));
    await participant.send(new SendEventCommand({ ConnectionToken: agentToken, ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId: sent.Id }) }));

    const all = await participant.send(new GetTranscriptCommand({ ConnectionToken: customer.token, SortOrder: 'ASCENDING', MaxResults: 100 }));
    const messages = all.Transcript!.filter((i) => i.Type === 'MESSAGE');
    expect(messages.map((m) => m.Content)).toEqual(['My router keeps rebooting.', 'Hello **Hanako**, let me check.', 'Thanks!']);
    expect(messages.filter((m) => m.Id === again.Id)).toHaveLength(1);
    expect(messages[2]!.MessageMetadata?.Receipts?.[0]?.ReadTimestamp).toBeTruthy();
    expect(all.Transcript!.some((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.participant.joined' && i.ParticipantRole === 'AGENT')).toBe(true);

    // Two at a time, backwards from the newest: the pages join up to the same transcript.
    const paged: string[] = [];
    let next: string | undefined;
    do {
      const page = await participant.send(new GetTranscriptCommand({ ConnectionToken: agentToken, MaxResults: 2, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', NextToken: next }));
      paged.unshift(...page.Transcript!.map((i) => i.Id!));
      next = page.NextToken;
    } while (next);
    expect(paged).toEqual(all.Transcript!.map((i) => i.Id));
  });

  it('uploads and downloads an attachment through the presigned-style URLs, and rejects a lying file', async () => {
    const started = await startChat();
    const customer = await customerConnection(started.ParticipantToken!);
    agentAccepts(started.ContactId!);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082', 'hex');
    const upload = await participant.send(new StartAttachmentUploadCommand({ ConnectionToken: customer.token, ContentType: 'image/png', AttachmentName: 'router-lights.png', AttachmentSizeInBytes: png.length, ClientToken: 'up-1' }));
    const put = await fetch(upload.UploadMetadata!.Url!, { method: 'PUT', headers: upload.UploadMetadata!.HeadersToInclude, body: png });
    expect(put.status).toBe(200);
    await participant.send(new CompleteAttachmentUploadCommand({ ConnectionToken: customer.token, AttachmentIds: [upload.AttachmentId!], ClientToken: 'done-1' }));
    const link = await participant.send(new GetAttachmentCommand({ ConnectionToken: customer.token, AttachmentId: upload.AttachmentId! }));
    const downloaded = Buffer.from(await (await fetch(link.Url!)).arrayBuffer());
    expect(downloaded.equals(png)).toBe(true);

    const fake = Buffer.from('<script>alert(1)</script>');
    const lie = await participant.send(new StartAttachmentUploadCommand({ ConnectionToken: customer.token, ContentType: 'application/pdf', AttachmentName: 'invoice.pdf', AttachmentSizeInBytes: fake.length, ClientToken: 'up-2' }));
    await fetch(lie.UploadMetadata!.Url!, { method: 'PUT', headers: lie.UploadMetadata!.HeadersToInclude, body: fake });
    await participant.send(new CompleteAttachmentUploadCommand({ ConnectionToken: customer.token, AttachmentIds: [lie.AttachmentId!], ClientToken: 'done-2' }));
    await expect(participant.send(new GetAttachmentCommand({ ConnectionToken: customer.token, AttachmentId: lie.AttachmentId! }))).rejects.toThrow();
    const transcript = await participant.send(new GetTranscriptCommand({ ConnectionToken: customer.token, MaxResults: 100 }));
    const statuses = transcript.Transcript!.filter((i) => i.Type === 'ATTACHMENT').map((i) => i.Attachments?.[0]?.Status);
    expect(statuses.sort()).toEqual(['APPROVED', 'REJECTED']);
  });

  it('answers refusals with the exception classes the SDK knows', async () => {
    const started = await startChat();
    const customer = await customerConnection(started.ParticipantToken!);
    await expect(participant.send(new SendMessageCommand({ ConnectionToken: 'no-such-token', ContentType: 'text/plain', Content: 'hi' }))).rejects.toBeInstanceOf(AccessDeniedException);
    await expect(participant.send(new SendMessageCommand({ ConnectionToken: customer.token, ContentType: 'text/plain', Content: 'x'.repeat(1025) }))).rejects.toBeInstanceOf(ValidationException);
    await expect(participant.send(new SendMessageCommand({ ConnectionToken: customer.token, ContentType: 'text/html', Content: '<b>hi</b>' }))).rejects.toBeInstanceOf(ValidationException);
  });

  it('a customer disconnect ends the chat and puts the agent in After Contact Work', async () => {
    const started = await startChat();
    const customer = await customerConnection(started.ParticipantToken!);
    agentAccepts(started.ContactId!);
    await participant.send(new DisconnectParticipantCommand({ ConnectionToken: customer.token }));
    // Still on the agent's list, ended: After Contact Work, as streams shows it, until the agent closes it.
    expect(cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === started.ContactId)?.state).toBe('ended');
    expect(cc.engine.getContact(started.ContactId!).record.disconnectReason).toBe('customer_disconnect');
    cc.engine.clearContact('agent1', started.ContactId!);
    expect(cc.engine.getAgentView('agent1').contacts).toHaveLength(0);
    const transcript = await participant.send(new GetTranscriptCommand({ ConnectionToken: customer.token, MaxResults: 100, SortOrder: 'ASCENDING' }));
    expect(transcript.Transcript!.at(-1)?.ContentType).toBe('application/vnd.amazonaws.connect.event.chat.ended');
  });
});

describe("the customer's WebSocket and CORS", () => {
  it('subscribes, answers heartbeats and pings, and pushes the agent message', async () => {
    const started = await startChat();
    const customer = await customerConnection(started.ParticipantToken!);
    expect(customer.websocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    const socket = new WebSocket(customer.websocketUrl);
    const frames: { topic?: string; content?: unknown; statusCode?: number }[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const waitFor = async (test: (f: (typeof frames)[number]) => boolean) => {
      for (let i = 0; i < 100 && !frames.some(test); i++) await new Promise((r) => setTimeout(r, 20));
      return frames.find(test);
    };
    socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
    expect(await waitFor((f) => f.topic === 'aws/subscribe')).toEqual({ topic: 'aws/subscribe', content: { status: 'success', topics: ['aws/chat'] } });
    socket.send(JSON.stringify({ topic: 'aws/heartbeat' }));
    socket.send(JSON.stringify({ topic: 'aws/ping' }));
    expect(await waitFor((f) => f.topic === 'aws/heartbeat')).toBeTruthy();
    expect(await waitFor((f) => f.topic === 'aws/ping')).toEqual({ topic: 'aws/ping', statusCode: 200 });
    const agentToken = agentAccepts(started.ContactId!);
    await participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'こんにちは、担当のエミリーです。' }));
    const pushed = await waitFor((f) => f.topic === 'aws/chat' && String(f.content).includes('こんにちは'));
    const item = JSON.parse(String(pushed!.content));
    expect(item).toMatchObject({ Type: 'MESSAGE', ParticipantRole: 'AGENT', ContactId: started.ContactId, InitialContactId: started.ContactId });
    socket.close();
  });

  it('answers a preflight from another origin with the headers the AWS SDK in ChatJS needs', async () => {
    const response = await fetch(`${cc.url}/participant/message`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,x-amz-bearer,x-amz-date' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-amz-bearer,x-amz-date');
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
    // The control API keeps its no-CORS rule.
    const control = await fetch(`${cc.url}/api/v1/queues`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173' } });
    expect(control.headers.get('access-control-allow-origin')).toBeNull();
  });
});
