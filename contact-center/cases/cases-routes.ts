// Amazon Connect Cases on its public REST routes and shapes, below /cases-api (the AWS SDK's endpoint
// `<baseUrl>/cases-api` reaches `/cases-api/domains/{domainId}/…`): SearchCases, CreateCase, GetCase, UpdateCase,
// CreateRelatedItem, SearchRelatedItems, ListTemplates, GetTemplate, CreateTemplate, GetLayout, ListFields,
// BatchGetField, ListFieldOptions, GetDomain and ListDomains. Every refusal is in restJson1's error shape
// (x-amzn-errortype and {message}); callers are checked first (cases-access.ts).
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InstanceConfig } from '../model';
import { asAwsError } from '../server/routes/aws-shaped-scope';
import type { SessionStore } from '../server/sessions';
import type { Database } from '../store/database';
import { answerPreflight, callerOf, casesGuard } from './cases-access';
import { CasesError, notFound } from './cases-model';
import { casesContext, createCase, getCase, updateCaseFields } from './case-operations';
import { searchCases } from './case-search';
import {
  BatchGetFieldBody,
  CaseParams,
  CreateCaseBody,
  CreateRelatedItemBody,
  CreateTemplateBody,
  DomainParams,
  FieldParams,
  GetCaseBody,
  LayoutParams,
  ListFieldOptionsQuery,
  listOf,
  ListQuery,
  ListTemplatesQuery,
  SearchCasesBody,
  SearchRelatedItemsBody,
  TemplateParams,
  UpdateCaseBody,
} from './cases-schemas';
import { createRelatedItem, searchCaseRelatedItems } from './related-item-operations';
import { batchGetField, createTemplate, domainSummary, getDomain, getLayout, getTemplate, listFieldOptions, listFields, listTemplates } from './template-operations';

export interface CasesRoutesOptions {
  db: Database;
  config: InstanceConfig;
  sessions: SessionStore;
  /** Epoch milliseconds. */
  now: () => number;
  log: (line: string) => void;
}

function sendCasesError(reply: FastifyReply, error: unknown, log: (line: string) => void, request: FastifyRequest): void {
  const known = asAwsError(error, 'ValidationException');
  if (known === null) log(`internal error on ${request.method} ${request.url}: ${(error as Error).message}`);
  const { status, type, message } = known ?? { status: 500, type: 'InternalServerException', message: 'internal error in the local contact center' };
  const resource = error instanceof CasesError ? error.resource : undefined;
  void reply
    .code(status)
    .header('x-amzn-errortype', type)
    .send({ message, ...resource });
}

const ROUTES = {
  domains: '/domains-list',
  domain: '/domains/:domainId',
  searchCases: '/domains/:domainId/cases-search',
  cases: '/domains/:domainId/cases',
  case: '/domains/:domainId/cases/:caseId',
  relatedItems: '/domains/:domainId/cases/:caseId/related-items',
  searchRelatedItems: '/domains/:domainId/cases/:caseId/related-items-search',
  listTemplates: '/domains/:domainId/templates-list',
  templates: '/domains/:domainId/templates',
  template: '/domains/:domainId/templates/:templateId',
  layout: '/domains/:domainId/layouts/:layoutId',
  listFields: '/domains/:domainId/fields-list',
  batchGetField: '/domains/:domainId/fields-batch',
  fieldOptions: '/domains/:domainId/fields/:fieldId/options-list',
} as const;

export const casesRoutes: FastifyPluginAsyncTypebox<CasesRoutesOptions> = async (app, options) => {
  const { db, config, sessions, now, log } = options;
  const context = casesContext(db, config, now);
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('x-amzn-requestid', randomUUID());
  });
  app.addHook('onRequest', casesGuard(sessions));
  app.setErrorHandler((error, request, reply) => sendCasesError(reply, error, log, request));
  app.setNotFoundHandler(async (request) => {
    throw new CasesError(404, 'UnknownOperationException', `Cases has no operation at ${request.method} ${request.url.split('?')[0]}.`);
  });
  for (const url of Object.values(ROUTES)) app.options(url, answerPreflight);

  const domain = (domainId: string) => {
    if (domainId !== context.arns.domainId) throw notFound('Domain', domainId, `Cases domain ${domainId} does not exist (this instance's is ${context.arns.domainId}).`);
  };
  const agentOf = (request: FastifyRequest) => {
    const caller = callerOf(request);
    return caller.kind === 'agent' ? caller.agentId : null;
  };

  app.post(ROUTES.domains, async () => ({ domains: [domainSummary(context)] }));
  app.post(ROUTES.domain, { schema: { params: DomainParams } }, async (request) => {
    domain(request.params.domainId);
    return getDomain(context);
  });

  app.post(ROUTES.searchCases, { schema: { params: DomainParams, body: SearchCasesBody } }, async (request) => {
    domain(request.params.domainId);
    return searchCases(context, request.body);
  });
  app.post(ROUTES.cases, { schema: { params: DomainParams, body: CreateCaseBody } }, async (request) => {
    domain(request.params.domainId);
    const created = createCase(context, request.body);
    log(`cases: case ${created.caseId} created by ${agentOf(request) ?? 'a backend'}`);
    return created;
  });
  app.post(ROUTES.case, { schema: { params: CaseParams, body: GetCaseBody } }, async (request) => {
    domain(request.params.domainId);
    return getCase(context, { caseId: request.params.caseId, ...request.body });
  });
  app.put(ROUTES.case, { schema: { params: CaseParams, body: UpdateCaseBody } }, async (request) => {
    domain(request.params.domainId);
    return updateCaseFields(context, request.params.caseId, request.body.fields);
  });
  app.post(ROUTES.relatedItems, { schema: { params: CaseParams, body: CreateRelatedItemBody } }, async (request) => {
    domain(request.params.domainId);
    return createRelatedItem(context, { caseId: request.params.caseId, ...request.body, agentId: agentOf(request) });
  });
  app.post(ROUTES.searchRelatedItems, { schema: { params: CaseParams, body: SearchRelatedItemsBody } }, async (request) => {
    domain(request.params.domainId);
    return searchCaseRelatedItems(context, { caseId: request.params.caseId, ...request.body });
  });

  // The list operations take their parameters in the query string, as Cases does; a body is ignored.
  app.post(ROUTES.listTemplates, { schema: { params: DomainParams, querystring: ListTemplatesQuery } }, async (request) => {
    domain(request.params.domainId);
    return listTemplates(context, { ...request.query, status: listOf(request.query.status) });
  });
  app.post(ROUTES.templates, { schema: { params: DomainParams, body: CreateTemplateBody } }, async (request) => {
    domain(request.params.domainId);
    return createTemplate(context, request.body);
  });
  app.post(ROUTES.template, { schema: { params: TemplateParams } }, async (request) => {
    domain(request.params.domainId);
    return getTemplate(context, request.params.templateId);
  });
  app.post(ROUTES.layout, { schema: { params: LayoutParams } }, async (request) => {
    domain(request.params.domainId);
    return getLayout(context, request.params.layoutId);
  });
  app.post(ROUTES.listFields, { schema: { params: DomainParams, querystring: ListQuery } }, async (request) => {
    domain(request.params.domainId);
    return listFields(context, request.query);
  });
  app.post(ROUTES.batchGetField, { schema: { params: DomainParams, body: BatchGetFieldBody } }, async (request) => {
    domain(request.params.domainId);
    return batchGetField(context, request.body.fields.map((f) => f.id));
  });
  app.post(ROUTES.fieldOptions, { schema: { params: FieldParams, querystring: ListFieldOptionsQuery } }, async (request) => {
    domain(request.params.domainId);
    return listFieldOptions(context, request.params.fieldId, { ...request.query, values: listOf(request.query.values) });
  });
};
