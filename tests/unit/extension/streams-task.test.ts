// Unit tests of the engine's task parts: a task contact in the snapshot (references by type, schedule, template,
// paused), the task commands' streams/TaskJS calls (pause, resume, createTask plain and templated, templates) and
// the template answers turned into views; a CCP that refuses or answers nonsense gives a typed error, not a throw.
import { describe, expect, it } from 'vitest';
import type { NewTask } from '@/lib/session/commands';
import { mapContacts } from '@/lib/streams/snapshot-mapping';
import type { StreamsEndpoint } from '@/lib/streams/streams-api';
import { taskJsRequest, templateSummaries, templateView } from '@/lib/streams/task-commands';
import { at, chatContact, executorHarness, fakeStreams, INSTANCE, rawAgent, taskContact, type RawContact, type Responder } from './streams-fakes';

const NOW = at(100).getTime();
const QUEUE_QC: StreamsEndpoint = { endpointARN: `${INSTANCE}/transfer-destination/support`, endpointId: `${INSTANCE}/transfer-destination/support`, type: 'queue', name: 'Support', phoneNumber: null };

const harness = (contacts: RawContact[] = []) => executorHarness(contacts, [QUEUE_QC]);

const answering = (data: unknown): Responder => (_method, callbacks) => queueMicrotask(() => callbacks?.success?.(data));

const newTask = (overrides: Partial<NewTask> = {}): NewTask => ({
  quickConnectArn: QUEUE_QC.endpointARN ?? null,
  name: 'Send the contract',
  description: 'PDF, signed copy',
  references: [
    { name: 'Case', type: 'URL', value: 'https://crm.example.com/cases/12' },
    { name: 'Due', type: 'DATE', value: '2026-03-03T09:00:00.000Z' },
  ],
  scheduledTime: Date.UTC(2026, 2, 3, 6, 0, 0, 500),
  relatedContactId: 'call-9',
  templateId: null,
  ...overrides,
});

describe('a task contact in the snapshot', () => {
  it('carries its name, description, references as text by type, schedule in ms, template and related contact', () => {
    const [view] = mapContacts(fakeStreams(rawAgent({ contacts: [taskContact()] })).agent, NOW);
    expect(view).toMatchObject({ id: 'task-1', channel: 'task', state: 'connecting', initiationMethod: 'api' });
    expect(view.connections).toEqual([expect.objectContaining({ role: 'agent', id: 'task-agent' })]);
    expect(view.task).toEqual({
      name: 'Call back Hana Sato',
      description: 'She asked for a call about her invoice after 15:00.',
      references: [
        { name: 'Order', type: 'URL', value: 'https://crm.example.com/orders/77' },
        { name: 'Email', type: 'EMAIL', value: 'hana@example.com' },
        { name: 'Amount', type: 'NUMBER', value: '1200' },
        { name: 'Due', type: 'DATE', value: new Date(1772442000 * 1000).toISOString() },
        { name: 'Note', type: 'STRING', value: 'VIP' },
      ],
      scheduledTime: 1772441000 * 1000,
      templateId: 'template-callback',
      relatedContactId: 'call-9',
    });
  });

  it('keeps a paused task paused, an unknown reference type as OTHER, and a bad date as given', () => {
    const raw = taskContact({
      state: { type: 'paused', timestamp: at(50) },
      references: { Odd: { type: 'SOMETHING_NEW', value: 'x' }, When: { type: 'DATE', value: 'not a date' } },
      channelContext: null,
      relatedContactId: null,
    });
    const [view] = mapContacts(fakeStreams(rawAgent({ contacts: [raw] })).agent, NOW);
    expect(view.state).toBe('paused');
    expect(view.task?.references).toEqual([
      { name: 'Odd', type: 'OTHER', value: 'x' },
      { name: 'When', type: 'DATE', value: 'not a date' },
    ]);
    expect(view.task).toMatchObject({ scheduledTime: null, templateId: null, relatedContactId: null });
  });

  it('is only on task contacts', () => {
    const [view] = mapContacts(fakeStreams(rawAgent({ contacts: [chatContact()] })).agent, NOW);
    expect(view.task).toBeUndefined();
  });
});

describe('task commands', () => {
  it('pauses and resumes a task through streams', async () => {
    const h = harness([taskContact({ state: { type: 'connected', timestamp: at(10) } })]);
    await expect(h.execute({ type: 'task-pause', contactId: 'task-1' })).resolves.toEqual({ ok: true });
    await expect(h.execute({ type: 'task-resume', contactId: 'task-1' })).resolves.toEqual({ ok: true });
    expect(h.streams.calls.map((c) => [c.method, c.target])).toEqual([
      ['contact.pause', 'task-1'],
      ['contact.resume', 'task-1'],
    ]);
  });

  it('refuses to pause a chat, and an unknown contact', async () => {
    const h = harness([chatContact({ state: { type: 'connected', timestamp: at(10) } })]);
    expect(await h.execute({ type: 'task-pause', contactId: 'chat-1' })).toMatchObject({ ok: false, error: { code: 'bad-command' } });
    expect(await h.execute({ type: 'task-pause', contactId: 'nope' })).toMatchObject({ ok: false, error: { code: 'contact-not-found' } });
  });

  it('creates a task for a quick connect with TaskJS and answers its contact id', async () => {
    const h = harness();
    h.streams.setResponder(answering({ contactId: 'task-new' }));
    await expect(h.execute({ type: 'task-create', task: newTask() })).resolves.toEqual({ ok: true, value: { contactId: 'task-new' } });
    expect(h.streams.calls).toEqual([
      {
        method: 'agent.createTask',
        target: null,
        args: [
          {
            name: 'Send the contract',
            description: 'PDF, signed copy',
            endpoint: QUEUE_QC,
            references: { Case: { type: 'URL', value: 'https://crm.example.com/cases/12' }, Due: { type: 'DATE', value: '2026-03-03T09:00:00.000Z' } },
            scheduledTime: Math.floor(Date.UTC(2026, 2, 3, 6) / 1000),
            relatedContactId: 'call-9',
          },
        ],
      },
    ]);
  });

  it('creates a templated task (TaskJS sends it as createTemplatedTask) and reads its capitalized answer', async () => {
    const h = harness();
    h.streams.setResponder(answering({ ContactId: 'task-templated' }));
    const result = await h.execute({ type: 'task-create', task: newTask({ templateId: 'template-doc', quickConnectArn: null, scheduledTime: null, relatedContactId: null }) });
    expect(result).toEqual({ ok: true, value: { contactId: 'task-templated' } });
    expect(h.streams.calls[0]?.args[0]).toEqual({
      name: 'Send the contract',
      description: 'PDF, signed copy',
      references: expect.any(Object),
      taskTemplateId: 'template-doc',
    });
  });

  it('refuses a plain task without a recipient, and reports the contact center refusing one', async () => {
    const h = harness();
    expect(await h.execute({ type: 'task-create', task: newTask({ quickConnectArn: null }) })).toMatchObject({ ok: false, error: { code: 'bad-command' } });
    h.streams.setResponder((_method, callbacks) => queueMicrotask(() => callbacks?.failure?.(JSON.stringify({ type: 'InvalidParameterException', message: 'Name is too long' }))));
    expect(await h.execute({ type: 'task-create', task: newTask() })).toEqual({
      ok: false,
      error: { code: 'rejected', params: { detail: 'Name is too long' }, detail: expect.stringContaining('createTask') },
    });
  });

  it('lists the active templates (status in upper case, as the CCP requires) and gets one with its fields', async () => {
    const h = harness();
    h.streams.setResponder(answering({ TaskTemplates: [{ Id: 't1', Name: 'Call back', Description: 'd', Status: 'ACTIVE' }, { Id: 't2', Name: 'Old', Status: 'INACTIVE' }, { Name: 'no id' }] }));
    await expect(h.execute({ type: 'task-templates' })).resolves.toEqual({ ok: true, value: { templates: [{ id: 't1', name: 'Call back', description: 'd' }] } });
    expect(h.streams.calls[0]?.args[0]).toEqual({ status: 'ACTIVE', maxResults: 100 });

    h.streams.setResponder(answering({ Id: 't1', Name: 'Call back', Fields: [{ Id: { Name: 'Name' }, Type: 'NAME' }] }));
    const one = await h.execute({ type: 'task-template', templateId: 't1' });
    expect(one).toMatchObject({ ok: true, value: { template: { id: 't1', fields: [{ name: 'Name', type: 'NAME' }] } } });
    expect(h.streams.calls[1]).toMatchObject({ method: 'agent.getTaskTemplate', args: [{ id: 't1' }] });

    h.streams.setResponder(answering({ nonsense: true }));
    expect(await h.execute({ type: 'task-template', templateId: 't1' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });
});

describe('task template views', () => {
  it('give each field its type, options, constraints and default; unknown types read as text', () => {
    const view = templateView({
      Id: 'tpl',
      Name: 'Send a document',
      Description: 'Post or email a document',
      Fields: [
        { Id: { Name: 'Name' }, Type: 'NAME' },
        { Id: { Name: 'Channel' }, Type: 'SINGLE_SELECT', SingleSelectOptions: ['Post', 'Email', 7] },
        { Id: { Name: 'Internal' }, Type: 'TEXT' },
        { Id: { Name: 'Future' }, Type: 'HOLOGRAM' },
        { Type: 'URL' },
      ],
      Constraints: { RequiredFields: [{ Id: { Name: 'Name' } }], ReadOnlyFields: [{ Id: { Name: 'Channel' } }], InvisibleFields: [{ Id: { Name: 'Internal' } }] },
      Defaults: { DefaultFieldValues: [{ Id: { Name: 'Channel' }, DefaultValue: 'Post' }] },
    });
    expect(view?.fields).toEqual([
      { name: 'Name', type: 'NAME', description: '', options: [], required: true, readOnly: false, invisible: false, defaultValue: null },
      { name: 'Channel', type: 'SINGLE_SELECT', description: '', options: ['Post', 'Email'], required: false, readOnly: true, invisible: false, defaultValue: 'Post' },
      { name: 'Internal', type: 'TEXT', description: '', options: [], required: false, readOnly: false, invisible: true, defaultValue: null },
      { name: 'Future', type: 'TEXT', description: '', options: [], required: false, readOnly: false, invisible: false, defaultValue: null },
    ]);
    expect(templateView(null)).toBeNull();
    expect(templateSummaries({ TaskTemplates: 'x' })).toEqual([]);
  });

  it('a request leaves the engine\'s quick connect untouched (TaskJS deletes endpointId from what it is given)', () => {
    const request = taskJsRequest(newTask(), QUEUE_QC);
    delete request.endpoint?.endpointId;
    expect(QUEUE_QC.endpointId).toBeDefined();
  });
});
