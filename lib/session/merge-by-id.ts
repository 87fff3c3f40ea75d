// The merge and bound rules shared by every per-contact list the extension keeps (chat items, transcript
// segments): entries are deduplicated by id (a later version replaces or is combined with the earlier one),
// kept in a given order, and bounded to the newest within a count and a total content length.

export interface IdMerge<T> {
  /** All entries, deduplicated and ordered. */
  all: T[];
  /** The new or changed ones, ordered (what a listener is told). */
  changed: T[];
}

/** `incoming` merged into `existing` (already deduplicated and ordered by `compare`); neither is modified. An
 *  entry whose id is known is replaced by `combine(known, incoming)` (by default the incoming one) unless that
 *  is the same as what was known (compared as JSON). */
export function mergeById<T extends { id: string }>(
  existing: readonly T[],
  incoming: readonly T[],
  compare: (a: T, b: T) => number,
  combine: (older: T, newer: T) => T = (_older, newer) => newer,
): IdMerge<T> {
  const byId = new Map(existing.map((entry) => [entry.id, entry] as const));
  const changed = new Map<string, T>();
  for (const entry of incoming) {
    const before = byId.get(entry.id);
    const next = before ? combine(before, entry) : entry;
    if (before && JSON.stringify(before) === JSON.stringify(next)) continue;
    byId.set(entry.id, next);
    changed.set(entry.id, next);
  }
  if (changed.size === 0) return { all: [...existing], changed: [] };
  return { all: [...byId.values()].sort(compare), changed: [...changed.values()].sort(compare) };
}

/** The newest entries (ordered input, ordered output) within `maxCount` and a total `content` length of
 *  `maxContent`. */
export function boundNewest<T extends { content: string }>(entries: readonly T[], maxCount: number, maxContent: number): T[] {
  let kept = entries.length > maxCount ? entries.slice(entries.length - maxCount) : [...entries];
  let total = 0;
  for (let i = kept.length - 1; i >= 0; i -= 1) {
    total += kept[i].content.length;
    if (total > maxContent) {
      kept = kept.slice(i + 1);
      break;
    }
  }
  return kept;
}
