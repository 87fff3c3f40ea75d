// The CCP's task methods (what amazon-connect-streams and amazon-connect-taskjs send through the conduit): the task
// templates an agent picks from (listTaskTemplates, getTaskTemplate) now; creating, pausing, resuming and updating
// tasks join them as the routing engine's task channel does. Errors are EngineErrors, answered by CcpApi.

import { EngineError, invalidParameter } from '../routing/errors';
import type { Database } from '../store/database';
import { getTaskTemplate, listTaskTemplates } from '../store/task-template-repository';
import { summaryOf } from '../tasks/task-template-model';

type Params = Record<string, unknown>;

const objectOf = (value: unknown): Params => (typeof value === 'object' && value !== null ? (value as Params) : {});

/** TaskJS's listTaskTemplates allows at most 100 a page. */
const MAX_TEMPLATES = 100;

export const CCP_TASK_METHODS: ReadonlySet<string> = new Set(['listTaskTemplates', 'getTaskTemplate']);

export class CcpTaskApi {
  constructor(private readonly db: Database) {}

  handles(method: string): boolean {
    return CCP_TASK_METHODS.has(method);
  }

  call(_agentId: string, method: string, params: Params): unknown {
    switch (method) {
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
