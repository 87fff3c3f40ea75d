// The engine's answers to the workspace's case requests, on Cases' public operations: a customer's cases (their
// customer_id is the profile's ARN), one case with its fields and activity feed (related items: contacts and
// comments, newest first), create from a template, update, comment, link a contact (its ARN in the instance),
// and the case templates with their fields, options and the contact-attribute mapping that pre-fills them.
import { CASE_SUMMARY_FIELDS, CasesCallError, type CasesClient, fieldMap, fieldValue, type RelatedItemWire } from './cases-client';
import type { CaseActivity, CaseDetail, CaseFieldDefinition, CaseSummary, CaseTemplate, WorkspaceAnswer, WorkspaceRequest } from './workspace-requests';

export type CaseRequest = Extract<WorkspaceRequest, { op: `case-${string}` | 'cases-of-profile' }>;

export interface CaseRequestContext {
  client: CasesClient;
  instanceArn: string;
  /** The Customer Profiles domain (a profile's ARN names it). */
  profilesDomain(): Promise<string>;
  /** The session command's id: CreateCase's clientToken, so a command sent again creates one case. */
  commandId?: string;
}

const FIELD_TYPES = new Set(['Text', 'Number', 'Boolean', 'DateTime', 'SingleSelect', 'Url', 'User']);
/** System fields the agent does not fill in a case form. */
const SYSTEM_FIELDS = new Set<string>([...CASE_SUMMARY_FIELDS, 'case_reason', 'assigned_queue', 'assigned_user', 'last_closed_datetime']);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `arn:aws:profile:<region>:<account>:domains/<domain>/profiles/<id>` from the instance's region and account. */
export function profileArn(instanceArn: string, domain: string, profileId: string): string {
  const [, partition = 'aws', , region = '', account = ''] = instanceArn.split(':');
  return `arn:${partition}:profile:${region}:${account}:domains/${domain}/profiles/${profileId}`;
}

export const contactArn = (instanceArn: string, contactId: string) => `${instanceArn}/contact/${contactId}`;

const asText = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

function summaryOf(caseId: string, fields: Record<string, unknown>): CaseSummary {
  return {
    caseId,
    referenceNumber: asText(fields.reference_number),
    title: asText(fields.title),
    status: asText(fields.status),
    updatedAt: typeof fields.last_updated_datetime === 'string' ? fields.last_updated_datetime : null,
  };
}

/** A related contact's durations (Cases' seconds), named as the panel shows them; a missing or bad one left out. */
const CONTACT_DURATIONS = [
  ['queueDuration', 'queueSeconds'],
  ['customerHoldDuration', 'holdSeconds'],
  ['agentInteractionDuration', 'talkSeconds'],
  ['afterContactWorkDuration', 'afterContactWorkSeconds'],
] as const;

function contactDetails(contact: Record<string, unknown>): Partial<CaseActivity> {
  const details: Partial<CaseActivity> = {};
  if (typeof contact.channel === 'string') details.channel = contact.channel;
  if (typeof contact.disconnectTime === 'string') details.endedAt = contact.disconnectTime;
  for (const [wire, name] of CONTACT_DURATIONS) {
    const seconds = contact[wire];
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) details[name] = seconds;
  }
  return details;
}

/** The activity feed, newest first: contacts (the contact id from its ARN, with its channel, and its end and
 *  durations once it ended) and comments. */
export function activityOf(items: RelatedItemWire[]): CaseActivity[] {
  const feed: CaseActivity[] = [];
  for (const item of items) {
    const content = isRecord(item.content) ? item.content : {};
    if (isRecord(content.contact)) {
      const arn = asText(content.contact.contactArn);
      feed.push({ kind: 'contact', at: item.associationTime, contactId: arn.split('/contact/')[1] ?? arn, ...contactDetails(content.contact) });
    } else if (isRecord(content.comment)) {
      feed.push({ kind: 'comment', at: item.associationTime, body: asText(content.comment.body) });
    }
  }
  return feed.sort((a, b) => b.at.localeCompare(a.at));
}

/** The field ids of a layout (GetLayout's content.basic: the top panel's, then More info's sections), in order. */
export function layoutFieldIds(layout: Record<string, unknown>): string[] {
  const basic = isRecord(layout.content) && isRecord(layout.content.basic) ? layout.content.basic : {};
  const ids: string[] = [];
  for (const panel of [basic.topPanel, basic.moreInfo]) {
    const sections = isRecord(panel) && Array.isArray(panel.sections) ? panel.sections : [];
    for (const section of sections) {
      const group = isRecord(section) && isRecord(section.fieldGroup) ? section.fieldGroup : null;
      for (const field of Array.isArray(group?.fields) ? group.fields : []) if (isRecord(field) && typeof field.id === 'string') ids.push(field.id);
    }
  }
  return ids;
}

/**
 * The template's field ids, as Amazon Connect's agent workspace shows a case: the fields of its default layout
 * (GetLayout), then its required fields; a template without a layout, its required fields and those it lists.
 */
async function templateFieldIds(client: CasesClient, template: Record<string, unknown>): Promise<string[]> {
  const ids = new Set<string>();
  const layoutId = isRecord(template.layoutConfiguration) ? template.layoutConfiguration.defaultLayout : undefined;
  if (typeof layoutId === 'string' && layoutId) for (const id of layoutFieldIds(await client.getLayout(layoutId))) ids.add(id);
  if (Array.isArray(template.requiredFields)) for (const f of template.requiredFields) if (isRecord(f) && typeof f.fieldId === 'string') ids.add(f.fieldId);
  if (ids.size === 0 && Array.isArray(template.fields)) for (const f of template.fields) if (isRecord(f) && typeof f.id === 'string') ids.add(f.id);
  return [...ids];
}

async function loadTemplates(client: CasesClient): Promise<CaseTemplate[]> {
  const listed = await client.listTemplates();
  const templates: CaseTemplate[] = [];
  for (const summary of listed) {
    const template = await client.getTemplate(summary.templateId);
    const required = new Set(Array.isArray(template.requiredFields) ? template.requiredFields.map((f) => (isRecord(f) ? f.fieldId : null)) : []);
    const ids = (await templateFieldIds(client, template)).filter((id) => !SYSTEM_FIELDS.has(id) || id === 'summary');
    const wires = ids.length ? await client.batchGetField(ids) : [];
    const fields: CaseFieldDefinition[] = [];
    for (const wire of wires) {
      const id = asText(wire.fieldId);
      const type = asText(wire.type);
      if (!id || !FIELD_TYPES.has(type)) continue;
      const options = type === 'SingleSelect' ? (await client.listFieldOptions(id)).filter((o) => o.active !== false).map((o) => ({ name: o.name, value: o.value })) : [];
      fields.push({ id, name: asText(wire.name) || id, type: type as CaseFieldDefinition['type'], required: required.has(id), options });
    }
    const mapping = isRecord(template.attributeMapping) ? template.attributeMapping : {};
    templates.push({
      templateId: summary.templateId,
      name: asText(template.name) || summary.name,
      fields,
      attributeMapping: Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => typeof e[1] === 'string')),
    });
  }
  return templates;
}

export async function answerCaseRequest(request: CaseRequest, context: CaseRequestContext): Promise<WorkspaceAnswer> {
  const { client, instanceArn } = context;
  switch (request.op) {
    case 'cases-of-profile': {
      const arn = profileArn(instanceArn, await context.profilesDomain(), request.profileId);
      const found = await client.casesOfCustomer(arn);
      return { cases: found.map((c) => summaryOf(c.caseId, fieldMap(c.fields))) };
    }
    case 'case-get': {
      const system = await client.getCase(request.caseId, CASE_SUMMARY_FIELDS);
      const template = system.templateId ? (await loadTemplates(client)).find((t) => t.templateId === system.templateId) : undefined;
      const custom = template?.fields.map((f) => f.id).filter((id) => !SYSTEM_FIELDS.has(id)) ?? [];
      const more = custom.length ? await client.getCase(request.caseId, custom) : { fields: {} };
      const detail: CaseDetail = {
        ...summaryOf(request.caseId, system.fields),
        templateId: system.templateId,
        summary: asText(system.fields.summary),
        fields: more.fields,
        activity: activityOf(await client.relatedItems(request.caseId)),
      };
      return { case: detail };
    }
    case 'case-create': {
      const arn = profileArn(instanceArn, await context.profilesDomain(), request.profileId);
      const fields = [{ id: 'customer_id', value: fieldValue(arn) }, ...Object.entries(request.fields).map(([id, value]) => ({ id, value: fieldValue(value) }))];
      const caseId = await client.createCase(request.templateId, fields, (context.commandId ?? crypto.randomUUID()).slice(0, 64));
      if (request.linkContactId) await client.createRelatedItem(caseId, { contact: { contactArn: contactArn(instanceArn, request.linkContactId) } });
      return { caseId };
    }
    case 'case-update': {
      await client.updateCase(request.caseId, Object.entries(request.fields).map(([id, value]) => ({ id, value: fieldValue(value) })));
      return { caseId: request.caseId };
    }
    case 'case-comment': {
      const body = request.body.trim();
      if (!body) throw new CasesCallError('CreateRelatedItem', 400, 'ValidationException', 'A comment needs text.');
      await client.createRelatedItem(request.caseId, { comment: { body, contentType: 'Text/Plain' } });
      return { caseId: request.caseId };
    }
    case 'case-link-contact':
      await client.createRelatedItem(request.caseId, { contact: { contactArn: contactArn(instanceArn, request.contactId) } });
      return { caseId: request.caseId };
    case 'case-templates':
      return { templates: await loadTemplates(client) };
  }
}

/** The cases whose reference number is the one asked (SearchCases, equalTo on reference_number): the case a CRM
 *  page names, for case links. Not a CaseRequest: the engine dispatches it here itself. */
export async function answerCasesByReference(request: Extract<WorkspaceRequest, { op: 'cases-by-reference' }>, client: CasesClient): Promise<WorkspaceAnswer> {
  const found = await client.casesWithReference(request.referenceNumber);
  return { cases: found.map((c) => summaryOf(c.caseId, fieldMap(c.fields))) };
}
