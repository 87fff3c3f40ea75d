// Cases' SearchCases: the request's CaseFilter union (field comparisons, not, andAll, orAll, tag) checked member by
// member against the domain's fields and their types, its sorts and asked fields, then one page of cases (at most
// 25) with the asked fields' values, the total count and a nextToken while more match.
import { caseFieldsById } from '../store/cases-repository-templates';
import { storedCases } from '../store/cases-repository';
import { type CaseFilterNode, type FieldOperator, type FilterValue, searchCaseIds } from '../store/cases-repository-search';
import { caseValue, isoDateTime, unionMember } from './case-field-values';
import { type CasesContext, knownFields } from './case-operations';
import { LIMITS, pageStart, pageToken, validation } from './cases-model';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const FILTER_MEMBERS = ['field', 'not', 'tag', 'andAll', 'orAll'] as const;
const OPERATORS: readonly FieldOperator[] = ['equalTo', 'contains', 'greaterThan', 'greaterThanOrEqualTo', 'lessThan', 'lessThanOrEqualTo'];
const MAX_DEPTH = 10;

/** The one member a union object sets, or a ValidationException naming the members it may set. */
function onlyMember<T extends string>(value: unknown, members: readonly T[], where: string): [T, unknown] {
  if (!isRecord(value)) throw validation(`${where} must be an object with exactly one of ${members.join(', ')}.`);
  const set = Object.keys(value).filter((k) => value[k] !== undefined && value[k] !== null);
  const unknown = set.filter((k) => !(members as readonly string[]).includes(k));
  if (unknown.length) throw validation(`${where} has unknown member(s) ${unknown.join(', ')} (it takes one of ${members.join(', ')}).`);
  if (set.length !== 1) throw validation(`${where} must set exactly one of ${members.join(', ')} (it set ${set.length ? set.join(', ') : 'none'}).`);
  const member = set[0] as T;
  return [member, value[member]];
}

function filterValue(fieldId: string, type: string, operator: FieldOperator, value: Record<string, unknown>, where: string): FilterValue {
  const { member, raw } = unionMember(value, where);
  if (member === 'emptyValue') {
    if (operator !== 'equalTo') throw validation(`${where}: only equalTo compares with emptyValue.`);
    return { kind: 'empty' };
  }
  const wrongType = () => validation(`${where}: field ${fieldId} is of type ${type}; ${member} does not compare with it.`);
  if (type === 'Number') {
    if (member !== 'doubleValue' || typeof raw !== 'number') throw wrongType();
    if (operator === 'contains') throw validation(`${where}: contains compares text, and field ${fieldId} is a Number.`);
    return { kind: 'number', value: raw };
  }
  if (type === 'Boolean') {
    if (member !== 'booleanValue' || typeof raw !== 'boolean') throw wrongType();
    if (operator !== 'equalTo') throw validation(`${where}: a Boolean field is compared with equalTo only.`);
    return { kind: 'number', value: raw ? 1 : 0 };
  }
  if (type === 'User' ? member !== 'userArnValue' : member !== 'stringValue') throw wrongType();
  if (typeof raw !== 'string') throw wrongType();
  if (type === 'DateTime' && operator !== 'contains') {
    const normalized = isoDateTime(raw);
    if (normalized === null) throw validation(`${where}: field ${fieldId} is a DateTime; compare it with an ISO 8601 date and time.`);
    return { kind: 'text', value: normalized };
  }
  return { kind: 'text', value: raw };
}

/** Checks a CaseFilter and gives it in the store's terms. */
export function checkCaseFilter(context: CasesContext, filter: unknown, where = 'filter', depth = 0): CaseFilterNode {
  if (depth > MAX_DEPTH) throw validation(`filter nests deeper than ${MAX_DEPTH} levels.`);
  const [member, inner] = onlyMember(filter, FILTER_MEMBERS, where);
  switch (member) {
    case 'not':
      return { not: checkCaseFilter(context, inner, `${where}.not`, depth + 1) };
    case 'andAll':
    case 'orAll': {
      if (!Array.isArray(inner) || inner.length > LIMITS.filterList) throw validation(`${where}.${member} must be a list of at most ${LIMITS.filterList} filters.`);
      const nodes = inner.map((f, i) => checkCaseFilter(context, f, `${where}.${member}[${i}]`, depth + 1));
      return member === 'andAll' ? { andAll: nodes } : { orAll: nodes };
    }
    case 'tag': {
      const [, equalTo] = onlyMember(inner, ['equalTo'] as const, `${where}.tag`);
      if (!isRecord(equalTo) || typeof equalTo.key !== 'string' || !(typeof equalTo.value === 'string' || equalTo.value === null || equalTo.value === undefined)) {
        throw validation(`${where}.tag.equalTo must be {"key": "<tag key>", "value": "<tag value>"}.`);
      }
      return { tag: { key: equalTo.key, value: typeof equalTo.value === 'string' ? equalTo.value : null } };
    }
    case 'field': {
      const [operator, comparison] = onlyMember(inner, OPERATORS, `${where}.field`);
      const at = `${where}.field.${operator}`;
      if (!isRecord(comparison) || typeof comparison.id !== 'string' || !isRecord(comparison.value)) throw validation(`${at} must be {"id": "<field id>", "value": {…}}.`);
      const field = caseFieldsById(context.db, [comparison.id]).get(comparison.id);
      if (!field) throw validation(`${at} names field ${comparison.id}, which does not exist in this domain.`);
      return { field: { operator, fieldId: field.id, type: field.type, value: filterValue(field.id, field.type, operator, comparison.value, at) } };
    }
  }
}

export interface SearchCasesInput {
  maxResults?: number;
  nextToken?: string;
  searchTerm?: string;
  filter?: unknown;
  sorts?: { fieldId: string; sortOrder: string }[];
  fields?: { id: string }[];
}

export function searchCases(context: CasesContext, input: SearchCasesInput) {
  const filter = input.filter === undefined || input.filter === null ? null : checkCaseFilter(context, input.filter);
  const sortFields = knownFields(context, (input.sorts ?? []).map((s) => s.fieldId), 'sorts');
  const sorts = (input.sorts ?? []).map((s, i) => ({ fieldId: s.fieldId, type: sortFields[i]!.type, order: s.sortOrder as 'Asc' | 'Desc' }));
  const asked = knownFields(context, (input.fields ?? []).map((f) => f.id), 'fields');
  const { nextToken, maxResults, ...request } = input;
  const offset = pageStart(nextToken, request);
  const limit = maxResults ?? LIMITS.searchMaxResults;
  const page = searchCaseIds(context.db, { filter, searchTerm: input.searchTerm ?? '', sorts, offset, limit, profileArnPrefix: context.arns.profileArnPrefix });
  const cases = storedCases(context.db, page.caseIds).map((c) => ({
    caseId: c.id,
    templateId: c.templateId,
    fields: asked.flatMap((field) => {
      const value = caseValue(c, field, context.arns);
      return value === null ? [] : [{ id: field.id, value }];
    }),
    tags: c.tags,
  }));
  const end = offset + page.caseIds.length;
  return { cases, totalCount: page.total, ...(end < page.total ? { nextToken: pageToken(end, request) } : {}) };
}
