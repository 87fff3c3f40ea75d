// SearchCases through the real @aws-sdk/client-connectcases over the demo cases: a customer's cases by customer_id
// (a profile ARN), andAll / orAll / not, contains, comparisons of numbers and dates, booleans, empty values and
// tags, the quick searchTerm (custom values included), sorts, the asked fields, pages of maxResults with nextToken
// and totalCount, and each malformed request refused with ValidationException.
import { type CaseFilter, CreateCaseCommand, SearchCasesCommand, type SearchCasesCommandInput, ValidationException } from '@aws-sdk/client-connectcases';
import { describe, expect, it } from 'vitest';
import { DEMO_CASE_FIELD_IDS, DEMO_CASE_TEMPLATE_IDS, fieldsOf, HIROSHI, refusal, TARO, useCasesFixture } from './cases-fixture';

const f = useCasesFixture();
const EN = DEMO_CASE_FIELD_IDS.en;

const equalTo = (id: string, value: Record<string, unknown>): CaseFilter => ({ field: { equalTo: { id, value } } }) as unknown as CaseFilter;
const customer = (profileId: string) => equalTo('customer_id', { stringValue: f().arns.profile(profileId) });
const byReference = [{ fieldId: 'reference_number', sortOrder: 'Asc' as const }];

async function references(input: Omit<SearchCasesCommandInput, 'domainId'>): Promise<string[]> {
  const answer = await f().cases.send(new SearchCasesCommand({ domainId: f().domainId, fields: [{ id: 'reference_number' }], ...input }));
  return answer.cases!.map((c) => fieldsOf(c!.fields).reference_number as string);
}
const short = (refs: string[]) => refs.map((r) => r.replace('CASE-2026-00', ''));

describe('SearchCases filters', () => {
  it("finds a customer's cases by profile ARN, most recently updated first, with the asked fields", async () => {
    const { cases, domainId, arns } = f();
    const answer = await cases.send(new SearchCasesCommand({ domainId, filter: customer(TARO), fields: [{ id: 'title' }, { id: 'status' }, { id: 'customer_id' }] }));
    expect(answer.totalCount).toBe(2);
    expect(answer.cases!.map((c) => [c!.caseId, c!.templateId, fieldsOf(c!.fields)])).toEqual([
      ['case-2026-0042', DEMO_CASE_TEMPLATE_IDS.technicalSupportJa, { title: 'Router keeps dropping the connection', status: 'open', customer_id: arns.profile(TARO) }],
      ['case-2026-0043', DEMO_CASE_TEMPLATE_IDS.billingInquiryJa, { title: 'Change of billing address', status: 'closed', customer_id: arns.profile(TARO) }],
    ]);
    expect(await references({ filter: equalTo('customer_id', { stringValue: 'arn:aws:profile:elsewhere' }) })).toEqual([]);
  });

  it('combines filters with andAll, orAll and not', async () => {
    const open = equalTo('status', { stringValue: 'open' });
    expect(short(await references({ filter: { andAll: [customer(HIROSHI), open] } }))).toEqual(['44']);
    expect(short(await references({ filter: { andAll: [customer(HIROSHI), { not: equalTo('status', { stringValue: 'closed' }) }] }, sorts: byReference }))).toEqual(['44', '45']);
    const either = { orAll: [equalTo('status', { stringValue: 'pending' }), equalTo('reference_number', { stringValue: 'CASE-2026-0049' })] };
    expect(short(await references({ filter: either, sorts: byReference }))).toEqual(['45', '49', '50', '55']);
    expect(await references({ filter: { orAll: [] } })).toEqual([]);
  });

  it('compares text, numbers, dates, booleans and empty values by their field types', async () => {
    expect(short(await references({ filter: { field: { contains: { id: 'title', value: { stringValue: 'INVOICE' } } } }, sorts: byReference }))).toEqual(['44', '60']);
    expect(short(await references({ filter: { field: { greaterThan: { id: EN.amountInQuestion, value: { doubleValue: 50 } } } } }))).toEqual(['53']);
    expect(short(await references({ filter: equalTo(EN.refundRequested, { booleanValue: true }) }))).toEqual(['53']);
    const since = { field: { greaterThanOrEqualTo: { id: 'created_datetime', value: { stringValue: '2026-11-20T00:00:00Z' } } } };
    expect(short(await references({ filter: since, sorts: [{ fieldId: 'created_datetime', sortOrder: 'Asc' }] }))).toEqual(['42', '51', '47']);
    const neverClosed = await references({ filter: equalTo('last_closed_datetime', { emptyValue: {} }) });
    expect(neverClosed).toHaveLength(12);
    expect(neverClosed).not.toContain('CASE-2026-0043');
  });

  it('matches a quick search term in the reference, title, summary and custom text values', async () => {
    expect(short(await references({ searchTerm: 'customs' }))).toEqual(['49']);
    expect(short(await references({ searchTerm: 'inv-88123' }))).toEqual(['44']);
    expect(short(await references({ searchTerm: 'Pixel 9' }))).toEqual(['47']); // the product field only
    expect(short(await references({ searchTerm: 'CASE-2026-0061' }))).toEqual(['61']);
  });

  it('finds cases by tag', async () => {
    const { cases, domainId, arns } = f();
    const created = await cases.send(
      new CreateCaseCommand({
        domainId,
        templateId: DEMO_CASE_TEMPLATE_IDS.billingInquiryEn,
        fields: [{ id: 'customer_id', value: { stringValue: arns.profile(TARO) } }, { id: 'title', value: { stringValue: 'Tagged' } }, { id: EN.billingTopic, value: { stringValue: 'payment' } }],
        tags: { team: 'tier2' },
      }),
    );
    const answer = await cases.send(new SearchCasesCommand({ domainId, filter: { tag: { equalTo: { key: 'team', value: 'tier2' } } } }));
    expect(answer.cases!.map((c) => [c!.caseId, c!.tags])).toEqual([[created.caseId, { team: 'tier2' }]]);
  });
});

describe('SearchCases sorts and pages', () => {
  it('sorts by two fields', async () => {
    const refs = short(await references({ filter: customer(HIROSHI), sorts: [{ fieldId: 'status', sortOrder: 'Desc' }, { fieldId: 'reference_number', sortOrder: 'Desc' }] }));
    expect(refs).toEqual(['45', '44', '46']); // pending, open, closed
  });

  it('pages through every case with nextToken, each once, and counts them all', async () => {
    const { cases, domainId } = f();
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    const filter = { not: { tag: { equalTo: { key: 'team', value: 'tier2' } } } };
    do {
      const answer = await cases.send(new SearchCasesCommand({ domainId, maxResults: 6, nextToken, filter, sorts: byReference }));
      expect(answer.totalCount).toBe(20);
      seen.push(...answer.cases!.map((c) => c!.caseId!));
      nextToken = answer.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(20);
    expect(seen[0]).toBe('case-2026-0042');
    expect(seen.at(-1)).toBe('case-2026-0061');
  });

  it('defaults to pages of 25', async () => {
    const { cases, domainId } = f();
    const answer = await cases.send(new SearchCasesCommand({ domainId }));
    expect(answer.cases!.length).toBe(Math.min(25, answer.totalCount!));
  });
});

describe('SearchCases refusals', () => {
  const bad: [string, Partial<SearchCasesCommandInput> | Record<string, unknown>, RegExp][] = [
    ['maxResults over 25', { maxResults: 26 }, /maxResults/],
    ['more than 25 fields', { fields: Array.from({ length: 26 }, (_, i) => ({ id: `f${i}` })) }, /fields/],
    ['more than two sorts', { sorts: [...byReference, ...byReference, ...byReference] }, /sorts/],
    ['a sort on a field that does not exist', { sorts: [{ fieldId: 'nope', sortOrder: 'Asc' }] }, /nope/],
    ['a searchTerm over 255 characters', { searchTerm: 's'.repeat(256) }, /searchTerm/],
    ['a filter on a field that does not exist', { filter: equalTo('nope', { stringValue: 'x' }) }, /nope/],
    ['text compared with a Number field', { filter: equalTo(EN.amountInQuestion, { stringValue: '50' }) }, /Number/],
    ['contains on a Number field', { filter: { field: { contains: { id: EN.amountInQuestion, value: { doubleValue: 5 } } } } }, /contains/],
    ['a date that is not one', { filter: { field: { lessThan: { id: 'created_datetime', value: { stringValue: 'yesterday' } } } } }, /ISO 8601/],
    ['more than 10 filters in andAll', { filter: { andAll: Array.from({ length: 11 }, () => equalTo('status', { stringValue: 'open' })) } }, /at most 10/],
  ];
  it.each(bad)('refuses %s', async (_name, input, message) => {
    const error = await refusal(f().cases.send(new SearchCasesCommand({ domainId: f().domainId, ...(input as Partial<SearchCasesCommandInput>) })));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error?.message).toMatch(message);
  });

  it('refuses a filter that sets two members or none, as sent raw', async () => {
    const { request, domainId, cookie } = f();
    for (const filter of [{ field: { equalTo: { id: 'title', value: { stringValue: 'x' } } }, not: {} }, {}, { field: { equalTo: { id: 'title', value: {} } } }]) {
      const answer = await request(`/domains/${domainId}/cases-search`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify({ filter }) });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
      expect(((await answer.json()) as { message: string }).message).toMatch(/exactly one/);
    }
  });
});
