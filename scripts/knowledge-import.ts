// `npm run knowledge:import -- <folder> [--data-dir <dir>]`: imports a folder of Markdown knowledge articles into
// the local contact center's database (contact-center/knowledge/knowledge-import.ts does the work).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runKnowledgeImport } from '../contact-center/knowledge/knowledge-import';

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
process.exitCode = runKnowledgeImport(process.argv.slice(2), { out: console.log, error: console.error }, existsSync(join(repoRoot, 'package.json')) ? repoRoot : null);
