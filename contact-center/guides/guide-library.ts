// The contact center's step-by-step guides: the JSON files of a folder (contact-center/seed/guides by default),
// each checked by the same validator the extension uses; a file that fails names itself, the JSON path of the bad
// field and what is wrong. Guides are served as Amazon Connect serves flows (guide-routes.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuideDocument } from '../../lib/guides/guide-format';
import { describeProblems, validateGuide } from '../../lib/guides/validate-guide';

export const SEED_GUIDES_DIR = fileURLToPath(new URL('../seed/guides/', import.meta.url));

export class GuideFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`guide ${file} is refused: ${detail}`);
    this.name = 'GuideFileError';
  }
}

export interface GuideLibrary {
  list(): GuideDocument[];
  get(id: string): GuideDocument | null;
}

/** Parses and checks one guide file's text. */
export function parseGuideFile(file: string, text: string): GuideDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GuideFileError(file, `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const checked = validateGuide(value);
  if (!checked.ok) throw new GuideFileError(file, describeProblems(checked.problems));
  return checked.guide;
}

/** The guides of `dir`'s *.json files, in file name order; throws GuideFileError for a bad file or a repeated id. */
export function loadGuideLibrary(dir: string = SEED_GUIDES_DIR): GuideLibrary {
  const guides = new Map<string, GuideDocument>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const guide = parseGuideFile(file, readFileSync(join(dir, file), 'utf8'));
    if (guides.has(guide.Id)) throw new GuideFileError(file, `another file has the guide Id "${guide.Id}"`);
    guides.set(guide.Id, guide);
  }
  return { list: () => [...guides.values()], get: (id) => guides.get(id) ?? null };
}
