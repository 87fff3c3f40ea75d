// Cases' domain model operations: ListTemplates, GetTemplate (with this service's two additions: `fields`, the
// template's fields in display order, and `attributeMapping`, contact attribute → field id), CreateTemplate,
// GetLayout, ListFields, BatchGetField, ListFieldOptions, and the domain itself (GetDomain, ListDomains).
import { randomUUID } from 'node:crypto';
import { customerProfilesDomainName } from '../profiles/profile-model';
import {
  type CaseTemplate,
  caseFieldOptions,
  caseTemplateNameTaken,
  getCaseField,
  getCaseLayout,
  getCaseTemplate,
  insertCaseTemplate,
  listCaseFields,
  listCaseTemplates,
  templateFieldIds,
} from '../store/cases-repository-templates';
import { type CasesContext, knownFields } from './case-operations';
import { conflict, LIMITS, notFound, pageStart, pageToken, validation } from './cases-model';

/** The page of `items` from a list request's nextToken, and the token of the next page. */
function page<T>(items: readonly T[], maxResults: number | undefined, nextToken: string | undefined, request: unknown): { slice: T[]; nextToken?: string } {
  const start = pageStart(nextToken, request);
  const end = start + (maxResults ?? LIMITS.listMaxResults);
  return { slice: items.slice(start, end), ...(end < items.length ? { nextToken: pageToken(end, request) } : {}) };
}

const TEMPLATE_STATUSES = ['Active', 'Inactive'];

export function listTemplates(context: CasesContext, query: { maxResults?: number; nextToken?: string; status?: string[] }) {
  const statuses = query.status ?? [];
  if (statuses.length > 2 || statuses.some((s) => !TEMPLATE_STATUSES.includes(s))) throw validation('status takes one or two of Active, Inactive.');
  const templates = listCaseTemplates(context.db, statuses).map((t) => ({ templateId: t.id, templateArn: context.arns.template(t.id), name: t.name, status: t.status }));
  const { slice, nextToken } = page(templates, query.maxResults, query.nextToken, { status: statuses });
  return { templates: slice, ...(nextToken ? { nextToken } : {}) };
}

function templateWire(context: CasesContext, t: CaseTemplate) {
  return {
    templateId: t.id,
    templateArn: context.arns.template(t.id),
    name: t.name,
    description: t.description,
    status: t.status,
    ...(t.layoutId ? { layoutConfiguration: { defaultLayout: t.layoutId } } : {}),
    requiredFields: t.requiredFieldIds.map((fieldId) => ({ fieldId })),
    tags: {},
    deleted: t.deleted,
    createdTime: t.createdAt,
    lastModifiedTime: t.lastModifiedAt,
    rules: [],
    // This service's additions: the template's fields (its layout's and its required ones) and the contact
    // attributes that fill a new case's fields.
    fields: templateFieldIds(context.db, t).map((id) => ({ id })),
    attributeMapping: t.attributeMapping,
  };
}

export function getTemplate(context: CasesContext, templateId: string) {
  const template = getCaseTemplate(context.db, templateId);
  if (!template) throw notFound('Template', templateId, `Template ${templateId} does not exist in this domain.`);
  return templateWire(context, template);
}

export interface CreateTemplateInput {
  name: string;
  description?: string;
  layoutConfiguration?: { defaultLayout?: string };
  requiredFields?: { fieldId: string }[];
  status?: string;
  attributeMapping?: Record<string, string>;
}

export function createTemplate(context: CasesContext, input: CreateTemplateInput): { templateId: string; templateArn: string } {
  if (caseTemplateNameTaken(context.db, input.name)) throw conflict(`A template named ${JSON.stringify(input.name)} already exists in this domain.`);
  const layoutId = input.layoutConfiguration?.defaultLayout ?? null;
  if (layoutId !== null && !getCaseLayout(context.db, layoutId)) throw validation(`layoutConfiguration.defaultLayout names layout ${layoutId}, which does not exist in this domain.`);
  const required = knownFields(context, (input.requiredFields ?? []).map((f) => f.fieldId), 'requiredFields');
  const mapping = input.attributeMapping ?? {};
  knownFields(context, [...new Set(Object.values(mapping))], 'attributeMapping');
  const at = new Date(context.now()).toISOString();
  const id = randomUUID();
  insertCaseTemplate(context.db, {
    id,
    name: input.name,
    description: input.description ?? '',
    status: input.status === 'Inactive' ? 'Inactive' : 'Active',
    layoutId,
    requiredFieldIds: required.map((f) => f.id),
    attributeMapping: mapping,
    deleted: false,
    createdAt: at,
    lastModifiedAt: at,
  });
  return { templateId: id, templateArn: context.arns.template(id) };
}

export function getLayout(context: CasesContext, layoutId: string) {
  const layout = getCaseLayout(context.db, layoutId);
  if (!layout) throw notFound('Layout', layoutId, `Layout ${layoutId} does not exist in this domain.`);
  return {
    layoutId: layout.id,
    layoutArn: context.arns.layout(layout.id),
    name: layout.name,
    content: layout.content,
    tags: {},
    deleted: false,
    createdTime: layout.createdAt,
    lastModifiedTime: layout.lastModifiedAt,
  };
}

export function listFields(context: CasesContext, query: { maxResults?: number; nextToken?: string }) {
  const fields = listCaseFields(context.db).map((f) => ({ fieldId: f.id, fieldArn: context.arns.field(f.id), name: f.name, type: f.type, namespace: f.namespace }));
  const { slice, nextToken } = page(fields, query.maxResults, query.nextToken, {});
  return { fields: slice, ...(nextToken ? { nextToken } : {}) };
}

export function batchGetField(context: CasesContext, ids: string[]) {
  const fields: Record<string, unknown>[] = [];
  const errors: { id: string; errorCode: string; message: string }[] = [];
  for (const id of ids) {
    const field = getCaseField(context.db, id);
    if (!field) {
      errors.push({ id, errorCode: 'NotFound', message: `Field ${id} does not exist in this domain.` });
      continue;
    }
    fields.push({
      fieldId: field.id,
      fieldArn: context.arns.field(field.id),
      name: field.name,
      type: field.type,
      namespace: field.namespace,
      description: field.description,
      tags: {},
      deleted: false,
      createdTime: field.createdAt,
      lastModifiedTime: field.lastModifiedAt,
    });
  }
  return { fields, errors };
}

export function listFieldOptions(context: CasesContext, fieldId: string, query: { maxResults?: number; nextToken?: string; values?: string[] }) {
  const field = getCaseField(context.db, fieldId);
  if (!field) throw notFound('Field', fieldId, `Field ${fieldId} does not exist in this domain.`);
  const values = query.values ?? [];
  if (values.length > 1) throw validation('values takes at most one option value.');
  const options = caseFieldOptions(context.db, fieldId).filter((o) => values.length === 0 || values.includes(o.value));
  const { slice, nextToken } = page(options, query.maxResults, query.nextToken, { fieldId, values });
  return { options: slice.map((o) => ({ name: o.name, value: o.value, active: o.active })), ...(nextToken ? { nextToken } : {}) };
}

export function domainSummary(context: CasesContext) {
  return { domainId: context.arns.domainId, domainArn: context.arns.domain, name: customerProfilesDomainName(context.config) };
}

export function getDomain(context: CasesContext) {
  const system = getCaseField(context.db, 'title');
  return { ...domainSummary(context), createdTime: system?.createdAt ?? new Date(0).toISOString(), domainStatus: 'Active', tags: {} };
}
