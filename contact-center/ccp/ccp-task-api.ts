// The CCP's task methods (what amazon-connect-streams and amazon-connect-taskjs send through the conduit): creating
// a task (createTaskContact, createTemplatedTask), pausing and resuming one, and the task templates an agent picks
// from (listTaskTemplates, getTaskTemplate). Errors are EngineErrors, answered by CcpApi.

import { randomUUID } from 'node:crypto';
import type { RoutingEngine } from '../routing/engine';
import type { TaskEngineEvent } from '../routing/task-types';
import { EngineError, invalidParameter } from '../routing/errors';
import type { Database } from '../store/database';
import { getTaskTemplate, listTaskTemplates } from '../store/task-template-repository';
import { summaryOf } from '../tasks/task-template-model';
import { plainTaskInput, referencesOf, templatedTaskInput } from './ccp-task-requests';
import type { Arns } from './snapshot';

type Params = Record<string, unknown>;

const objectOf = (value: unknown): Params => (typeof value === 'object' && value !== null ? (value as Params) : {});

/** TaskJS's listTaskTemplates allows at most 100 a page. */
const MAX_TEMPLATES = 100;

export const CCP_TASK_METHODS: ReadonlySet<string> = new Set([
  'createTaskContact',
  'createTemplatedTask',
  'pauseContact',
  'resumeContact',
  'updateContact',
  'listTaskTemplates',
  'getTaskTemplate',
]);

const text = (params: Params, ...keys: string[]): string => {
  for (const key of keys) {
    const value = params[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  throw invalidParameter(`${keys[0]} is required`);
};

export class CcpTaskApi {
  constructor(
    private readonly db: Database,
    private readonly engine: RoutingEngine,
    private readonly arns: Arns,
  ) {}

  handles(method: string): boolean {
    return CCP_TASK_METHODS.has(method);
  }

  call(agentId: string, method: string, params: Params): unknown {
    switch (method) {
      case 'createTaskContact':
        return { contactId: this.engine.startTask(plainTaskInput(this.arns, params)).contactId };
      case 'createTemplatedTask': {
        const selfQuickConnect = this.engine.instance.quickConnects.find((qc) => qc.kind === 'agent' && qc.agentId === agentId);
        const input = templatedTaskInput(params, {
          config: this.engine.instance,
          now: this.engine.clock.now(),
          selfQuickConnectId: selfQuickConnect?.id ?? null,
          template: (id) => getTaskTemplate(this.db, id),
        });
        const { contactId } = this.engine.startTask(input);
        return { contactId, ContactId: contactId };
      }
      case 'pauseContact':
        this.engine.pauseTask(agentId, text(params, 'contactId', 'ContactId'));
        return {};
      case 'resumeContact':
        this.engine.resumeTask(agentId, text(params, 'contactId', 'ContactId'));
        return {};
      case 'updateContact':
        // TaskJS's agent.updateContact capitalizes the keys: {ContactId, Name?, Description?, References?}.
        this.engine.updateTask(agentId, text(params, 'ContactId', 'contactId'), {
          name: params.Name,
          description: params.Description,
          references: params.References === undefined ? undefined : referencesOf(params.References),
        });
        return {};
      case 'listTaskTemplates':
        return this.listTemplates(objectOf(params.queryParams));
      case 'getTaskTemplate':
        return this.getTemplate(objectOf(params.templateParams));
      default:
        throw new EngineError('InvalidParameterException', `the local contact center does not support ${method}`);
    }
  }

  /** `{TaskTemplates, NextToken}`: the templates in the status asked for. The status is compared as sent, as
   *  Connect does: a lower-case 'active' finds none (taskjs issue 34). */
  private listTemplates(query: Params): unknown {
    const status = query.status ?? query.Status;
    if (status !== undefined && typeof status !== 'string') throw invalidParameter('status must be ACTIVE or INACTIVE');
    const max = query.maxResults ?? query.MaxResults ?? MAX_TEMPLATES;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_TEMPLATES) throw invalidParameter(`maxResults must be a whole number from 1 to ${MAX_TEMPLATES}`);
    const templates = listTaskTemplates(this.db).filter((template) => status === undefined || template.Status === status);
    return { TaskTemplates: templates.slice(0, max).map(summaryOf), NextToken: null };
  }

  /** The template as GetTaskTemplate answers it (fields, constraints, defaults). */
  private getTemplate(params: Params): unknown {
    const id = params.id ?? params.Id;
    if (typeof id !== 'string' || id === '') throw invalidParameter('templateParams.id is required');
    // An ARN is accepted as well as the id, as Connect's API takes either.
    const template = getTaskTemplate(this.db, id.split('/').pop() ?? id);
    if (!template) throw new EngineError('ResourceNotFoundException', `task template ${id} does not exist`);
    return template;
  }
}

const TASK_EVENT_CONTENT_TYPES = {
  'transfer-initiated': 'application/vnd.amazonaws.connect.event.transfer.initiated',
  'transfer-succeeded': 'application/vnd.amazonaws.connect.event.transfer.succeeded',
  expiring: 'application/vnd.amazonaws.connect.event.expire.warning',
  expired: 'application/vnd.amazonaws.connect.event.expire.complete',
} as const;

/** An aws/task item as TaskJS's TaskSession reads it: an EVENT with the contact's ids (it routes by either). */
export function taskEventItem(event: Exclude<TaskEngineEvent, { type: 'stored' }>, now: number) {
  return {
    Type: 'EVENT',
    ContentType: TASK_EVENT_CONTENT_TYPES[event.type],
    Id: randomUUID(),
    InitialContactId: event.initialContactId,
    ContactId: event.contactId,
    AbsoluteTime: new Date(now).toISOString(),
  };
}

