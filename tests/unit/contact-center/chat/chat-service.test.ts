// The participant service by token: connections and their idempotency, who may use which token, ClientToken
// replays, who receives each item, receipts, transfer keeping the customer, disconnects and refused inputs.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONNECTION_TOKEN_LIFETIME_MS } from '../../../../contact-center/chat/participants';
import { openChatFixture, startedChat, type ChatFixture } from './chat-fixture';

let fixture: ChatFixture;

beforeEach(() => {
  fixture = openChatFixture();
});

afterEach(() => fixture.close());

const TEXT = { ContentType: 'text/plain', Content: 'こんにちは' };
const typesPushed = (fixture: ChatFixture) => fixture.deliveries.map((d) => d.item.ContentType.replace('application/vnd.amazonaws.connect.event.', ''));
const refusal = (code: string, message?: RegExp) => expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });

describe('participants and tokens', () => {
  it('gives the customer one connection token however often it creates a connection, and a new socket URL each time', () => {
    const customer = fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' });
    const first = fixture.chat.createParticipantConnection(customer.participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
    fixture.clock.advance(60_000);
    const again = fixture.chat.createParticipantConnection(customer.participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
    expect(again.ConnectionCredentials).toEqual(first.ConnectionCredentials);
    expect(again.Websocket?.Url).not.toBe(first.Websocket?.Url);
    expect(first.Websocket?.Url).toMatch(/^ws:\/\/127\.0\.0\.1:8123\//);
    expect(first.Websocket?.ConnectionExpiry).toBe('2026-01-05T09:01:40.000Z');
    expect(first.ConnectionCredentials?.Expiry).toBe(new Date(Date.UTC(2026, 0, 5, 9) + CONNECTION_TOKEN_LIFETIME_MS).toISOString());
    expect(customer.participantToken).not.toBe(first.ConnectionCredentials?.ConnectionToken);
    expect(customer.participantToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('maps a socket URL back to its participant for 100 s', () => {
    const customer = fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' });
    const url = fixture.chat.createParticipantConnection(customer.participantToken, { Type: ['WEBSOCKET'] }).Websocket?.Url ?? '';
    const socketToken = url.split('/').at(-1) ?? '';
    expect(fixture.chat.participantForWebsocket(socketToken).participantId).toBe(customer.participantId);
    fixture.clock.advance(100_000);
    expect(() => fixture.chat.participantForWebsocket(socketToken)).toThrow(refusal('AccessDeniedException'));
  });

  it('answers the agent acknowledgement (no Type, ConnectParticipant) with {} and marks the agent connected', () => {
    fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' });
    const agent = fixture.chat.addAgent({ contactId: 'c1', displayName: 'Suzuki', participantId: 'agent-connection-1' });
    expect(fixture.chat.createParticipantConnection(agent.participantToken, { ConnectParticipant: true })).toEqual({});
    expect(fixture.chat.getParticipant('agent-connection-1')?.connectedAt).toBe(fixture.clock.now());
    // The agent's connection token is the one streams hands out as chat_token; it works before any connection call.
    expect(fixture.chat.sendMessage(agent.connectionToken ?? '', TEXT).Id).toMatch(/-/);
  });

  it('accepts the connection token only where a connection token belongs, and the participant token only to connect', () => {
    const { customer, customerToken } = startedChat(fixture);
    expect(() => fixture.chat.sendMessage(customer.participantToken, TEXT)).toThrow(refusal('AccessDeniedException'));
    expect(() => fixture.chat.createParticipantConnection(customerToken, { Type: ['WEBSOCKET'] })).toThrow(refusal('AccessDeniedException'));
  });

  it('refuses an expired connection token', () => {
    const { customerToken } = startedChat(fixture);
    fixture.clock.advance(CONNECTION_TOKEN_LIFETIME_MS);
    expect(() => fixture.chat.sendMessage(customerToken, TEXT)).toThrow(refusal('AccessDeniedException', /expired/));
  });

  it.each([
    [{ Type: ['WEBRTC_CONNECTION'] }, /not supported/],
    [{ Type: 'WEBSOCKET' }, /list/],
    [{ ConnectParticipant: 'yes' }, /boolean/],
  ])('refuses CreateParticipantConnection %j', (request, message) => {
    const customer = fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' });
    expect(() => fixture.chat.createParticipantConnection(customer.participantToken, request)).toThrow(refusal('ValidationException', message));
  });

  it('refuses a second chat with the same contact id and an empty display name', () => {
    fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' });
    expect(() => fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' })).toThrow(refusal('ConflictException'));
    expect(() => fixture.chat.startChat({ contactId: 'c2', customerDisplayName: '' })).toThrow(refusal('ValidationException'));
  });
});

describe('SendMessage and SendEvent', () => {
  it('pushes a message to every participant, the sender included, and tells the routing layer about agent messages', () => {
    const { customer, customerToken, agent, agentToken } = startedChat(fixture);
    fixture.deliveries.length = 0;
    const sent = fixture.chat.sendMessage(customerToken, TEXT);
    fixture.chat.sendMessage(agentToken, { ContentType: 'text/markdown', Content: '**はい**' });
    const [delivery] = fixture.deliveries;
    expect(delivery?.item).toEqual({
      Id: sent.Id,
      Type: 'MESSAGE',
      ContentType: 'text/plain',
      Content: 'こんにちは',
      AbsoluteTime: sent.AbsoluteTime,
      ParticipantId: customer.participantId,
      ParticipantRole: 'CUSTOMER',
      DisplayName: 'Sato Hanako',
      ContactId: 'contact-1',
      InitialContactId: 'contact-1',
    });
    expect(delivery?.recipients.map((r) => r.participantId).sort()).toEqual([customer.participantId, agent.participantId].sort());
    expect(fixture.agentMessages).toEqual(['contact-1']);
  });

  it('returns the first {Id, AbsoluteTime} for a repeated ClientToken and stores one message', () => {
    const { customerToken, agentToken } = startedChat(fixture);
    const first = fixture.chat.sendMessage(customerToken, { ...TEXT, ClientToken: 'retry-1' });
    fixture.clock.advance(2000);
    const again = fixture.chat.sendMessage(customerToken, { ...TEXT, ClientToken: 'retry-1' });
    expect(again).toEqual(first);
    const other = fixture.chat.sendMessage(agentToken, { ...TEXT, ClientToken: 'retry-1' });
    expect(other.Id).not.toBe(first.Id);
    const messages = fixture.chat.getTranscript(customerToken, { MaxResults: 100 }).Transcript.filter((item) => item.Type === 'MESSAGE');
    expect(messages).toHaveLength(2);
  });

  it('remembers a ClientToken for 7 days and then forgets it', () => {
    const { customer } = startedChat(fixture);
    const typing = { ContentType: 'application/vnd.amazonaws.connect.event.typing', ClientToken: 't' };
    // The connection token lives a day, so each later call first renews it, as ChatJS does.
    const freshToken = () => fixture.chat.createParticipantConnection(customer.participantToken, { Type: ['CONNECTION_CREDENTIALS'] }).ConnectionCredentials?.ConnectionToken ?? '';
    const first = fixture.chat.sendEvent(freshToken(), typing);
    fixture.clock.advance(7 * 24 * 3600_000 - 1000);
    expect(fixture.chat.sendEvent(freshToken(), typing)).toEqual(first);
    fixture.clock.advance(1000);
    expect(fixture.chat.sendEvent(freshToken(), typing).Id).not.toBe(first.Id);
  });

  it('pushes typing to everyone without storing it', () => {
    const { customerToken } = startedChat(fixture);
    fixture.deliveries.length = 0;
    fixture.chat.sendEvent(customerToken, { ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    expect(typesPushed(fixture)).toEqual(['typing']);
    expect(fixture.deliveries[0]?.recipients).toHaveLength(2);
  });

  it('turns a read receipt into a MESSAGEMETADATA item pushed to the message sender only', () => {
    const { customer, customerToken, agentToken, agent } = startedChat(fixture);
    const message = fixture.chat.sendMessage(customerToken, TEXT);
    fixture.deliveries.length = 0;
    const receipt = fixture.chat.sendEvent(agentToken, { ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId: message.Id }) });
    expect(fixture.deliveries).toEqual([
      {
        item: {
          Id: receipt.Id,
          Type: 'MESSAGEMETADATA',
          ContentType: 'application/vnd.amazonaws.connect.event.message.metadata',
          AbsoluteTime: receipt.AbsoluteTime,
          ContactId: 'contact-1',
          InitialContactId: 'contact-1',
          MessageMetadata: { MessageId: message.Id, Receipts: [{ ReadTimestamp: receipt.AbsoluteTime, RecipientParticipantId: agent.participantId }] },
        },
        recipients: [{ participantId: customer.participantId, role: 'CUSTOMER', contactId: 'contact-1' }],
      },
    ]);
  });

  it('refuses receipts for an unknown message, for its own message, and with three participants present', () => {
    const { customerToken, agentToken } = startedChat(fixture);
    const message = fixture.chat.sendMessage(customerToken, TEXT);
    const read = (token: string, messageId: string) =>
      fixture.chat.sendEvent(token, { ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId }) });
    expect(() => read(agentToken, 'nope')).toThrow(refusal('ValidationException', /not a message of this chat/));
    expect(() => read(customerToken, message.Id)).toThrow(refusal('ValidationException', /own messages/));
    const second = fixture.chat.addAgent({ contactId: 'contact-1', displayName: 'Supervisor Tanaka' });
    expect(() => read(agentToken, message.Id)).toThrow(refusal('ConflictException'));
    expect(second.role).toBe('AGENT');
  });

  it.each([
    [{ ContentType: 'text/html', Content: '<b>x</b>' }, /not supported/],
    [{ ContentType: 'text/plain', Content: '' }, /must not be empty/],
    [{ ContentType: 'text/plain', Content: 'x'.repeat(1025) }, /at most 1024/],
    [{ ContentType: 'text/markdown', Content: 'x'.repeat(1025) }, /at most 1024/],
    [{ ContentType: 'application/json', Content: 'x'.repeat(12001) }, /at most 12000/],
    [{ ContentType: 'application/json', Content: '{oops' }, /valid JSON/],
    [{ ContentType: 'text/plain', Content: 'hi', ClientToken: 'x'.repeat(501) }, /at most 500/],
    [{ ContentType: 'x'.repeat(101), Content: 'hi' }, /at most 100/],
    [{ Content: 'hi' }, /ContentType must be a string/],
  ])('refuses SendMessage %#', (request, message) => {
    const { customerToken } = startedChat(fixture);
    expect(() => fixture.chat.sendMessage(customerToken, request)).toThrow(refusal('ValidationException', message));
  });

  it('accepts the longest messages the service allows', () => {
    const { customerToken } = startedChat(fixture);
    expect(() => fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'あ'.repeat(1024) })).not.toThrow();
    expect(() => fixture.chat.sendMessage(customerToken, { ContentType: 'application/json', Content: JSON.stringify('x'.repeat(11998)) })).not.toThrow();
  });

  it.each([
    [{ ContentType: 'application/vnd.amazonaws.connect.event.participant.joined' }, /not supported/],
    [{ ContentType: 'application/vnd.amazonaws.connect.event.message.read' }, /Content is required/],
    [{ ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: 'not json' }, /must be JSON/],
    [{ ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: '{}' }, /messageId must be a string/],
    [{ ContentType: 'application/vnd.amazonaws.connect.event.typing', Content: 'x'.repeat(16385) }, /at most 16384/],
  ])('refuses SendEvent %#', (request, message) => {
    const { customerToken } = startedChat(fixture);
    expect(() => fixture.chat.sendEvent(customerToken, request)).toThrow(refusal('ValidationException', message));
  });
});

describe('routing hooks', () => {
  it('announces the agent when it accepts, not when it is offered, and only once', () => {
    fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' });
    const agent = fixture.chat.addAgent({ contactId: 'c1', displayName: 'Suzuki' });
    expect(typesPushed(fixture)).toEqual(['participant.joined']);
    fixture.chat.onAgentJoined(agent.participantId);
    fixture.chat.onAgentJoined(agent.participantId);
    expect(typesPushed(fixture)).toEqual(['participant.joined', 'participant.joined']);
    expect(fixture.deliveries[1]?.item).toMatchObject({ ParticipantRole: 'AGENT', DisplayName: 'Suzuki', ParticipantId: agent.participantId });
  });

  it('drops a missed offer silently: no participant.left, and its tokens stop working', () => {
    fixture.chat.startChat({ contactId: 'c1', customerDisplayName: 'Sato' });
    const agent = fixture.chat.addAgent({ contactId: 'c1', displayName: 'Suzuki' });
    fixture.chat.onAgentLeft(agent.participantId);
    expect(typesPushed(fixture)).toEqual(['participant.joined']);
    expect(() => fixture.chat.sendMessage(agent.connectionToken ?? '', TEXT)).toThrow(refusal('AccessDeniedException'));
  });

  it('keeps the customer across a transfer: new contact id, same chat, old agent out, whole history for the new agent', () => {
    const { customer, customerToken, agent, agentToken } = startedChat(fixture);
    fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'before' });
    fixture.deliveries.length = 0;
    fixture.chat.onTransferred({ fromContactId: 'contact-1', toContactId: 'contact-2' });

    expect(typesPushed(fixture)).toEqual(['transfer.succeeded', 'participant.left']);
    expect(fixture.deliveries[0]?.item).toMatchObject({ ContactId: 'contact-1', InitialContactId: 'contact-1', ParticipantRole: 'SYSTEM' });
    expect(fixture.deliveries[0]?.recipients.map((r) => r.participantId)).toContain(agent.participantId);
    expect(fixture.deliveries[1]?.recipients.map((r) => r.participantId)).toEqual([customer.participantId]);
    expect(() => fixture.chat.sendMessage(agentToken, TEXT)).toThrow(refusal('AccessDeniedException'));
    expect(() => fixture.chat.getTranscript(agentToken)).toThrow(refusal('AccessDeniedException'));

    const next = fixture.chat.addAgent({ contactId: 'contact-2', displayName: 'Takahashi' });
    fixture.chat.onAgentJoined(next.participantId);
    const after = fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'after' });
    expect(fixture.deliveries.at(-1)?.item).toMatchObject({ Id: after.Id, ContactId: 'contact-2', InitialContactId: 'contact-1' });
    const transcript = fixture.chat.getTranscript(next.connectionToken ?? '', { MaxResults: 100, SortOrder: 'ASCENDING' });
    expect(transcript.InitialContactId).toBe('contact-1');
    expect(transcript.Transcript.map((item) => item.Content).filter(Boolean)).toEqual(['before', 'after']);
    expect(fixture.chat.getTranscript(customerToken, { ContactId: 'contact-2' }).InitialContactId).toBe('contact-1');
  });

  it('ends the chat: chat.ended to everyone, no more sending, the transcript still readable', () => {
    const { customerToken, agentToken } = startedChat(fixture);
    fixture.deliveries.length = 0;
    fixture.chat.onChatEnded('contact-1');
    fixture.chat.onChatEnded('contact-1');
    expect(typesPushed(fixture)).toEqual(['chat.ended']);
    expect(fixture.deliveries[0]?.recipients).toHaveLength(2);
    expect(() => fixture.chat.sendMessage(customerToken, TEXT)).toThrow(refusal('AccessDeniedException'));
    expect(fixture.chat.getTranscript(agentToken).Transcript.at(0)?.ContentType).toMatch(/chat\.ended$/);
    expect(() => fixture.chat.addAgent({ contactId: 'contact-1', displayName: 'Late' })).toThrow(refusal('ConflictException'));
  });
});

describe('DisconnectParticipant', () => {
  it('for the customer: participant.left then chat.ended, both to the customer too, and the routing layer is told', () => {
    const { customer, customerToken } = startedChat(fixture);
    fixture.deliveries.length = 0;
    expect(fixture.chat.disconnectParticipant(customerToken, { ClientToken: 'bye' })).toEqual({});
    expect(typesPushed(fixture)).toEqual(['participant.left', 'chat.ended']);
    expect(fixture.deliveries.every((d) => d.recipients.some((r) => r.participantId === customer.participantId))).toBe(true);
    expect(fixture.customerDisconnects).toEqual(['contact-1']);
    expect(fixture.chat.disconnectParticipant(customerToken, { ClientToken: 'bye' })).toEqual({});
    expect(() => fixture.chat.disconnectParticipant(customerToken, { ClientToken: 'again' })).toThrow(refusal('AccessDeniedException'));
    expect(fixture.customerDisconnects).toEqual(['contact-1']);
  });

  it('for an agent: participant.left only; the chat goes on', () => {
    const { customerToken, agentToken } = startedChat(fixture);
    fixture.deliveries.length = 0;
    fixture.chat.disconnectParticipant(agentToken);
    expect(typesPushed(fixture)).toEqual(['participant.left']);
    expect(() => fixture.chat.sendMessage(customerToken, TEXT)).not.toThrow();
    expect(() => fixture.chat.sendMessage(agentToken, TEXT)).toThrow(refusal('AccessDeniedException'));
  });
});
