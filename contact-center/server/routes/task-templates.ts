// Amazon Connect's task template API on its real routes and shapes, for admins and backends on the AWS SDK:
// ListTaskTemplates and CreateTaskTemplate (GET / PUT /instance/{InstanceId}/task/template), GetTaskTemplate and
// UpdateTaskTemplate (GET / POST /instance/{InstanceId}/task/template/{TaskTemplateId}). A template that breaks
// Connect's rules is refused with a 400 PropertyValidationException listing every problem (its PropertyList).

import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { InstanceConfig } from '../../model';
import type { Database } from '../../store/database';
import { getTaskTemplate, getTaskTemplateByClientToken, insertTaskTemplate, listTaskTemplates, taskTemplateNames, updateTaskTemplate } from '../../store/task-template-repository';
import { checkTemplateDefinition, type DefinitionContext, type PropertyProblem, type TaskTemplateInput } from '../../tasks/task-template-definition';
import { summaryOf, taskTemplateArn, type TaskTemplate } from '../../tasks/task-template-model';
import { AwsRequestError, useAwsShape } from './aws-shaped-scope';
import { flowIdOfQueue, instanceDescription } from './start-chat-contact';

export interface TaskTemplateRoutesOptions {
  config: InstanceConfig;
  db: Database;
  /** Epoch milliseconds. */
  now: () => number;
  log: (line: string) => void;
}

const FieldId = Type.Object({ Name: Type.String({ errorMessage: 'a field Id must have a Name' }) }, { errorMessage: 'a field Id must be {"Name": "<field name>"}' });
const FieldReferences = Type.Array(Type.Object({ Id: FieldId }), { errorMessage: 'a constraint list must be a list of {"Id": {"Name": "<field name>"}}' });
const TemplateParts = {
  Description: Type.Optional(Type.String({ errorMessage: 'Description must be a string' })),
  ContactFlowId: Type.Optional(Type.String({ errorMessage: 'ContactFlowId must be a flow id (GET /api/v1/instance lists them)' })),
  SelfAssignFlowId: Type.Optional(Type.String({ errorMessage: 'SelfAssignFlowId must be a flow id' })),
  Constraints: Type.Optional(
    Type.Object(
      { RequiredFields: Type.Optional(FieldReferences), ReadOnlyFields: Type.Optional(FieldReferences), InvisibleFields: Type.Optional(FieldReferences) },
      { errorMessage: 'Constraints must be an object with RequiredFields, ReadOnlyFields and InvisibleFields lists' },
    ),
  ),
  Defaults: Type.Optional(
    Type.Object(
      { DefaultFieldValues: Type.Optional(Type.Array(Type.Object({ Id: FieldId, DefaultValue: Type.String({ errorMessage: 'a DefaultValue must be a string' }) }))) },
      { errorMessage: 'Defaults must be {"DefaultFieldValues": [{"Id": {"Name": …}, "DefaultValue": "…"}]}' },
    ),
  ),
  Status: Type.Optional(Type.String({ errorMessage: 'Status must be ACTIVE or INACTIVE' })),
  Fields: Type.Array(
    Type.Object({
      Id: FieldId,
      Description: Type.Optional(Type.String({ errorMessage: 'a field Description must be a string' })),
      Type: Type.Optional(Type.String({ errorMessage: 'a field Type must be a string such as TEXT' })),
      SingleSelectOptions: Type.Optional(Type.Array(Type.String(), { errorMessage: 'SingleSelectOptions must be a list of strings' })),
    }),
    { errorMessage: 'Fields must be a list of {"Id": {"Name": …}, "Type": …}' },
  ),
};
const CreateTemplate = Type.Object({
  Name: Type.String({ errorMessage: 'Name must be the template name' }),
  ...TemplateParts,
  ClientToken: Type.Optional(Type.String({ errorMessage: 'ClientToken must be a string' })),
});
const UpdateTemplate = Type.Object({
  Name: Type.Optional(Type.String({ errorMessage: 'Name must be the template name' })),
  ...TemplateParts,
  Fields: Type.Optional(TemplateParts.Fields),
});
const InstanceParams = Type.Object({ InstanceId: Type.String() });
const TemplateParams = Type.Object({ InstanceId: Type.String(), TaskTemplateId: Type.String() });
const ListQuery = Type.Object({
  nextToken: Type.Optional(Type.String()),
  maxResults: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, errorMessage: 'maxResults must be a whole number from 1 to 100' })),
  status: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});
const GetQuery = Type.Object({ snapshotVersion: Type.Optional(Type.String()) });

const DEFAULT_PAGE_SIZE = 100;

/** PropertyValidationException as Connect sends it: the SDK parses Message and PropertyList. */
function sendPropertyProblems(reply: FastifyReply, problems: PropertyProblem[]) {
  const message = problems.map((problem) => problem.Message).join(' ');
  return reply.code(400).header('x-amzn-errortype', 'PropertyValidationException').send({ __type: 'PropertyValidationException', Message: message, message, PropertyList: problems });
}

function pageStart(nextToken: string | undefined): number {
  if (nextToken === undefined) return 0;
  const start = Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw new AwsRequestError(400, 'InvalidParameterException', 'nextToken is not one this server gave.');
  return start;
}

export const taskTemplateRoutes: FastifyPluginAsyncTypebox<TaskTemplateRoutesOptions> = async (app, { config, db, now, log }) => {
  useAwsShape(app, { validationType: 'InvalidRequestException', log, cors: false });
  const instanceArn = instanceDescription(config, '').InstanceArn;
  const assertInstance = (instanceId: string) => {
    if (instanceId !== config.instanceId && instanceId !== instanceArn) throw new AwsRequestError(404, 'ResourceNotFoundException', `Instance ${instanceId} does not exist.`);
  };
  const templateOf = (id: string): TaskTemplate => {
    const template = getTaskTemplate(db, id);
    if (!template) throw new AwsRequestError(404, 'ResourceNotFoundException', `Task template ${id} does not exist in this instance.`);
    return template;
  };
  const context = (exceptId?: string): DefinitionContext => ({
    flowIds: new Set(config.queues.map((queue) => flowIdOfQueue(config, queue.id))),
    quickConnectIds: new Set(config.quickConnects.map((quickConnect) => quickConnect.id)),
    takenNames: taskTemplateNames(db, exceptId),
  });

  app.get('/instance/:InstanceId/task/template', { schema: { params: InstanceParams, querystring: ListQuery } }, async (request) => {
    assertInstance(request.params.InstanceId);
    const { status, name, maxResults = DEFAULT_PAGE_SIZE } = request.query;
    const wanted = name?.toLowerCase();
    // Status is compared as sent: Connect answers a lower-case status with no templates (taskjs #34), so does this.
    const matching = listTaskTemplates(db).filter((template) => (status === undefined || template.Status === status) && (wanted === undefined || template.Name.toLowerCase().includes(wanted)));
    const start = pageStart(request.query.nextToken);
    const end = start + maxResults;
    return {
      TaskTemplates: matching.slice(start, end).map(summaryOf),
      ...(end < matching.length ? { NextToken: Buffer.from(String(end)).toString('base64url') } : {}),
    };
  });

  app.get('/instance/:InstanceId/task/template/:TaskTemplateId', { schema: { params: TemplateParams, querystring: GetQuery } }, async (request) => {
    assertInstance(request.params.InstanceId);
    // Templates here have no saved versions: every snapshotVersion is the current one.
    return templateOf(request.params.TaskTemplateId);
  });

  app.put('/instance/:InstanceId/task/template', { schema: { params: InstanceParams, body: CreateTemplate } }, async (request, reply) => {
    assertInstance(request.params.InstanceId);
    const { ClientToken, ...input } = request.body;
    const replayed = ClientToken === undefined ? null : getTaskTemplateByClientToken(db, ClientToken);
    if (replayed) return { Id: replayed.Id, Arn: replayed.Arn };
    const checked = checkTemplateDefinition(input, context());
    if (!checked.ok) return sendPropertyProblems(reply, checked.problems);
    const id = randomUUID();
    const stored = insertTaskTemplate(db, { id, arn: taskTemplateArn(config, id), instanceId: config.instanceId, definition: checked.definition, createdAt: now(), ...(ClientToken === undefined ? {} : { clientToken: ClientToken }) });
    log(`task template "${stored.Name}" created (${stored.Id})`);
    return { Id: stored.Id, Arn: stored.Arn };
  });

  app.post('/instance/:InstanceId/task/template/:TaskTemplateId', { schema: { params: TemplateParams, body: UpdateTemplate } }, async (request, reply) => {
    assertInstance(request.params.InstanceId);
    const current = templateOf(request.params.TaskTemplateId);
    // What the request leaves out keeps its current value, as UpdateTaskTemplate does.
    const merged: TaskTemplateInput = { ...current, ...request.body };
    const checked = checkTemplateDefinition(merged, context(current.Id));
    if (!checked.ok) return sendPropertyProblems(reply, checked.problems);
    const updated = updateTaskTemplate(db, current.Id, checked.definition, now());
    if (!updated) throw new AwsRequestError(404, 'ResourceNotFoundException', `Task template ${current.Id} does not exist in this instance.`);
    log(`task template "${updated.Name}" updated (${updated.Id})`);
    return updated;
  });
};
