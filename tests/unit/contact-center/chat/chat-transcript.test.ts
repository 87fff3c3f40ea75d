// GetTranscript as the participant service defines it: start positions, scan directions, sort orders, NextToken
// paging, what the transcript holds (no typing, receipts folded into messages) and every refused input.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatItem } from '../../../../contact-center/chat/chat-items';
import { openChatFixture, startedChat, type ChatFixture } from './chat-fixture';

let fixture: ChatFixture;
let customerToken: string;
let agentToken: string;
/** Contents of the ten items in send order: two joins, then m1..m8. */
let ids: string[];

const contents = (items: ChatItem[]) => items.map((item) => item.Content ?? item.ContentType.split('.').slice(-2).join('.'));

beforeEach(() => {
  fixture = openChatFixture();
  const chat = startedChat(fixture);
  customerToken = chat.customerToken;
  agentToken = chat.agentToken;
  for (let n = 1; n <= 8; n += 1) {
    fixture.clock.advance(1000);
    fixture.chat.sendMessage(n % 2 ? customerToken : agentToken, { ContentType: 'text/plain', Content: `m${n}` });
  }
  ids = fixture.chat.getTranscript(customerToken, { MaxResults: 100, SortOrder: 'ASCENDING' }).Transcript.map((item) => item.Id);
});

afterEach(() => fixture.close());

describe('GetTranscript paging', () => {
  it('holds the joins and every message in send order', () => {
    const all = fixture.chat.getTranscript(customerToken, { MaxResults: 100, SortOrder: 'ASCENDING' }).Transcript;
    expect(contents(all)).toEqual(['participant.joined', 'participant.joined', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
    expect(ids).toHaveLength(10);
  });

  it('scans BACKWARD from the newest item and sorts the page ASCENDING (what ChatJS asks for)', () => {
    const first = fixture.chat.getTranscript(customerToken, { MaxResults: 3, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: {} });
    expect(contents(first.Transcript)).toEqual(['m6', 'm7', 'm8']);
    const second = fixture.chat.getTranscript(customerToken, { MaxResults: 3, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', NextToken: first.NextToken });
    expect(contents(second.Transcript)).toEqual(['m3', 'm4', 'm5']);
  });

  it('scans BACKWARD and sorts DESCENDING: newest first', () => {
    const page = fixture.chat.getTranscript(customerToken, { MaxResults: 3, ScanDirection: 'BACKWARD', SortOrder: 'DESCENDING' });
    expect(contents(page.Transcript)).toEqual(['m8', 'm7', 'm6']);
    const next = fixture.chat.getTranscript(customerToken, { MaxResults: 3, ScanDirection: 'BACKWARD', SortOrder: 'DESCENDING', NextToken: page.NextToken });
    expect(contents(next.Transcript)).toEqual(['m5', 'm4', 'm3']);
  });

  it('scans FORWARD from the oldest item and sorts ASCENDING', () => {
    const page = fixture.chat.getTranscript(customerToken, { MaxResults: 3, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING' });
    expect(contents(page.Transcript)).toEqual(['participant.joined', 'participant.joined', 'm1']);
    const next = fixture.chat.getTranscript(customerToken, { MaxResults: 3, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', NextToken: page.NextToken });
    expect(contents(next.Transcript)).toEqual(['m2', 'm3', 'm4']);
  });

  it('scans FORWARD and sorts DESCENDING: each page reversed', () => {
    const page = fixture.chat.getTranscript(customerToken, { MaxResults: 4, ScanDirection: 'FORWARD', SortOrder: 'DESCENDING', StartPosition: { Id: ids[2] } });
    expect(contents(page.Transcript)).toEqual(['m4', 'm3', 'm2', 'm1']);
    const next = fixture.chat.getTranscript(customerToken, { MaxResults: 4, ScanDirection: 'FORWARD', SortOrder: 'DESCENDING', NextToken: page.NextToken });
    expect(contents(next.Transcript)).toEqual(['m8', 'm7', 'm6', 'm5']);
  });

  it.each([
    ['FORWARD', 'ASCENDING'],
    ['FORWARD', 'DESCENDING'],
    ['BACKWARD', 'ASCENDING'],
    ['BACKWARD', 'DESCENDING'],
  ])('pages %s/%s through every item exactly once, without a NextToken on the last page', (direction, order) => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = fixture.chat.getTranscript(agentToken, { MaxResults: 4, ScanDirection: direction, SortOrder: order, NextToken: nextToken });
      seen.push(...page.Transcript.map((item) => item.Id));
      nextToken = page.NextToken;
      pages += 1;
    } while (nextToken !== undefined);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(10);
  });

  it('gives no NextToken when the page reaches the end exactly', () => {
    expect(fixture.chat.getTranscript(customerToken, { MaxResults: 10 }).NextToken).toBeUndefined();
    expect(fixture.chat.getTranscript(customerToken, { MaxResults: 9 }).NextToken).toBeDefined();
  });

  it('uses the service defaults when nothing is given: 10 items, BACKWARD, DESCENDING', () => {
    fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'm9' });
    const page = fixture.chat.getTranscript(customerToken);
    expect(page.Transcript).toHaveLength(10);
    expect(contents(page.Transcript).slice(0, 2)).toEqual(['m9', 'm8']);
    expect(page.NextToken).toBeDefined();
    expect(fixture.chat.getTranscript(customerToken, { MaxResults: 0 }).Transcript).toHaveLength(10);
  });
});

describe('GetTranscript start positions', () => {
  it('starts at an item Id, including it, and scans FORWARD by default when a StartPosition is given', () => {
    const page = fixture.chat.getTranscript(customerToken, { MaxResults: 3, SortOrder: 'ASCENDING', StartPosition: { Id: ids[4] } });
    expect(contents(page.Transcript)).toEqual(['m3', 'm4', 'm5']);
    const backward = fixture.chat.getTranscript(customerToken, { MaxResults: 3, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: { Id: ids[4] } });
    expect(contents(backward.Transcript)).toEqual(['m1', 'm2', 'm3']);
  });

  it('starts at an AbsoluteTime: the first item at or after it forward, the last at or before it backward', () => {
    const m3 = fixture.chat.getTranscript(customerToken, { MaxResults: 1, StartPosition: { Id: ids[4] } }).Transcript[0];
    const between = new Date(Date.parse(m3?.AbsoluteTime ?? '') + 500).toISOString();
    const forward = fixture.chat.getTranscript(customerToken, { MaxResults: 2, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', StartPosition: { AbsoluteTime: between } });
    expect(contents(forward.Transcript)).toEqual(['m4', 'm5']);
    const backward = fixture.chat.getTranscript(customerToken, { MaxResults: 2, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: { AbsoluteTime: between } });
    expect(contents(backward.Transcript)).toEqual(['m2', 'm3']);
    const exact = fixture.chat.getTranscript(customerToken, { MaxResults: 1, ScanDirection: 'FORWARD', StartPosition: { AbsoluteTime: m3?.AbsoluteTime } });
    expect(contents(exact.Transcript)).toEqual(['m3']);
  });

  it('accepts an AbsoluteTime with an offset and compares it in UTC', () => {
    const m3 = fixture.chat.getTranscript(customerToken, { MaxResults: 1, StartPosition: { Id: ids[4] } }).Transcript[0];
    const tokyo = new Date(Date.parse(m3?.AbsoluteTime ?? '') + 9 * 3600_000).toISOString().replace('Z', '+09:00');
    const page = fixture.chat.getTranscript(customerToken, { MaxResults: 1, ScanDirection: 'FORWARD', StartPosition: { AbsoluteTime: tokyo } });
    expect(contents(page.Transcript)).toEqual(['m3']);
  });

  it('starts at the MostRecent-th newest item', () => {
    const forward = fixture.chat.getTranscript(customerToken, { MaxResults: 10, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', StartPosition: { MostRecent: 3 } });
    expect(contents(forward.Transcript)).toEqual(['m6', 'm7', 'm8']);
    const backward = fixture.chat.getTranscript(customerToken, { MaxResults: 2, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: { MostRecent: 3 } });
    expect(contents(backward.Transcript)).toEqual(['m5', 'm6']);
    expect(fixture.chat.getTranscript(customerToken, { ScanDirection: 'FORWARD', StartPosition: { MostRecent: 0 } }).Transcript).toEqual([]);
    const beyond = fixture.chat.getTranscript(customerToken, { MaxResults: 2, ScanDirection: 'FORWARD', SortOrder: 'ASCENDING', StartPosition: { MostRecent: 50 } });
    expect(contents(beyond.Transcript)).toEqual(['participant.joined', 'participant.joined']);
  });

  it('treats the StartPosition ChatJS sends with every field undefined as no start position', () => {
    const page = fixture.chat.getTranscript(customerToken, { MaxResults: 2, ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', StartPosition: { Id: undefined, AbsoluteTime: undefined, MostRecent: undefined } });
    expect(contents(page.Transcript)).toEqual(['m7', 'm8']);
  });
});

describe('GetTranscript content', () => {
  it('leaves typing out and folds read and delivered receipts into the message they acknowledge', () => {
    fixture.chat.sendEvent(agentToken, { ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    const m1 = ids[2] ?? '';
    fixture.clock.advance(1000);
    fixture.chat.sendEvent(agentToken, { ContentType: 'application/vnd.amazonaws.connect.event.message.delivered', Content: JSON.stringify({ messageId: m1 }) });
    fixture.clock.advance(1000);
    fixture.chat.sendEvent(agentToken, { ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId: m1 }) });
    const all = fixture.chat.getTranscript(customerToken, { MaxResults: 100, SortOrder: 'ASCENDING' }).Transcript;
    expect(all).toHaveLength(10);
    expect(all.some((item) => item.Type === 'MESSAGEMETADATA' || item.ContentType.endsWith('typing'))).toBe(false);
    const message = all.find((item) => item.Id === m1);
    const agentId = all.find((item) => item.Content === 'm2')?.ParticipantId;
    expect(message?.MessageMetadata).toEqual({
      MessageId: m1,
      Receipts: [{ RecipientParticipantId: agentId, DeliveredTimestamp: '2026-01-05T09:00:09.000Z', ReadTimestamp: '2026-01-05T09:00:10.000Z' }],
    });
    expect(all.find((item) => item.Content === 'm2')?.MessageMetadata).toBeUndefined();
  });

  it('stamps ContactId and InitialContactId on every item', () => {
    const all = fixture.chat.getTranscript(customerToken, { MaxResults: 100 }).Transcript;
    expect(all.every((item) => item.ContactId === 'contact-1' && item.InitialContactId === 'contact-1')).toBe(true);
    expect(all.every((item) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(item.AbsoluteTime))).toBe(true);
  });
});

describe('GetTranscript refusals', () => {
  it.each([
    [{ MaxResults: 101 }, /MaxResults must be between 0 and 100/],
    [{ MaxResults: -1 }, /MaxResults must be between 0 and 100/],
    [{ MaxResults: 2.5 }, /MaxResults must be an integer/],
    [{ ScanDirection: 'UP' }, /ScanDirection must be one of FORWARD, BACKWARD/],
    [{ SortOrder: 'RANDOM' }, /SortOrder must be one of ASCENDING, DESCENDING/],
    [{ StartPosition: { Id: 'x', MostRecent: 1 } }, /only one of/],
    [{ StartPosition: { AbsoluteTime: 'yesterday' } }, /AbsoluteTime must be an ISO 8601 time/],
    [{ StartPosition: { MostRecent: 101 } }, /MostRecent must be between 0 and 100/],
    [{ StartPosition: { Id: 'no-such-item' } }, /not an item of this chat/],
    [{ StartPosition: 'first' }, /StartPosition must be an object/],
    [{ NextToken: 'garbage!' }, /NextToken is not valid/],
    [{ NextToken: 'x'.repeat(1001) }, /NextToken must have at most 1000 characters/],
    [{ ContactId: 'someone-else' }, /not part of this chat/],
  ])('refuses %j with a ValidationException', (request, message) => {
    expect(() => fixture.chat.getTranscript(customerToken, request)).toThrow(expect.objectContaining({ code: 'ValidationException', message: expect.stringMatching(message) }));
  });

  it("refuses another chat's NextToken", () => {
    const other = startedChat(fixture, 'contact-2');
    fixture.chat.sendMessage(other.customerToken, { ContentType: 'text/plain', Content: 'hello' });
    const token = fixture.chat.getTranscript(other.customerToken, { MaxResults: 1 }).NextToken;
    expect(token).toBeDefined();
    expect(() => fixture.chat.getTranscript(customerToken, { NextToken: token })).toThrow(expect.objectContaining({ code: 'ValidationException' }));
  });

  it('refuses an unknown connection token with AccessDeniedException', () => {
    expect(() => fixture.chat.getTranscript('not-a-token')).toThrow(expect.objectContaining({ code: 'AccessDeniedException' }));
  });
});
