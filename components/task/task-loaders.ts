// Loads the task views' chunks when the panel first needs them: the task workspace on the first task contact,
// the Create task form when the agent opens it. A voice-only panel never fetches either.

import { loadOnce } from '@/lib/load-once';

export const loadTaskWorkspace = loadOnce(() => import('./TaskWorkspace.vue'));
export const loadCreateTaskForm = loadOnce(() => import('./CreateTaskForm.vue'));
