// Writes public/managed_schema.json from the settings schema (lib/settings/managed-schema.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { managedSchemaText } from '../lib/settings/managed-schema';

const target = fileURLToPath(new URL('../public/managed_schema.json', import.meta.url));
writeFileSync(target, managedSchemaText());
console.log(`wrote ${target}`);
