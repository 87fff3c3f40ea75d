// What the guide tests share: the seeded guide files, parsed, and a small guide builder for refusals.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GuideDocument } from '../../../lib/guides/guide-format';
import { validateGuide } from '../../../lib/guides/validate-guide';

export const SEED_DIR = join(__dirname, '../../../contact-center/seed/guides');

export const seedFiles = (): string[] => readdirSync(SEED_DIR).filter((f) => f.endsWith('.json')).sort();

export const readSeed = (file: string): unknown => JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8'));

/** A seeded guide, checked (throws when the validator refuses it). */
export function seededGuide(file: string): GuideDocument {
  const checked = validateGuide(readSeed(file));
  if (!checked.ok) throw new Error(`${file}: ${JSON.stringify(checked.problems)}`);
  return checked.guide;
}

/** A minimal good guide: a form, then a confirmation. */
export function smallGuide(): Record<string, unknown> {
  return {
    Id: 'small',
    Name: 'Small',
    Language: 'en',
    AppliesTo: { Queues: ['Support'] },
    Content: {
      Version: '2019-10-30',
      StartAction: 'ask',
      Actions: [
        {
          Identifier: 'ask',
          Type: 'ShowView',
          Parameters: {
            ViewResource: { Id: 'form' },
            ViewData: { Heading: 'Ask', Sections: [{ Items: [{ Label: 'Colour', Name: 'colour', Type: 'Dropdown', Options: [{ Label: 'Red', Value: 'red' }] }] }], Next: { Label: 'Next' } },
          },
          Transitions: { NextAction: 'done' },
        },
        { Identifier: 'done', Type: 'ShowView', Parameters: { ViewResource: { Id: 'confirmation' }, ViewData: { Heading: 'Done' } }, Transitions: {} },
      ],
    },
  };
}

/** `smallGuide()` changed by `edit` (a deep copy). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into any part of the guide to break it
type Editable = any;
export function editedGuide(edit: (guide: Editable) => void): unknown {
  const guide = structuredClone(smallGuide()) as never;
  edit(guide);
  return guide;
}
