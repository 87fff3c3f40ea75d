// loadOnce: one load for every caller, and a retry after a failed load (the panel's lazy chunks and languages).
import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../../lib/load-once';

describe('loadOnce', () => {
  it('loads once for concurrent and later callers', async () => {
    let calls = 0;
    const load = loadOnce(async () => ++calls);
    expect(await Promise.all([load(), load()])).toEqual([1, 1]);
    expect(await load()).toBe(1);
    expect(calls).toBe(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('chunk not fetched');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('chunk not fetched');
    expect(await load()).toBe('loaded');
    expect(await load()).toBe('loaded');
    expect(calls).toBe(2);
  });
});
