// Step-by-step guides and their runs (migration version 15), if guides need tables. Kept apart from migrations.ts; appended to MIGRATIONS there in version order.
import type { Migration } from './migrations';

export const GUIDE_MIGRATIONS: Migration[] = [];
