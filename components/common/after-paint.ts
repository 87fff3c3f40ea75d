// Waits for the browser to paint: for work that should come after what the user looks at first has been shown.

/** Resolves once the next frame has been painted (a task queued from requestAnimationFrame runs after it). Without
 *  frames (a hidden page, tests without a renderer) it resolves after `fallbackMs`. */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, fallbackMs);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
