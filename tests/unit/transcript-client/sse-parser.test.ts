// The Server-Sent Events parser: events out of chunks split anywhere (inside a field, between CR and LF), the
// event type, multi-line data, the last event id kept across events (what a reconnection resumes after), retry,
// comments ignored, and an event without data not dispatched.
import { describe, expect, it } from 'vitest';
import { ServerSentEventParser } from '../../../lib/transcript/sse-parser';

const STREAM = 'retry: 2000\n\n: heartbeat\n\nid: 1\nevent: segment\ndata: {"Id":"a"}\n\nid: 2\nevent: segment\ndata: {"Id":\ndata: "b"}\n\nevent: completed\ndata: {}\n\n';

function parseInChunks(text: string, size: number) {
  const parser = new ServerSentEventParser();
  const events = [];
  for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
  return { parser, events };
}

describe('the Server-Sent Events parser', () => {
  it('gives the same events however the stream is cut into chunks', () => {
    const whole = parseInChunks(STREAM, STREAM.length).events;
    expect(whole).toEqual([
      { event: 'segment', data: '{"Id":"a"}', lastEventId: '1' },
      { event: 'segment', data: '{"Id":\n"b"}', lastEventId: '2' },
      { event: 'completed', data: '{}', lastEventId: '2' },
    ]);
    for (const size of [1, 2, 3, 7, 13]) expect(parseInChunks(STREAM, size).events).toEqual(whole);
  });

  it('treats CRLF, CR and LF alike, also when a CRLF is split between chunks', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n');
    const cr = STREAM.replace(/\n/g, '\r');
    const expected = parseInChunks(STREAM, 1000).events;
    for (const size of [1, 2, 5, 1000]) {
      expect(parseInChunks(crlf, size).events).toEqual(expected);
      expect(parseInChunks(cr, size).events).toEqual(expected);
    }
  });

  it('keeps the server’s retry and the last id, and names an untyped event "message"', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('retry: 1500\nretry: soon\n\nid: 7\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x', lastEventId: '7' }]);
    expect(parser.retryMs).toBe(1500);
    expect(parser.lastEventId).toBe('7');
  });

  it('does not dispatch an event without data, nor a half-received one', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('event: segment\nid: 4\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('4');
    expect(parser.push('event: segment\ndata: {"Id":"c"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'segment', data: '{"Id":"c"}', lastEventId: '4' }]);
  });

  it('takes a field without a colon as an empty value and strips only one leading space', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('data\ndata:  two spaces\n\n')).toEqual([{ event: 'message', data: '\n two spaces', lastEventId: '' }]);
  });
});
