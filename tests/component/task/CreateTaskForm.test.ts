// @vitest-environment happy-dom
// The Create task form without a template: each rule refuses its input next to the field with a translated reason
// (aria-invalid, aria-describedby), nothing typed is lost, a valid task is sent as task-create and announced
// politely, a refused one shows its translated error; and a follow-up starts pre-filled from its call or chat.
import type { DOMWrapper } from '@vue/test-utils';
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CreateTaskForm from '@/components/task/CreateTaskForm.vue';
import { toLocalDateTime } from '@/components/task/task-form-rules';
import type { FollowUpSource } from '@/components/task/task-view-model';
import { accessibleName, button, FakeSessionClient, mountSoftphone, QUICK_CONNECTS, readySnapshot } from '../softphone-fixture';
import { namedControl, reasonFor, settle } from './task-fixture';

enableAutoUnmount(afterEach);

async function mountForm(options: { followUp?: FollowUpSource; language?: 'en' | 'ja' } = {}) {
  const client = new FakeSessionClient();
  client.answer = (command) => (command.type === 'task-create' ? { ok: true, value: { contactId: 'new-task-1' } } : { ok: true });
  const mounted = await mountSoftphone(CreateTaskForm, readySnapshot(), { client, language: options.language, props: { followUp: options.followUp ?? null } });
  return { ...mounted, client };
}

type Form = Awaited<ReturnType<typeof mountForm>>['wrapper'];

const control = (wrapper: Form, name: string) => namedControl(wrapper, name);

/** The control named `name` in reference row `row` (0-based). */
function referenceControl(wrapper: Form, row: number, name: string): DOMWrapper<HTMLInputElement> {
  const found = wrapper.findAll('.reference-row')[row]?.findAll<HTMLInputElement>('input, select').find((c) => accessibleName(c.element) === name);
  if (!found) throw new Error(`no control named "${name}" in reference row ${row}`);
  return found;
}

async function submit(wrapper: Form) {
  await wrapper.get('form').trigger('submit');
  await settle();
}

async function fillValid(wrapper: Form) {
  await control(wrapper, 'Assign to').setValue(QUICK_CONNECTS[1]!.arn);
  await control(wrapper, 'Name').setValue('Send the return label');
}

const HOUR = 3_600_000;

describe('CreateTaskForm validation', () => {
  it('requires a recipient and a name, says why next to each field, and sends nothing', async () => {
    const { wrapper, client } = await mountForm();
    await control(wrapper, 'Description').setValue('Prepaid label, please.');
    await submit(wrapper);
    expect(reasonFor(control(wrapper, 'Assign to'))).toBe('Choose who gets the task.');
    expect(reasonFor(control(wrapper, 'Name'))).toBe('Enter a name for the task.');
    expect(reasonFor(control(wrapper, 'Description'))).toBeNull();
    expect(document.activeElement).toBe(control(wrapper, 'Assign to').element);
    expect(client.commands).toEqual([]);
    // Nothing typed is lost.
    expect(control(wrapper, 'Description').element.value).toBe('Prepaid label, please.');
  });

  it('refuses a name over 512 and a description over 4,096 characters, and clears the reason once fixed', async () => {
    const { wrapper, client } = await mountForm();
    await fillValid(wrapper);
    await control(wrapper, 'Name').setValue('n'.repeat(513));
    await control(wrapper, 'Description').setValue('d'.repeat(4097));
    await submit(wrapper);
    expect(reasonFor(control(wrapper, 'Name'))).toBe('Shorten this to at most 512 characters.');
    expect(reasonFor(control(wrapper, 'Description'))).toBe('Shorten this to at most 4096 characters.');
    expect(client.commands).toEqual([]);
    expect(control(wrapper, 'Name').element.value).toHaveLength(513);
    await control(wrapper, 'Name').setValue('n'.repeat(512));
    await settle();
    expect(reasonFor(control(wrapper, 'Name'))).toBeNull();
    expect(reasonFor(control(wrapper, 'Description'))).toBe('Shorten this to at most 4096 characters.');
  });

  it('takes a scheduled time only in the future and at most 6 days ahead', async () => {
    const { wrapper, client } = await mountForm();
    await fillValid(wrapper);
    const scheduled = () => control(wrapper, 'Scheduled time');
    await scheduled().setValue(toLocalDateTime(Date.now() - HOUR));
    await submit(wrapper);
    expect(reasonFor(scheduled())).toBe('Choose a time in the future.');
    await scheduled().setValue(toLocalDateTime(Date.now() + 6 * 24 * HOUR + 2 * HOUR));
    await settle();
    expect(reasonFor(scheduled())).toBe('Choose a time at most 6 days ahead.');
    expect(client.commands).toEqual([]);
    const inTwoHours = toLocalDateTime(Date.now() + 2 * HOUR);
    await scheduled().setValue(inTwoHours);
    await submit(wrapper);
    expect(client.commands).toHaveLength(1);
    expect(client.commands[0]).toMatchObject({ type: 'task-create', task: { scheduledTime: new Date(inTwoHours).getTime() } });
  });

  it('checks each reference: a name, a unique name, a value, an http(s) URL, a valid email, a number', async () => {
    const { wrapper, client } = await mountForm();
    await fillValid(wrapper);
    for (let i = 0; i < 5; i++) await button(wrapper, 'Add a reference').trigger('click');
    const part = (row: number, name: string) => referenceControl(wrapper, row, name);
    const fill = async (row: number, name: string, type: string, value: string) => {
      await part(row, 'Name').setValue(name);
      await part(row, 'Type').setValue(type);
      await part(row, 'Value').setValue(value);
    };
    await fill(0, '', 'STRING', 'text');
    await fill(1, 'Order', 'URL', 'javascript:alert(1)');
    await fill(2, 'Order', 'EMAIL', 'mary@');
    await fill(3, 'Amount', 'NUMBER', '12 yen');
    await fill(4, 'Note', 'STRING', '');
    await submit(wrapper);
    expect(reasonFor(part(0, 'Name'))).toBe('Enter a name for this reference.');
    expect(reasonFor(part(1, 'Value'))).toBe('Enter a web address starting with https:// or http://.');
    expect(reasonFor(part(2, 'Name'))).toBe('Another reference already has this name.');
    expect(reasonFor(part(2, 'Value'))).toBe('Enter an email address such as name@example.com.');
    expect(reasonFor(part(3, 'Value'))).toBe('Enter a number, such as 42 or 3.5.');
    expect(reasonFor(part(4, 'Value'))).toBe('Enter a value.');
    expect(client.commands).toEqual([]);
    expect(part(1, 'Value').element.value).toBe('javascript:alert(1)');

    await fill(0, 'Text', 'STRING', 'text');
    await fill(1, 'Order', 'URL', 'https://crm.example.com/orders/1042');
    await fill(2, 'Email', 'EMAIL', 'mary@example.com');
    await fill(3, 'Amount', 'NUMBER', '12.5');
    await button(wrapper, 'Remove reference 5').trigger('click');
    await submit(wrapper);
    expect(client.commands).toEqual([
      {
        type: 'task-create',
        task: {
          quickConnectArn: QUICK_CONNECTS[1]!.arn,
          name: 'Send the return label',
          description: '',
          references: [
            { name: 'Text', type: 'STRING', value: 'text' },
            { name: 'Order', type: 'URL', value: 'https://crm.example.com/orders/1042' },
            { name: 'Email', type: 'EMAIL', value: 'mary@example.com' },
            { name: 'Amount', type: 'NUMBER', value: '12.5' },
          ],
          scheduledTime: null,
          relatedContactId: null,
          templateId: null,
        },
      },
    ]);
  });
});

describe('CreateTaskForm outcome', () => {
  it('announces a created task politely and starts a fresh form', async () => {
    const { wrapper, client } = await mountForm();
    await fillValid(wrapper);
    await submit(wrapper);
    expect(client.commands).toHaveLength(1);
    const status = wrapper.get('[data-testid="create-task-status"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe('Task “Send the return label” created.');
    expect(control(wrapper, 'Name').element.value).toBe('');
  });

  it('shows a refused task’s translated error and keeps what was typed', async () => {
    const { wrapper, client } = await mountForm();
    client.answer = () => ({ ok: false, error: { code: 'timeout' } });
    await fillValid(wrapper);
    await submit(wrapper);
    expect(wrapper.get('[data-testid="create-task-error"]').text()).toBe('The contact center did not answer in time. Try again.');
    expect(wrapper.get('[data-testid="create-task-status"]').text()).toBe('');
    expect(control(wrapper, 'Name').element.value).toBe('Send the return label');
  });
});

describe('CreateTaskForm follow-up', () => {
  it('pre-fills a call’s follow-up with the related contact and the customer’s name, number and email', async () => {
    const followUp: FollowUpSource = { contactId: 'call-7', channel: 'voice', customerName: 'Mary Major', phoneNumber: '+81355501234', email: 'mary@example.com' };
    const { wrapper, client } = await mountForm({ followUp });
    expect(wrapper.get('h2').text()).toBe('Create a follow-up task');
    expect(wrapper.get('[data-testid="follows-up"]').text()).toBe('It will be linked to this call.');
    expect(control(wrapper, 'Name').element.value).toBe('Follow up: Mary Major');
    expect(control(wrapper, 'Description').element.value).toBe('Follow-up of the call with Mary Major.');
    await control(wrapper, 'Assign to').setValue(QUICK_CONNECTS[0]!.arn);
    await submit(wrapper);
    expect(client.commands).toEqual([
      {
        type: 'task-create',
        task: {
          quickConnectArn: QUICK_CONNECTS[0]!.arn,
          name: 'Follow up: Mary Major',
          description: 'Follow-up of the call with Mary Major.',
          references: [
            { name: 'Customer name', type: 'STRING', value: 'Mary Major' },
            { name: 'Phone number', type: 'STRING', value: '+81355501234' },
            { name: 'Email', type: 'EMAIL', value: 'mary@example.com' },
          ],
          scheduledTime: null,
          relatedContactId: 'call-7',
          templateId: null,
        },
      },
    ]);
  });

  it('names a chat customer by number or email when it has no name, in Japanese', async () => {
    const followUp: FollowUpSource = { contactId: 'chat-3', channel: 'chat', customerName: null, phoneNumber: null, email: 'taro@example.jp' };
    const { wrapper } = await mountForm({ followUp, language: 'ja' });
    expect(wrapper.get('h2').text()).toBe('フォローアップタスクの作成');
    expect(control(wrapper, '名前').element.value).toBe('フォローアップ：taro@example.jp');
    expect(control(wrapper, '説明').element.value).toBe('taro@example.jp とのチャットのフォローアップ。');
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(reasonFor(control(wrapper, '割り当て先'))).toBe('タスクの割り当て先を選択してください。');
  });
});
