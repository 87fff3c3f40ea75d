// The case form's rules (create a case from a template, edit an open case's fields): which fields it shows, the
// values it starts from (the contact's attributes through the template's mapping, or the case's values), what it
// refuses (with the translation key of each reason, below workspace.cases.errors) and the field values it sends.
// Values are kept as the form's text: a Boolean as 'true' / 'false', a DateTime as datetime-local's text.
import type { CaseDetail, CaseFieldDefinition, CasePlainValue, CaseTemplate } from './workspace-requests';

export type CaseFormValues = Record<string, string>;
export type CaseFieldProblem = 'required' | 'number' | 'url' | 'dateTime' | 'tooLong' | 'option';
export type CaseFormProblems = Record<string, CaseFieldProblem>;

/** Cases' limits on a text value (summary has its own). */
export const TEXT_MAX = 500;
export const SUMMARY_MAX = 1500;
export const COMMENT_MAX = 3000;

/** The system fields a case always has: every case needs a title (CreateCase refuses one without). */
export const TITLE_FIELD_ID = 'title';
export const SUMMARY_FIELD_ID = 'summary';

/** The fields the agent fills, title first: the template's own title definition if it lists one, else Cases'
 *  required title; User fields (an agent's ARN) are left to Cases' own pages. */
export function caseFormFields(template: CaseTemplate, titleName: string): CaseFieldDefinition[] {
  const own = template.fields.find((f) => f.id === TITLE_FIELD_ID);
  const title: CaseFieldDefinition = own ? { ...own, required: true } : { id: TITLE_FIELD_ID, name: titleName, type: 'Text', required: true, options: [] };
  return [title, ...template.fields.filter((f) => f.id !== TITLE_FIELD_ID && f.type !== 'User')];
}

/** The fields shown for an open case: the template's, without title (shown as the heading) and User fields. */
export const caseEditFields = (template: CaseTemplate): CaseFieldDefinition[] => template.fields.filter((f) => f.id !== TITLE_FIELD_ID && f.type !== 'User');

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as datetime-local's text in this browser's time zone; '' when it is not a date. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** datetime-local's text (local time) as an ISO instant; null when it is not one. */
export function localInputToIso(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A stored value as the form's text for its field. */
export function formTextOf(field: CaseFieldDefinition, value: CasePlainValue | undefined): string {
  if (field.type === 'Boolean') return value === true || value === 'true' ? 'true' : 'false';
  if (value === null || value === undefined) return '';
  if (field.type === 'DateTime') return typeof value === 'string' ? isoToLocalInput(value) : '';
  return String(value);
}

/** A contact attribute's text as the form's text for the field it is mapped to; '' when it does not fit. */
function attributeText(field: CaseFieldDefinition, text: string): string {
  const value = text.trim();
  switch (field.type) {
    case 'Boolean':
      return ['true', 'yes', '1'].includes(value.toLowerCase()) ? 'true' : 'false';
    case 'SingleSelect':
      return field.options.some((o) => o.value === value) ? value : '';
    case 'DateTime':
      return isoToLocalInput(value);
    default:
      return value;
  }
}

/** A new case's values: each field empty (a Boolean off), then what the contact's attributes give through the
 *  template's mapping (attribute name → field id). */
export function initialCaseValues(fields: CaseFieldDefinition[], mapping: Record<string, string>, attributes: Record<string, string>): CaseFormValues {
  const values: CaseFormValues = Object.fromEntries(fields.map((f) => [f.id, formTextOf(f, null)]));
  for (const [attribute, fieldId] of Object.entries(mapping)) {
    const field = fields.find((f) => f.id === fieldId);
    const text = attributes[attribute];
    if (field && typeof text === 'string' && text.trim()) values[field.id] = attributeText(field, text);
  }
  return values;
}

/** An open case's values for its fields (summary from the case's summary). */
export function valuesOfCase(fields: CaseFieldDefinition[], detail: Pick<CaseDetail, 'summary' | 'fields' | 'title'>): CaseFormValues {
  const stored = (id: string): CasePlainValue | undefined => (id === SUMMARY_FIELD_ID ? detail.summary : id === TITLE_FIELD_ID ? detail.title : detail.fields[id]);
  return Object.fromEntries(fields.map((f) => [f.id, formTextOf(f, stored(f.id))]));
}

/** A number typed by the agent (full-width digits too); null when it is not one. */
export function parseCaseNumber(text: string): number | null {
  const value = text.normalize('NFKC').trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function problemOf(field: CaseFieldDefinition, text: string): CaseFieldProblem | null {
  const value = text.trim();
  if (field.type === 'Boolean') return null;
  if (!value) return field.required ? 'required' : null;
  switch (field.type) {
    case 'Number':
      return parseCaseNumber(value) === null ? 'number' : null;
    case 'Url':
      if (!isHttpUrl(value)) return 'url';
      break;
    case 'DateTime':
      return localInputToIso(value) === null ? 'dateTime' : null;
    case 'SingleSelect':
      return field.options.some((o) => o.value === value) ? null : 'option';
    default:
      break;
  }
  return value.length > (field.id === SUMMARY_FIELD_ID ? SUMMARY_MAX : TEXT_MAX) ? 'tooLong' : null;
}

/** The reason each refused field is refused, by field id; empty when all may be sent. */
export function validateCaseValues(fields: CaseFieldDefinition[], values: CaseFormValues): CaseFormProblems {
  const problems: CaseFormProblems = {};
  for (const field of fields) {
    const problem = problemOf(field, values[field.id] ?? '');
    if (problem) problems[field.id] = problem;
  }
  return problems;
}

/** A checked value as Cases takes it: a number, a boolean, an ISO instant, trimmed text; null when empty. */
function plainOf(field: CaseFieldDefinition, text: string): CasePlainValue {
  const value = text.trim();
  if (field.type === 'Boolean') return value === 'true';
  if (!value) return null;
  if (field.type === 'Number') return parseCaseNumber(value);
  if (field.type === 'DateTime') return localInputToIso(value);
  return value;
}

/** The field values to send: for a new case (no `before`) those filled in; for an edit, those that changed, an
 *  emptied one as null (Cases' emptyValue). Call after validateCaseValues found nothing. */
export function caseFieldsToSend(fields: CaseFieldDefinition[], values: CaseFormValues, before?: CaseFormValues): Record<string, CasePlainValue> {
  const out: Record<string, CasePlainValue> = {};
  for (const field of fields) {
    const text = values[field.id] ?? '';
    if (before) {
      if (text.trim() === (before[field.id] ?? '').trim()) continue;
      out[field.id] = plainOf(field, text);
    } else {
      const value = plainOf(field, text);
      if (value !== null) out[field.id] = value;
    }
  }
  return out;
}
