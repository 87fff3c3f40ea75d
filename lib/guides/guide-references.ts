// References in a guide's values, in Connect's JSONPath style: a value that starts with `$.` is read from the run
// instead of taken as written. `$.Attributes.X` (the contact's attributes, with those the guide set),
// `$.Views.ViewResultData.FormData.X` and `$.Views.Action` (the last view's answers and button, as in Connect),
// and Switchboard's `$.Answers.X` (the latest answer named X from any view of the run) and `$.Case.CaseId`,
// `$.Case.ReferenceNumber`, `$.Profile.ProfileId`, `$.Task.ContactId` (what the guide's actions created or found).
// URLs take references inside braces: `https://crm.example.com/c/{$.Attributes.accountNumber}`.

export type AnswerValue = string | boolean | string[];

export type GuideReference =
  | { kind: 'attribute'; name: string }
  | { kind: 'form'; name: string }
  | { kind: 'view-action' }
  | { kind: 'answer'; name: string }
  | { kind: 'result'; object: ResultObject; key: string };

export type ResultObject = 'Case' | 'Profile' | 'Task';
export const RESULT_KEYS: Record<ResultObject, readonly string[]> = {
  Case: ['CaseId', 'ReferenceNumber'],
  Profile: ['ProfileId'],
  Task: ['ContactId'],
};

/** What a reference is read from. */
export interface ReferenceScope {
  attributes: Record<string, string>;
  lastView: { action: string; formData: Record<string, AnswerValue> } | null;
  answers: Record<string, AnswerValue>;
  results: Partial<Record<ResultObject, Record<string, string>>>;
}

const NAME = '([A-Za-z0-9_.:-]{1,128})';
const PATTERNS: [RegExp, (match: RegExpExecArray) => GuideReference | null][] = [
  [new RegExp(`^\\$\\.Attributes\\.${NAME}$`), (m) => ({ kind: 'attribute', name: m[1] })],
  [new RegExp(`^\\$\\.Views\\.ViewResultData\\.FormData\\.${NAME}$`), (m) => ({ kind: 'form', name: m[1] })],
  [/^\$\.Views\.Action$/, () => ({ kind: 'view-action' })],
  [new RegExp(`^\\$\\.Answers\\.${NAME}$`), (m) => ({ kind: 'answer', name: m[1] })],
  [
    /^\$\.(Case|Profile|Task)\.([A-Za-z]+)$/,
    (m) => {
      const object = m[1] as ResultObject;
      return RESULT_KEYS[object].includes(m[2]) ? { kind: 'result', object, key: m[2] } : null;
    },
  ],
];

export const isReferenceText = (text: string): boolean => text.startsWith('$.');

/** The reference a `$.…` text names, or null when it names none this format knows. */
export function parseReference(text: string): GuideReference | null {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return build(match);
  }
  return null;
}

export const answerText = (value: AnswerValue | undefined): string => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value));

function read(reference: GuideReference, scope: ReferenceScope): string {
  switch (reference.kind) {
    case 'attribute':
      return scope.attributes[reference.name] ?? '';
    case 'form':
      return answerText(scope.lastView?.formData[reference.name]);
    case 'view-action':
      return scope.lastView?.action ?? '';
    case 'answer':
      return answerText(scope.answers[reference.name]);
    case 'result':
      return scope.results[reference.object]?.[reference.key] ?? '';
  }
}

/** A value as the run sees it: a reference read (unknown or unset: ''), any other text as written. */
export function resolveValue(text: string, scope: ReferenceScope): string {
  if (!isReferenceText(text)) return text;
  const reference = parseReference(text);
  return reference ? read(reference, scope) : '';
}

const BRACED = /\{(\$\.[^{}]+)\}/g;

/** The `{$.…}` references inside a template (a URL). */
export const bracedReferences = (template: string): string[] => [...template.matchAll(BRACED)].map((m) => m[1]);

/** A URL template with each `{$.…}` replaced by its value, URL-encoded. */
export function fillUrlTemplate(template: string, scope: ReferenceScope): string {
  return template.replace(BRACED, (_whole, text: string) => encodeURIComponent(resolveValue(text, scope)));
}
