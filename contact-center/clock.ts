// Time for the contact center: the real clock in production, a virtual clock that tests and benchmarks
// advance by hand, so the 20 s offer timeout and ACW timeouts run in microseconds.

export type TimerId = number;

export interface Clock {
  now(): number;
  setTimer(fn: () => void, delayMs: number): TimerId;
  clearTimer(id: TimerId): void;
}

export class SystemClock implements Clock {
  private readonly handles = new Map<TimerId, ReturnType<typeof setTimeout>>();
  private nextId = 1;

  now(): number {
    return Date.now();
  }

  setTimer(fn: () => void, delayMs: number): TimerId {
    const id = this.nextId++;
    const handle = setTimeout(() => {
      this.handles.delete(id);
      fn();
    }, Math.max(0, delayMs));
    // Timers must not keep a stopping server alive.
    handle.unref?.();
    this.handles.set(id, handle);
    return id;
  }

  clearTimer(id: TimerId): void {
    const handle = this.handles.get(id);
    if (handle !== undefined) clearTimeout(handle);
    this.handles.delete(id);
  }

  /** Cancels every pending timer (server shutdown). */
  clearAll(): void {
    for (const handle of this.handles.values()) clearTimeout(handle);
    this.handles.clear();
  }
}

interface VirtualTimer {
  id: TimerId;
  at: number;
  fn: () => void;
}

/** A clock that only moves when told to; timers fire in due order, ties in creation order. */
export class VirtualClock implements Clock {
  private current: number;
  private timers: VirtualTimer[] = [];
  private nextId = 1;

  constructor(start = Date.UTC(2026, 0, 5, 0, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, delayMs: number): TimerId {
    const id = this.nextId++;
    this.timers.push({ id, at: this.current + Math.max(0, delayMs), fn });
    return id;
  }

  clearTimer(id: TimerId): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way (including timers that
   *  those timers set, if they fall due within the window). */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      let next: VirtualTimer | undefined;
      for (const t of this.timers) {
        if (t.at <= end && (next === undefined || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
      }
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = end;
  }
}
