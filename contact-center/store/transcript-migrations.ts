// Live transcript segments of calls and chats (migration version 14). Kept apart from migrations.ts; appended to MIGRATIONS there in version order.
import type { Migration } from './migrations';

export const TRANSCRIPT_MIGRATIONS: Migration[] = [];
