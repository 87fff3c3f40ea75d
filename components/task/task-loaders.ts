// Loads the task views' chunks when the panel first needs them: the task workspace on the first task contact,
// the Create task form when the agent opens it. A voice-only panel never fetches either.

import type { Component } from 'vue';

type ComponentModule = Promise<{ default: Component }>;

/** `load` called once however often the result is asked for; asked again after a failed load. */
function once(load: () => ComponentModule): () => ComponentModule {
  let loading: ComponentModule | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

export const loadTaskWorkspace = once(() => import('./TaskWorkspace.vue'));
export const loadCreateTaskForm = once(() => import('./CreateTaskForm.vue'));
