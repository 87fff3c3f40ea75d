// Tests for task templates: the seeded English and Japanese templates (every field type, constraints, defaults,
// valid by Connect's rules, stored once), a task made from a template and filled fields as TaskJS's
// createTemplatedTask sends them (each type's check, required / read-only / invisible, defaults), and the checks
// on a template an admin defines.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { DEMO_TASK_TEMPLATE_IDS, demoTaskTemplates } from '../../../contact-center/seed/demo-task-templates';
import { flowIdOfQueue } from '../../../contact-center/server/routes/start-chat-contact';
import { openDatabase, type Database } from '../../../contact-center/store/database';
import { getTaskTemplate, listTaskTemplates, seedTaskTemplatesIfEmpty } from '../../../contact-center/store/task-template-repository';
import { checkTemplateDefinition, type TaskTemplateInput } from '../../../contact-center/tasks/task-template-definition';
import { TASK_TEMPLATE_FIELD_TYPES, type TaskTemplate } from '../../../contact-center/tasks/task-template-model';
import { taskFromTemplate, type TemplatedTaskRequest, type TemplatedTaskResult } from '../../../contact-center/tasks/task-templates';

const NOW = Date.parse('2026-12-03T01:00:00Z');
const NOW_S = NOW / 1000;
const QUICK_CONNECTS = new Set(DEMO_INSTANCE.quickConnects.map((qc) => qc.id));
const SUPPORT_FLOW = flowIdOfQueue(DEMO_INSTANCE, 'support');
const QC_ARN = `arn:aws:connect:ap-northeast-1:123456789012:instance/${DEMO_INSTANCE.instanceId}/transfer-destination/qc-agent2`;

let db: Database;
beforeEach(() => {
  db = openDatabase(':memory:');
  seedTaskTemplatesIfEmpty(db, demoTaskTemplates(DEMO_INSTANCE, NOW));
});
afterEach(() => db.close());

const template = (id: string): TaskTemplate => getTaskTemplate(db, id)!;
const callBack = () => template(DEMO_TASK_TEMPLATE_IDS.callBackEn);
const sendDocument = () => template(DEMO_TASK_TEMPLATE_IDS.sendDocumentEn);
const run = (t: TaskTemplate, request: TemplatedTaskRequest) => taskFromTemplate(t, request, { now: NOW, quickConnectIds: QUICK_CONNECTS });
const refusalsOf = (result: TemplatedTaskResult) => (result.ok ? [] : result.refusals);
const taskOf = (result: TemplatedTaskResult) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusals)}`);
  return result.task;
};

/** A callback as the panel sends it: defaults for the locked fields, the agent's values for the rest. */
function callBackRequest(references: Record<string, unknown> = {}, top: Partial<TemplatedTaskRequest> = {}): TemplatedTaskRequest {
  const base: Record<string, unknown> = { 'Phone number': '+819012345678', Language: 'Japanese', 'Customer agreed to a call': 'true', ...references };
  const entries = Object.entries(base).filter(([, value]) => value !== undefined);
  return { Name: 'Call back the customer', ScheduledTime: NOW_S + 3600, QuickConnectId: 'qc-agent2', References: Object.fromEntries(entries.map(([k, v]) => [k, { Type: 'STRING', Value: v }])), ...top };
}

function documentRequest(references: Record<string, unknown> = {}): TemplatedTaskRequest {
  const base: Record<string, unknown> = { Document: 'Invoice', 'Customer email': 'taro.suzuki@example.jp', ...references };
  return { Name: 'Send a document', References: Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { Type: 'STRING', Value: v }])) };
}

describe('seeded task templates', () => {
  it('are the two templates in English and in Japanese, stored once', () => {
    expect(listTaskTemplates(db).map((t) => t.Name)).toEqual(['Call back the customer', 'お客様へ折り返し電話', 'Send a document', '書類を送付']);
    expect(seedTaskTemplatesIfEmpty(db, demoTaskTemplates(DEMO_INSTANCE, NOW + 1000))).toBe(false);
    expect(listTaskTemplates(db)).toHaveLength(4);
    expect(callBack()).toMatchObject({ Status: 'ACTIVE', ContactFlowId: SUPPORT_FLOW, CreatedTime: NOW_S, Arn: expect.stringMatching(/:instance\/.+\/task-template\/3f6c2a10-/) });
  });

  it('cover every field type in each language, with required, read-only and invisible fields and defaults', () => {
    const languages = { en: [DEMO_TASK_TEMPLATE_IDS.callBackEn, DEMO_TASK_TEMPLATE_IDS.sendDocumentEn], ja: [DEMO_TASK_TEMPLATE_IDS.callBackJa, DEMO_TASK_TEMPLATE_IDS.sendDocumentJa] };
    for (const ids of Object.values(languages)) {
      const templates = ids.map(template);
      const types = new Set(templates.flatMap((t) => t.Fields.map((field) => field.Type)));
      expect([...types].sort()).toEqual([...TASK_TEMPLATE_FIELD_TYPES].sort());
      for (const t of templates) {
        expect(t.Constraints.RequiredFields.length).toBeGreaterThan(0);
        expect(t.Constraints.ReadOnlyFields.length).toBeGreaterThan(0);
        expect(t.Constraints.InvisibleFields.length).toBeGreaterThan(0);
        expect(t.Defaults.DefaultFieldValues.length).toBeGreaterThan(0);
      }
    }
    expect(template(DEMO_TASK_TEMPLATE_IDS.callBackJa).Fields.map((f) => f.Id.Name)).toContain('電話番号');
  });

  it('pass the checks Connect makes on a template', () => {
    const context = { flowIds: new Set(DEMO_INSTANCE.queues.map((q) => flowIdOfQueue(DEMO_INSTANCE, q.id))), quickConnectIds: QUICK_CONNECTS, takenNames: new Set<string>() };
    for (const t of listTaskTemplates(db)) expect(checkTemplateDefinition(t, context)).toMatchObject({ ok: true });
  });
});

describe('a task from a template', () => {
  it('takes the filled fields and the defaults, as the references Connect gives a task', () => {
    const task = taskOf(run(callBack(), callBackRequest({}, { Description: 'About the refund', QuickConnectId: QC_ARN })));
    expect(task).toEqual({
      templateId: DEMO_TASK_TEMPLATE_IDS.callBackEn,
      templateArn: callBack().Arn,
      contactFlowId: SUPPORT_FLOW,
      name: 'Call back the customer',
      description: 'About the refund',
      scheduledTime: NOW + 3_600_000,
      quickConnectId: 'qc-agent2',
      references: {
        'Phone number': { Type: 'STRING', Value: '+819012345678' },
        'Callback script': { Type: 'URL', Value: 'https://support.example.com/scripts/callback' },
        Language: { Type: 'STRING', Value: 'Japanese' },
        Attempt: { Type: 'NUMBER', Value: '1' },
        'Customer agreed to a call': { Type: 'STRING', Value: 'true' },
      },
    });
  });

  it('fills a field left out or blank with its default, and the name from the NAME field', () => {
    const task = taskOf(run(callBack(), callBackRequest({ Language: '' }, { Name: undefined, Description: '' })));
    expect(task.name).toBe('Call back the customer');
    expect(task.description).toBe('Call the customer back about their open request.');
    expect(task.references.Language).toEqual({ Type: 'STRING', Value: 'English' });
  });

  it('refuses required fields with no value, naming each', () => {
    const refusals = refusalsOf(run(callBack(), callBackRequest({ 'Phone number': undefined }, { ScheduledTime: undefined })));
    expect(refusals).toEqual([
      { field: 'Call at', reason: '"Call at" is required.' },
      { field: 'Phone number', reason: '"Phone number" is required.' },
    ]);
  });

  it('keeps read-only and invisible fields at their defaults: the same value passes, another is refused', () => {
    expect(run(callBack(), callBackRequest({ 'Callback script': 'https://support.example.com/scripts/callback', Attempt: 1 })).ok).toBe(true);
    expect(refusalsOf(run(callBack(), callBackRequest({ 'Callback script': 'https://evil.example/script' })))).toEqual([
      { field: 'Callback script', reason: `"Callback script" is read-only: it keeps the template's value.` },
    ]);
    expect(refusalsOf(run(callBack(), callBackRequest({ Attempt: '2' })))[0]?.reason).toBe('"Attempt" is hidden from agents and cannot be set.');
  });

  it('checks URL (http and https only), EMAIL, NUMBER and SINGLE_SELECT values', () => {
    const reasons = (refs: Record<string, unknown>) => refusalsOf(run(sendDocument(), documentRequest(refs))).map((r) => r.reason);
    expect(reasons({ 'Document link': 'javascript:alert(1)' })).toEqual(['"Document link" must be a web address starting with http:// or https://.']);
    expect(reasons({ 'Document link': 'ftp://files.example.com/a.pdf' })).toHaveLength(1);
    expect(reasons({ 'Document link': 'https://docs.example.com/invoice 1.pdf' })).toHaveLength(1);
    expect(reasons({ 'Customer email': 'taro.suzuki@' })).toEqual(['"Customer email" must be an email address such as name@example.com.']);
    expect(reasons({ Document: 'Receipt' })).toEqual(['"Document" must be one of: Contract, Invoice, Product manual, Warranty certificate.']);
    expect(refusalsOf(run(callBack(), callBackRequest({ Language: 'english' })))).toHaveLength(1);
    const task = taskOf(run(sendDocument(), documentRequest({ 'Document link': 'https://docs.example.com/invoice.pdf' })));
    expect(task.references['Document link']).toEqual({ Type: 'URL', Value: 'https://docs.example.com/invoice.pdf' });
    expect(task.references['Customer email']).toEqual({ Type: 'EMAIL', Value: 'taro.suzuki@example.jp' });
  });

  it('reads DATE_TIME as ISO 8601 with a zone or epoch seconds, into a DATE reference of epoch seconds', () => {
    const sendBy = (value: unknown) => run(sendDocument(), documentRequest({ 'Send by': value }));
    expect(taskOf(sendBy('2026-12-05T15:00:00+09:00')).references['Send by']).toEqual({ Type: 'DATE', Value: String(Date.parse('2026-12-05T06:00:00Z') / 1000) });
    expect(taskOf(sendBy(1796364000)).references['Send by']).toEqual({ Type: 'DATE', Value: '1796364000' });
    for (const bad of ['2026-02-30T10:00:00Z', '2026-12-05 15:00', '2026-12-05T15:00:00', 'tomorrow', -5]) {
      expect(refusalsOf(sendBy(bad))[0]?.reason, String(bad)).toMatch(/"Send by" must be a date and time/);
    }
  });

  it('reads NUMBER and BOOLEAN values as TaskJS may send them (numbers, booleans or strings)', () => {
    const agreed = (value: unknown) => callBackRequest({ 'Customer agreed to a call': value });
    expect(taskOf(run(callBack(), agreed(false))).references['Customer agreed to a call']).toEqual({ Type: 'STRING', Value: 'false' });
    expect(taskOf(run(callBack(), agreed('TRUE'))).references['Customer agreed to a call']?.Value).toBe('true');
    expect(refusalsOf(run(callBack(), agreed('yes')))[0]?.reason).toBe('"Customer agreed to a call" must be true or false.');
    const numbers = { ...callBack(), Constraints: { ...callBack().Constraints, InvisibleFields: [] } };
    expect(taskOf(run(numbers, callBackRequest({ Attempt: 2.5 }))).references.Attempt).toEqual({ Type: 'NUMBER', Value: '2.5' });
    expect(taskOf(run(numbers, callBackRequest({ Attempt: '-3' }))).references.Attempt?.Value).toBe('-3');
    expect(refusalsOf(run(numbers, callBackRequest({ Attempt: 'two' })))[0]?.reason).toBe('"Attempt" must be a number, such as 42 or 3.5.');
  });

  it('refuses a scheduled time in the past or more than 6 days ahead', () => {
    expect(refusalsOf(run(callBack(), callBackRequest({}, { ScheduledTime: NOW_S - 3600 })))[0]?.reason).toMatch(/"Call at" is in the past/);
    expect(refusalsOf(run(callBack(), callBackRequest({}, { ScheduledTime: NOW_S + 6 * 86400 + 60 })))[0]?.reason).toMatch(/more than 6 days ahead/);
    expect(taskOf(run(callBack(), callBackRequest({}, { ScheduledTime: NOW_S + 6 * 86400 }))).scheduledTime).toBe(NOW + 6 * 86_400_000);
  });

  it('refuses a quick connect the instance does not have, and lengths over Connect limits', () => {
    expect(refusalsOf(run(callBack(), callBackRequest({}, { QuickConnectId: 'qc-nobody' })))[0]?.reason).toBe('"Assign to" names no quick connect of this instance (qc-nobody).');
    expect(refusalsOf(run(callBack(), callBackRequest({}, { Name: 'x'.repeat(513) })))[0]?.reason).toBe('"Task name" is 513 characters long; at most 512 are allowed.');
    expect(refusalsOf(run(callBack(), callBackRequest({}, { Description: 'x'.repeat(4097) })))).toHaveLength(1);
    expect(refusalsOf(run(callBack(), callBackRequest({ 'Phone number': 'x'.repeat(4097) })))).toHaveLength(1);
  });

  it('refuses references that are not fields of the template', () => {
    expect(refusalsOf(run(callBack(), callBackRequest({ 'Order number': 'A-1' })))).toEqual([
      { field: 'Order number', reason: '"Order number" is not a field of the task template "Call back the customer".' },
    ]);
  });

  it('applies SELF_ASSIGN and EXPIRY_DURATION: the self-assign flow, the read-only expiry default', () => {
    const selfAssigning = { ...sendDocument(), SelfAssignFlowId: SUPPORT_FLOW };
    const task = taskOf(run(selfAssigning, documentRequest({ 'Assign to me': true })));
    expect(task).toMatchObject({ selfAssign: true, expiryMinutes: 4320, contactFlowId: SUPPORT_FLOW });
    expect(taskOf(run(selfAssigning, documentRequest())).selfAssign).toBeUndefined();
    const editable = { ...sendDocument(), Constraints: { ...sendDocument().Constraints, ReadOnlyFields: [] } };
    expect(taskOf(run(editable, documentRequest({ 'Expires after (minutes)': 60 }))).expiryMinutes).toBe(60);
    for (const bad of [0, 1.5, 129_601, 'soon']) {
      expect(refusalsOf(run(editable, documentRequest({ 'Expires after (minutes)': bad })))[0]?.reason).toMatch(/whole number of minutes from 1 to 129600/);
    }
  });

  it('creates nothing from an inactive template', () => {
    const result = run({ ...callBack(), Status: 'INACTIVE' }, callBackRequest());
    expect(refusalsOf(result)).toEqual([{ field: 'TaskTemplateId', reason: 'The task template "Call back the customer" is inactive; tasks can be created only from active templates.' }]);
  });

  it('works the same with the Japanese template', () => {
    const ja = template(DEMO_TASK_TEMPLATE_IDS.sendDocumentJa);
    const result = run(ja, { References: { 書類: { Type: 'STRING', Value: '請求書' }, 送付先メールアドレス: { Type: 'EMAIL', Value: 'sakura.ito@example.jp' } } });
    expect(taskOf(result)).toMatchObject({ name: '書類を送付', expiryMinutes: 4320, references: { 書類: { Type: 'STRING', Value: '請求書' }, フォーム版: { Type: 'STRING', Value: '2026-12' } } });
    expect(refusalsOf(run(ja, { References: { 書類: { Value: '領収書' } } })).map((r) => r.field)).toEqual(['書類', '送付先メールアドレス']);
  });
});

describe('a template an admin defines', () => {
  const context = { flowIds: new Set([SUPPORT_FLOW]), quickConnectIds: QUICK_CONNECTS, takenNames: new Set(['Call back the customer']) };
  const valid = (): TaskTemplateInput => ({
    Name: 'Check a delivery',
    ContactFlowId: SUPPORT_FLOW,
    Fields: [
      { Id: { Name: 'Title' }, Type: 'NAME' },
      { Id: { Name: 'Carrier' }, Type: 'SINGLE_SELECT', SingleSelectOptions: ['Yamato', 'Sagawa'] },
      { Id: { Name: 'Owner' }, Type: 'QUICK_CONNECT' },
    ],
    Constraints: { RequiredFields: [{ Id: { Name: 'Title' } }] },
    Defaults: { DefaultFieldValues: [{ Id: { Name: 'Carrier' }, DefaultValue: 'Yamato' }] },
  });
  const reasons = (input: TaskTemplateInput) => {
    const result = checkTemplateDefinition(input, context);
    return result.ok ? [] : result.problems.map((p) => `${p.PropertyPath} ${p.Reason}`);
  };

  it('is stored in Connect shape, ACTIVE unless it says otherwise', () => {
    const result = checkTemplateDefinition(valid(), context);
    expect(result).toMatchObject({ ok: true, definition: { Status: 'ACTIVE', Constraints: { RequiredFields: [{ Id: { Name: 'Title' } }], ReadOnlyFields: [], InvisibleFields: [] } } });
  });

  it('needs exactly one NAME field, required, and unique field names', () => {
    expect(reasons({ ...valid(), Fields: valid().Fields.slice(1) })).toContain('Fields REQUIRED_PROPERTY_MISSING');
    expect(reasons({ ...valid(), Constraints: { RequiredFields: [] } })).toEqual(['Constraints.RequiredFields REQUIRED_PROPERTY_MISSING']);
    expect(reasons({ ...valid(), Constraints: undefined })).toContain('Constraints REQUIRED_PROPERTY_MISSING');
    expect(reasons({ ...valid(), Fields: [...valid().Fields, { Id: { Name: 'Carrier' }, Type: 'TEXT' }] })).toEqual(['Fields[3].Id.Name UNIQUE_CONSTRAINT_VIOLATED']);
    expect(reasons({ ...valid(), Fields: [...valid().Fields, { Id: { Name: 'Other title' }, Type: 'NAME' }] })).toEqual(['Fields[3].Type UNIQUE_CONSTRAINT_VIOLATED']);
  });

  it('checks types, options, constraint and default references, and default values', () => {
    expect(reasons({ ...valid(), Fields: [...valid().Fields, { Id: { Name: 'Odd' }, Type: 'COLOR' }] })).toEqual(['Fields[3].Type INVALID_FORMAT']);
    expect(reasons({ ...valid(), Fields: [...valid().Fields, { Id: { Name: 'Note' }, Type: 'TEXT', SingleSelectOptions: ['a'] }] })).toEqual(['Fields[3].SingleSelectOptions NOT_SUPPORTED']);
    expect(reasons({ ...valid(), Fields: [...valid().Fields, { Id: { Name: 'Pick' }, Type: 'SINGLE_SELECT' }] })).toEqual(['Fields[3].SingleSelectOptions REQUIRED_PROPERTY_MISSING']);
    expect(reasons({ ...valid(), Constraints: { RequiredFields: [{ Id: { Name: 'Title' } }], ReadOnlyFields: [{ Id: { Name: 'Nope' } }] } })).toEqual(['Constraints.ReadOnlyFields[0].Id.Name REFERENCED_RESOURCE_NOT_FOUND']);
    expect(reasons({ ...valid(), Defaults: { DefaultFieldValues: [{ Id: { Name: 'Carrier' }, DefaultValue: 'DHL' }] } })).toEqual(['Defaults.DefaultFieldValues[0].DefaultValue INVALID_FORMAT']);
    expect(reasons({ ...valid(), Defaults: { DefaultFieldValues: [{ Id: { Name: 'Owner' }, DefaultValue: 'qc-nobody' }] } })).toEqual(['Defaults.DefaultFieldValues[0].DefaultValue REFERENCED_RESOURCE_NOT_FOUND']);
  });

  it('refuses a required field agents could never fill, a taken name, and a template with nothing to route by', () => {
    const hidden = { ...valid(), Constraints: { RequiredFields: [{ Id: { Name: 'Title' } }], InvisibleFields: [{ Id: { Name: 'Title' } }] } };
    expect(reasons(hidden)).toEqual(['Constraints.RequiredFields[0].Id.Name NOT_SUPPORTED']);
    expect(reasons({ ...valid(), Name: 'Call back the customer' })).toEqual(['Name RESOURCE_NAME_ALREADY_EXISTS']);
    expect(reasons({ ...valid(), ContactFlowId: undefined, Fields: valid().Fields.slice(0, 2) })).toEqual(['ContactFlowId REQUIRED_PROPERTY_MISSING']);
    expect(reasons({ ...valid(), ContactFlowId: 'no-such-flow' })).toEqual(['ContactFlowId REFERENCED_RESOURCE_NOT_FOUND']);
    expect(reasons({ ...valid(), Name: 'x'.repeat(101) })).toEqual(['Name INVALID_FORMAT']);
  });
});
