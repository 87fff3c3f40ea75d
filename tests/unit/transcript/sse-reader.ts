// A Server-Sent Events reader over fetch for the live stream tests: splits the body into events (event, id, data)
// and comment lines, with a deadline on every wait so that a test fails instead of hanging.

export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

export class SseReader {
  readonly comments: string[] = [];
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private ended = false;
  /** A read still under way when a wait timed out: the next wait takes its result instead of losing it. */
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  constructor(response: Response) {
    if (!response.body) throw new Error('the stream answer has no body');
    this.reader = response.body.getReader();
  }

  /** The next event (comments and `retry:` blocks are collected, not returned), or null when the stream ended. */
  async next(timeoutMs = 3000): Promise<SseEvent | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const block = this.takeBlock();
      if (block !== null) {
        const event = this.parse(block);
        if (event) return event;
        continue;
      }
      if (this.ended) return null;
      await this.read(deadline - Date.now());
    }
  }

  /** Reads events until `count` have come; fails if the stream ends first. */
  async take(count: number, timeoutMs = 3000): Promise<SseEvent[]> {
    const events: SseEvent[] = [];
    while (events.length < count) {
      const event = await this.next(timeoutMs);
      if (event === null) throw new Error(`the stream ended after ${events.length} of ${count} events`);
      events.push(event);
    }
    return events;
  }

  /** Waits until a comment line has come. */
  async waitForComment(timeoutMs = 3000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.comments.length === 0) {
      const block = this.takeBlock();
      if (block !== null) {
        if (this.parse(block)) throw new Error('an event came before any comment');
        continue;
      }
      if (this.ended) throw new Error('the stream ended before any comment');
      await this.read(deadline - Date.now());
    }
    return this.comments[0]!;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }

  private takeBlock(): string | null {
    const end = this.buffer.indexOf('\n\n');
    if (end < 0) return null;
    const block = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end + 2);
    return block;
  }

  private parse(block: string): SseEvent | null {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) {
        data.push(line.slice(6));
        hasData = true;
      }
    }
    return hasData ? { event, id, data: data.join('\n') } : null;
  }

  private async read(timeoutMs: number): Promise<void> {
    if (timeoutMs <= 0) throw new Error('timed out waiting for the stream');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out waiting for the stream')), timeoutMs);
    });
    try {
      this.pending ??= this.reader.read();
      const { done, value } = await Promise.race([this.pending, timeout]);
      this.pending = null;
      if (done) this.ended = true;
      else this.buffer += this.decoder.decode(value, { stream: true });
    } finally {
      clearTimeout(timer);
    }
  }
}
