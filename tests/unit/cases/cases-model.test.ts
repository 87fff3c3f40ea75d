// Cases' domain model through the real @aws-sdk/client-connectcases: the domain (GetDomain, ListDomains), the seeded
// templates in English and Japanese (ListTemplates with its status filter and pages, GetTemplate with the raw answer's
// fields and attribute mapping, GetLayout), CreateTemplate and its refusals, the fields (ListFields pages,
// BatchGetField with its errors list) and SingleSelect options (ListFieldOptions), each refusal as its SDK exception.
import {
  BatchGetFieldCommand,
  ConflictException,
  CreateTemplateCommand,
  GetDomainCommand,
  GetLayoutCommand,
  GetTemplateCommand,
  ListDomainsCommand,
  ListFieldOptionsCommand,
  ListFieldsCommand,
  ListTemplatesCommand,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-connectcases';
import { describe, expect, it } from 'vitest';
import { DEMO_CASE_FIELD_IDS, DEMO_CASE_TEMPLATE_IDS, refusal, useCasesFixture } from './cases-fixture';

const f = useCasesFixture();
const JA = DEMO_CASE_FIELD_IDS.ja;

describe('the Cases domain', () => {
  it('is the one domain of the instance, named like its profile domain', async () => {
    const { cases, domainId, arns } = f();
    const listed = await cases.send(new ListDomainsCommand({}));
    expect(listed.domains).toEqual([{ domainId, domainArn: arns.domain, name: 'amazon-connect-switchboard-demo' }]);
    const got = await cases.send(new GetDomainCommand({ domainId }));
    expect(got).toMatchObject({ domainId, domainStatus: 'Active', name: 'amazon-connect-switchboard-demo' });
    expect(got.createdTime).toBeInstanceOf(Date);
  });

  it('refuses another domain id with ResourceNotFoundException naming it', async () => {
    const error = await refusal(f().cases.send(new ListTemplatesCommand({ domainId: 'not-this-domain' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ resourceId: 'not-this-domain', resourceType: 'Domain', $metadata: { httpStatusCode: 404 } });
  });
});

describe('templates', () => {
  it('lists the four demo templates in order, a page at a time', async () => {
    const { cases, domainId } = f();
    const first = await cases.send(new ListTemplatesCommand({ domainId, maxResults: 3, status: ['Active'] }));
    expect(first.templates?.map((t) => t.name)).toEqual(['Technical support', '技術サポート', 'Billing inquiry']);
    const second = await cases.send(new ListTemplatesCommand({ domainId, maxResults: 3, status: ['Active'], nextToken: first.nextToken }));
    expect(second.templates?.map((t) => [t.templateId, t.name, t.status])).toEqual([[DEMO_CASE_TEMPLATE_IDS.billingInquiryJa, '請求に関するお問い合わせ', 'Active']]);
    expect(second.nextToken).toBeUndefined();
    expect((await cases.send(new ListTemplatesCommand({ domainId, status: ['Inactive'] }))).templates).toEqual([]);
  });

  it('refuses a page token of another request', async () => {
    const { cases, domainId } = f();
    const first = await cases.send(new ListTemplatesCommand({ domainId, maxResults: 1 }));
    const error = await refusal(cases.send(new ListTemplatesCommand({ domainId, maxResults: 1, status: ['Inactive'], nextToken: first.nextToken })));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error?.message).toMatch(/nextToken/);
  });

  it('answers GetTemplate with its layout and required fields; the raw answer adds its fields and attribute mapping', async () => {
    const { cases, domainId, request, cookie } = f();
    const template = await cases.send(new GetTemplateCommand({ domainId, templateId: DEMO_CASE_TEMPLATE_IDS.billingInquiryJa }));
    expect(template).toMatchObject({ name: '請求に関するお問い合わせ', status: 'Active', requiredFields: [{ fieldId: JA.billingTopic }], deleted: false });
    const layout = await cases.send(new GetLayoutCommand({ domainId, layoutId: template.layoutConfiguration!.defaultLayout! }));
    const topPanel = layout.content && 'basic' in layout.content ? layout.content.basic?.topPanel?.sections?.[0] : undefined;
    expect(topPanel && 'fieldGroup' in topPanel ? topPanel.fieldGroup?.fields?.map((x) => x.id) : null).toEqual([JA.accountNumber, JA.billingTopic, JA.priority]);

    const raw = await request(`/domains/${domainId}/templates/${DEMO_CASE_TEMPLATE_IDS.billingInquiryJa}`, { method: 'POST', headers: { Cookie: cookie } });
    const body = (await raw.json()) as { attributeMapping: Record<string, string>; fields: { id: string }[] };
    expect(body.attributeMapping).toEqual({ accountNumber: JA.accountNumber });
    expect(body.fields.map((x) => x.id)).toEqual([JA.accountNumber, JA.billingTopic, JA.priority, JA.invoiceNumber, JA.amountInQuestion, JA.refundRequested, JA.followUpBy, 'summary']);
  });

  it('creates a template from fields that exist, and refuses a taken name, an unknown layout or field', async () => {
    const { cases, domainId } = f();
    const created = await cases.send(new CreateTemplateCommand({ domainId, name: 'Complaint', description: 'A complaint', requiredFields: [{ fieldId: JA.priority }], status: 'Inactive' }));
    expect(created.templateArn).toBe(f().arns.template(created.templateId!));
    expect(await cases.send(new GetTemplateCommand({ domainId, templateId: created.templateId }))).toMatchObject({ name: 'Complaint', status: 'Inactive', requiredFields: [{ fieldId: JA.priority }] });
    expect(await refusal(cases.send(new CreateTemplateCommand({ domainId, name: 'Complaint' })))).toBeInstanceOf(ConflictException);
    const noLayout = await refusal(cases.send(new CreateTemplateCommand({ domainId, name: 'X', layoutConfiguration: { defaultLayout: 'no-such-layout' } })));
    expect(noLayout).toBeInstanceOf(ValidationException);
    const noField = await refusal(cases.send(new CreateTemplateCommand({ domainId, name: 'Y', requiredFields: [{ fieldId: 'no-such-field' }] })));
    expect(noField?.message).toMatch(/no-such-field/);
    const longName = await refusal(cases.send(new CreateTemplateCommand({ domainId, name: 'n'.repeat(101) })));
    expect(longName).toBeInstanceOf(ValidationException);
  });

  it('answers 404 for a template that does not exist', async () => {
    const error = await refusal(f().cases.send(new GetTemplateCommand({ domainId: f().domainId, templateId: 'missing' })));
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', resourceId: 'missing', resourceType: 'Template' });
  });
});

describe('fields and options', () => {
  it('lists the system fields first, then the custom ones, a page at a time', async () => {
    const { cases, domainId } = f();
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await cases.send(new ListFieldsCommand({ domainId, maxResults: 7, nextToken }));
      expect(page.fields!.length).toBeLessThanOrEqual(7);
      ids.push(...page.fields!.map((x) => x.fieldId!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(ids.slice(0, 8)).toEqual(['title', 'status', 'reference_number', 'summary', 'customer_id', 'created_datetime', 'last_updated_datetime', 'last_closed_datetime']);
    expect(ids).toHaveLength(8 + 20);
    expect(ids).toContain(JA.refundRequested);
  });

  it('gets fields by id and lists the ids it does not know as errors', async () => {
    const { cases, domainId } = f();
    const got = await cases.send(new BatchGetFieldCommand({ domainId, fields: [{ id: JA.followUpBy }, { id: 'status' }, { id: 'nope' }] }));
    expect(got.fields?.map((x) => [x.fieldId, x.name, x.type, x.namespace])).toEqual([
      [JA.followUpBy, '対応期限', 'DateTime', 'Custom'],
      ['status', 'Status', 'SingleSelect', 'System'],
    ]);
    expect(got.errors).toEqual([{ id: 'nope', errorCode: 'NotFound', message: expect.stringContaining('nope') }]);
    expect(await refusal(cases.send(new BatchGetFieldCommand({ domainId, fields: [] })))).toBeInstanceOf(ValidationException);
  });

  it('lists a SingleSelect field’s options in order, filtered by value and paged', async () => {
    const { cases, domainId } = f();
    const all = await cases.send(new ListFieldOptionsCommand({ domainId, fieldId: JA.billingTopic }));
    expect(all.options?.map((o) => [o.value, o.name, o.active])).toEqual([
      ['charge', '請求額の誤り', true],
      ['payment', 'お支払い', true],
      ['plan', 'プラン・契約', true],
      ['address', '住所・登録情報', true],
      ['other', 'その他', true],
    ]);
    const one = await cases.send(new ListFieldOptionsCommand({ domainId, fieldId: JA.billingTopic, values: ['plan'] }));
    expect(one.options?.map((o) => o.name)).toEqual(['プラン・契約']);
    const first = await cases.send(new ListFieldOptionsCommand({ domainId, fieldId: 'status', maxResults: 2 }));
    const rest = await cases.send(new ListFieldOptionsCommand({ domainId, fieldId: 'status', maxResults: 2, nextToken: first.nextToken }));
    expect([...first.options!, ...rest.options!].map((o) => o.value)).toEqual(['open', 'pending', 'closed']);
    expect(await refusal(cases.send(new ListFieldOptionsCommand({ domainId, fieldId: 'nope' })))).toBeInstanceOf(ResourceNotFoundException);
    expect(await refusal(cases.send(new ListFieldOptionsCommand({ domainId, fieldId: 'status', maxResults: 101 })))).toBeInstanceOf(ValidationException);
  });
});
