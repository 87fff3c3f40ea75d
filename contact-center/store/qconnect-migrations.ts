// Amazon Q in Connect's sessions, recommendations and agents' feedback (migration version 13). Kept apart from migrations.ts; appended to MIGRATIONS there in version order.
import type { Migration } from './migrations';

export const QCONNECT_MIGRATIONS: Migration[] = [];
