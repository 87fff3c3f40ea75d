// Reads a Customer Profiles request body (PascalCase, as the API and the agent-app client send it) under the
// constraints AWS documents for it, each violation refused as BadRequestException naming the member and the
// rule; the domain checked against the instance's. Members the API has and this service does not use are
// ignored, as AWS ignores members it does not know.
import { badRequest, customerProfilesDomainName, notFound, type ProfilesContext } from './profile-model';

/** Key names: KeyName of SearchProfiles, AddProfileKey and ObjectFilter. */
export const KEY_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const DOMAIN_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const PROFILE_ID_PATTERN = /^[a-f0-9]{32}$/;
const OBJECT_TYPE_PATTERN = /^[a-zA-Z_][a-zA-Z_0-9-]{0,254}$/;
/** The most values one key may carry in a request here (AWS documents each value's length, not their number). */
export const MAX_KEY_VALUES = 100;

type Body = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as an object (an absent body is an empty one). */
export function bodyOf(params: unknown): Body {
  if (params === undefined || params === null) return {};
  if (!isRecord(params)) throw badRequest('The request body must be a JSON object of the operation’s members.');
  return params;
}

export interface TextRule {
  min?: number;
  max: number;
}

/** An optional string member within its length limits; undefined when absent. */
export function optionalText(body: Body, name: string, rule: TextRule, where = name): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${where} must be a string.`);
  const min = rule.min ?? 1;
  if (value.length < min || value.length > rule.max) {
    throw badRequest(min === 0 ? `${where} must be at most ${rule.max} characters.` : `${where} must be ${min} to ${rule.max} characters.`);
  }
  return value;
}

export function requiredText(body: Body, name: string, rule: TextRule, where = name): string {
  const value = optionalText(body, name, rule, where);
  if (value === undefined) throw badRequest(`${where} is required.`);
  return value;
}

export function optionalEnum<T extends string>(body: Body, name: string, allowed: readonly T[]): T | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw badRequest(`${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

export function optionalBoolean(body: Body, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${name} must be true or false.`);
  return value;
}

/** MaxResults: a whole number from 1 to 100, 20 when absent. */
export function maxResults(body: Body, fallback = 20): number {
  const value = body.MaxResults;
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) throw badRequest('MaxResults must be a whole number from 1 to 100.');
  return value;
}

/** A key name (1 to 64 letters, digits, _ and -). */
export function keyName(body: Body, name = 'KeyName', where = name): string {
  const value = requiredText(body, name, { max: 64 }, where);
  if (!KEY_NAME_PATTERN.test(value)) throw badRequest(`${where} must be 1 to 64 letters, digits, _ or - (such as _phone or _email), not ${JSON.stringify(value)}.`);
  return value;
}

/** A list of 1 to MAX_KEY_VALUES strings, each 1 to 255 characters. */
export function keyValues(body: Body, name = 'Values', where = name): string[] {
  const value = body[name];
  if (value === undefined || value === null) throw badRequest(`${where} is required.`);
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_KEY_VALUES) throw badRequest(`${where} must be a list of 1 to ${MAX_KEY_VALUES} strings.`);
  for (const item of value) {
    if (typeof item !== 'string' || item.length < 1 || item.length > 255) throw badRequest(`Each of ${where} must be a string of 1 to 255 characters.`);
  }
  return value as string[];
}

/** An object member (AdditionalSearchKeys' items, ObjectFilter, Address, Attributes). */
export function objectMember(body: Body, name: string, where = name): Body | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw badRequest(`${where} must be an object.`);
  return value;
}

/** DomainName, which must name the instance's domain. */
export function domainName(body: Body, context: ProfilesContext): string {
  const value = requiredText(body, 'DomainName', { max: 64 });
  if (!DOMAIN_NAME_PATTERN.test(value)) throw badRequest(`DomainName must be 1 to 64 letters, digits, _ or -, not ${JSON.stringify(value)}.`);
  const ours = customerProfilesDomainName(context.config);
  if (value !== ours) throw notFound(`Domain ${value} does not exist. This contact center's profile domain is ${ours} (listAccountIntegrations names it).`);
  return value;
}

export function profileId(body: Body, name = 'ProfileId'): string {
  const value = requiredText(body, name, { max: 32 });
  if (!PROFILE_ID_PATTERN.test(value)) throw badRequest(`${name} must be a profile id: 32 lower-case hexadecimal characters.`);
  return value;
}

export function objectTypeName(body: Body): string {
  const value = requiredText(body, 'ObjectTypeName', { max: 255 });
  if (!OBJECT_TYPE_PATTERN.test(value)) throw badRequest('ObjectTypeName must start with a letter or _ and hold only letters, digits, _ and -.');
  return value;
}

/** A paging token this service issued for `operation`: the offset where the next page starts. */
export function pageOffset(body: Body, operation: string): number {
  const token = optionalText(body, 'NextToken', { max: 1024 });
  if (token === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { op?: unknown; offset?: unknown };
    if (parsed.op === operation && typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset > 0) return parsed.offset;
  } catch {
    // Falls through to the refusal.
  }
  throw badRequest(`NextToken is not a token of a previous ${operation} answer.`);
}

export function nextToken(operation: string, offset: number): string {
  return Buffer.from(JSON.stringify({ op: operation, offset }), 'utf8').toString('base64url');
}
