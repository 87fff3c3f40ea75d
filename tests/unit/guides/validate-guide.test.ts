// Guide validation: the seeded guides pass; bad guides are refused with the JSON path of the bad field and a plain
// sentence (shapes, unknown targets, a missing StartAction, repeated ids, loops without a view, references).
import { describe, expect, it } from 'vitest';
import { automaticLoop, validateGuide, validateGuideList } from '../../../lib/guides/validate-guide';
import { editedGuide, readSeed, seedFiles, smallGuide } from './guide-fixtures';

const problemsOf = (value: unknown) => {
  const checked = validateGuide(value);
  return checked.ok ? [] : checked.problems;
};

describe('the seeded guides', () => {
  it('are six, three topics in English and Japanese, and all pass', () => {
    const files = seedFiles();
    expect(files).toHaveLength(6);
    const checked = files.map((f) => validateGuide(readSeed(f)));
    expect(checked.map((c) => (c.ok ? 'ok' : c.problems))).toEqual(files.map(() => 'ok'));
    const guides = checked.flatMap((c) => (c.ok ? [c.guide] : []));
    expect(new Set(guides.map((g) => g.Topic))).toEqual(new Set(['router-keeps-dropping', 'change-of-address', 'billing-dispute']));
    expect(guides.filter((g) => g.Language === 'ja')).toHaveLength(3);
  });
});

describe('a guide is refused with the path of the bad field', () => {
  it('accepts the small guide, and its Content as JSON text as DescribeContactFlow gives it', () => {
    expect(validateGuide(smallGuide()).ok).toBe(true);
    const asText = { ...smallGuide(), Content: JSON.stringify(smallGuide().Content) };
    const checked = validateGuide(asText);
    expect(checked.ok && checked.guide.Content.StartAction).toBe('ask');
  });

  it('names a missing field, an unknown field and a wrong language', () => {
    const guide = editedGuide((g) => {
      delete g.Name;
      g.Colour = 'blue';
      g.Language = 'fr';
    });
    expect(problemsOf(guide)).toEqual(
      expect.arrayContaining([
        { path: 'Name', message: '"Name" is missing' },
        { path: 'Colour', message: 'unknown field "Colour"' },
        { path: 'Language', message: 'must be one of en, ja' },
      ]),
    );
  });

  it('refuses Content that is not JSON', () => {
    expect(problemsOf({ ...smallGuide(), Content: '{ "Version": ' })).toEqual([{ path: 'Content', message: expect.stringMatching(/^is not valid JSON/) }]);
  });

  it('names an unknown form input type deep in a view', () => {
    const guide = editedGuide((g) => {
      g.Content.Actions[0].Parameters.ViewData.Sections[0].Items[0].Type = 'Dropdwn';
    });
    expect(problemsOf(guide)).toEqual([{ path: 'Content.Actions[0].Parameters.ViewData.Sections[0].Items[0].Type', message: expect.stringContaining('must be one of Text, TextArea') }]);
  });

  it('refuses a view that is not AWS-managed, and accepts an AWS view ARN', () => {
    const other = editedGuide((g) => (g.Content.Actions[1].Parameters.ViewResource.Id = 'my-own-view'));
    expect(problemsOf(other)).toEqual([{ path: 'Content.Actions[1].Parameters.ViewResource.Id', message: expect.stringContaining('not an AWS-managed view') }]);
    const arn = editedGuide((g) => (g.Content.Actions[1].Parameters.ViewResource.Id = 'arn:aws:connect:ap-northeast-1:aws:view/confirmation:1'));
    expect(problemsOf(arn)).toEqual([]);
  });

  it('refuses a Dropdown without Options and a default that is none of them', () => {
    const guide = editedGuide((g) => {
      const items = g.Content.Actions[0].Parameters.ViewData.Sections[0].Items;
      items[0].DefaultValue = 'green';
      items.push({ Label: 'Size', Name: 'size', Type: 'RadioGroup' });
    });
    expect(problemsOf(guide)).toEqual([
      { path: 'Content.Actions[0].Parameters.ViewData.Sections[0].Items[0].DefaultValue', message: 'must be the Value of one of the Options' },
      { path: 'Content.Actions[0].Parameters.ViewData.Sections[0].Items[1].Options', message: 'a RadioGroup needs Options to choose from' },
    ]);
  });

  it('refuses an unknown transition target and a missing StartAction', () => {
    const guide = editedGuide((g) => {
      g.Content.StartAction = 'begin';
      g.Content.Actions[0].Transitions = { NextAction: 'nowhere', Conditions: [{ NextAction: 'elsewhere', Condition: { Operator: 'Equals', Operands: ['Back'] } }] };
    });
    expect(problemsOf(guide)).toEqual([
      { path: 'Content.StartAction', message: 'no action has the Identifier "begin"' },
      { path: 'Content.Actions[0].Transitions.NextAction', message: 'no action has the Identifier "nowhere"' },
      { path: 'Content.Actions[0].Transitions.Conditions[0].NextAction', message: 'no action has the Identifier "elsewhere"' },
    ]);
  });

  it('refuses repeated action identifiers and repeated form field names', () => {
    const guide = editedGuide((g) => {
      g.Content.Actions[1].Identifier = 'ask';
      g.Content.Actions[0].Parameters.ViewData.Sections[0].Items.push({ Label: 'Again', Name: 'colour', Type: 'Text' });
    });
    expect(problemsOf(guide)).toEqual(
      expect.arrayContaining([
        { path: 'Content.Actions[1].Identifier', message: '"ask" is also the Identifier of Content.Actions[0]' },
        { path: 'Content.Actions[0].Parameters.ViewData.Sections[0].Items[1].Name', message: 'another field of this form is named "colour"' },
      ]),
    );
  });

  it('refuses a loop of automatic actions, and allows a loop through a view', () => {
    const looping = editedGuide((g) => {
      g.Content.Actions[0].Transitions.NextAction = 'set';
      g.Content.Actions.push(
        { Identifier: 'set', Type: 'UpdateContactAttributes', Parameters: { Attributes: { a: '1' } }, Transitions: { NextAction: 'check' } },
        { Identifier: 'check', Type: 'Compare', Parameters: { ComparisonValue: '$.Attributes.a' }, Transitions: { Conditions: [{ NextAction: 'set', Condition: { Operator: 'Equals', Operands: ['1'] } }], Errors: [{ NextAction: 'done', ErrorType: 'NoMatchingCondition' }] } },
      );
    });
    expect(problemsOf(looping)).toEqual([{ path: 'Content.Actions[2].Transitions', message: 'the actions set → check → set loop without showing a view, so the guide would never stop' }]);
    const throughView = editedGuide((g) => {
      g.Content.Actions[1].Transitions = { NextAction: 'ask' };
    });
    expect(problemsOf(throughView)).toEqual([]);
    const checked = validateGuide(throughView);
    expect(checked.ok && automaticLoop(checked.guide.Content.Actions)).toBeNull();
  });

  it('refuses a reference it does not know and a case without a title', () => {
    const guide = editedGuide((g) => {
      g.Content.Actions[0].Transitions.NextAction = 'case';
      g.Content.Actions.push({ Identifier: 'case', Type: 'Switchboard.CreateCase', Parameters: { TemplateId: 't', Fields: { product: '$.Answers.colour' } }, Transitions: { NextAction: 'done' } });
    });
    expect(problemsOf(guide)).toEqual([{ path: 'Content.Actions[2].Parameters.Fields', message: 'a case needs a "title" field' }]);
    const titled = editedGuide((g) => {
      g.Content.Actions[0].Transitions.NextAction = 'case';
      g.Content.Actions.push({ Identifier: 'case', Type: 'Switchboard.CreateCase', Parameters: { TemplateId: 't', Fields: { title: 'T', product: '$.Answer.colour' } }, Transitions: { NextAction: 'done' } });
    });
    expect(problemsOf(titled)).toEqual([{ path: 'Content.Actions[2].Parameters.Fields.product', message: expect.stringContaining('"$.Answer.colour" is not a reference this format knows') }]);
  });

  it('refuses an OpenUrl that is not http(s) and an InsertArticle with nothing to insert', () => {
    const guide = editedGuide((g) => {
      g.Content.Actions[0].Transitions.NextAction = 'open';
      g.Content.Actions.push(
        { Identifier: 'open', Type: 'Switchboard.OpenUrl', Parameters: { Url: 'javascript:alert(1)' }, Transitions: { NextAction: 'insert' } },
        { Identifier: 'insert', Type: 'Switchboard.InsertArticle', Parameters: {}, Transitions: {} },
      );
    });
    expect(problemsOf(guide)).toEqual([
      { path: 'Content.Actions[2].Parameters.Url', message: 'must start with http:// or https:// and a host' },
      { path: 'Content.Actions[3].Parameters', message: 'give the ArticleId or the Text to insert' },
    ]);
  });
});

describe('a list of guides (policy)', () => {
  it('keeps the good ones and reports each refused one under its index', () => {
    const bad = editedGuide((g) => (g.Content.StartAction = 'nope'));
    const result = validateGuideList([smallGuide(), bad, smallGuide()]);
    expect(result.guides.map((g) => g.Id)).toEqual(['small']);
    expect(result.problems).toEqual([
      { path: '[1].Content.StartAction', message: 'no action has the Identifier "nope"' },
      { path: '[2].Id', message: 'another guide has the Id "small"' },
    ]);
    expect(validateGuideList({}).problems).toEqual([{ path: '', message: 'must be a list of guides' }]);
  });
});

describe('the full example of docs/guides.md', () => {
  it('is a guide the validator accepts', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/guides.md', import.meta.url), 'utf8');
    const block = /## A full example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const checked = validateGuide(JSON.parse(block!));
    expect(checked.ok ? checked.guide.Id : checked.problems).toBe('lost-card');
  });
});
