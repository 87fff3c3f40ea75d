// The Create task form's model: what the agent has typed (a plain task, or a template's fields), every check it
// must pass before it is sent (each problem keyed by the field it belongs to), the NewTask command it becomes,
// and the details a follow-up task starts with from its call or chat.

import type { NewTask, TaskTemplateFieldView, TaskTemplateView } from '@/lib/session/commands';
import {
  checkDescription,
  checkName,
  checkScheduledTime,
  checkTypedValue,
  parseLocalDateTime,
  type FieldProblem,
} from './task-form-rules';
import type { FollowUpSource } from './task-view-model';

/** The reference types an agent can add by hand (attachments are uploaded elsewhere). */
export const REFERENCE_KINDS = ['STRING', 'URL', 'EMAIL', 'NUMBER', 'DATE'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface ReferenceRow {
  id: number;
  name: string;
  type: ReferenceKind;
  /** As typed; a DATE as a datetime-local value. */
  value: string;
}

export interface TaskDraft {
  /** The recipient quick connect's ARN, or '' for none chosen. */
  recipientArn: string;
  name: string;
  description: string;
  /** datetime-local, or '' to route the task at once. */
  scheduled: string;
  references: ReferenceRow[];
  /** The chosen template with its fields, or null for a task without one. */
  template: TaskTemplateView | null;
  /** The template's fields by name; BOOLEAN and SELF_ASSIGN as 'true' / 'false', date-times as datetime-local. */
  fieldValues: Record<string, string>;
  relatedContactId: string | null;
}

/** Problems by field key: recipient, name, description, scheduled, reference-<id>-name|value, field-<index>. */
export type DraftProblems = Record<string, FieldProblem>;

export const referenceKey = (row: ReferenceRow, part: 'name' | 'value') => `reference-${row.id}-${part}`;
export const fieldKey = (index: number) => `field-${index}`;

export function emptyDraft(): TaskDraft {
  return { recipientArn: '', name: '', description: '', scheduled: '', references: [], template: null, fieldValues: {}, relatedContactId: null };
}

const hasField = (template: TaskTemplateView | null, type: TaskTemplateFieldView['type']) =>
  template?.fields.some((field) => field.type === type) ?? false;

/** In a template, its own NAME and QUICK_CONNECT fields replace the form's name and recipient. */
export const templateHasName = (template: TaskTemplateView | null) => hasField(template, 'NAME');
export const templateHasRecipient = (template: TaskTemplateView | null) => hasField(template, 'QUICK_CONNECT');

const isToggle = (field: TaskTemplateFieldView) => field.type === 'BOOLEAN' || field.type === 'SELF_ASSIGN';

/** The values a template's fields start with: its defaults, date-times for datetime-local, toggles false. */
export function initialFieldValues(template: TaskTemplateView, toLocal: (iso: string) => string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of template.fields) {
    const value = field.defaultValue ?? '';
    if (isToggle(field)) values[field.name] = value.toLowerCase() === 'true' ? 'true' : 'false';
    else if (field.type === 'DATE_TIME' || field.type === 'SCHEDULED_TIME') values[field.name] = value ? toLocal(value) : '';
    else values[field.name] = value;
  }
  return values;
}

function checkReferences(rows: ReferenceRow[], problems: DraftProblems): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '') problems[referenceKey(row, 'name')] = { key: 'referenceNameRequired' };
    else if (seen.has(name)) problems[referenceKey(row, 'name')] = { key: 'referenceNameTaken' };
    seen.add(name);
    const value = row.value.trim();
    const typed = value === '' ? { key: 'valueRequired' } : checkTypedValue(row.type === 'STRING' ? 'TEXT' : row.type, value);
    if (typed) problems[referenceKey(row, 'value')] = typed;
  }
}

function checkField(field: TaskTemplateFieldView, value: string, now: number, recipients: readonly string[]): FieldProblem | null {
  if (field.type === 'NAME') return checkName(value);
  if (isToggle(field)) return null;
  if (value.trim() === '') return field.required ? { key: 'fieldRequired' } : null;
  switch (field.type) {
    case 'DESCRIPTION':
      return checkDescription(value);
    case 'SCHEDULED_TIME':
      return checkScheduledTime(value, now);
    case 'DATE_TIME':
      return checkTypedValue('DATE', value);
    case 'URL':
    case 'EMAIL':
    case 'NUMBER':
      return checkTypedValue(field.type, value);
    case 'SINGLE_SELECT':
      return field.options.includes(value) ? null : { key: 'optionInvalid' };
    case 'QUICK_CONNECT':
      return recipients.includes(value) ? null : { key: 'optionInvalid' };
    case 'EXPIRY_DURATION':
      return /^\d+$/.test(value.trim()) && Number(value) > 0 ? null : { key: 'durationInvalid' };
    default:
      return null;
  }
}

/** Everything wrong with the draft, by field; empty when it can be sent. `recipients`: the quick connects' ARNs. */
export function checkDraft(draft: TaskDraft, now: number, recipients: readonly string[]): DraftProblems {
  const problems: DraftProblems = {};
  const set = (key: string, found: FieldProblem | null) => {
    if (found) problems[key] = found;
  };
  const template = draft.template;
  if (!template) {
    if (draft.recipientArn === '') problems.recipient = { key: 'recipientRequired' };
    set('name', checkName(draft.name));
    set('description', checkDescription(draft.description));
    set('scheduled', checkScheduledTime(draft.scheduled, now));
    checkReferences(draft.references, problems);
    return problems;
  }
  if (!templateHasName(template)) set('name', checkName(draft.name));
  template.fields.forEach((field, index) => {
    // What the agent cannot see or change is the template's to get right, and the contact center's to refuse.
    if (field.readOnly || field.invisible) return;
    set(fieldKey(index), checkField(field, draft.fieldValues[field.name] ?? '', now, recipients));
  });
  return problems;
}

const isoOf = (local: string) => {
  const ms = parseLocalDateTime(local);
  return ms === null ? local : new Date(ms).toISOString();
};

type SentReference = NewTask['references'][number];

/** A template field as the reference it travels as (its own name, the nearest reference type). */
function fieldReference(field: TaskTemplateFieldView, value: string): SentReference | null {
  switch (field.type) {
    case 'URL':
    case 'EMAIL':
    case 'NUMBER':
      return { name: field.name, type: field.type, value: value.trim() };
    case 'DATE_TIME':
      return { name: field.name, type: 'DATE', value: isoOf(value) };
    case 'EXPIRY_DURATION':
      return { name: field.name, type: 'NUMBER', value: value.trim() };
    case 'TEXT':
    case 'TEXT_AREA':
    case 'SINGLE_SELECT':
    case 'BOOLEAN':
    case 'SELF_ASSIGN':
      return { name: field.name, type: 'STRING', value };
    default:
      return null; // NAME, DESCRIPTION, SCHEDULED_TIME, QUICK_CONNECT are the task's own properties
  }
}

/** The task-create command's task for a draft that passed checkDraft. */
export function newTaskOf(draft: TaskDraft): NewTask {
  const template = draft.template;
  if (!template) {
    return {
      quickConnectArn: draft.recipientArn || null,
      name: draft.name.trim(),
      description: draft.description,
      references: draft.references.map((row) => ({
        name: row.name.trim(),
        type: row.type,
        value: row.type === 'DATE' ? isoOf(row.value) : row.value.trim(),
      })),
      scheduledTime: draft.scheduled ? parseLocalDateTime(draft.scheduled) : null,
      relatedContactId: draft.relatedContactId,
      templateId: null,
    };
  }
  const valueOf = (type: TaskTemplateFieldView['type']) => {
    const field = template.fields.find((f) => f.type === type);
    return field ? (draft.fieldValues[field.name] ?? '') : null;
  };
  const references: SentReference[] = [];
  for (const field of template.fields) {
    const value = draft.fieldValues[field.name] ?? '';
    if (value.trim() === '') continue;
    const reference = fieldReference(field, value);
    if (reference) references.push(reference);
  }
  const scheduled = valueOf('SCHEDULED_TIME');
  return {
    quickConnectArn: (valueOf('QUICK_CONNECT') ?? draft.recipientArn) || null,
    name: (valueOf('NAME') ?? draft.name).trim(),
    description: valueOf('DESCRIPTION') ?? '',
    references,
    scheduledTime: scheduled ? parseLocalDateTime(scheduled) : null,
    relatedContactId: draft.relatedContactId,
    templateId: template.id,
  };
}

type Translate = (key: string, params?: Record<string, string>) => string;

/** What a follow-up task starts with: the related contact, a name and description naming the customer, and the
 *  customer's name, number and email as references. */
export function followUpDraft(source: FollowUpSource, t: Translate, nextId: () => number): TaskDraft {
  const customer = source.customerName ?? source.phoneNumber ?? source.email;
  const channel = source.channel === 'chat' ? 'chat' : source.channel === 'task' ? 'task' : 'call';
  const references: ReferenceRow[] = [];
  if (source.customerName) references.push({ id: nextId(), name: t('task.followUp.customerName'), type: 'STRING', value: source.customerName });
  if (source.phoneNumber) references.push({ id: nextId(), name: t('task.followUp.phoneNumber'), type: 'STRING', value: source.phoneNumber });
  if (source.email) references.push({ id: nextId(), name: t('task.followUp.email'), type: 'EMAIL', value: source.email });
  return {
    ...emptyDraft(),
    name: customer ? t('task.followUp.name', { customer }) : t('task.followUp.nameNoCustomer'),
    description: customer ? t(`task.followUp.description.${channel}`, { customer }) : t(`task.followUp.descriptionNoCustomer.${channel}`),
    references,
    relatedContactId: source.contactId,
  };
}
