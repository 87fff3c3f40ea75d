// Amazon Connect Cases as the local contact center serves it: the instance's one Cases domain (its id derived from
// the instance id, so it is the same on every start), the ARNs Cases gives its resources, the system fields, the
// limits of the API's shapes, the refusals in its exception names (ResourceNotFoundException carries resourceId
// and resourceType), and the opaque page tokens of its list operations.
import { createHash } from 'node:crypto';
import type { InstanceConfig } from '../model';
import { customerProfilesDomainName } from '../profiles/profile-model';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';

/** Where the Cases routes are, below the contact center's base URL (the SDK's endpoint is `<baseUrl>/cases-api`). */
export const CASES_BASE_PATH = '/cases-api';

export type FieldType = 'Text' | 'Number' | 'Boolean' | 'DateTime' | 'SingleSelect' | 'Url' | 'User';
export const FIELD_TYPES: readonly FieldType[] = ['Text', 'Number', 'Boolean', 'DateTime', 'SingleSelect', 'Url', 'User'];

/** The system fields this domain has, and which of them the service alone writes. */
export const SYSTEM_FIELD_IDS = ['title', 'status', 'reference_number', 'summary', 'customer_id', 'created_datetime', 'last_updated_datetime', 'last_closed_datetime'] as const;
export type SystemFieldId = (typeof SYSTEM_FIELD_IDS)[number];
export const READ_ONLY_FIELD_IDS: ReadonlySet<string> = new Set(['reference_number', 'created_datetime', 'last_updated_datetime', 'last_closed_datetime']);
export const isSystemField = (id: string): id is SystemFieldId => (SYSTEM_FIELD_IDS as readonly string[]).includes(id);

/** The limits of Cases' request shapes (its API reference), and this service's page sizes. */
export const LIMITS = {
  idLength: 500,
  caseFields: 100, // CreateCase, UpdateCase, GetCase fields
  searchFields: 25,
  searchMaxResults: 25,
  searchTerm: 255,
  sorts: 2,
  filterList: 10, // andAll, orAll
  nextToken: 9000,
  relatedItemsMaxResults: 25,
  relatedItemFilters: 10,
  contactFilterChannels: 3,
  commentBody: 3000,
  summaryValue: 1500,
  textValue: 500,
  clientToken: 64,
  listMaxResults: 100, // ListTemplates, ListFields, ListFieldOptions
  batchGetFields: 50,
  templateName: 100,
  templateDescription: 255,
  requiredFields: 100,
  /** GetCase answers this many fields a page; the rest follow with nextToken. */
  getCasePage: 10,
} as const;

/** The Cases domain of the instance: a UUID-shaped id that stays the same for the instance id. */
export function casesDomainId(config: Pick<InstanceConfig, 'instanceId'>): string {
  const hex = createHash('sha256').update(`${config.instanceId}/cases-domain`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What GET /api/v1/instance lists for Cases (the engine reads these names). */
export function casesDescription(config: Pick<InstanceConfig, 'instanceId'>) {
  return { domainId: casesDomainId(config), basePath: CASES_BASE_PATH };
}

type Arnable = Pick<InstanceConfig, 'instanceId' | 'region' | 'accountId' | 'alias'>;

/** The ARNs of one instance's Cases resources, its contacts, its agents and its customer profiles. */
export class CasesArns {
  readonly domainId: string;
  readonly domain: string;
  readonly instance: string;
  private readonly profilePrefix: string;

  constructor(config: Arnable) {
    this.domainId = casesDomainId(config);
    this.domain = `arn:aws:cases:${config.region}:${config.accountId}:domain/${this.domainId}`;
    this.instance = `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`;
    this.profilePrefix = `arn:aws:profile:${config.region}:${config.accountId}:domains/${customerProfilesDomainName(config)}/profiles/`;
  }

  case = (caseId: string) => `${this.domain}/case/${caseId}`;
  template = (templateId: string) => `${this.domain}/template/${templateId}`;
  field = (fieldId: string) => `${this.domain}/field/${fieldId}`;
  layout = (layoutId: string) => `${this.domain}/layout/${layoutId}`;
  relatedItem = (caseId: string, itemId: string) => `${this.domain}/case/${caseId}/related-item/${itemId}`;
  contact = (contactId: string) => `${this.instance}/contact/${contactId}`;
  agent = (agentId: string) => `${this.instance}/agent/${agentId}`;
  profile = (profileId: string) => `${this.profilePrefix}${profileId}`;

  /** The profile id of a customer_id value, when it is a profile ARN of this instance's profile domain. */
  profileIdOf(arn: string): string | null {
    if (!arn.startsWith(this.profilePrefix)) return null;
    const id = arn.slice(this.profilePrefix.length);
    return /^[A-Za-z0-9_-]{1,255}$/.test(id) ? id : null;
  }

  /** The contact id of a contact ARN of this instance. */
  contactIdOf(arn: string): string | null {
    const prefix = `${this.instance}/contact/`;
    if (!arn.startsWith(prefix)) return null;
    const id = arn.slice(prefix.length);
    return /^[A-Za-z0-9-]{1,128}$/.test(id) ? id : null;
  }

  /** The customer_id prefix: a profile ARN without its id. */
  get profileArnPrefix(): string {
    return this.profilePrefix;
  }
}

/** A refusal in Cases' words; ResourceNotFoundException names the resource. */
export class CasesError extends AwsRequestError {
  constructor(
    status: number,
    type: string,
    message: string,
    readonly resource?: { resourceId: string; resourceType: string },
  ) {
    super(status, type, message);
  }
}

export const validation = (message: string) => new CasesError(400, 'ValidationException', message);
export const conflict = (message: string) => new CasesError(409, 'ConflictException', message);
export const accessDenied = (message: string) => new CasesError(403, 'AccessDeniedException', message);
export const notFound = (resourceType: string, resourceId: string, message: string) => new CasesError(404, 'ResourceNotFoundException', message, { resourceId, resourceType });

/** A page token: where the next page starts, bound to the request it continues (another request refuses it). */
export function pageToken(offset: number, request: unknown): string {
  return Buffer.from(JSON.stringify({ o: offset, q: requestHash(request).slice(0, 16) })).toString('base64url');
}

/** Where the page of `nextToken` starts (0 without one); a token of another request is a ValidationException. */
export function pageStart(nextToken: string | undefined, request: unknown): number {
  if (nextToken === undefined || nextToken === '') return 0;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(nextToken, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const token = parsed as { o?: unknown; q?: unknown } | null;
  if (!token || !Number.isInteger(token.o) || (token.o as number) < 0 || token.q !== requestHash(request).slice(0, 16)) {
    throw validation('nextToken is not one this service gave for this request: send the request again without it to start over.');
  }
  return token.o as number;
}

/** A stable hash of a request's JSON (its keys sorted), for page tokens and CreateCase's client token. */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    return v;
  };
  return createHash('sha256').update(JSON.stringify(canonical(value) ?? null)).digest('hex');
}
