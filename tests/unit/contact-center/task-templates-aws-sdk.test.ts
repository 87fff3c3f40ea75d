// The task template API on Amazon Connect's routes, called with the real @aws-sdk/client-connect as an admin's
// script or a backend would: the seeded templates listed and read, a template created (idempotent on its
// ClientToken), updated, kept across a restart, and bad templates refused in Connect's exception shapes.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConnectClient,
  CreateTaskTemplateCommand,
  type CreateTaskTemplateCommandInput,
  GetTaskTemplateCommand,
  InvalidRequestException,
  ListTaskTemplatesCommand,
  PropertyValidationException,
  ResourceNotFoundException,
  UpdateTaskTemplateCommand,
} from '@aws-sdk/client-connect';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TASK_TEMPLATE_IDS } from '../../../contact-center/seed/demo-task-templates';
import { startContactCenter } from '../../../contact-center/server/contact-center-server';
import { flowIdOfQueue } from '../../../contact-center/server/routes/start-chat-contact';
import { SDK_CREDENTIALS, type ParticipantFixture, startParticipantFixture } from './participant-fixture';

let f: ParticipantFixture;
let instanceId: string;

beforeEach(async () => {
  f = await startParticipantFixture();
  instanceId = f.cc.engine.instance.instanceId;
});

afterEach(async () => {
  await f.close();
});

function deliveryTemplate(overrides: Partial<CreateTaskTemplateCommandInput> = {}): CreateTaskTemplateCommandInput {
  return {
    InstanceId: instanceId,
    Name: 'Check a delivery',
    Description: 'Ask the carrier where a parcel is.',
    ContactFlowId: flowIdOfQueue(f.cc.engine.instance, 'support'),
    Fields: [
      { Id: { Name: 'Title' }, Type: 'NAME' },
      { Id: { Name: 'Carrier' }, Type: 'SINGLE_SELECT', SingleSelectOptions: ['Yamato', 'Sagawa', 'Japan Post'] },
      { Id: { Name: 'Tracking page' }, Type: 'URL', Description: 'The carrier page of the parcel' },
    ],
    Constraints: { RequiredFields: [{ Id: { Name: 'Title' } }, { Id: { Name: 'Carrier' } }] },
    Defaults: { DefaultFieldValues: [{ Id: { Name: 'Title' }, DefaultValue: 'Check a delivery' }] },
    ...overrides,
  };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('ListTaskTemplates and GetTaskTemplate', () => {
  it('list the seeded templates, ACTIVE, with their times as dates', async () => {
    const listed = await f.connect.send(new ListTaskTemplatesCommand({ InstanceId: instanceId }));
    expect(listed.TaskTemplates?.map((t) => t.Name)).toEqual(['Call back the customer', 'お客様へ折り返し電話', 'Send a document', '書類を送付']);
    expect(listed.TaskTemplates?.[0]).toMatchObject({ Id: DEMO_TASK_TEMPLATE_IDS.callBackEn, Status: 'ACTIVE', Arn: expect.stringContaining(`/task-template/${DEMO_TASK_TEMPLATE_IDS.callBackEn}`) });
    expect(listed.TaskTemplates?.[0]?.CreatedTime).toBeInstanceOf(Date);
    expect(listed.NextToken).toBeUndefined();
  });

  it('filter by status as sent (a lower-case status matches nothing, as on Connect) and by name', async () => {
    const list = (input: { Status?: 'ACTIVE' | 'INACTIVE'; Name?: string }) => f.connect.send(new ListTaskTemplatesCommand({ InstanceId: instanceId, ...input })).then((r) => r.TaskTemplates?.map((t) => t.Name));
    expect(await list({ Status: 'INACTIVE' })).toEqual([]);
    expect(await list({ Status: 'active' as 'ACTIVE' })).toEqual([]);
    expect(await list({ Status: 'ACTIVE' })).toHaveLength(4);
    expect(await list({ Name: 'document' })).toEqual(['Send a document']);
  });

  it('page with MaxResults and NextToken', async () => {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await f.connect.send(new ListTaskTemplatesCommand({ InstanceId: instanceId, MaxResults: 3, NextToken }));
      names.push(...(page.TaskTemplates ?? []).map((t) => t.Name!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(4);
  });

  it('get a template with its fields, constraints and defaults; the instance ARN is accepted as InstanceId', async () => {
    const instance = f.cc.engine.instance;
    const arn = `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instanceId}`;
    const got = await f.connect.send(new GetTaskTemplateCommand({ InstanceId: arn, TaskTemplateId: DEMO_TASK_TEMPLATE_IDS.sendDocumentJa }));
    expect(got).toMatchObject({ Id: DEMO_TASK_TEMPLATE_IDS.sendDocumentJa, Name: '書類を送付', InstanceId: instanceId, Status: 'ACTIVE', ContactFlowId: flowIdOfQueue(instance, 'billing') });
    expect(got.Fields?.find((field) => field.Type === 'SINGLE_SELECT')).toEqual({ Id: { Name: '書類' }, Type: 'SINGLE_SELECT', Description: '送付する書類', SingleSelectOptions: ['契約書', '請求書', '製品マニュアル', '保証書'] });
    expect(got.Constraints?.InvisibleFields).toEqual([{ Id: { Name: 'フォーム版' } }]);
    expect(got.Defaults?.DefaultFieldValues).toContainEqual({ Id: { Name: '有効期限（分）' }, DefaultValue: '4320' });
    expect(got.LastModifiedTime).toBeInstanceOf(Date);
  });

  it('answer an unknown template or instance with ResourceNotFoundException 404', async () => {
    const missing = await refusal(f.connect.send(new GetTaskTemplateCommand({ InstanceId: instanceId, TaskTemplateId: 'no-such-template' })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect((missing as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    expect(await refusal(f.connect.send(new ListTaskTemplatesCommand({ InstanceId: 'another-instance' })))).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('CreateTaskTemplate and UpdateTaskTemplate', () => {
  it('create a template that GetTaskTemplate and ListTaskTemplates then show, once per ClientToken', async () => {
    const created = await f.connect.send(new CreateTaskTemplateCommand(deliveryTemplate({ ClientToken: 'delivery-1' })));
    expect(created.Id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.Arn).toBe(`arn:aws:connect:ap-northeast-1:123456789012:instance/${instanceId}/task-template/${created.Id}`);
    const again = await f.connect.send(new CreateTaskTemplateCommand(deliveryTemplate({ ClientToken: 'delivery-1' })));
    expect(again.Id).toBe(created.Id);
    const got = await f.connect.send(new GetTaskTemplateCommand({ InstanceId: instanceId, TaskTemplateId: created.Id }));
    expect(got).toMatchObject({
      Name: 'Check a delivery',
      Status: 'ACTIVE',
      Constraints: { RequiredFields: [{ Id: { Name: 'Title' } }, { Id: { Name: 'Carrier' } }], ReadOnlyFields: [], InvisibleFields: [] },
      Fields: [{ Id: { Name: 'Title' }, Type: 'NAME' }, { Id: { Name: 'Carrier' } }, { Id: { Name: 'Tracking page' }, Description: 'The carrier page of the parcel' }],
    });
    const listed = await f.connect.send(new ListTaskTemplatesCommand({ InstanceId: instanceId }));
    expect(listed.TaskTemplates?.map((t) => t.Name)).toEqual(['Call back the customer', 'お客様へ折り返し電話', 'Send a document', '書類を送付', 'Check a delivery']);
  });

  it('refuse a template against Connect rules with PropertyValidationException 400 listing every problem', async () => {
    const bad = deliveryTemplate({
      ContactFlowId: 'no-such-flow',
      Fields: [{ Id: { Name: 'Carrier' }, Type: 'SINGLE_SELECT' }, { Id: { Name: 'Carrier' }, Type: 'TEXT' }],
      Constraints: { RequiredFields: [{ Id: { Name: 'Carrier' } }] },
      Defaults: { DefaultFieldValues: [] },
    });
    const error = await refusal(f.connect.send(new CreateTaskTemplateCommand(bad)));
    expect(error).toBeInstanceOf(PropertyValidationException);
    const exception = error as PropertyValidationException;
    expect(exception.$metadata.httpStatusCode).toBe(400);
    expect(exception.PropertyList?.map((p) => `${p.PropertyPath} ${p.Reason}`)).toEqual([
      'Fields[0].SingleSelectOptions REQUIRED_PROPERTY_MISSING',
      'Fields[1].Id.Name UNIQUE_CONSTRAINT_VIOLATED',
      'Fields REQUIRED_PROPERTY_MISSING',
      'ContactFlowId REFERENCED_RESOURCE_NOT_FOUND',
    ]);
    expect(exception.message).toMatch(/exactly one field of type NAME/);
    const taken = await refusal(f.connect.send(new CreateTaskTemplateCommand(deliveryTemplate({ Name: 'Send a document' }))));
    expect((taken as PropertyValidationException).PropertyList).toEqual([{ PropertyPath: 'Name', Reason: 'RESOURCE_NAME_ALREADY_EXISTS', Message: 'A task template named "Send a document" already exists.' }]);
    expect((await f.connect.send(new ListTaskTemplatesCommand({ InstanceId: instanceId }))).TaskTemplates).toHaveLength(4);
  });

  it('refuse a malformed body with InvalidRequestException naming the member', async () => {
    // The SDK does not check required members: a template without Fields reaches the server.
    const error = await refusal(f.connect.send(new CreateTaskTemplateCommand({ InstanceId: instanceId, Name: 'No fields' } as CreateTaskTemplateCommandInput)));
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect((error as InvalidRequestException).message).toMatch(/Fields/);
  });

  it('update what the request names, keep the rest, and refuse an update that breaks the rules', async () => {
    const { Id } = await f.connect.send(new CreateTaskTemplateCommand(deliveryTemplate()));
    const updated = await f.connect.send(new UpdateTaskTemplateCommand({ InstanceId: instanceId, TaskTemplateId: Id, Status: 'INACTIVE', Description: 'Parcels only.' }));
    expect(updated).toMatchObject({ Id, InstanceId: instanceId, Name: 'Check a delivery', Status: 'INACTIVE', Description: 'Parcels only.' });
    expect(updated.Fields).toHaveLength(3);
    expect(updated.LastModifiedTime!.getTime()).toBeGreaterThanOrEqual(updated.CreatedTime!.getTime());
    const inactive = await f.connect.send(new ListTaskTemplatesCommand({ InstanceId: instanceId, Status: 'INACTIVE' }));
    expect(inactive.TaskTemplates?.map((t) => t.Id)).toEqual([Id]);
    const broken = await refusal(f.connect.send(new UpdateTaskTemplateCommand({ InstanceId: instanceId, TaskTemplateId: Id, Constraints: { RequiredFields: [] } })));
    expect((broken as PropertyValidationException).PropertyList?.[0]).toMatchObject({ PropertyPath: 'Constraints.RequiredFields', Reason: 'REQUIRED_PROPERTY_MISSING' });
    const missing = await refusal(f.connect.send(new UpdateTaskTemplateCommand({ InstanceId: instanceId, TaskTemplateId: 'no-such-template', Status: 'ACTIVE' })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('task templates across a restart', () => {
  it('keeps created templates and does not seed the demo ones again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-task-templates-'));
    try {
      const first = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test' });
      const client = new ConnectClient({ endpoint: first.url, region: 'ap-northeast-1', credentials: SDK_CREDENTIALS });
      const { Id } = await client.send(new CreateTaskTemplateCommand({ ...deliveryTemplate(), InstanceId: first.engine.instance.instanceId }));
      client.destroy();
      await first.close();
      const second = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test' });
      const again = new ConnectClient({ endpoint: second.url, region: 'ap-northeast-1', credentials: SDK_CREDENTIALS });
      const listed = await again.send(new ListTaskTemplatesCommand({ InstanceId: second.engine.instance.instanceId }));
      expect(listed.TaskTemplates?.map((t) => t.Id)).toEqual([...Object.values(DEMO_TASK_TEMPLATE_IDS), Id]);
      again.destroy();
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
