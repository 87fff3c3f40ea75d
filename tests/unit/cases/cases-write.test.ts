// CreateCase, GetCase and UpdateCase through the real @aws-sdk/client-connectcases: a case from a demo template gets
// the next reference number and the system times; required fields, field types and templates are checked as Cases
// checks them; a clientToken sent again gives the same case (and another request with it a ConflictException);
// GetCase answers the asked fields a page at a time; closing a case sets last_closed_datetime.
import {
  ConflictException,
  CreateCaseCommand,
  type CreateCaseCommandInput,
  CreateTemplateCommand,
  type FieldValue,
  GetCaseCommand,
  ResourceNotFoundException,
  UpdateCaseCommand,
  ValidationException,
} from '@aws-sdk/client-connectcases';
import { describe, expect, it } from 'vitest';
import { DEMO_CASE_FIELD_IDS, DEMO_CASE_TEMPLATE_IDS, fieldsOf, MICHAEL, refusal, TARO, useCasesFixture } from './cases-fixture';

const f = useCasesFixture();
const EN = DEMO_CASE_FIELD_IDS.en;

const text = (id: string, stringValue: string): FieldValue => ({ id, value: { stringValue } });

function newCase(overrides: Partial<CreateCaseCommandInput> = {}, extra: FieldValue[] = []) {
  const { cases, domainId, arns } = f();
  return cases.send(
    new CreateCaseCommand({
      domainId,
      templateId: DEMO_CASE_TEMPLATE_IDS.technicalSupportEn,
      fields: [text('customer_id', arns.profile(MICHAEL)), text('title', 'Router lights blinking red'), text(EN.priority, 'high'), ...extra],
      ...overrides,
    }),
  );
}

const ALL_SYSTEM = ['title', 'status', 'reference_number', 'summary', 'customer_id', 'created_datetime', 'last_updated_datetime', 'last_closed_datetime'].map((id) => ({ id }));

async function read(caseId: string, ids: { id: string }[] = ALL_SYSTEM) {
  const { cases, domainId } = f();
  const answer = await cases.send(new GetCaseCommand({ domainId, caseId, fields: ids }));
  return { ...answer, values: fieldsOf(answer.fields) };
}

describe('CreateCase', () => {
  it('creates an open case with the next reference, the customer as a profile ARN and its custom values', async () => {
    const before = Date.now();
    const created = await newCase({}, [
      { id: EN.devicesAffected, value: { doubleValue: 3 } },
      { id: EN.callbackRequested, value: { booleanValue: true } },
      text(EN.followUpBy, '2026-12-01T09:30:00+09:00'),
      text('summary', 'Blinks red after the firmware update.'),
    ]);
    expect(created.caseArn).toBe(f().arns.case(created.caseId!));
    const { values, templateId } = await read(created.caseId!, [...ALL_SYSTEM, { id: EN.devicesAffected }, { id: EN.callbackRequested }, { id: EN.followUpBy }]);
    expect(templateId).toBe(DEMO_CASE_TEMPLATE_IDS.technicalSupportEn);
    const year = new Date().getUTCFullYear();
    expect(values).toMatchObject({
      title: 'Router lights blinking red',
      status: 'open',
      summary: 'Blinks red after the firmware update.',
      customer_id: f().arns.profile(MICHAEL),
      [EN.devicesAffected]: 3,
      [EN.callbackRequested]: true,
      [EN.followUpBy]: '2026-12-01T00:30:00.000Z',
    });
    expect(values.reference_number).toMatch(new RegExp(`^CASE-${year}-\\d{4,}$`));
    expect(Date.parse(values.created_datetime as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(values.last_updated_datetime).toBe(values.created_datetime);
    expect(values).not.toHaveProperty('last_closed_datetime');
    const next = await newCase();
    const nextReference = (await read(next.caseId!)).values.reference_number as string;
    expect(Number(nextReference.split('-')[2])).toBe(Number((values.reference_number as string).split('-')[2]) + 1);
  });

  it('gives a retry with the same clientToken the same case, and refuses the token on another request', async () => {
    const token = 'retry-token-1';
    const first = await newCase({ clientToken: token });
    const again = await newCase({ clientToken: token });
    expect(again.caseId).toBe(first.caseId);
    const other = await refusal(newCase({ clientToken: token }, [text(EN.product, 'Another router')]));
    expect(other).toBeInstanceOf(ConflictException);
    expect(other?.$metadata?.httpStatusCode).toBe(409);
    expect(await refusal(newCase({ clientToken: 't'.repeat(65) }))).toBeInstanceOf(ValidationException);
  });

  const refusals: [string, () => Promise<unknown>, RegExp][] = [
    ['no title', () => f().cases.send(new CreateCaseCommand({ domainId: f().domainId, templateId: DEMO_CASE_TEMPLATE_IDS.technicalSupportEn, fields: [text('customer_id', f().arns.profile(TARO)), text(EN.priority, 'low')] })), /title/],
    ['no customer', () => f().cases.send(new CreateCaseCommand({ domainId: f().domainId, templateId: DEMO_CASE_TEMPLATE_IDS.technicalSupportEn, fields: [text('title', 'T'), text(EN.priority, 'low')] })), /customer_id/],
    [
      "the template's required field",
      () => f().cases.send(new CreateCaseCommand({ domainId: f().domainId, templateId: DEMO_CASE_TEMPLATE_IDS.technicalSupportEn, fields: [text('title', 'T'), text('customer_id', f().arns.profile(TARO))] })),
      new RegExp(EN.priority),
    ],
    ['a customer that is not a profile ARN', () => newCase({ fields: [text('customer_id', 'taro'), text('title', 'T'), text(EN.priority, 'low')] }), /profile ARN/],
    ['a profile that does not exist', () => newCase({ fields: [text('customer_id', f().arns.profile('nobody')), text('title', 'T'), text(EN.priority, 'low')] }), /does not exist/],
    ['an option the field does not have', () => newCase({ fields: [text('customer_id', f().arns.profile(TARO)), text('title', 'T'), text(EN.priority, 'urgent')] }), /low, medium, high/],
    ['a number as text', () => newCase({}, [text(EN.devicesAffected, '3')]), /doubleValue/],
    ['a date that is not ISO 8601', () => newCase({}, [text(EN.followUpBy, 'next Tuesday')]), /ISO 8601/],
    ['a field that does not exist', () => newCase({}, [text('no-such-field', 'x')]), /no-such-field/],
    ['a field given twice', () => newCase({}, [text(EN.product, 'a'), text(EN.product, 'b')]), /more than once/],
    ['a value with two members', () => newCase({}, [{ id: EN.product, value: { stringValue: 'a', doubleValue: 1 } as unknown as FieldValue['value'] }]), /exactly one/],
    ['text over 500 characters', () => newCase({}, [text(EN.product, 'p'.repeat(501))]), /500/],
    ['a read-only system field', () => newCase({}, [text('reference_number', 'CASE-1')]), /written by Cases/],
    ['a summary given as a number', () => newCase({}, [{ id: 'summary', value: { doubleValue: 1 } }]), /stringValue/],
  ];
  it.each(refusals)('refuses %s with ValidationException', async (_name, call, message) => {
    const error = await refusal(call());
    expect(error).toBeInstanceOf(ValidationException);
    expect(error?.message).toMatch(message);
  });

  it('refuses an inactive template (ValidationException) and one that does not exist (ResourceNotFoundException)', async () => {
    const { cases, domainId } = f();
    const inactive = await cases.send(new CreateTemplateCommand({ domainId, name: 'Retired', status: 'Inactive' }));
    const error = await refusal(newCase({ templateId: inactive.templateId }));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error?.message).toMatch(/Inactive/);
    expect(await refusal(newCase({ templateId: 'no-such-template' }))).toMatchObject({ name: 'ResourceNotFoundException', resourceType: 'Template' });
  });
});

describe('GetCase', () => {
  it('answers the asked fields that have values, ten a page, the rest with nextToken', async () => {
    const { cases, domainId } = f();
    const asked = [...ALL_SYSTEM, ...Object.values(EN).map((id) => ({ id }))];
    const first = await cases.send(new GetCaseCommand({ domainId, caseId: 'case-2026-0049', fields: asked }));
    expect(first.fields).toHaveLength(10);
    expect(first.nextToken).toBeTruthy();
    const second = await cases.send(new GetCaseCommand({ domainId, caseId: 'case-2026-0049', fields: asked, nextToken: first.nextToken }));
    expect(second.nextToken).toBeUndefined();
    const values = fieldsOf([...first.fields!, ...second.fields!]);
    expect(values).toMatchObject({ reference_number: 'CASE-2026-0049', title: 'Shipment delayed at customs', [EN.accountNumber]: 'AC-2001', [EN.priority]: 'high', [EN.callbackRequested]: true });
    expect(Object.keys(values)).not.toContain(EN.invoiceNumber); // a field of the other template, without a value
    expect(await refusal(cases.send(new GetCaseCommand({ domainId, caseId: 'case-2026-0049', fields: asked, nextToken: 'forged' })))).toBeInstanceOf(ValidationException);
  });

  it('refuses a case that does not exist, no fields, and an unknown field', async () => {
    const { cases, domainId } = f();
    expect(await refusal(cases.send(new GetCaseCommand({ domainId, caseId: 'nope', fields: [{ id: 'title' }] })))).toBeInstanceOf(ResourceNotFoundException);
    expect(await refusal(cases.send(new GetCaseCommand({ domainId, caseId: 'case-2026-0049', fields: [] })))).toBeInstanceOf(ValidationException);
    expect(await refusal(cases.send(new GetCaseCommand({ domainId, caseId: 'case-2026-0049', fields: [{ id: 'nope' }] })))).toBeInstanceOf(ValidationException);
  });
});

describe('UpdateCase', () => {
  it('changes values, clears one with emptyValue, and sets last_closed_datetime when the case closes', async () => {
    const { cases, domainId } = f();
    const { caseId } = await newCase({}, [text(EN.product, 'Router')]);
    const before = (await read(caseId!)).values;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cases.send(new UpdateCaseCommand({ domainId, caseId, fields: [text('status', 'closed'), text('title', 'Router replaced'), { id: EN.product, value: { emptyValue: {} } }] }));
    const after = await read(caseId!, [...ALL_SYSTEM, { id: EN.product }]);
    expect(after.values).toMatchObject({ status: 'closed', title: 'Router replaced' });
    expect(after.values).not.toHaveProperty(EN.product);
    expect(after.values.last_updated_datetime > before.last_updated_datetime!).toBe(true);
    expect(after.values.last_closed_datetime).toBe(after.values.last_updated_datetime);
    expect(after.values.created_datetime).toBe(before.created_datetime);
  });

  it('refuses emptying a required field, the title or the status, a read-only field, and a case that does not exist', async () => {
    const { cases, domainId } = f();
    const { caseId } = await newCase();
    const required = await refusal(cases.send(new UpdateCaseCommand({ domainId, caseId, fields: [{ id: EN.priority, value: { emptyValue: {} } }] })));
    expect(required?.message).toMatch(new RegExp(EN.priority));
    expect(await refusal(cases.send(new UpdateCaseCommand({ domainId, caseId, fields: [text('title', '  ')] })))).toBeInstanceOf(ValidationException);
    expect(await refusal(cases.send(new UpdateCaseCommand({ domainId, caseId, fields: [{ id: 'status', value: { emptyValue: {} } }] })))).toBeInstanceOf(ValidationException);
    expect(await refusal(cases.send(new UpdateCaseCommand({ domainId, caseId, fields: [text('last_updated_datetime', '2026-01-01T00:00:00Z')] })))).toBeInstanceOf(ValidationException);
    expect(await refusal(cases.send(new UpdateCaseCommand({ domainId, caseId: 'nope', fields: [text('title', 'x')] })))).toBeInstanceOf(ResourceNotFoundException);
  });
});
