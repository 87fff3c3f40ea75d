// StartTaskContact on Amazon Connect's route, as a backend on @aws-sdk/client-connect calls it: a task routed by
// flow id, quick connect or task template, with references of every type; each of Connect's limits refused in
// its exception shape; ClientToken idempotency (across a restart too); linked and related contacts; a scheduled
// task kept across a restart and routed at its time on the server's (virtual) clock.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConnectClient,
  InvalidParameterException,
  InvalidRequestException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  StartTaskContactCommand,
  type StartTaskContactCommandInput,
} from '@aws-sdk/client-connect';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../contact-center/clock';
import { DEMO_TASK_TEMPLATE_IDS } from '../../../contact-center/seed/demo-task-templates';
import { startContactCenter } from '../../../contact-center/server/contact-center-server';
import { flowIdOfQueue } from '../../../contact-center/server/routes/start-chat-contact';
import { SDK_CREDENTIALS, type ParticipantFixture, startParticipantFixture } from './participant-fixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let f: ParticipantFixture;

beforeEach(async () => {
  f = await startParticipantFixture();
});

afterEach(async () => {
  await f.close();
});

function startTask(overrides: Partial<StartTaskContactCommandInput> & { queueId?: string } = {}) {
  const { queueId = 'support', ...input } = overrides;
  const instance = f.cc.engine.instance;
  return f.connect.send(
    new StartTaskContactCommand({ InstanceId: instance.instanceId, ContactFlowId: flowIdOfQueue(instance, queueId), Name: 'Send the contract', ...input }),
  );
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('StartTaskContact: a task routed on Connect shape', () => {
  it('starts a task in the flow id queue with references of every type and attributes, offered to an agent', async () => {
    const references = {
      Contract: { Type: 'URL' as const, Value: 'https://crm.example/contracts/42' },
      Customer: { Type: 'EMAIL' as const, Value: 'hanako@example.jp' },
      Amount: { Type: 'NUMBER' as const, Value: '12500' },
      Note: { Type: 'STRING' as const, Value: 'Signed copy needed' },
      Due: { Type: 'DATE' as const, Value: '1767830400' },
      Scan: { Type: 'ATTACHMENT' as const, Value: 'https://files.example/scan.pdf' },
    };
    const started = await startTask({ Description: 'Email the signed contract.', References: references, Attributes: { accountNumber: 'AC-1001' } });
    const contactId = started.ContactId!;
    const details = f.cc.engine.getContact(contactId);
    expect(details).toMatchObject({ channel: 'task', queueId: 'support', state: 'queued', record: { attributes: { accountNumber: 'AC-1001' }, initiationMethod: 'api' } });
    expect(details.task).toMatchObject({ name: 'Send the contract', description: 'Email the signed contract.', scheduledTime: null, templateId: null });
    expect(details.task!.references).toEqual(Object.fromEntries(Object.entries(references).map(([name, r]) => [name, { type: r.Type, value: r.Value }])));
    f.cc.engine.setStatus('agent3', 'available');
    expect(f.cc.engine.getAgentView('agent3').contacts.map((c) => c.contactId)).toEqual([contactId]);
  });

  it('routes through an agent quick connect (id or ARN) to that agent', async () => {
    const instance = f.cc.engine.instance;
    const arn = `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.instanceId}/transfer-destination/qc-agent4`;
    const started = await f.connect.send(new StartTaskContactCommand({ InstanceId: instance.instanceId, QuickConnectId: arn, Name: 'For Olivia' }));
    f.cc.engine.setStatus('agent3', 'available');
    f.cc.engine.setStatus('agent4', 'available');
    expect(f.cc.engine.getAgentView('agent3').contacts).toEqual([]);
    expect(f.cc.engine.getAgentView('agent4').contacts.map((c) => c.contactId)).toEqual([started.ContactId]);
  });

  it('fills a task from a template (its defaults, constraints and flow) when only TaskTemplateId is given', async () => {
    const instance = f.cc.engine.instance;
    const started = await f.connect.send(
      new StartTaskContactCommand({
        InstanceId: instance.instanceId,
        TaskTemplateId: DEMO_TASK_TEMPLATE_IDS.sendDocumentEn,
        Name: 'Send the invoice',
        References: { Document: { Type: 'STRING', Value: 'Invoice' }, 'Customer email': { Type: 'EMAIL', Value: 'hanako@example.jp' } },
      }),
    );
    const details = f.cc.engine.getContact(started.ContactId!);
    expect(details.queueId).toBe('billing');
    expect(details.task).toMatchObject({ name: 'Send the invoice', templateId: DEMO_TASK_TEMPLATE_IDS.sendDocumentEn });
    expect(details.task!.references['Customer email']).toEqual({ type: 'EMAIL', value: 'hanako@example.jp' });
    expect(details.task!.references['Message to the customer']?.value).toBe('Please find the requested document attached.'); // a default
    expect(details.task!.expiresAt - details.record.initiatedAt).toBe(4320 * 60_000); // the template's EXPIRY_DURATION
    const missing = await refusal(f.connect.send(new StartTaskContactCommand({ InstanceId: instance.instanceId, TaskTemplateId: DEMO_TASK_TEMPLATE_IDS.sendDocumentEn, Name: 'x' })));
    expect(missing).toBeInstanceOf(InvalidParameterException);
    expect((missing as Error).message).toMatch(/Customer email/);
  });

  it('sets the expiry from the connect:ContactExpiry segment attribute', async () => {
    const started = await startTask({ SegmentAttributes: { 'connect:ContactExpiry': { ValueMap: { ExpiryDuration: { ValueInteger: 135 } } } } });
    const details = f.cc.engine.getContact(started.ContactId!);
    expect(details.task!.expiresAt - details.record.initiatedAt).toBe(135 * 60_000);
  });
});

describe('StartTaskContact refusals, each in Connect exception shape', () => {
  const cases: [string, Partial<StartTaskContactCommandInput>, RegExp][] = [
    ['a name over 512 characters', { Name: 'n'.repeat(513) }, /Name must be at most 512/],
    ['a blank name', { Name: '   ' }, /Name is required/],
    ['a description over 4,096 characters', { Description: 'd'.repeat(4097) }, /Description must be at most 4096/],
    ['a reference value over 4,096 characters', { References: { Note: { Type: 'STRING', Value: 'v'.repeat(4097) } } }, /reference "Note" must be at most 4096/],
    ['references over 4,096 bytes together', { References: { A: { Type: 'STRING', Value: 'あ'.repeat(800) }, B: { Type: 'STRING', Value: 'い'.repeat(800) } } }, /4096 UTF-8 bytes together/],
    ['a reference of an unknown type', { References: { Phone: { Type: 'PHONE' as 'STRING', Value: '+81' } } }, /type PHONE/],
    ['a NUMBER that is not a number', { References: { Amount: { Type: 'NUMBER', Value: 'twelve' } } }, /must be a number/],
    ['an EMAIL that is not an address', { References: { Mail: { Type: 'EMAIL', Value: 'hanako' } } }, /email address/],
    ['a DATE that is not epoch seconds', { References: { Due: { Type: 'DATE', Value: 'tomorrow' } } }, /epoch seconds/],
    ['a URL that is not absolute', { References: { Link: { Type: 'URL', Value: '/contracts/42' } } }, /absolute URL/],
    ['a scheduled time more than 6 days ahead', { ScheduledTime: new Date(Date.now() + 6 * DAY + HOUR) }, /more than 6 days ahead/],
    ['a scheduled time in the past', { ScheduledTime: new Date(Date.now() - HOUR) }, /in the past/],
    ['an attribute name with a space', { Attributes: { 'account number': 'AC-1' } }, /only letters, digits, dashes and underscores/],
    ['both a flow and a quick connect', { QuickConnectId: 'qc-agent4' }, /more than one/],
    ['both a previous and a related contact', { PreviousContactId: 'a', RelatedContactId: 'b' }, /not both/],
  ];
  for (const [what, input, message] of cases) {
    it(`refuses ${what} with InvalidParameterException 400, creating nothing`, async () => {
      const error = await refusal(startTask(input));
      expect(error).toBeInstanceOf(InvalidParameterException);
      expect((error as InvalidParameterException).$metadata.httpStatusCode).toBe(400);
      expect((error as Error).message).toMatch(message);
      expect(f.cc.engine.queueSize('support', 'task')).toBe(0);
    });
  }

  it('answers a request without a Name with InvalidRequestException 400', async () => {
    const error = await refusal(startTask({ Name: undefined }));
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect((error as Error).message).toMatch(/Name/);
  });

  it('answers an unknown flow, quick connect or contact with ResourceNotFoundException 404', async () => {
    expect(await refusal(startTask({ ContactFlowId: 'no-such-flow' }))).toBeInstanceOf(ResourceNotFoundException);
    const instanceId = f.cc.engine.instance.instanceId;
    expect(await refusal(f.connect.send(new StartTaskContactCommand({ InstanceId: instanceId, QuickConnectId: 'qc-none', Name: 'x' })))).toBeInstanceOf(ResourceNotFoundException);
    expect(await refusal(startTask({ PreviousContactId: 'no-such-contact' }))).toBeInstanceOf(ResourceNotFoundException);
    expect(await refusal(f.connect.send(new StartTaskContactCommand({ InstanceId: instanceId, Name: 'x' })))).toBeInstanceOf(InvalidParameterException);
  });

  it('refuses a 13th task with the same PreviousContactId with ServiceQuotaExceededException', async () => {
    const first = (await startTask()).ContactId!;
    for (let i = 0; i < 12; i++) await startTask({ PreviousContactId: first });
    const error = await refusal(startTask({ PreviousContactId: first }));
    expect(error).toBeInstanceOf(ServiceQuotaExceededException);
    expect((error as Error).message).toMatch(/12 tasks/);
  });
});

describe('StartTaskContact idempotency and linked contacts', () => {
  it('gives the same task for the same ClientToken, and a new one for another', async () => {
    const first = await startTask({ ClientToken: 'order-4711' });
    const again = await startTask({ ClientToken: 'order-4711' });
    const other = await startTask({ ClientToken: 'order-4712' });
    expect(again.ContactId).toBe(first.ContactId);
    expect(other.ContactId).not.toBe(first.ContactId);
    expect(f.cc.engine.queueSize('support', 'task')).toBe(2);
  });

  it('links a previous contact and copies a related contact attributes (the request own attributes win)', async () => {
    const related = (await startTask({ Attributes: { accountNumber: 'AC-1001', tier: 'gold' } })).ContactId!;
    const linked = (await startTask({ RelatedContactId: related, Attributes: { tier: 'platinum' } })).ContactId!;
    expect(f.cc.engine.getContact(linked).record.attributes).toEqual({ accountNumber: 'AC-1001', tier: 'platinum' });
    expect(f.cc.engine.getContact(linked).task!.relatedContactId).toBe(related);
    const next = (await startTask({ PreviousContactId: related })).ContactId!;
    expect(f.cc.engine.getContact(next).record.previousContactId).toBe(related);
  });
});

describe('StartTaskContact across a restart', () => {
  it('routes a scheduled task at its time after a restart, and still answers its ClientToken', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-task-sdk-'));
    const clock = new VirtualClock();
    try {
      const first = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', clock });
      const instance = first.engine.instance;
      const connect = new ConnectClient({ endpoint: first.url, region: instance.region, credentials: SDK_CREDENTIALS });
      const input: StartTaskContactCommandInput = {
        InstanceId: instance.instanceId,
        ContactFlowId: flowIdOfQueue(instance, 'support'),
        Name: 'Call back at 15:00',
        ScheduledTime: new Date(clock.now() + 2 * HOUR),
        ClientToken: 'callback-1',
      };
      const { ContactId } = await connect.send(new StartTaskContactCommand(input));
      expect(first.engine.hasContact(ContactId!)).toBe(false);
      connect.destroy();
      await first.close();

      clock.advance(HOUR);
      const second = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', clock });
      try {
        const again = new ConnectClient({ endpoint: second.url, region: instance.region, credentials: SDK_CREDENTIALS });
        expect((await again.send(new StartTaskContactCommand(input))).ContactId).toBe(ContactId);
        again.destroy();
        second.engine.setStatus('agent3', 'available');
        clock.advance(HOUR - 1);
        expect(second.engine.getAgentView('agent3').contacts).toEqual([]);
        clock.advance(1);
        expect(second.engine.getAgentView('agent3').contacts.map((c) => c.contactId)).toEqual([ContactId]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
