// StartTaskContact's TaskTemplateId hook: the stored template's rules (tasks/task-templates.ts) applied to the
// request's Name, Description, ScheduledTime, QuickConnectId and References (its fields by name): required,
// read-only and invisible fields, types, defaults, the EXPIRY_DURATION field. The task takes what the template
// gives, and the template's ContactFlowId routes it when the request names no flow or quick connect.

import type { InstanceConfig } from '../../model';
import type { StartTaskInput } from '../../routing/engine';
import type { Database } from '../../store/database';
import { getTaskTemplate } from '../../store/task-template-repository';
import { describeRefusals, taskFromTemplate } from '../../tasks/task-templates';
import { AwsRequestError } from './aws-shaped-scope';
import { flowIdOfQueue } from './start-chat-contact';
import type { StartTaskBody } from './start-task-contact';

export interface TemplatedStart {
  /** What the template sets on the task (it overrides the request's plain values). */
  task: Partial<StartTaskInput>;
  /** The queue of the template's flow, when it has one. */
  queueId?: string;
}

/** Applies TaskTemplateId to a StartTaskContact request at `now` (epoch ms), or refuses it with an AwsRequestError. */
export type TaskTemplateHook = (taskTemplateId: string, body: StartTaskBody, now: number) => TemplatedStart;

export function applyStoredTaskTemplate(db: Database, config: InstanceConfig): TaskTemplateHook {
  return (taskTemplateId, body, now) => {
    const template = getTaskTemplate(db, taskTemplateId.split('/').pop() ?? taskTemplateId);
    if (!template) throw new AwsRequestError(404, 'ResourceNotFoundException', `Task template ${taskTemplateId} does not exist in this instance.`);
    const quickConnectIds = new Set(config.quickConnects.map((qc) => qc.id));
    const result = taskFromTemplate(template, body, { now, quickConnectIds });
    if (!result.ok) throw new AwsRequestError(400, 'InvalidParameterException', describeRefusals(template, result.refusals));
    const made = result.task;
    const references: StartTaskInput['references'] = {};
    for (const [name, reference] of Object.entries(made.references)) references[name] = { type: reference.Type, value: reference.Value };
    const task: Partial<StartTaskInput> = { name: made.name, description: made.description, references, taskTemplateId: made.templateId };
    if (made.scheduledTime !== undefined) task.scheduledTime = made.scheduledTime;
    if (made.expiryMinutes !== undefined) task.expiryMinutes = made.expiryMinutes;
    if (made.quickConnectId !== undefined) task.quickConnectId = made.quickConnectId;
    const queueId = made.contactFlowId ? config.queues.find((q) => flowIdOfQueue(config, q.id) === made.contactFlowId)?.id : undefined;
    return queueId === undefined ? { task } : { task, queueId };
  };
}
