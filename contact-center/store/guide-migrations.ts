// Step-by-step guides and their runs (migration version 15): no tables. The contact center's guides are JSON files
// (contact-center/seed/guides, loaded by contact-center/guides/guide-library.ts), a run is kept by the extension per
// contact, and a completed guide is recorded on the contact record as the attribute switchboardGuideCompleted
// through UpdateContactAttributes (docs/guides.md). Kept apart from migrations.ts; appended to MIGRATIONS there in version order.
import type { Migration } from './migrations';

export const GUIDE_MIGRATIONS: Migration[] = [];
