// `npm run knowledge:import -- <folder> [--data-dir <dir>]`: an admin's import of a folder of Markdown articles
// (article-files.ts) into a contact center's database, upserting by id. Good files are imported even when others
// are refused; every refused file is named with its bad field; the exit code says whether all went in.
// A running contact center on the same data folder picks the articles up at its next search.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../cli-options';
import { DATABASE_FILE_NAME, DataDirError, openDatabase, type Database } from '../store/database';
import { upsertKnowledgeArticles, type UpsertOutcome } from '../store/knowledge-repository';
import { ArticleFileError, readArticleFolder } from './article-files';

export const IMPORT_USAGE = `Usage: npm run knowledge:import -- <folder> [--data-dir <folder>]
  <folder>     a folder of Markdown articles (*.md, sub-folders too), each with a front matter:
               ---
               id: router-keeps-dropping        (optional: default the file name without .md)
               title: Router keeps dropping the connection
               language: en                     (en or ja)
               tags: [router, wifi]
               queues: [Support]                (queue names of the instance; [] for every queue)
               updated: 2026-10-01
               ---
  --data-dir   the contact center's data folder (default: <repo>/.data/contact-center, else ~/.switchboard/contact-center)
Articles are added or replaced by id; a bad file is refused with the reason and the others are imported.`;

class UsageError extends Error {}

interface ImportArguments {
  folder: string;
  dataDir: string;
}

function parseArguments(argv: readonly string[], repoRoot: string | null): ImportArguments | 'help' {
  let folder: string | undefined;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    const flag = /^--(data-dir|data)(?:=(.*))?$/.exec(arg);
    if (flag) {
      dataDir = flag[2] ?? argv[++i];
      if (dataDir === undefined || dataDir === '') throw new UsageError(`Option --${flag[1]} needs a folder`);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`Unknown option ${arg}. Run with --help for the options.`);
    } else if (folder === undefined) {
      folder = arg;
    } else {
      throw new UsageError(`Give one folder to import, not also ${arg}`);
    }
  }
  if (folder === undefined) throw new UsageError('Name the folder of Markdown articles to import. Run with --help for the format.');
  return { folder: resolve(folder), dataDir: resolve(dataDir ?? defaultDataDir(repoRoot)) };
}

/** What an import did. */
export interface ImportReport {
  counts: Record<UpsertOutcome, number>;
  refused: ArticleFileError[];
}

/** Imports the folder's good articles into `db` (queue names checked against the instance's queues). */
export function importArticleFolder(db: Database, folder: string, now: number): ImportReport {
  const queues = new Set(db.prepare<[], { name: string }>('SELECT name FROM queues ORDER BY name').all().map((row) => row.name));
  const read = readArticleFolder(folder, queues);
  return { counts: upsertKnowledgeArticles(db, read.articles, now), refused: read.refused };
}

export interface ImportOutput {
  out(line: string): void;
  error(line: string): void;
}

/** Runs the command; returns its exit code (0: all imported, 1: some file refused, 2: nothing could be done). */
export function runKnowledgeImport(argv: readonly string[], output: ImportOutput, repoRoot: string | null, now = Date.now()): number {
  let parsed: ImportArguments | 'help';
  try {
    parsed = parseArguments(argv, repoRoot);
  } catch (error) {
    output.error(`knowledge:import: ${(error as Error).message}`);
    return 2;
  }
  if (parsed === 'help') {
    output.out(IMPORT_USAGE);
    return 0;
  }
  if (!existsSync(join(parsed.dataDir, DATABASE_FILE_NAME))) {
    output.error(`knowledge:import: no contact center database in ${parsed.dataDir}. Start the contact center once with --data ${parsed.dataDir} (or name its data folder with --data-dir).`);
    return 2;
  }
  let db: Database | undefined;
  try {
    db = openDatabase(parsed.dataDir);
    const report = importArticleFolder(db, parsed.folder, now);
    for (const refusal of report.refused) output.error(`refused ${refusal.message}`);
    const { created, updated, unchanged } = report.counts;
    output.out(
      `Imported ${created + updated + unchanged} article(s) from ${parsed.folder}: ${created} new, ${updated} updated, ${unchanged} unchanged` +
        (report.refused.length > 0 ? `; ${report.refused.length} file(s) refused (above).` : '.'),
    );
    return report.refused.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ArticleFileError || error instanceof DataDirError) {
      output.error(`knowledge:import: ${error.message}`);
      return 2;
    }
    output.error(`knowledge:import: could not import: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    db?.close();
  }
}
