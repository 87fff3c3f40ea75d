// A task from a task template and the fields a caller filled, as streams/TaskJS's createTemplatedTask and
// StartTaskContact with a TaskTemplateId send them ({Name, Description, ScheduledTime, QuickConnectId,
// References: {<field name>: {Type, Value}}}): every value checked against its field's type and the template's
// required / read-only / invisible constraints, defaults applied. Pure: the caller creates the task, or answers
// with the refusals, each naming its field in plain English.

import { isAbsent, readFieldValue, type FieldValue } from './task-field-values';
import {
  constrainedNames,
  defaultsByName,
  TASK_TEMPLATE_LIMITS as LIMITS,
  type TaskTemplate,
  type TaskTemplateField,
  type TaskTemplateFieldType,
} from './task-template-model';

/** What a caller sends for a templated task. Keys are capitalized, as TaskJS makes them and as StartTaskContact
 *  takes them; other keys of the request (TaskTemplateId, PreviousContactId, Attributes…) are the caller's. */
export interface TemplatedTaskRequest {
  Name?: unknown;
  Description?: unknown;
  /** Epoch seconds (or an ISO 8601 date-time). */
  ScheduledTime?: unknown;
  /** A quick connect id, or its ARN. */
  QuickConnectId?: unknown;
  /** The template's other fields by field name. `Type` is not trusted: the field's own type decides. */
  References?: Record<string, { Type?: unknown; Value?: unknown } | null | undefined> | null;
}

export interface TaskTemplateContext {
  /** Now, epoch milliseconds: a scheduled time must not be in the past nor more than 6 days ahead. */
  now: number;
  /** The instance's quick connect ids; when given, a quick connect must be one of them. */
  quickConnectIds?: ReadonlySet<string>;
}

/** Amazon Connect's reference shape (StartTaskContact's References); DATE values are epoch seconds. */
export interface TaskReference {
  Type: 'URL' | 'EMAIL' | 'NUMBER' | 'STRING' | 'DATE';
  Value: string;
}

/** The task to create. */
export interface TaskFromTemplate {
  templateId: string;
  templateArn: string;
  /** The flow that routes it: the template's SelfAssignFlowId for a self-assigned task when it has one, else its
   *  ContactFlowId (absent when the template routes by its QUICK_CONNECT field only). */
  contactFlowId?: string;
  name: string;
  description: string;
  references: Record<string, TaskReference>;
  /** Epoch milliseconds, when the task is scheduled. */
  scheduledTime?: number;
  /** The quick connect (id) that receives it, when one was chosen. */
  quickConnectId?: string;
  /** The creating agent takes it (a SELF_ASSIGN field set to true). */
  selfAssign?: boolean;
  /** Minutes until it expires, when the template's EXPIRY_DURATION field sets it (Connect's default: 7 days). */
  expiryMinutes?: number;
}

export interface TemplateFieldRefusal {
  /** The template field's name, or the request key (Name, ScheduledTime, TaskTemplateId…) it is about. */
  field: string;
  /** One English sentence naming the field. */
  reason: string;
}

export type TemplatedTaskResult = { ok: true; task: TaskFromTemplate } | { ok: false; refusals: TemplateFieldRefusal[] };

/** Where the task's own properties travel when the template has no field for them. */
const TOP_LEVEL_KEYS: Partial<Record<TaskTemplateFieldType, keyof TemplatedTaskRequest>> = {
  NAME: 'Name',
  DESCRIPTION: 'Description',
  SCHEDULED_TIME: 'ScheduledTime',
  QUICK_CONNECT: 'QuickConnectId',
};

const REFERENCE_TYPES: Partial<Record<TaskTemplateFieldType, TaskReference['Type']>> = {
  URL: 'URL',
  EMAIL: 'EMAIL',
  NUMBER: 'NUMBER',
  TEXT: 'STRING',
  TEXT_AREA: 'STRING',
  SINGLE_SELECT: 'STRING',
  BOOLEAN: 'STRING',
  DATE_TIME: 'DATE',
};

/** A scheduled time may be up to this far in the past (a form's minute-precision "now"). */
const SCHEDULED_PAST_GRACE_MS = 60_000;

interface Candidate {
  field: TaskTemplateField;
  /** A template field (constraints and defaults apply), or the request's own property with no field for it. */
  fromTemplate: boolean;
}

/** The raw value sent for a field: its top-level key for the task's own properties, else its reference. */
function sentValue(candidate: Candidate, request: TemplatedTaskRequest): unknown {
  const key = TOP_LEVEL_KEYS[candidate.field.Type];
  const topLevel = key === undefined ? undefined : request[key];
  if (!isAbsent(topLevel) || !candidate.fromTemplate) return topLevel;
  const reference = request.References?.[candidate.field.Id.Name];
  return typeof reference === 'object' && reference !== null ? reference.Value : undefined;
}

/** The request's own properties for which the template has no field: read as if they were fields, unconstrained. */
function implicitFields(template: TaskTemplate): Candidate[] {
  const present = new Set(template.Fields.map((field) => field.Type));
  return (Object.entries(TOP_LEVEL_KEYS) as [TaskTemplateFieldType, string][])
    .filter(([type]) => !present.has(type))
    .map(([type, key]) => ({ field: { Id: { Name: key }, Type: type }, fromTemplate: false }));
}

function checkScheduledTime(name: string, seconds: number, now: number): string | null {
  const ms = seconds * 1000;
  if (ms < now - SCHEDULED_PAST_GRACE_MS) return `"${name}" is in the past; a task can be scheduled from now up to 6 days ahead.`;
  if (ms > now + LIMITS.scheduledAheadSeconds * 1000) return `"${name}" is more than 6 days ahead; Amazon Connect schedules tasks at most 6 days ahead.`;
  return null;
}

/**
 * The task that `template` and the caller's `request` make, or why not. Read-only and invisible fields keep the
 * template's default (sending that same value is accepted); required fields must have a value, sent or default;
 * every value must suit its field's type; references that are not fields of the template are refused.
 */
export function taskFromTemplate(template: TaskTemplate, request: TemplatedTaskRequest, context: TaskTemplateContext): TemplatedTaskResult {
  const refusals: TemplateFieldRefusal[] = [];
  const refuse = (field: string, reason: string) => refusals.push({ field, reason });
  if (template.Status !== 'ACTIVE') {
    return { ok: false, refusals: [{ field: 'TaskTemplateId', reason: `The task template "${template.Name}" is inactive; tasks can be created only from active templates.` }] };
  }
  const required = constrainedNames(template.Constraints.RequiredFields);
  const readOnly = constrainedNames(template.Constraints.ReadOnlyFields);
  const invisible = constrainedNames(template.Constraints.InvisibleFields);
  const defaults = defaultsByName(template.Defaults);

  const task: TaskFromTemplate = { templateId: template.Id, templateArn: template.Arn, name: '', description: '', references: {} };
  const candidates: Candidate[] = [...template.Fields.map((field) => ({ field, fromTemplate: true })), ...implicitFields(template)];
  for (const candidate of candidates) {
    const { field } = candidate;
    const name = field.Id.Name;
    const sent = sentValue(candidate, request);
    const fallback = candidate.fromTemplate ? defaults.get(name) : undefined;
    let raw: unknown = isAbsent(sent) ? fallback : sent;
    const locked = candidate.fromTemplate && (readOnly.has(name) || invisible.has(name));
    if (locked && !isAbsent(sent)) {
      const sentReading = readFieldValue(field, sent);
      const defaultReading = isAbsent(fallback) ? null : readFieldValue(field, fallback);
      const unchanged = defaultReading !== null && 'value' in sentReading && 'value' in defaultReading && sentReading.value === defaultReading.value;
      if (!unchanged) {
        refuse(name, invisible.has(name) ? `"${name}" is hidden from agents and cannot be set.` : `"${name}" is read-only: it keeps the template's value.`);
        continue;
      }
      raw = fallback;
    }
    const mandatory = candidate.fromTemplate ? required.has(name) : field.Type === 'NAME';
    if (isAbsent(raw)) {
      if (mandatory) refuse(name, `"${name}" is required.`);
      continue;
    }
    const reading = readFieldValue(field, raw);
    if ('problem' in reading) {
      refuse(name, reading.problem);
      continue;
    }
    const problem = apply(task, field, reading.value, context);
    if (problem !== null) refuse(name, problem);
  }

  const fieldNames = new Set(template.Fields.map((field) => field.Id.Name));
  for (const key of Object.keys(request.References ?? {})) {
    if (!fieldNames.has(key)) refuse(key, `"${key}" is not a field of the task template "${template.Name}".`);
  }
  if (refusals.length > 0) return { ok: false, refusals };
  const flow = task.selfAssign && template.SelfAssignFlowId ? template.SelfAssignFlowId : template.ContactFlowId;
  return { ok: true, task: flow === undefined ? task : { ...task, contactFlowId: flow } };
}

/** Puts a field's value where it belongs in the task; returns why not when it cannot be used. */
function apply(task: TaskFromTemplate, field: TaskTemplateField, value: FieldValue, context: TaskTemplateContext): string | null {
  const name = field.Id.Name;
  switch (field.Type) {
    case 'NAME':
      if (String(value) === '') return `"${name}" is required.`;
      task.name = String(value);
      return null;
    case 'DESCRIPTION':
      task.description = String(value);
      return null;
    case 'SCHEDULED_TIME': {
      const problem = checkScheduledTime(name, Number(value), context.now);
      if (problem === null) task.scheduledTime = Math.round(Number(value) * 1000);
      return problem;
    }
    case 'QUICK_CONNECT':
      if (context.quickConnectIds && !context.quickConnectIds.has(String(value))) return `"${name}" names no quick connect of this instance (${String(value)}).`;
      task.quickConnectId = String(value);
      return null;
    case 'SELF_ASSIGN':
      if (value === true) task.selfAssign = true;
      return null;
    case 'EXPIRY_DURATION':
      task.expiryMinutes = Number(value);
      return null;
    default: {
      const type = REFERENCE_TYPES[field.Type] ?? 'STRING';
      task.references[name] = { Type: type, Value: String(value) };
      return null;
    }
  }
}

/** The refusals as one message, for a 400 or a conduit failure. */
export function describeRefusals(template: Pick<TaskTemplate, 'Name'>, refusals: readonly TemplateFieldRefusal[]): string {
  return `The task cannot be created from the template "${template.Name}": ${refusals.map((refusal) => refusal.reason).join(' ')}`;
}
