// The keys of a WAI-ARIA tab list (chat, task and workspace tabs): the arrows move to the next or previous tab,
// wrapping at the ends, Home and End to the first and last. Up and Down count as arrows where the tabs wrap onto
// several rows; a single row takes Left and Right only.

/** The index of the tab `key` moves to from tab `index` of `count`, or null when the key does not move. */
export function tabIndexForKey(key: string, index: number, count: number, upAndDown = true): number | null {
  if (count === 0) return null;
  const next = key === 'ArrowRight' || (upAndDown && key === 'ArrowDown');
  const previous = key === 'ArrowLeft' || (upAndDown && key === 'ArrowUp');
  if (next) return (index + 1) % count;
  if (previous) return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
