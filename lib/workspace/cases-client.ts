// Amazon Connect Cases for the engine, on Cases' public REST routes and shapes (camelCase bodies, field values as
// the union {stringValue | doubleValue | booleanValue | emptyValue | userArnValue}), sent with the agent's session
// to the configured Cases base URL: the local contact center's by default, a customer's gateway for a real
// instance. Errors keep the service's type and message for the panel's translated refusal.
import { AwsServiceCallError, awsJsonCall } from './aws-json-call';

export type CaseFieldValue = { stringValue: string } | { doubleValue: number } | { booleanValue: boolean } | { emptyValue: Record<string, never> } | { userArnValue: string };

export interface CaseField {
  id: string;
  value: CaseFieldValue;
}

export interface CaseSummaryWire {
  caseId: string;
  templateId: string;
  fields: CaseField[];
}

export type RelatedItemContent = { contact: { contactArn: string } } | { comment: { body: string; contentType: 'Text/Plain' } };

export interface RelatedItemWire {
  relatedItemId: string;
  type: string;
  associationTime: string;
  content: Record<string, unknown>;
}

/** A refusal from the Cases service: its error type (ValidationException, …) and message. */
export class CasesCallError extends AwsServiceCallError {
  override name = 'CasesCallError';
}

export interface CasesClientOptions {
  /** The Cases service's base URL (no trailing slash). */
  baseUrl: string;
  domainId: string;
  /** fetch (the engine's; tests give Node's). */
  fetch?: typeof fetch;
  /** Extra request headers (tests sign in with a cookie; the browser sends its own). */
  headers?: Record<string, string>;
}

/** The system fields a case list and case view read. */
export const CASE_SUMMARY_FIELDS = ['title', 'status', 'reference_number', 'summary', 'customer_id', 'last_updated_datetime', 'created_datetime'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field value as plain data: a string, number, boolean or null (empty). */
export function plainValue(value: unknown): string | number | boolean | null {
  if (!isRecord(value)) return null;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.doubleValue === 'number') return value.doubleValue;
  if (typeof value.booleanValue === 'boolean') return value.booleanValue;
  if (typeof value.userArnValue === 'string') return value.userArnValue;
  return null;
}

/** A plain value as the Cases union. */
export function fieldValue(value: string | number | boolean | null): CaseFieldValue {
  if (value === null || value === '') return { emptyValue: {} };
  if (typeof value === 'number') return { doubleValue: value };
  if (typeof value === 'boolean') return { booleanValue: value };
  return { stringValue: value };
}

/** The fields of a case or summary as id → plain value. */
export function fieldMap(fields: unknown): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (!Array.isArray(fields)) return out;
  for (const field of fields) if (isRecord(field) && typeof field.id === 'string') out[field.id] = plainValue(field.value);
  return out;
}

export class CasesClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: CasesClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  private send(operation: string, method: 'POST' | 'PUT', path: string, body: unknown): Promise<Record<string, unknown>> {
    const url = `${this.options.baseUrl}/domains/${encodeURIComponent(this.options.domainId)}${path}`;
    return awsJsonCall(this.fetch, { method, url, body, headers: this.options.headers }, ({ status, type, message }) => {
      return new CasesCallError(operation, status, type, message);
    });
  }

  /** The cases whose customer_id is the profile ARN, most recently updated first. */
  async casesOfCustomer(profileArn: string, maxResults = 25): Promise<CaseSummaryWire[]> {
    const data = await this.send('SearchCases', 'POST', '/cases-search', {
      filter: { field: { equalTo: { id: 'customer_id', value: { stringValue: profileArn } } } },
      fields: CASE_SUMMARY_FIELDS.map((id) => ({ id })),
      sorts: [{ fieldId: 'last_updated_datetime', sortOrder: 'Desc' }],
      maxResults,
    });
    return Array.isArray(data.cases) ? (data.cases as CaseSummaryWire[]).filter((c) => isRecord(c) && typeof c.caseId === 'string') : [];
  }

  /** The cases whose reference number is `referenceNumber` (a CRM page names a case by it). */
  async casesWithReference(referenceNumber: string, maxResults = 5): Promise<CaseSummaryWire[]> {
    const data = await this.send('SearchCases', 'POST', '/cases-search', {
      filter: { field: { equalTo: { id: 'reference_number', value: { stringValue: referenceNumber } } } },
      fields: CASE_SUMMARY_FIELDS.map((id) => ({ id })),
      maxResults,
    });
    return Array.isArray(data.cases) ? (data.cases as CaseSummaryWire[]).filter((c) => isRecord(c) && typeof c.caseId === 'string') : [];
  }

  /** One case with the given fields (all pages). */
  async getCase(caseId: string, fieldIds: readonly string[]): Promise<{ templateId: string; fields: Record<string, string | number | boolean | null> }> {
    let nextToken: string | undefined;
    let templateId = '';
    const fields: unknown[] = [];
    do {
      const data = await this.send('GetCase', 'POST', `/cases/${encodeURIComponent(caseId)}`, { fields: fieldIds.map((id) => ({ id })), ...(nextToken ? { nextToken } : {}) });
      templateId = typeof data.templateId === 'string' ? data.templateId : templateId;
      if (Array.isArray(data.fields)) fields.push(...data.fields);
      nextToken = typeof data.nextToken === 'string' && data.nextToken ? data.nextToken : undefined;
    } while (nextToken);
    return { templateId, fields: fieldMap(fields) };
  }

  async createCase(templateId: string, fields: CaseField[], clientToken: string): Promise<string> {
    const data = await this.send('CreateCase', 'POST', '/cases', { templateId, fields, clientToken });
    if (typeof data.caseId !== 'string') throw new CasesCallError('CreateCase', 200, 'MalformedAnswer', 'CreateCase answered without a caseId');
    return data.caseId;
  }

  async updateCase(caseId: string, fields: CaseField[]): Promise<void> {
    await this.send('UpdateCase', 'PUT', `/cases/${encodeURIComponent(caseId)}`, { fields });
  }

  async createRelatedItem(caseId: string, content: RelatedItemContent): Promise<string> {
    const type = 'contact' in content ? 'Contact' : 'Comment';
    const data = await this.send('CreateRelatedItem', 'POST', `/cases/${encodeURIComponent(caseId)}/related-items/`, { type, content });
    return typeof data.relatedItemId === 'string' ? data.relatedItemId : '';
  }

  /** The case's activity: linked contacts and comments. */
  async relatedItems(caseId: string): Promise<RelatedItemWire[]> {
    const items: RelatedItemWire[] = [];
    let nextToken: string | undefined;
    do {
      const data = await this.send('SearchRelatedItems', 'POST', `/cases/${encodeURIComponent(caseId)}/related-items-search`, { maxResults: 25, ...(nextToken ? { nextToken } : {}) });
      if (Array.isArray(data.relatedItems)) items.push(...(data.relatedItems as RelatedItemWire[]).filter((item) => isRecord(item) && typeof item.relatedItemId === 'string'));
      nextToken = typeof data.nextToken === 'string' && data.nextToken ? data.nextToken : undefined;
    } while (nextToken && items.length < 200);
    return items;
  }

  async listTemplates(): Promise<{ templateId: string; name: string; status: string }[]> {
    // Cases reads ListTemplates' and ListFieldOptions' parameters from the query string, not the body.
    const data = await this.send('ListTemplates', 'POST', '/templates-list?maxResults=100&status=Active', {});
    return Array.isArray(data.templates) ? (data.templates as { templateId: string; name: string; status: string }[]).filter((t) => isRecord(t) && typeof t.templateId === 'string') : [];
  }

  async getTemplate(templateId: string): Promise<Record<string, unknown>> {
    return this.send('GetTemplate', 'POST', `/templates/${encodeURIComponent(templateId)}`, {});
  }

  async getLayout(layoutId: string): Promise<Record<string, unknown>> {
    return this.send('GetLayout', 'POST', `/layouts/${encodeURIComponent(layoutId)}`, {});
  }

  async batchGetField(fieldIds: readonly string[]): Promise<Record<string, unknown>[]> {
    const data = await this.send('BatchGetField', 'POST', '/fields-batch', { fields: fieldIds.map((id) => ({ id })) });
    return Array.isArray(data.fields) ? (data.fields as Record<string, unknown>[]).filter(isRecord) : [];
  }

  async listFieldOptions(fieldId: string): Promise<{ name: string; value: string; active: boolean }[]> {
    const data = await this.send('ListFieldOptions', 'POST', `/fields/${encodeURIComponent(fieldId)}/options-list?maxResults=100`, {});
    return Array.isArray(data.options) ? (data.options as { name: string; value: string; active: boolean }[]).filter((o) => isRecord(o) && typeof o.value === 'string') : [];
  }
}
