// Turns what TaskJS sends through the CCP conduit into the routing engine's StartTaskInput: createTaskContact
// (lower-case keys, the recipient as a streams endpoint, DATE references as ISO 8601 or epoch seconds) and
// createTemplatedTask (capitalized keys, checked against the stored template: required, read-only and invisible
// fields, types and defaults). Every refusal is an InvalidParameterException saying which field and why.

import type { InstanceConfig, TaskReference, TaskReferenceType } from '../model';
import { invalidParameter } from '../routing/errors';
import type { StartTaskInput } from '../routing/task-types';
import { flowIdOfQueue } from '../server/routes/start-chat-contact';
import { describeRefusals, taskFromTemplate } from '../tasks/task-templates';
import type { TaskTemplate } from '../tasks/task-template-model';
import type { Arns } from './snapshot';

type Params = Record<string, unknown>;

const REFERENCE_TYPES: ReadonlySet<string> = new Set<TaskReferenceType>(['URL', 'EMAIL', 'NUMBER', 'STRING', 'DATE', 'ATTACHMENT']);

const optionalText = (params: Params, key: string): string | undefined => {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParameter(`${key} must be text`);
  return value;
};

/** A DATE reference's value as epoch seconds: TaskJS passes what the agent's page gave (ISO 8601 or seconds). */
function dateSeconds(name: string, value: string): string {
  if (value.trim() !== '' && Number.isFinite(Number(value))) return String(Math.floor(Number(value)));
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw invalidParameter(`the DATE reference "${name}" is not a date`);
  return String(Math.floor(ms / 1000));
}

/** `{name: {type, value}}` from TaskJS (or `{Type, Value}`) as the engine's references. */
export function referencesOf(raw: unknown): Record<string, TaskReference> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalidParameter('references must be an object of {type, value} by name');
  const references: Record<string, TaskReference> = {};
  for (const [name, entry] of Object.entries(raw as Record<string, unknown>)) {
    const reference = (entry ?? {}) as { type?: unknown; Type?: unknown; value?: unknown; Value?: unknown };
    const type = String(reference.type ?? reference.Type ?? '').toUpperCase();
    const value = reference.value ?? reference.Value;
    if (!REFERENCE_TYPES.has(type)) throw invalidParameter(`the reference "${name}" has an unknown type ${JSON.stringify(reference.type ?? reference.Type ?? null)}`);
    if (typeof value !== 'string' && typeof value !== 'number') throw invalidParameter(`the reference "${name}" needs a value`);
    const text = String(value);
    references[name] = { type: type as TaskReferenceType, value: type === 'DATE' ? dateSeconds(name, text) : text };
  }
  return references;
}

/** Epoch seconds (TaskJS) as epoch ms. */
function scheduledMs(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidParameter('scheduledTime must be epoch seconds');
  return value * 1000;
}

/** createTaskContact: a plain task for the quick connect the agent picked. */
export function plainTaskInput(arns: Arns, params: Params): StartTaskInput {
  const endpoint = (params.endpoint ?? {}) as { endpointARN?: unknown };
  const quickConnectId = arns.idOf(endpoint.endpointARN, 'transfer-destination');
  if (!quickConnectId) throw invalidParameter('a task needs an endpoint: one of the agent and queue quick connects');
  const name = params.name;
  if (typeof name !== 'string') throw invalidParameter('name is required');
  const scheduledTime = scheduledMs(params.scheduledTime);
  const previousContactId = optionalText(params, 'previousContactId');
  const relatedContactId = optionalText(params, 'relatedContactId');
  const clientToken = optionalText(params, 'idempotencyToken');
  return {
    name,
    description: optionalText(params, 'description') ?? '',
    references: referencesOf(params.references),
    quickConnectId,
    ...(scheduledTime !== undefined ? { scheduledTime } : {}),
    ...(previousContactId ? { previousContactId } : {}),
    ...(relatedContactId ? { relatedContactId } : {}),
    ...(clientToken ? { clientToken } : {}),
  };
}

export interface TemplatedTaskContext {
  config: InstanceConfig;
  now: number;
  /** The creating agent's own agent quick connect, for a self-assigned task. */
  selfQuickConnectId: string | null;
  template: (id: string) => TaskTemplate | null;
}

/** createTemplatedTask: the template's fields filled as TaskJS capitalized them, checked against the template. */
export function templatedTaskInput(params: Params, context: TemplatedTaskContext): StartTaskInput {
  const templateId = optionalText(params, 'TaskTemplateId');
  if (!templateId) throw invalidParameter('TaskTemplateId is required');
  const template = context.template(templateId.split('/').pop() ?? templateId);
  if (!template) throw invalidParameter(`task template ${templateId} does not exist`);
  const quickConnectIds = new Set(context.config.quickConnects.map((qc) => qc.id));
  const result = taskFromTemplate(template, params, { now: context.now, quickConnectIds });
  if (!result.ok) throw invalidParameter(describeRefusals(template, result.refusals));
  const { task } = result;
  const queueId = task.contactFlowId ? context.config.queues.find((q) => flowIdOfQueue(context.config, q.id) === task.contactFlowId)?.id : undefined;
  const quickConnectId = task.selfAssign ? (context.selfQuickConnectId ?? undefined) : task.quickConnectId;
  if (!quickConnectId && !queueId) throw invalidParameter(`the task template "${template.Name}" routes nowhere: choose a quick connect`);
  const previousContactId = optionalText(params, 'PreviousContactId');
  const relatedContactId = optionalText(params, 'RelatedContactId');
  return {
    name: task.name,
    description: task.description,
    references: referencesOf(task.references),
    taskTemplateId: task.templateId,
    ...(quickConnectId ? { quickConnectId } : { queueId }),
    ...(task.scheduledTime !== undefined ? { scheduledTime: task.scheduledTime } : {}),
    ...(task.expiryMinutes !== undefined ? { expiryMinutes: task.expiryMinutes } : {}),
    ...(previousContactId ? { previousContactId } : {}),
    ...(relatedContactId ? { relatedContactId } : {}),
  };
}
