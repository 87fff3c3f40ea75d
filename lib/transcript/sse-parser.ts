// An incremental Server-Sent Events parser (the HTML standard's event-stream rules): text arrives in chunks of
// any size, events come out when a blank line ends them. It keeps the last event id (what a reconnection sends as
// Last-Event-ID) and the server's retry delay. Used by the live transcript stream (realtime-stream.ts).

export interface ServerSentEvent {
  /** The `event:` field, or 'message' when there was none. */
  event: string;
  data: string;
  /** The last event id in force when this event was dispatched ('' when none was ever set). */
  lastEventId: string;
}

export class ServerSentEventParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private sawCarriageReturn = false;
  /** The last `id:` seen (kept across events, as the standard says). */
  lastEventId = '';
  /** The server's `retry:` in ms, or null when it gave none. */
  retryMs: number | null = null;

  /** Feeds one chunk; returns the events it completed, in order. */
  push(chunk: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let text = chunk;
    // A CRLF split across two chunks: the LF of it was already counted as a line end with the CR.
    if (this.sawCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.sawCarriageReturn = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i += 1) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (char === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i += 1;
        } else {
          this.sawCarriageReturn = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /** One line; returns an event when the line is the blank one that ends it. */
  private line(line: string): ServerSentEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null; // a comment (servers send these to keep the connection open)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
    return null;
  }

  private dispatch(): ServerSentEvent | null {
    const data = this.data;
    const eventType = this.eventType;
    this.data = [];
    this.eventType = '';
    if (data.length === 0) return null;
    return { event: eventType || 'message', data: data.join('\n'), lastEventId: this.lastEventId };
  }
}
