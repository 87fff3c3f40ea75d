// The task templates' schema (migration version 8), kept apart from migrations.ts so that the task channel's
// tables read together; appended to MIGRATIONS there.
import type { Migration } from './migrations';

export const TASK_TEMPLATE_MIGRATIONS: readonly Migration[] = [];
