// Cases' case operations on the store: CreateCase (from an active template, required fields checked, a reference
// number assigned, a client token making a retry return the same case), GetCase (the asked fields, a page at a
// time) and UpdateCase (values checked as on creation; closing a case sets last_closed_datetime).
import { randomUUID } from 'node:crypto';
import type { InstanceConfig } from '../model';
import { caseIdByClientToken, getStoredCase, insertCase, nextCaseReference, profileExists, type StoredCase, type StoredValue, updateCase } from '../store/cases-repository';
import { type CaseField, caseFieldOptions, caseFieldsById, getCaseTemplate } from '../store/cases-repository-templates';
import type { Database } from '../store/database';
import { caseValue, checkFieldValue, type FieldValueWire, type ValueContext, type ValueUnion } from './case-field-values';
import { CasesArns, conflict, LIMITS, notFound, pageStart, pageToken, requestHash, validation } from './cases-model';

export interface CasesContext {
  db: Database;
  config: InstanceConfig;
  arns: CasesArns;
  /** Epoch milliseconds. */
  now: () => number;
}

export function casesContext(db: Database, config: InstanceConfig, now: () => number): CasesContext {
  return { db, config, arns: new CasesArns(config), now };
}

const valueContext = (context: CasesContext): ValueContext => ({
  arns: context.arns,
  options: (fieldId) => caseFieldOptions(context.db, fieldId),
  profileExists: (profileId) => profileExists(context.db, profileId),
});

/** The fields named by ids, each existing in the domain; a duplicate or unknown id is a ValidationException. */
export function knownFields(context: CasesContext, ids: readonly string[], where: string): CaseField[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw validation(`${where} names field ${id} more than once.`);
    seen.add(id);
  }
  const found = caseFieldsById(context.db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw validation(`${where} names field(s) that do not exist in this domain: ${missing.join(', ')}.`);
  return ids.map((id) => found.get(id)!);
}

interface CheckedWrite {
  system: { title?: string; summary?: string; status?: string; profileId?: string };
  values: Map<string, StoredValue | null>;
  /** The fields the request leaves without a value. */
  emptied: Set<string>;
}

function checkWrite(context: CasesContext, fields: readonly FieldValueWire[], where: string): CheckedWrite {
  const defs = knownFields(context, fields.map((f) => f.id), where);
  const out: CheckedWrite = { system: {}, values: new Map(), emptied: new Set() };
  const values = valueContext(context);
  fields.forEach((wire, index) => {
    const field = defs[index]!;
    const checked = checkFieldValue(field, wire.value, values);
    if ('custom' in checked) {
      out.values.set(field.id, checked.custom);
      if (checked.custom === null) out.emptied.add(field.id);
      return;
    }
    const text = checked.system;
    if (field.id === 'status' && text === null) throw validation(`${where}: a case always has a status; give one of its options instead of emptyValue.`);
    if (text === null || (text.trim() === '' && field.id !== 'summary')) out.emptied.add(field.id);
    if (field.id === 'title' && text !== null) out.system.title = text;
    if (field.id === 'summary') out.system.summary = text ?? '';
    if (field.id === 'status' && text !== null) out.system.status = text;
    if (field.id === 'customer_id' && text !== null) out.system.profileId = text;
  });
  return out;
}

/** Title, customer_id and the template's required fields may not be left empty. */
function assertRequired(required: readonly string[], present: (id: string) => boolean, emptied: Set<string>, verb: string): void {
  const missing = required.filter((id) => emptied.has(id) || !present(id));
  if (missing.length) throw validation(`${verb} needs a value for the required field(s) ${missing.join(', ')}.`);
}

export interface CreateCaseInput {
  templateId: string;
  fields: FieldValueWire[];
  clientToken?: string;
  tags?: Record<string, string | null>;
}

export function createCase(context: CasesContext, input: CreateCaseInput): { caseId: string; caseArn: string } {
  const hash = requestHash({ templateId: input.templateId, fields: input.fields, tags: input.tags ?? {} });
  if (input.clientToken) {
    const replayed = caseIdByClientToken(context.db, input.clientToken);
    if (replayed) {
      if (getStoredCase(context.db, replayed)?.requestHash !== hash) throw conflict(`clientToken ${input.clientToken} was already used by another CreateCase request.`);
      return { caseId: replayed, caseArn: context.arns.case(replayed) };
    }
  }
  const template = getCaseTemplate(context.db, input.templateId);
  if (!template || template.deleted) throw notFound('Template', input.templateId, `Template ${input.templateId} does not exist in this domain.`);
  if (template.status !== 'Active') throw validation(`Template ${template.id} (${template.name}) is Inactive: inactive templates cannot be used to create cases.`);
  const write = checkWrite(context, input.fields, 'CreateCase');
  const given = new Set(input.fields.map((f) => f.id));
  assertRequired(['title', 'customer_id', ...template.requiredFieldIds], (id) => given.has(id), write.emptied, 'CreateCase');
  const at = new Date(context.now()).toISOString();
  const caseId = randomUUID();
  const values = new Map([...write.values].filter((entry): entry is [string, StoredValue] => entry[1] !== null));
  context.db.transaction(() => {
    insertCase(context.db, {
      id: caseId,
      reference: nextCaseReference(context.db, new Date(context.now()).getUTCFullYear()),
      profileId: write.system.profileId!,
      templateId: template.id,
      title: write.system.title!,
      summary: write.system.summary ?? '',
      status: write.system.status ?? 'open',
      at,
      tags: input.tags ?? {},
      clientToken: input.clientToken || null,
      requestHash: hash,
      values,
    });
  }).immediate();
  return { caseId, caseArn: context.arns.case(caseId) };
}

function caseOf(context: CasesContext, caseId: string): StoredCase {
  const found = getStoredCase(context.db, caseId);
  if (!found) throw notFound('Case', caseId, `Case ${caseId} does not exist in this domain.`);
  return found;
}

export interface GetCaseInput {
  caseId: string;
  fields: { id: string }[];
  nextToken?: string;
}

export function getCase(context: CasesContext, input: GetCaseInput) {
  const found = caseOf(context, input.caseId);
  const defs = knownFields(context, input.fields.map((f) => f.id), 'GetCase');
  const withValues = defs.flatMap((field) => {
    const value = caseValue(found, field, context.arns);
    return value === null ? [] : [{ id: field.id, value }];
  });
  const request = { caseId: input.caseId, fields: input.fields };
  const start = pageStart(input.nextToken, request);
  const end = start + LIMITS.getCasePage;
  return {
    fields: withValues.slice(start, end) as { id: string; value: ValueUnion }[],
    templateId: found.templateId,
    tags: found.tags,
    ...(end < withValues.length ? { nextToken: pageToken(end, request) } : {}),
  };
}

export function updateCaseFields(context: CasesContext, caseId: string, fields: FieldValueWire[]): Record<string, never> {
  const found = caseOf(context, caseId);
  const template = getCaseTemplate(context.db, found.templateId);
  const write = checkWrite(context, fields, 'UpdateCase');
  assertRequired(['title', 'customer_id', ...(template?.requiredFieldIds ?? [])], () => true, write.emptied, 'UpdateCase');
  updateCase(context.db, caseId, { ...write.system, values: write.values, at: new Date(context.now()).toISOString() });
  return {};
}
