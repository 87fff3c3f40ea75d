// The inputs of the Amazon Q in Connect operations the contact center serves, read from the SDK's input objects
// (the agent-app bodies amazon-q-connectjs sends are exactly those; the REST routes build them from path, query and
// body). Anything malformed is a ValidationException that names the member and what it must be.
import { validation } from './qconnect-model';

type Loose = Record<string, unknown>;

/** Q in Connect's limits on these members (its API reference). */
export const QCONNECT_LIMITS = {
  queryText: 1024,
  maxResults: 100,
  defaultQueryResults: 10,
  defaultRecommendations: 25,
  waitTimeSeconds: 20,
  notifyIds: 25,
  filters: 10,
  nextToken: 2048,
  id: 2048,
} as const;

function objectOf(value: unknown, what: string): Loose {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw validation(`${what} must be a JSON object.`);
  return value as Loose;
}

function text(input: Loose, key: string, options: { max?: number; path?: string } = {}): string {
  const value = input[key];
  const name = options.path ?? key;
  if (typeof value !== 'string' || value.trim().length === 0) throw validation(`${name} is required and must be a non-empty string.`);
  const max = options.max ?? QCONNECT_LIMITS.id;
  if (value.length > max) throw validation(`${name} must be at most ${max} characters long (it has ${value.length}).`);
  return value;
}

function optionalText(input: Loose, key: string, max: number = QCONNECT_LIMITS.id): string | undefined {
  return input[key] === undefined || input[key] === null ? undefined : text(input, key, { max });
}

/** A whole number in [min, max]; a numeric string is accepted as the REST routes' query strings carry them. */
function integer(input: Loose, key: string, min: number, max: number, fallback: number): number {
  const raw = input[key];
  if (raw === undefined || raw === null) return fallback;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validation(`${key} must be a whole number from ${min} to ${max}; got ${JSON.stringify(raw)}.`);
  }
  return value;
}

function oneOf<T extends string>(input: Loose, key: string, allowed: readonly T[], path = key): T {
  const value = input[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw validation(`${path} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value ?? null)}.`);
  }
  return value as T;
}

export interface QueryAssistantInput {
  assistantId: string;
  text: string;
  sessionId?: string;
  maxResults: number;
  nextToken?: string;
  /** Result types the caller asked for with queryCondition (RESULT_TYPE EQUALS …); absent = any. */
  resultTypes?: string[];
}

export function readQueryAssistant(body: unknown): QueryAssistantInput {
  const input = objectOf(body, 'The QueryAssistant request');
  const assistantId = text(input, 'assistantId');
  let queryText: string | undefined;
  if (input.queryInputData !== undefined && input.queryInputData !== null) {
    const data = objectOf(input.queryInputData, 'queryInputData');
    if (data.intentInputData !== undefined) throw validation('queryInputData.intentInputData is not supported here: this assistant has no intents; send queryInputData.queryTextInputData.text.');
    const textData = objectOf(data.queryTextInputData, 'queryInputData.queryTextInputData');
    queryText = text(textData, 'text', { max: QCONNECT_LIMITS.queryText, path: 'queryInputData.queryTextInputData.text' });
  } else if (input.queryText !== undefined) {
    queryText = text(input, 'queryText', { max: QCONNECT_LIMITS.queryText });
  }
  if (queryText === undefined) throw validation('Send the words to search for in queryInputData.queryTextInputData.text (or the older queryText).');
  if (input.overrideKnowledgeBaseSearchType !== undefined) oneOf(input, 'overrideKnowledgeBaseSearchType', ['HYBRID', 'SEMANTIC']);
  return {
    assistantId,
    text: queryText,
    sessionId: optionalText(input, 'sessionId'),
    maxResults: integer(input, 'maxResults', 1, QCONNECT_LIMITS.maxResults, QCONNECT_LIMITS.defaultQueryResults),
    nextToken: optionalText(input, 'nextToken', QCONNECT_LIMITS.nextToken),
    resultTypes: readQueryConditions(input.queryCondition),
  };
}

function readQueryConditions(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > 1) throw validation('queryCondition must be a list of at most one condition.');
  return value.map((item, index) => {
    const single = objectOf(objectOf(item, `queryCondition[${index}]`).single, `queryCondition[${index}].single`);
    oneOf(single, 'field', ['RESULT_TYPE'], `queryCondition[${index}].single.field`);
    oneOf(single, 'comparator', ['EQUALS'], `queryCondition[${index}].single.comparator`);
    return text(single, 'value', { path: `queryCondition[${index}].single.value` });
  });
}

export interface SessionInput {
  assistantId: string;
  sessionId: string;
}

export function readSession(body: unknown, operation: string): SessionInput {
  const input = objectOf(body, `The ${operation} request`);
  return { assistantId: text(input, 'assistantId'), sessionId: text(input, 'sessionId') };
}

export interface GetRecommendationsInput extends SessionInput {
  maxResults: number;
  waitTimeSeconds: number;
}

export function readGetRecommendations(body: unknown): GetRecommendationsInput {
  const input = objectOf(body, 'The GetRecommendations request');
  return {
    ...readSession(input, 'GetRecommendations'),
    maxResults: integer(input, 'maxResults', 1, QCONNECT_LIMITS.maxResults, QCONNECT_LIMITS.defaultRecommendations),
    waitTimeSeconds: integer(input, 'waitTimeSeconds', 0, QCONNECT_LIMITS.waitTimeSeconds, 0),
  };
}

export interface NotifyInput extends SessionInput {
  recommendationIds: string[];
}

export function readNotify(body: unknown): NotifyInput {
  const input = objectOf(body, 'The NotifyRecommendationsReceived request');
  const ids = input.recommendationIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > QCONNECT_LIMITS.notifyIds || !ids.every((id) => typeof id === 'string' && id.length > 0)) {
    throw validation(`recommendationIds must be a list of 1 to ${QCONNECT_LIMITS.notifyIds} recommendation ids (from GetRecommendations).`);
  }
  return { ...readSession(input, 'NotifyRecommendationsReceived'), recommendationIds: ids as string[] };
}

export interface ContentInput {
  knowledgeBaseId: string;
  contentId: string;
}

export function readGetContent(body: unknown): ContentInput {
  const input = objectOf(body, 'The GetContent request');
  return { knowledgeBaseId: text(input, 'knowledgeBaseId'), contentId: text(input, 'contentId') };
}

export interface SearchContentInput {
  knowledgeBaseId: string;
  names: string[];
  maxResults: number;
  nextToken?: string;
}

export function readSearchContent(body: unknown): SearchContentInput {
  const input = objectOf(body, 'The SearchContent request');
  const expression = objectOf(input.searchExpression, 'searchExpression');
  const filters = expression.filters;
  if (!Array.isArray(filters) || filters.length > QCONNECT_LIMITS.filters) throw validation(`searchExpression.filters must be a list of at most ${QCONNECT_LIMITS.filters} filters.`);
  const names = filters.map((item, index) => {
    const filter = objectOf(item, `searchExpression.filters[${index}]`);
    oneOf(filter, 'field', ['NAME'], `searchExpression.filters[${index}].field`);
    oneOf(filter, 'operator', ['EQUALS'], `searchExpression.filters[${index}].operator`);
    return text(filter, 'value', { path: `searchExpression.filters[${index}].value` });
  });
  return {
    knowledgeBaseId: text(input, 'knowledgeBaseId'),
    names,
    maxResults: integer(input, 'maxResults', 1, QCONNECT_LIMITS.maxResults, QCONNECT_LIMITS.defaultQueryResults),
    nextToken: optionalText(input, 'nextToken', QCONNECT_LIMITS.nextToken),
  };
}

export interface PutFeedbackInput {
  assistantId: string;
  targetId: string;
  targetType: 'RECOMMENDATION' | 'RESULT';
  relevance: 'HELPFUL' | 'NOT_HELPFUL';
}

export function readPutFeedback(body: unknown): PutFeedbackInput {
  const input = objectOf(body, 'The PutFeedback request');
  const feedback = objectOf(input.contentFeedback, 'contentFeedback');
  const generative = objectOf(feedback.generativeContentFeedbackData, 'contentFeedback.generativeContentFeedbackData');
  return {
    assistantId: text(input, 'assistantId'),
    targetId: text(input, 'targetId'),
    targetType: oneOf(input, 'targetType', ['RECOMMENDATION', 'RESULT']),
    relevance: oneOf(generative, 'relevance', ['HELPFUL', 'NOT_HELPFUL'], 'contentFeedback.generativeContentFeedbackData.relevance'),
  };
}
