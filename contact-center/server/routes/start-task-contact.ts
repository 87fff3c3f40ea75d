// Amazon Connect's StartTaskContact on its real route and shape (PUT /contact/task), for backends on the AWS SDK
// (its `endpoint` option pointed here; any credentials are accepted on loopback): a task routed through a flow id
// (one per queue, as for chats: GET /api/v1/instance lists them), a quick connect, or a task template's flow;
// with references, attributes, a schedule, a link to a previous or related contact, and a ClientToken that gives
// a retry the same contact (kept in SQLite, so also across restarts). Refusals in Connect's error shape.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import type { InstanceConfig, TaskReference } from '../../model';
import type { RoutingEngine, StartTaskInput } from '../../routing/engine';
import { TASK_LIMITS } from '../../routing/task-validation';
import { getContactRecord } from '../../store/contact-record-repository';
import type { Database } from '../../store/database';
import { countTasksWithPreviousContact, findTaskByClientToken, getStoredTask } from '../../store/task-repository';
import { AwsRequestError, useAwsShape } from './aws-shaped-scope';
import { flowIdOfQueue, instanceDescription } from './start-chat-contact';
import { applyStoredTaskTemplate, type TaskTemplateHook } from './start-task-template';

const Text = (field: string) => Type.String({ errorMessage: `${field} must be a string` });

const StartTask = Type.Object({
  InstanceId: Type.String({ errorMessage: 'InstanceId must be the instance id' }),
  Name: Type.String({ errorMessage: 'Name is required: the task name the agent sees' }),
  Description: Type.Optional(Text('Description')),
  ContactFlowId: Type.Optional(Type.String({ errorMessage: 'ContactFlowId must be a flow id (GET /api/v1/instance lists them)' })),
  QuickConnectId: Type.Optional(Text('QuickConnectId')),
  TaskTemplateId: Type.Optional(Text('TaskTemplateId')),
  References: Type.Optional(
    Type.Record(Type.String(), Type.Object({ Type: Text('a reference Type'), Value: Type.Optional(Text('a reference Value')) }, { errorMessage: 'reference "{key}" must be {"Type": …, "Value": …}' }), {
      errorMessage: 'References must be an object of {"Type", "Value"} by reference name',
    }),
  ),
  Attributes: Type.Optional(Type.Record(Type.String(), Type.String({ errorMessage: 'attribute "{key}" must have a string value' }), { errorMessage: 'Attributes must be an object of names and string values' })),
  ScheduledTime: Type.Optional(Type.Number({ errorMessage: 'ScheduledTime must be a time in epoch seconds' })),
  PreviousContactId: Type.Optional(Text('PreviousContactId')),
  RelatedContactId: Type.Optional(Text('RelatedContactId')),
  ClientToken: Type.Optional(Type.String({ maxLength: 500, errorMessage: 'ClientToken must be a string of at most 500 characters' })),
  SegmentAttributes: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { errorMessage: 'SegmentAttributes must be an object' })),
  Attachments: Type.Optional(Type.Array(Type.Unknown(), { errorMessage: 'Attachments must be a list' })),
});

export type StartTaskBody = Static<typeof StartTask>;

export interface StartTaskContactOptions {
  config: InstanceConfig;
  engine: RoutingEngine;
  db: Database;
  log: (line: string) => void;
  /** Applies a TaskTemplateId (fields, defaults, constraints, the template's flow); the stored templates' rules
   *  by default. */
  applyTaskTemplate?: TaskTemplateHook;
}

const invalid = (message: string) => new AwsRequestError(400, 'InvalidParameterException', message);

/** StartTaskContact's ScheduledTime is epoch seconds. */
const secondsToMs = (seconds: number | undefined) => (seconds === undefined ? undefined : Math.round(seconds * 1000));

/** connect:ContactExpiry's ExpiryDuration (minutes), when SegmentAttributes set it. */
function expiryMinutesOf(segmentAttributes: Record<string, unknown> | undefined): number | undefined {
  const expiry = segmentAttributes?.['connect:ContactExpiry'] as { ValueMap?: { ExpiryDuration?: { ValueInteger?: unknown } } } | undefined;
  if (expiry === undefined) return undefined;
  const minutes = expiry?.ValueMap?.ExpiryDuration?.ValueInteger;
  if (typeof minutes !== 'number') throw invalid('SegmentAttributes connect:ContactExpiry must be {"ValueMap": {"ExpiryDuration": {"ValueInteger": <minutes>}}}');
  return minutes;
}

function referencesOf(references: StartTaskBody['References']): Record<string, TaskReference> | undefined {
  if (references === undefined) return undefined;
  const out: Record<string, TaskReference> = {};
  for (const [name, reference] of Object.entries(references)) out[name] = { type: reference.Type as TaskReference['type'], value: reference.Value ?? '' };
  return out;
}

export const startTaskContactRoutes: FastifyPluginAsyncTypebox<StartTaskContactOptions> = async (app, options) => {
  const { config, engine, db, log } = options;
  const applyTaskTemplate = options.applyTaskTemplate ?? applyStoredTaskTemplate(db, config);
  useAwsShape(app, { validationType: 'InvalidRequestException', log, cors: false });

  /** The contact's attributes, when it is one of this instance's (in flight, recorded, or a scheduled task). */
  const attributesOfContact = (contactId: string): Record<string, string> | null => {
    if (engine.hasContact(contactId)) return engine.getContact(contactId).record.attributes;
    const record = getContactRecord(db, contactId);
    if (record) return record.attributes;
    return getStoredTask(db, contactId)?.attributes ?? null;
  };

  app.put('/contact/task', { schema: { body: StartTask } }, async (request) => {
    const body = request.body;
    if (body.InstanceId !== config.instanceId && body.InstanceId !== instanceDescription(config, '').InstanceArn) {
      throw new AwsRequestError(404, 'ResourceNotFoundException', `Instance ${body.InstanceId} does not exist.`);
    }
    // A retry of a task already created gets that task, whatever the time is now.
    const replayed = body.ClientToken ? findTaskByClientToken(db, body.ClientToken) : null;
    if (replayed) return { ContactId: replayed.contactId };

    const input: StartTaskInput = {
      name: body.Name,
      description: body.Description,
      references: referencesOf(body.References),
      attributes: body.Attributes,
      scheduledTime: secondsToMs(body.ScheduledTime),
      clientToken: body.ClientToken,
      expiryMinutes: expiryMinutesOf(body.SegmentAttributes),
    };
    if (body.ContactFlowId !== undefined && body.QuickConnectId !== undefined) {
      throw invalid('Give one of ContactFlowId, QuickConnectId or TaskTemplateId: more than one leaves the flow to run ambiguous.');
    }
    // A template fills the task from its fields and defaults; its flow routes the task unless the request names one.
    const fromTemplate = body.TaskTemplateId === undefined ? undefined : applyTaskTemplate(body.TaskTemplateId, body, engine.clock.now());
    if (fromTemplate) Object.assign(input, fromTemplate.task);
    if (body.ContactFlowId !== undefined) {
      const queue = config.queues.find((q) => flowIdOfQueue(config, q.id) === body.ContactFlowId);
      if (!queue) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact flow ${body.ContactFlowId} does not exist in this instance.`);
      input.queueId = queue.id;
      delete input.quickConnectId;
    } else if (input.quickConnectId === undefined && body.QuickConnectId !== undefined) {
      input.quickConnectId = body.QuickConnectId.split('/').pop();
    } else if (input.quickConnectId === undefined && fromTemplate?.queueId !== undefined) {
      input.queueId = fromTemplate.queueId;
    }
    if (input.queueId === undefined && input.quickConnectId === undefined) {
      throw invalid(body.TaskTemplateId ? `Task template ${body.TaskTemplateId} has no flow: give a ContactFlowId or QuickConnectId.` : 'Give a ContactFlowId or QuickConnectId (or a TaskTemplateId with a flow) to route the task.');
    }
    if (body.PreviousContactId !== undefined && body.RelatedContactId !== undefined) throw invalid('Give PreviousContactId or RelatedContactId, not both.');
    if (body.PreviousContactId !== undefined) {
      if (attributesOfContact(body.PreviousContactId) === null) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact ${body.PreviousContactId} does not exist in this instance.`);
      if (countTasksWithPreviousContact(db, body.PreviousContactId) >= TASK_LIMITS.tasksPerPreviousContact) {
        throw new AwsRequestError(402, 'ServiceQuotaExceededException', `Contact ${body.PreviousContactId} is already the PreviousContactId of ${TASK_LIMITS.tasksPerPreviousContact} tasks, the most Connect allows.`);
      }
      input.previousContactId = body.PreviousContactId;
    }
    if (body.RelatedContactId !== undefined) {
      const related = attributesOfContact(body.RelatedContactId);
      if (related === null) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact ${body.RelatedContactId} does not exist in this instance.`);
      // A related contact's attributes are copied; the request's own win.
      input.attributes = { ...related, ...input.attributes };
      input.relatedContactId = body.RelatedContactId;
    }
    const started = engine.startTask(input);
    const when = started.scheduledTime === null ? 'now' : `at ${new Date(started.scheduledTime).toISOString()}`;
    log(`task ${started.contactId} started by StartTaskContact, routed ${when}`);
    return { ContactId: started.contactId };
  });
};
