// The guide the README shows as the format's example is a valid guide (so the README cannot drift from the format).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGuide } from '../../../lib/guides/validate-guide';

describe('the README guide example', () => {
  it('passes validation', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /### Knowledge, the live transcript and guides[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README has a json block in its guides section').toBeTruthy();
    const check = validateGuide(JSON.parse(block!));
    expect(check.ok ? [] : check).toEqual([]);
  });
});
