// The admin's guides in policy (setting workspace.guides): each entry one guide's JSON text, checked by the guide
// validator; a bad guide makes the entry a problem naming the guide's index and the JSON path of the bad field.
// Pages that do not plug the full check in (the content scripts) only refuse what is not a JSON object.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstGuideProblem } from '../../../lib/guides/validate-guide';
import { SETTINGS_SCHEMA } from '../../../lib/settings/schema';
import { useFullGuideCheck, validateSettingValue } from '../../../lib/settings/validate';
import { editedGuide, smallGuide } from './guide-fixtures';

const check = (value: unknown) => validateSettingValue(SETTINGS_SCHEMA['workspace.guides'], value);

describe('workspace.guides', () => {
  beforeEach(() => useFullGuideCheck(firstGuideProblem));
  afterEach(() => useFullGuideCheck(null));

  it('is admin-only and empty by default', () => {
    expect(SETTINGS_SCHEMA['workspace.guides']).toMatchObject({ agentEditable: false, default: [] });
  });

  it('accepts guides as JSON text', () => {
    const text = JSON.stringify(smallGuide());
    expect(check([text])).toEqual({ ok: true, value: [text] });
  });

  it('refuses a bad guide with its index, path and reason', () => {
    const bad = JSON.stringify(editedGuide((g) => (g.Content.Actions[0].Type = 'ShowForm')));
    const checked = check([JSON.stringify(smallGuide()), bad]);
    expect(checked).toEqual({ ok: false, problem: { code: 'invalid-guide', params: { index: 1, path: 'Content.Actions[0].Type', detail: expect.stringContaining('Content.Actions[0].Type: must be one of ShowView') } } });
  });

  it('refuses text that is not JSON, and an object instead of text', () => {
    expect(check(['{ nope'])).toEqual({ ok: false, problem: { code: 'invalid-guide', params: { index: 0, path: '', detail: 'not valid JSON' } } });
    expect(check([smallGuide()])).toMatchObject({ ok: false, problem: { code: 'wrong-type', params: { expected: 'string', index: 0 } } });
  });

  it('without the full check, refuses only what is not a JSON object', () => {
    useFullGuideCheck(null);
    const bad = JSON.stringify(editedGuide((g) => (g.Content.Actions[0].Type = 'ShowForm')));
    expect(check([bad])).toEqual({ ok: true, value: [bad] });
    expect(check(['[1, 2]'])).toEqual({ ok: false, problem: { code: 'invalid-guide', params: { index: 0, path: '-', detail: 'a guide is a JSON object' } } });
  });
});
