// The engine's task parts that are more than one streams call: the agent's new task as TaskJS's createTask wants
// it (templated or not), and the task template answers (Connect's ListTaskTemplates / GetTaskTemplate shapes, as
// the CCP returns them) as the session's plain views. Nothing from the contact center is trusted blindly.
import type { NewTask, TaskTemplateFieldType, TaskTemplateFieldView, TaskTemplateSummary, TaskTemplateView } from '../session/commands';
import type { StreamsEndpoint } from './streams-api';

/** TaskJS's createTask input: lower-case keys; TaskJS capitalizes them itself for a templated task. */
export interface TaskJsNewTask {
  name: string;
  description: string;
  endpoint?: StreamsEndpoint;
  references: Record<string, { type: string; value: string }>;
  /** Epoch seconds. */
  scheduledTime?: number;
  relatedContactId?: string;
  taskTemplateId?: string;
}

/** The new task as TaskJS's agent.createTask takes it; `endpoint` is the recipient's quick connect, if any. */
export function taskJsRequest(task: NewTask, endpoint: StreamsEndpoint | null): TaskJsNewTask {
  const references: TaskJsNewTask['references'] = {};
  for (const reference of task.references) references[reference.name] = { type: reference.type, value: reference.value };
  return {
    name: task.name,
    description: task.description,
    // TaskJS deletes endpointId from the object it is given: it gets its own copy, not the engine's cached one.
    ...(endpoint ? { endpoint: { ...endpoint } } : {}),
    references,
    ...(task.scheduledTime !== null ? { scheduledTime: Math.floor(task.scheduledTime / 1000) } : {}),
    ...(task.relatedContactId ? { relatedContactId: task.relatedContactId } : {}),
    ...(task.templateId ? { taskTemplateId: task.templateId } : {}),
  };
}

/** The new contact's id from createTaskContact's `{contactId}` or createTemplatedTask's `{ContactId}`. */
export function createdContactId(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { contactId, ContactId } = data as { contactId?: unknown; ContactId?: unknown };
  const id = typeof contactId === 'string' ? contactId : ContactId;
  return typeof id === 'string' && id !== '' ? id : null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** ListTaskTemplates' `TaskTemplates` as summaries; entries without an id are left out. */
export function templateSummaries(data: unknown): TaskTemplateSummary[] {
  const list = (data as { TaskTemplates?: unknown } | null)?.TaskTemplates;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: { Id?: unknown; Name?: unknown; Description?: unknown; Status?: unknown }) =>
    typeof entry?.Id === 'string' && entry.Status !== 'INACTIVE' ? [{ id: entry.Id, name: text(entry.Name), description: text(entry.Description) }] : [],
  );
}

const FIELD_TYPES: ReadonlySet<string> = new Set<TaskTemplateFieldType>([
  'NAME',
  'DESCRIPTION',
  'SCHEDULED_TIME',
  'QUICK_CONNECT',
  'URL',
  'NUMBER',
  'TEXT',
  'TEXT_AREA',
  'DATE_TIME',
  'BOOLEAN',
  'SINGLE_SELECT',
  'EMAIL',
  'SELF_ASSIGN',
  'EXPIRY_DURATION',
]);

/** The names in a `[{Id: {Name}}]` list (Connect's constraint lists). */
function fieldNames(list: unknown): Set<string> {
  if (!Array.isArray(list)) return new Set();
  return new Set(list.map((entry: { Id?: { Name?: unknown } }) => text(entry?.Id?.Name)).filter((name) => name !== ''));
}

/** GetTaskTemplate's answer as a template view: its fields with their constraints and defaults. Fields of a type
 *  this version does not know are shown as text. Null when the answer is not a template. */
export function templateView(data: unknown): TaskTemplateView | null {
  const template = data as {
    Id?: unknown;
    Name?: unknown;
    Description?: unknown;
    Fields?: unknown;
    Constraints?: { RequiredFields?: unknown; ReadOnlyFields?: unknown; InvisibleFields?: unknown };
    Defaults?: { DefaultFieldValues?: unknown };
  } | null;
  if (typeof template?.Id !== 'string') return null;
  const required = fieldNames(template.Constraints?.RequiredFields);
  const readOnly = fieldNames(template.Constraints?.ReadOnlyFields);
  const invisible = fieldNames(template.Constraints?.InvisibleFields);
  const defaults = new Map<string, string>();
  const defaultList = template.Defaults?.DefaultFieldValues;
  if (Array.isArray(defaultList)) {
    for (const entry of defaultList as { Id?: { Name?: unknown }; DefaultValue?: unknown }[]) {
      const name = text(entry?.Id?.Name);
      if (name !== '' && typeof entry.DefaultValue === 'string') defaults.set(name, entry.DefaultValue);
    }
  }
  const fields: TaskTemplateFieldView[] = [];
  for (const field of Array.isArray(template.Fields) ? (template.Fields as { Id?: { Name?: unknown }; Type?: unknown; Description?: unknown; SingleSelectOptions?: unknown }[]) : []) {
    const name = text(field?.Id?.Name);
    if (name === '') continue;
    const declared = text(field.Type);
    fields.push({
      name,
      type: (FIELD_TYPES.has(declared) ? declared : 'TEXT') as TaskTemplateFieldType,
      description: text(field.Description),
      options: Array.isArray(field.SingleSelectOptions) ? field.SingleSelectOptions.filter((option): option is string => typeof option === 'string') : [],
      required: required.has(name),
      readOnly: readOnly.has(name),
      invisible: invisible.has(name),
      defaultValue: defaults.get(name) ?? null,
    });
  }
  return { id: template.Id, name: text(template.Name), description: text(template.Description), fields };
}
