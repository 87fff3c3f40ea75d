// The participant service's HTTP side beyond the happy path of chat-aws-sdk.test.ts: CORS as ChatJS in a web page
// or the extension needs it (exposed AWS error headers, preflights of the attachment URLs), the attachment PUT's
// own 20 MB body limit while every other route keeps 256 KB, delivered receipts and idempotent events through the
// real SDK, and an agent's DisconnectParticipant ending the agent's contact into After Contact Work.

import {
  AccessDeniedException,
  ConflictException,
  DisconnectParticipantCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  StartAttachmentUploadCommand,
  ValidationException,
} from '@aws-sdk/client-connectparticipant';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentAccepts, customerConnection, type ParticipantFixture, startChat, startParticipantFixture } from './participant-fixture';

let f: ParticipantFixture;

beforeEach(async () => {
  f = await startParticipantFixture();
});

afterEach(async () => {
  await f.close();
});

const ORIGIN = 'http://localhost:5173';

describe('CORS on the participant service', () => {
  it('lets a page of another origin read an error and its AWS headers', async () => {
    const response = await fetch(`${f.cc.url}/participant/message`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'content-type': 'application/json', 'x-amz-bearer': 'no-such-token' },
      body: JSON.stringify({ ContentType: 'text/plain', Content: 'hi' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-amzn-errortype, x-amzn-requestid');
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(await response.json()).toMatchObject({ __type: 'AccessDeniedException' });
  });

  it('answers preflights of the upload and download URLs with PUT and GET allowed', async () => {
    for (const path of ['/attachments/upload/some-token', '/attachments/download/some-token', '/participant/start-attachment-upload']) {
      const response = await fetch(`${f.cc.url}${path}`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' } });
      expect(response.status, path).toBe(204);
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT');
      expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    }
  });

  it('keeps StartChatContact, a backend API, without CORS', async () => {
    const response = await fetch(`${f.cc.url}/contact/chat`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('attachment upload body limits', () => {
  /** A PDF header followed by `size` bytes of padding: content a PDF check accepts. */
  const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')]);

  async function uploadUrl(size: number) {
    const started = await startChat(f);
    const customer = await customerConnection(f, started.ParticipantToken!);
    agentAccepts(f, started.ContactId!);
    const upload = await f.participant.send(new StartAttachmentUploadCommand({ ConnectionToken: customer.token, ContentType: 'application/pdf', AttachmentName: 'manual.pdf', AttachmentSizeInBytes: size, ClientToken: `up-${size}` }));
    return upload.UploadMetadata!;
  }

  it('takes a file far above the 256 KB of the JSON routes on the upload URL', async () => {
    const file = pdfOf(3 * 1024 * 1024);
    const upload = await uploadUrl(file.length);
    const put = await fetch(upload.Url!, { method: 'PUT', headers: upload.HeadersToInclude, body: file });
    expect(put.status).toBe(200);
    // The JSON routes still refuse such a body.
    const big = await fetch(`${f.cc.url}/participant/message`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-amz-bearer': 'x' }, body: JSON.stringify({ ContentType: 'text/plain', Content: 'x'.repeat(300 * 1024) }) });
    expect(big.status).toBe(413);
  });

  it('refuses a body over 20 MB on the upload URL with an AWS-shaped 413', async () => {
    const upload = await uploadUrl(1024);
    const answer = await f.cc.app.inject({ method: 'PUT', url: new URL(upload.Url!).pathname, headers: { ...upload.HeadersToInclude, host: `127.0.0.1:${f.cc.port}` }, payload: pdfOf(20 * 1024 * 1024 + 1) });
    expect(answer.statusCode).toBe(413);
    expect(answer.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(answer.json()).toMatchObject({ __type: 'ValidationException', message: expect.stringMatching(/too large/) });
  });
});

describe('events, receipts and disconnects through the SDK', () => {
  it('records a delivered then read receipt on the message, and the same event ClientToken once', async () => {
    const started = await startChat(f);
    const customer = await customerConnection(f, started.ParticipantToken!);
    const agentToken = agentAccepts(f, started.ContactId!);
    const sent = await f.participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'Try unplugging it for 30 seconds.' }));
    const delivered = { ConnectionToken: customer.token, ContentType: 'application/vnd.amazonaws.connect.event.message.delivered', Content: JSON.stringify({ messageId: sent.Id }), ClientToken: 'dlv-1' };
    const first = await f.participant.send(new SendEventCommand(delivered));
    const again = await f.participant.send(new SendEventCommand(delivered));
    expect(again.Id).toBe(first.Id);
    await f.participant.send(new SendEventCommand({ ConnectionToken: customer.token, ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId: sent.Id }) }));

    const transcript = await f.participant.send(new GetTranscriptCommand({ ConnectionToken: agentToken, MaxResults: 100 }));
    const message = transcript.Transcript!.find((item) => item.Id === sent.Id)!;
    const receipt = message.MessageMetadata!.Receipts![0]!;
    expect(receipt.DeliveredTimestamp).toBeTruthy();
    expect(receipt.ReadTimestamp).toBeTruthy();
    // A receipt for a message that is not in the chat is refused as the SDK knows it.
    await expect(f.participant.send(new SendEventCommand({ ...delivered, Content: JSON.stringify({ messageId: 'nope' }), ClientToken: 'dlv-2' }))).rejects.toBeInstanceOf(ValidationException);
  });

  it("an agent's DisconnectParticipant leaves the chat and puts the agent's contact into After Contact Work", async () => {
    const started = await startChat(f);
    const customer = await customerConnection(f, started.ParticipantToken!);
    const agentToken = agentAccepts(f, started.ContactId!);
    expect(f.cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === started.ContactId)?.state).toBe('connected');
    await f.participant.send(new DisconnectParticipantCommand({ ConnectionToken: agentToken }));
    expect(f.cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === started.ContactId)?.state).toBe('ended');
    expect(f.cc.engine.getContact(started.ContactId!).record.disconnectReason).toBe('agent_disconnect');
    const transcript = await f.participant.send(new GetTranscriptCommand({ ConnectionToken: customer.token, MaxResults: 100, SortOrder: 'ASCENDING' }));
    expect(transcript.Transcript!.some((item) => item.ContentType === 'application/vnd.amazonaws.connect.event.participant.left' && item.ParticipantRole === 'AGENT')).toBe(true);
    // With no disconnect flow, as on Connect, the chat then ends for the customer.
    expect(transcript.Transcript!.at(-1)?.ContentType).toBe('application/vnd.amazonaws.connect.event.chat.ended');
    // The agent's token is spent.
    await expect(f.participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'hello?' }))).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('refuses receipts in a chat of more than two active participants with ConflictException', async () => {
    const started = await startChat(f);
    const customer = await customerConnection(f, started.ParticipantToken!);
    const agentToken = agentAccepts(f, started.ContactId!);
    const sent = await f.participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'A colleague joins us.' }));
    f.cc.chat.addAgent({ contactId: started.ContactId!, displayName: 'Supervisor', participantId: 'supervisor-connection' });
    const read = new SendEventCommand({ ConnectionToken: customer.token, ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId: sent.Id }) });
    await expect(f.participant.send(read)).rejects.toBeInstanceOf(ConflictException);
  });
});

describe('a chat offered again to another agent', () => {
  it("gives the second agent its own tokens and name; the first agent's tokens stop working", async () => {
    const started = await startChat(f);
    const customer = await customerConnection(f, started.ParticipantToken!);
    f.cc.engine.setStatus('agent1', 'available');
    const offer = f.cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === started.ContactId)!;
    // agent1's CCP builds its ChatJS session while the chat rings, then agent1 rejects it.
    const first = f.cc.chatBridge.agentParticipantFor(started.ContactId!, offer.chat!.agentConnectionId, 'Emily Carter');
    f.cc.engine.setStatus('agent2', 'available');
    f.cc.engine.rejectContact('agent1', started.ContactId!);
    const again = f.cc.engine.getAgentView('agent2').contacts.find((c) => c.contactId === started.ContactId)!;
    expect(again.chat!.agentConnectionId).toBe(offer.chat!.agentConnectionId);

    const second = f.cc.chatBridge.agentParticipantFor(started.ContactId!, again.chat!.agentConnectionId, 'Yuki Tanaka');
    expect(second.participantToken).not.toBe(first.participantToken);
    expect(second.connectionToken).not.toBe(first.connectionToken);
    expect(f.cc.chatBridge.agentParticipantFor(started.ContactId!, again.chat!.agentConnectionId, 'Yuki Tanaka').connectionToken).toBe(second.connectionToken);
    await expect(f.participant.send(new SendMessageCommand({ ConnectionToken: first.connectionToken!, ContentType: 'text/plain', Content: 'still me?' }))).rejects.toBeInstanceOf(AccessDeniedException);

    f.cc.engine.acceptContact('agent2', started.ContactId!);
    await f.participant.send(new SendMessageCommand({ ConnectionToken: second.connectionToken!, ContentType: 'text/plain', Content: 'Yuki here.' }));
    const transcript = await f.participant.send(new GetTranscriptCommand({ ConnectionToken: customer.token, MaxResults: 100, SortOrder: 'ASCENDING' }));
    const agentItems = transcript.Transcript!.filter((item) => item.ParticipantRole === 'AGENT').map((item) => [item.Type, item.DisplayName]);
    expect(agentItems).toEqual([
      ['EVENT', 'Yuki Tanaka'],
      ['MESSAGE', 'Yuki Tanaka'],
    ]);
  });
});
