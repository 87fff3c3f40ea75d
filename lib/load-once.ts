// Loads something (a lazy chunk, a file) once however often it is asked for, and again after a failed load.

/** `load` called once for every caller, concurrent or later; a failed load is forgotten so the next call retries. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
