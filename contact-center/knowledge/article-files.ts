// Knowledge articles as files: Markdown with a YAML front matter (id, title, language, tags, queues, updated),
// parsed with `yaml` and validated with TypeBox. A bad file is refused with its path and the bad field, never a
// stack trace; reading a folder keeps the good files and lists the refused ones.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { KnowledgeArticle } from './knowledge-types';

/** A refused article file: where, which front matter field (or `front matter` / `body`), and what is wrong. */
export class ArticleFileError extends Error {
  readonly path: string;
  readonly field: string;

  constructor(path: string, field: string, problem: string) {
    super(`${path}: ${field === 'front matter' || field === 'body' || field === 'file' ? field : `"${field}"`} ${problem}`);
    this.name = 'ArticleFileError';
    this.path = path;
    this.field = field;
  }
}

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';

const FrontMatter = Type.Object(
  {
    id: Type.Optional(Type.String({ pattern: ID_PATTERN })),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    language: Type.Union([Type.Literal('en'), Type.Literal('ja')]),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50 }),
    queues: Type.Array(Type.String({ minLength: 1, maxLength: 127 }), { maxItems: 50 }),
    updated: Type.String({ pattern: DATE_PATTERN }),
  },
  { additionalProperties: false },
);
type FrontMatter = Static<typeof FrontMatter>;
const checkFrontMatter = Compile(FrontMatter);

/** What each field must be, in the words an admin reads. */
const FIELD_RULES: Record<keyof FrontMatter, string> = {
  id: 'must be letters, digits, ".", "_" or "-" (at most 128, starting with a letter or digit)',
  title: 'must be a text of 1 to 300 characters',
  language: 'must be en or ja',
  tags: 'must be a list of words, e.g. [router, wifi]',
  queues: 'must be a list of queue names, e.g. [Support] (or [] for every queue)',
  updated: 'must be a date such as 2026-10-01 (or a full ISO 8601 time)',
};

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

interface FailedCheck {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function refusal(path: string, value: unknown): ArticleFileError {
  const checks = [...checkFrontMatter.Errors(value)] as FailedCheck[];
  const unknown = checks.find((c) => c.keyword === 'additionalProperties');
  if (unknown) {
    const keys = (unknown.params.additionalProperties as string[] | undefined) ?? [];
    return new ArticleFileError(path, keys[0] ?? 'front matter', `is not a known field (known: ${Object.keys(FIELD_RULES).join(', ')})`);
  }
  const missing = checks.find((c) => c.keyword === 'required');
  if (missing) {
    const name = ((missing.params.requiredProperties as string[] | undefined) ?? [])[0] ?? 'front matter';
    return new ArticleFileError(path, name, `is missing: it ${FIELD_RULES[name as keyof FrontMatter] ?? 'is required'}`);
  }
  const field = (checks.find((c) => c.instancePath !== '')?.instancePath ?? '/front matter').split('/')[1] as keyof FrontMatter;
  return new ArticleFileError(path, field, FIELD_RULES[field] ?? 'is not valid');
}

function isoTime(date: string, path: string): string {
  const time = new Date(/T/.test(date) ? date : `${date}T00:00:00Z`);
  if (Number.isNaN(time.getTime())) throw new ArticleFileError(path, 'updated', `is not a real date (${date})`);
  return time.toISOString();
}

/**
 * Parses one article file's text. `path` names the file in errors and gives the default id (its name without
 * `.md`); `knownQueues`, when given, refuses queue names the instance does not have.
 * @throws ArticleFileError
 */
export function parseArticleFile(path: string, text: string, knownQueues?: ReadonlySet<string>): KnowledgeArticle {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ArticleFileError(path, 'front matter', 'is missing: the file must start with a "---" line, the fields, and a closing "---" line');
  let value: unknown;
  try {
    // The core schema (YAML 1.2) reads `updated: 2026-10-01` as text, not as a date object.
    value = parseYaml(match[1] as string, { schema: 'core', uniqueKeys: true });
  } catch (error) {
    // linePos counts the front matter's lines from 1; the file has the opening "---" before them.
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line + 1} of the file)` : '';
    const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new ArticleFileError(path, 'front matter', `is not valid YAML${where}: ${reason}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ArticleFileError(path, 'front matter', 'must be fields such as "title: …", one a line');
  if (!checkFrontMatter.Check(value)) throw refusal(path, value);
  const fields = value as FrontMatter;
  const id = fields.id ?? basename(path).replace(/\.md$/i, '');
  if (!new RegExp(ID_PATTERN).test(id)) throw new ArticleFileError(path, 'id', `is missing and the file name cannot serve as one: the id ${FIELD_RULES.id}`);
  if (knownQueues) {
    const unknownQueue = fields.queues.find((queue) => !knownQueues.has(queue));
    if (unknownQueue !== undefined) throw new ArticleFileError(path, 'queues', `names a queue this instance does not have: ${unknownQueue} (queues: ${[...knownQueues].join(', ')})`);
  }
  const body = text.slice(match[0].length).replace(/^\s*\n/, '').trimEnd();
  if (body.trim() === '') throw new ArticleFileError(path, 'body', 'is empty: write the article below the closing "---" line');
  return {
    id,
    title: fields.title.trim(),
    body,
    language: fields.language,
    tags: [...new Set(fields.tags.map((tag) => tag.trim()))],
    queues: [...new Set(fields.queues.map((queue) => queue.trim()))],
    updatedAt: isoTime(fields.updated, path),
  };
}

/** What reading a folder gave: the articles of the good files, and the refused files with why. */
export interface ArticleFolder {
  articles: KnowledgeArticle[];
  refused: ArticleFileError[];
}

function markdownFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...markdownFiles(path));
    else if (entry.isFile() && /\.md$/i.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * Reads every `*.md` under `folder` (sub-folders too). Files are named in errors relative to `displayRoot`
 * (default: the folder itself). Two files with the same id: the second is refused.
 * @throws ArticleFileError when the folder itself cannot be read
 */
export function readArticleFolder(folder: string, knownQueues?: ReadonlySet<string>, displayRoot = folder): ArticleFolder {
  let files: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new ArticleFileError(folder, 'file', 'is not a folder');
    files = markdownFiles(folder);
  } catch (error) {
    if (error instanceof ArticleFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleFileError(folder, 'file', code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`);
  }
  const result: ArticleFolder = { articles: [], refused: [] };
  const pathOfId = new Map<string, string>();
  for (const file of files) {
    const shown = relative(displayRoot, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      result.refused.push(new ArticleFileError(shown, 'file', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`));
      continue;
    }
    try {
      const article = parseArticleFile(shown, text, knownQueues);
      const earlier = pathOfId.get(article.id);
      if (earlier !== undefined) throw new ArticleFileError(shown, 'id', `${article.id} is already the id of ${earlier}`);
      pathOfId.set(article.id, shown);
      result.articles.push(article);
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      result.refused.push(error);
    }
  }
  return result;
}
