// The session log (F3): session events as JSON lines, `{"t":<epoch ms>,"event":"…",…}`, redacted, bounded to
// the last few thousand lines and kept in storage.session so a worker restart does not lose it. Lines are
// stored in chunks so that appending rewrites one small chunk, not the whole log.
//
// Like the session store it never writes before it has read what is stored: lines appended while the stored
// log is loading are kept and written after it.
import { storage } from 'wxt/utils/storage';
import { sessionLogChunkKey, sessionLogIndexItem, type SessionLogIndex } from '../settings/storage-items';
import { redact } from './redaction';

/** Where the log's chunks live; an interface so tests (and a future download of older chunks) can swap it. */
export interface SessionLogStorage {
  readIndex(): Promise<SessionLogIndex | null>;
  readChunks(chunks: number[]): Promise<Map<number, string[]>>;
  write(index: SessionLogIndex, chunks: Map<number, string[]>, removed: number[]): Promise<void>;
}

export const sessionLogStorage: SessionLogStorage = {
  readIndex: () => sessionLogIndexItem.getValue(),
  async readChunks(chunks) {
    const items = await storage.getItems(chunks.map((chunk) => sessionLogChunkKey(chunk)));
    const out = new Map<number, string[]>();
    items.forEach((item, i) => out.set(chunks[i], Array.isArray(item.value) ? (item.value as string[]) : []));
    return out;
  },
  async write(index, chunks, removed) {
    await storage.setItems([
      ...[...chunks].map(([chunk, lines]) => ({ key: sessionLogChunkKey(chunk), value: lines })),
      { item: sessionLogIndexItem, value: index },
    ]);
    if (removed.length > 0) await storage.removeItems(removed.map((chunk) => sessionLogChunkKey(chunk)));
  },
};

export interface SessionLogOptions {
  storage?: SessionLogStorage;
  now?: () => number;
  /** The log keeps at least this many of the newest lines (and at most this many plus one chunk's worth). */
  maxLines?: number;
  chunkLines?: number;
  /** Appends within this many ms are written together. */
  flushDelayMs?: number;
}

/** What a component that logs needs (so it can be handed a fake in tests). */
export interface SessionLogWriter {
  append(event: string, data?: Record<string, unknown>): void;
}

export class SessionLog implements SessionLogWriter {
  private readonly storage: SessionLogStorage;
  private readonly now: () => number;
  private readonly chunkLines: number;
  private readonly maxChunks: number;
  private readonly flushDelayMs: number;

  private readonly chunks = new Map<number, string[]>();
  private index: SessionLogIndex = { first: 0, last: 0 };
  private readonly dirty = new Set<number>();
  private removed: number[] = [];
  /** Lines appended before the stored log was read. */
  private early: string[] = [];
  private loading: Promise<void> | null = null;
  private loaded = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(options: SessionLogOptions = {}) {
    this.storage = options.storage ?? sessionLogStorage;
    this.now = options.now ?? Date.now;
    this.chunkLines = options.chunkLines ?? 500;
    this.maxChunks = Math.max(2, Math.ceil((options.maxLines ?? 5000) / this.chunkLines) + 1);
    this.flushDelayMs = options.flushDelayMs ?? 200;
  }

  /** Reads the stored log (once); lines appended meanwhile follow the stored ones. */
  load(): Promise<void> {
    this.loading ??= this.readStored();
    return this.loading;
  }

  private async readStored(): Promise<void> {
    try {
      const index = await this.storage.readIndex();
      if (index && Number.isInteger(index.first) && Number.isInteger(index.last) && index.last >= index.first) {
        const numbers = Array.from({ length: index.last - index.first + 1 }, (_, i) => index.first + i);
        const stored = await this.storage.readChunks(numbers);
        for (const chunk of numbers) this.chunks.set(chunk, [...(stored.get(chunk) ?? [])]);
        this.index = { ...index };
      } else {
        this.chunks.set(0, []);
      }
    } catch (error) {
      // An unreadable log must not stop the worker: start a fresh one.
      console.error('Switchboard: could not read the session log', error);
      this.chunks.clear();
      this.chunks.set(0, []);
      this.index = { first: 0, last: 0 };
    }
    this.loaded = true;
    const early = this.early;
    this.early = [];
    for (const line of early) this.push(line);
  }

  /** Adds one event; `data` is redacted. Never throws: logging must not break what it logs. */
  append(event: string, data: Record<string, unknown> = {}): void {
    let line: string;
    try {
      const clean = redact(data) as Record<string, unknown>;
      delete clean.t;
      delete clean.event;
      line = JSON.stringify({ t: this.now(), event, ...clean });
    } catch (error) {
      line = JSON.stringify({ t: this.now(), event, logError: String(error) });
    }
    if (!this.loaded) {
      this.early.push(line);
      return;
    }
    this.push(line);
  }

  private push(line: string): void {
    let current = this.chunks.get(this.index.last);
    if (!current) {
      current = [];
      this.chunks.set(this.index.last, current);
    }
    if (current.length >= this.chunkLines) {
      this.index.last += 1;
      current = [];
      this.chunks.set(this.index.last, current);
      while (this.index.last - this.index.first + 1 > this.maxChunks) {
        this.chunks.delete(this.index.first);
        this.dirty.delete(this.index.first);
        this.removed.push(this.index.first);
        this.index.first += 1;
      }
    }
    current.push(line);
    this.dirty.add(this.index.last);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, this.flushDelayMs);
  }

  /** Writes pending lines now (the worker calls it before it might be stopped; tests call it to look). */
  flush(): Promise<void> {
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (!this.loaded || (this.dirty.size === 0 && this.removed.length === 0)) return this.writing;
    const chunks = new Map([...this.dirty].map((chunk) => [chunk, [...(this.chunks.get(chunk) ?? [])]]));
    const index = { ...this.index };
    const removed = this.removed;
    this.dirty.clear();
    this.removed = [];
    this.writing = this.writing
      .then(() => this.storage.write(index, chunks, removed))
      .catch((error: unknown) => console.error('Switchboard: could not save the session log', error));
    return this.writing;
  }

  /** Every kept line, oldest first. */
  async lines(): Promise<string[]> {
    await this.load();
    const out: string[] = [];
    for (let chunk = this.index.first; chunk <= this.index.last; chunk++) out.push(...(this.chunks.get(chunk) ?? []));
    return out;
  }
}
