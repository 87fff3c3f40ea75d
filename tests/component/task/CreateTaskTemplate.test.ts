// @vitest-environment happy-dom
// The Create task form from a task template: the templates are listed (task-templates), the chosen one's fields
// loaded (task-template) and shown by type with their constraints: defaults filled in, required enforced,
// read-only shown disabled, invisible left out, SINGLE_SELECT a select, BOOLEAN a checkbox, DATE_TIME a
// datetime-local input; the task is sent with the template's id and its fields as typed references.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CreateTaskForm from '@/components/task/CreateTaskForm.vue';
import type { SessionCommand, TaskTemplateFieldView, TaskTemplateView } from '@/lib/session/commands';
import { accessibleName, FakeSessionClient, mountSoftphone, QUICK_CONNECTS, readySnapshot } from '../softphone-fixture';
import { namedControl, reasonFor, settle } from './task-fixture';

enableAutoUnmount(afterEach);

const field = (name: string, type: TaskTemplateFieldView['type'], overrides: Partial<TaskTemplateFieldView> = {}): TaskTemplateFieldView => ({
  name,
  type,
  description: '',
  options: [],
  required: false,
  readOnly: false,
  invisible: false,
  defaultValue: null,
  ...overrides,
});

const CALL_BACK: TaskTemplateView = {
  id: 'tpl-call-back',
  name: 'Call back the customer',
  description: 'Ring the customer back at the time they asked for.',
  fields: [
    field('Name', 'NAME', { defaultValue: 'Call back' }),
    field('Description', 'DESCRIPTION'),
    field('Assignee', 'QUICK_CONNECT', { required: true }),
    field('Callback time', 'DATE_TIME', { required: true }),
    field('Order link', 'URL'),
    field('Priority', 'SINGLE_SELECT', { options: ['Low', 'High'], defaultValue: 'Low' }),
    field('VIP', 'BOOLEAN', { defaultValue: 'true' }),
    field('Source', 'TEXT', { readOnly: true, defaultValue: 'Switchboard panel' }),
    field('Internal code', 'TEXT', { invisible: true, defaultValue: 'CB-1' }),
    field('Amount', 'NUMBER'),
    field('Contact email', 'EMAIL', { required: true }),
    field('Expiry', 'EXPIRY_DURATION'),
  ],
};

async function mountWithTemplate(language: 'en' | 'ja' = 'en') {
  const client = new FakeSessionClient();
  client.answer = (command: SessionCommand) => {
    if (command.type === 'task-templates') return { ok: true, value: { templates: [{ id: CALL_BACK.id, name: CALL_BACK.name, description: CALL_BACK.description }] } };
    if (command.type === 'task-template') return { ok: true, value: { template: CALL_BACK } };
    return { ok: true, value: { contactId: 'new-task-2' } };
  };
  const { wrapper } = await mountSoftphone(CreateTaskForm, readySnapshot(), { client, language, props: { followUp: null } });
  return { wrapper, client };
}

type Form = Awaited<ReturnType<typeof mountWithTemplate>>['wrapper'];

const control = (wrapper: Form, name: string) => namedControl(wrapper, name);

async function chooseTemplate(wrapper: Form, templateLabel = 'Template') {
  await wrapper.findAll('input[type="radio"]')[1]!.setValue(true);
  await settle();
  await control(wrapper, templateLabel).setValue(CALL_BACK.id);
  await settle();
}

async function submit(wrapper: Form) {
  await wrapper.get('form').trigger('submit');
  await settle();
}

describe('CreateTaskForm with a template', () => {
  it('lists the templates and asks for one before anything is sent', async () => {
    const { wrapper, client } = await mountWithTemplate();
    await wrapper.findAll('input[type="radio"]')[1]!.setValue(true);
    await settle();
    expect(client.commands).toEqual([{ type: 'task-templates' }]);
    expect(control(wrapper, 'Template').findAll('option').map((o) => o.text())).toEqual(['Choose…', 'Call back the customer']);
    await submit(wrapper);
    expect(reasonFor(control(wrapper, 'Template'))).toBe('Choose a template.');
    expect(client.commands).toEqual([{ type: 'task-templates' }]);
  });

  it('shows the fields by type with their defaults, read-only disabled and invisible left out', async () => {
    const { wrapper, client } = await mountWithTemplate();
    await chooseTemplate(wrapper);
    expect(client.commands).toEqual([{ type: 'task-templates' }, { type: 'task-template', templateId: CALL_BACK.id }]);
    expect(control(wrapper, 'Name').element.value).toBe('Call back');
    expect(control(wrapper, 'Name').attributes('aria-required')).toBe('true');
    expect(control(wrapper, 'Description').element.tagName).toBe('TEXTAREA');
    expect(control(wrapper, 'Callback time').attributes('type')).toBe('datetime-local');
    expect(control(wrapper, 'Callback time').attributes('aria-required')).toBe('true');
    const priority = control(wrapper, 'Priority');
    expect(priority.element.tagName).toBe('SELECT');
    expect(priority.findAll('option').map((o) => o.text())).toEqual(['Choose…', 'Low', 'High']);
    expect(priority.element.value).toBe('Low');
    const vip = control(wrapper, 'VIP');
    expect(vip.attributes('type')).toBe('checkbox');
    expect(vip.element.checked).toBe(true);
    const source = control(wrapper, 'Source');
    expect(source.element.value).toBe('Switchboard panel');
    expect(source.attributes('disabled')).toBeDefined();
    expect(wrapper.text()).not.toContain('Internal code');
    expect(control(wrapper, 'Assignee').findAll('option').map((o) => o.text())).toEqual(['Choose…', 'Support queue', 'Yuki Tanaka']);
    // The template's own QUICK_CONNECT field replaces the form's recipient.
    expect(wrapper.findAll('select').filter((s) => accessibleName(s.element) === 'Assign to')).toHaveLength(0);
  });

  it('enforces required fields and each field type’s format, keeping what was typed', async () => {
    const { wrapper, client } = await mountWithTemplate();
    await chooseTemplate(wrapper);
    await control(wrapper, 'Name').setValue('');
    await control(wrapper, 'Order link').setValue('javascript:alert(1)');
    await control(wrapper, 'Amount').setValue('twelve');
    await control(wrapper, 'Expiry').setValue('0');
    await submit(wrapper);
    expect(reasonFor(control(wrapper, 'Name'))).toBe('Enter a name for the task.');
    expect(reasonFor(control(wrapper, 'Assignee'))).toBe('Fill in this field.');
    expect(reasonFor(control(wrapper, 'Callback time'))).toBe('Fill in this field.');
    expect(reasonFor(control(wrapper, 'Contact email'))).toBe('Fill in this field.');
    expect(reasonFor(control(wrapper, 'Order link'))).toBe('Enter a web address starting with https:// or http://.');
    expect(reasonFor(control(wrapper, 'Amount'))).toBe('Enter a number, such as 42 or 3.5.');
    expect(reasonFor(control(wrapper, 'Expiry'))).toBe('Enter a whole number of minutes, 1 or more.');
    expect(reasonFor(control(wrapper, 'Description'))).toBeNull();
    expect(client.commands.some((c) => c.type === 'task-create')).toBe(false);
    expect(control(wrapper, 'Order link').element.value).toBe('javascript:alert(1)');

    await control(wrapper, 'Contact email').setValue('mary@');
    await settle();
    expect(reasonFor(control(wrapper, 'Contact email'))).toBe('Enter an email address such as name@example.com.');
  });

  it('sends the task with the template id, its properties, and its fields as typed references', async () => {
    const { wrapper, client } = await mountWithTemplate();
    await chooseTemplate(wrapper);
    await control(wrapper, 'Description').setValue('She asked for a call after lunch.');
    await control(wrapper, 'Assignee').setValue(QUICK_CONNECTS[1]!.arn);
    await control(wrapper, 'Callback time').setValue('2030-01-15T15:00');
    await control(wrapper, 'Order link').setValue('https://crm.example.com/orders/1042');
    await control(wrapper, 'Priority').setValue('High');
    await control(wrapper, 'VIP').setValue(false);
    await control(wrapper, 'Amount').setValue('4200');
    await control(wrapper, 'Contact email').setValue('mary@example.com');
    await control(wrapper, 'Expiry').setValue('120');
    await submit(wrapper);
    expect(client.commands.at(-1)).toEqual({
      type: 'task-create',
      task: {
        quickConnectArn: QUICK_CONNECTS[1]!.arn,
        name: 'Call back',
        description: 'She asked for a call after lunch.',
        references: [
          { name: 'Callback time', type: 'DATE', value: new Date('2030-01-15T15:00').toISOString() },
          { name: 'Order link', type: 'URL', value: 'https://crm.example.com/orders/1042' },
          { name: 'Priority', type: 'STRING', value: 'High' },
          { name: 'VIP', type: 'STRING', value: 'false' },
          { name: 'Source', type: 'STRING', value: 'Switchboard panel' },
          { name: 'Internal code', type: 'STRING', value: 'CB-1' },
          { name: 'Amount', type: 'NUMBER', value: '4200' },
          { name: 'Contact email', type: 'EMAIL', value: 'mary@example.com' },
          { name: 'Expiry', type: 'NUMBER', value: '120' },
        ],
        scheduledTime: null,
        relatedContactId: null,
        templateId: CALL_BACK.id,
      },
    });
    expect(wrapper.get('[data-testid="create-task-status"]').text()).toBe('Task “Call back” created.');
  });

  it('pre-selects a quick connect the template names by its id', async () => {
    const { wrapper, client } = await mountWithTemplate();
    const withDefault = { ...CALL_BACK, fields: CALL_BACK.fields.map((f) => (f.type === 'QUICK_CONNECT' ? { ...f, defaultValue: 'qc-agent2' } : f)) };
    const answer = client.answer;
    client.answer = (command) => (command.type === 'task-template' ? { ok: true, value: { template: withDefault } } : answer(command));
    await chooseTemplate(wrapper);
    expect(control(wrapper, 'Assignee').element.value).toBe(QUICK_CONNECTS[1]!.arn);
  });

  it('says a read-only field cannot be changed, in Japanese too', async () => {
    const { wrapper } = await mountWithTemplate('ja');
    await chooseTemplate(wrapper, 'テンプレート');
    const source = control(wrapper, 'Source');
    const hint = document.getElementById((source.attributes('aria-describedby') ?? '').split(' ')[0]!);
    expect(hint?.textContent?.trim()).toBe('テンプレートで設定されているため変更できません。');
    await control(wrapper, 'Name').setValue('');
    await submit(wrapper);
    expect(reasonFor(control(wrapper, 'Name'))).toBe('タスクの名前を入力してください。');
    expect(reasonFor(control(wrapper, 'Callback time'))).toBe('この項目を入力してください。');
  });
});
