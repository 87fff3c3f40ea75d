// GetRecommendations' long poll: callers waiting on a session are woken when the recommender queues something for it,
// when their waitTimeSeconds run out, or when their request goes away (abort signal), whichever comes first.

export class RecommendationWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Resolves when `sessionId` gets recommendations, after `waitMs`, or on `signal`'s abort. */
  wait(sessionId: string, waitMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let waiters = this.waiting.get(sessionId);
      if (!waiters) {
        waiters = new Set();
        this.waiting.set(sessionId, waiters);
      }
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        const set = this.waiting.get(sessionId);
        set?.delete(done);
        if (set?.size === 0) this.waiting.delete(sessionId);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      waiters.add(done);
      if (signal?.aborted) done();
      else signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Wakes every caller waiting on the session. */
  wake(sessionId: string): void {
    const waiters = this.waiting.get(sessionId);
    if (!waiters) return;
    for (const done of [...waiters]) done();
  }

  /** Wakes every caller (the server is closing). */
  wakeAll(): void {
    for (const sessionId of [...this.waiting.keys()]) this.wake(sessionId);
  }

  count(sessionId: string): number {
    return this.waiting.get(sessionId)?.size ?? 0;
  }
}
