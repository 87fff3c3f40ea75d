// Knowledge articles (migration version 12), filled by the knowledge base's work. Kept apart from migrations.ts; appended to MIGRATIONS there in version order.
import type { Migration } from './migrations';

export const KNOWLEDGE_MIGRATIONS: Migration[] = [];
