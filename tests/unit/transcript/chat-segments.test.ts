// Chat messages become CHAT segments of their contact's transcript as they are sent (the chat service's fan-out,
// wired as the server wires it): customer and agent text and Markdown messages with the sender's name, offsets from
// the chat's start and a sentiment; events, receipts and JSON or interactive messages do not; TranscriptEvents subscribers
// (the recommender) hear each one, and a failing subscriber does not fail the message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getContactRecord } from '../../../contact-center/store/contact-record-repository';
import { keepChatMessagesAsSegments } from '../../../contact-center/transcript/chat-segments';
import { TranscriptHub } from '../../../contact-center/transcript/transcript-hub';
import { TranscriptService } from '../../../contact-center/transcript/transcript-service';
import type { TranscriptSegment } from '../../../contact-center/transcript/transcript-types';
import { type ChatStack, openChatStack } from '../contact-center/chat-stack-fixture';

let stack: ChatStack;
let transcripts: TranscriptService;
let listenerErrors: unknown[];

beforeEach(() => {
  stack = openChatStack();
  listenerErrors = [];
  const hub = new TranscriptHub((error) => listenerErrors.push(error));
  transcripts = new TranscriptService({ db: stack.db, engine: stack.engine, getRecord: (id) => getContactRecord(stack.db, id), hub, now: () => stack.clock.now() });
  transcripts.watchContactEnds();
  keepChatMessagesAsSegments(stack.chat, transcripts);
});
afterEach(() => stack.close());

describe('chat messages as segments', () => {
  it('keeps each customer and agent message in order, with names, offsets from the chat’s start and sentiment', () => {
    const heard: TranscriptSegment[] = [];
    transcripts.hub.onSegment((segment) => heard.push(segment));
    const { contactId, customerToken, customerParticipantId } = stack.startChat('Hanako Yamada');
    stack.clock.advance(5000);
    const { agentToken, agentParticipantId } = stack.accept('agent1', contactId, 'Emily Carter');
    stack.clock.advance(3000);
    stack.say(customerToken, '全然つながらないし、最悪です');
    stack.clock.advance(4000);
    stack.chat.sendMessage(agentToken, { ContentType: 'text/markdown', Content: '**Thank you** for waiting, I can help.' });
    const segments = transcripts.segments(contactId);
    expect(segments).toEqual([
      expect.objectContaining({
        contactId,
        channel: 'CHAT',
        participantRole: 'CUSTOMER',
        participantId: customerParticipantId,
        displayName: 'Hanako Yamada',
        content: '全然つながらないし、最悪です',
        beginOffsetMillis: 8000,
        endOffsetMillis: 8000,
        sentiment: 'NEGATIVE',
        sequence: 1,
      }),
      expect.objectContaining({ participantRole: 'AGENT', participantId: agentParticipantId, displayName: 'Emily Carter', beginOffsetMillis: 12000, sentiment: 'POSITIVE', sequence: 2 }),
    ]);
    expect(heard.map((s) => s.id)).toEqual(segments.map((s) => s.id));
  });

  it('leaves out typing, receipts and JSON messages', () => {
    const { contactId, customerToken } = stack.startChat();
    const { agentToken } = stack.accept('agent1', contactId);
    stack.chat.sendEvent(customerToken, { ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    const sent = stack.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'hello' });
    stack.chat.sendEvent(agentToken, { ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId: sent.Id }) });
    stack.chat.sendMessage(agentToken, { ContentType: 'application/json', Content: JSON.stringify({ order: 1234 }) });
    expect(transcripts.segments(contactId).map((s) => s.content)).toEqual(['hello']);
  });

  it('a subscriber that throws is reported, the message is still sent and kept', () => {
    transcripts.hub.onSegment(() => {
      throw new Error('recommender down');
    });
    const { contactId, customerToken } = stack.startChat();
    expect(() => stack.say(customerToken, 'still here')).not.toThrow();
    expect(transcripts.segments(contactId)).toHaveLength(1);
    expect(listenerErrors).toEqual([expect.objectContaining({ message: 'recommender down' })]);
  });

  it('announces the chat’s end once to the contact’s listeners, and the contact reads as ended', () => {
    const { contactId, customerToken } = stack.startChat();
    stack.accept('agent1', contactId);
    let completed = 0;
    const stop = transcripts.hub.onContact(contactId, { segment: () => {}, completed: () => completed++ });
    stack.chat.disconnectParticipant(customerToken);
    stack.engine.clearContact('agent1', contactId);
    expect(completed).toBe(1);
    expect(transcripts.contact(contactId)).toMatchObject({ channel: 'chat', ended: true });
    stop();
    expect(transcripts.hub.contactListenerCount(contactId)).toBe(0);
  });
});
