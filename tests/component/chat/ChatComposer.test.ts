// @vitest-environment happy-dom
// Component tests of the chat composer: Enter sends and Shift+Enter does not, Enter while a Japanese IME composes
// never sends, typing is reported at most every 10 s, the length limit, the emoji picker by keyboard, and
// attachments checked against Amazon Connect's rules with a translated error.
import { enableAutoUnmount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ChatComposer from '@/components/chat/ChatComposer.vue';
import { mountChat } from './chat-fixture';

enableAutoUnmount(afterEach);

const mountComposer = (language: 'en' | 'ja' = 'en', props: { disabled?: boolean; attachmentsEnabled?: boolean } = {}) =>
  mountChat(ChatComposer, { props: { customerName: 'Mary Major', ...props }, language, attachTo: document.body });

async function type(wrapper: VueWrapper, text: string) {
  await wrapper.get('textarea').setValue(text);
}

/** Chooses a file in the attach input, as the browser's file dialog would. */
async function choose(wrapper: VueWrapper, file: File) {
  const input = wrapper.get('[data-testid="attach-input"]') as DOMWrapper<HTMLInputElement>;
  Object.defineProperty(input.element, 'files', { configurable: true, value: [file] });
  await input.trigger('change');
}

function fileOf(name: string, type: string, size: number): File {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('ChatComposer', () => {
  it('labels the message field with the customer\'s name and explains the keys', () => {
    const wrapper = mountComposer();
    const textarea = wrapper.get('textarea');
    expect(wrapper.get(`label[for="${textarea.attributes('id')}"]`).text()).toBe('Message to Mary Major');
    expect(wrapper.get(`#${textarea.attributes('aria-describedby')}`).text()).toBe('Enter sends, Shift+Enter starts a new line.');
  });

  it('sends with Enter, trimmed, and clears the field; Shift+Enter does not send', async () => {
    const wrapper = mountComposer();
    await type(wrapper, 'Hello\n');
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter', shiftKey: true });
    expect(wrapper.emitted('send')).toBeUndefined();
    await type(wrapper, '  Your order ships today.  ');
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toEqual([['  Your order ships today.']]);
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('');
  });

  it('does not send on the Enter that confirms an IME conversion', async () => {
    const wrapper = mountComposer('ja');
    const textarea = wrapper.get('textarea');
    await type(wrapper, 'ありがとうございます');
    await textarea.trigger('keydown', { key: 'Enter', isComposing: true });
    await textarea.trigger('keydown', { key: 'Enter', keyCode: 229 });
    await textarea.trigger('compositionstart');
    await textarea.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toBeUndefined();
    await textarea.trigger('compositionend');
    await textarea.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toEqual([['ありがとうございます']]);
  });

  it('sends with the Send button, which is off while the field is empty', async () => {
    const wrapper = mountComposer();
    const send = wrapper.get('button.send');
    expect(send.attributes('disabled')).toBeDefined();
    await type(wrapper, 'Hi');
    await send.trigger('click');
    expect(wrapper.emitted('send')).toEqual([['Hi']]);
  });

  it('reports typing at most once every 10 seconds', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 2, 3, 9, 0), toFake: ['Date'] });
    try {
      const wrapper = mountComposer();
      await type(wrapper, 'H');
      await type(wrapper, 'He');
      vi.advanceTimersByTime(9_000);
      await type(wrapper, 'Hel');
      vi.advanceTimersByTime(1_000);
      await type(wrapper, 'Hell');
      expect(wrapper.emitted('typing')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a message over 1,024 characters and says why', async () => {
    const wrapper = mountComposer();
    await type(wrapper, 'a'.repeat(1_025));
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toBeUndefined();
    expect(wrapper.get('textarea').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('A message can have at most 1024 characters. Shorten it to send it.');
    expect(wrapper.text()).toContain('1025 of 1024 characters');
    expect(wrapper.get('button.send').attributes('disabled')).toBeDefined();
  });

  it('inserts an emoji chosen with the keyboard and closes the picker', async () => {
    const wrapper = mountComposer();
    await type(wrapper, 'Thanks ');
    const toggle = wrapper.get('button[aria-haspopup="dialog"]');
    expect(toggle.attributes('aria-label')).toBe('Insert emoji');
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    const grid = wrapper.get('[role="grid"]');
    expect(wrapper.get('[role="dialog"]').attributes('aria-label')).toBe('Emoji');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Grinning face');
    await grid.trigger('keydown', { key: 'ArrowDown' });
    await grid.trigger('keydown', { key: 'ArrowRight' });
    await grid.trigger('keydown', { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Thumbs up');
    await grid.trigger('keydown', { key: 'ArrowDown' });
    await grid.trigger('keydown', { key: 'Home' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Thumbs down');
    (document.activeElement as HTMLButtonElement).click();
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[role="grid"]').exists()).toBe(false);
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('Thanks 👎');
  });

  it('closes the emoji picker with Escape and gives focus back to its button', async () => {
    const wrapper = mountComposer();
    const toggle = wrapper.get('button[aria-haspopup="dialog"]');
    await toggle.trigger('click');
    await wrapper.get('[role="grid"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle.element);
  });

  it('emits an allowed file to attach', async () => {
    const wrapper = mountComposer();
    expect(wrapper.find('button[aria-label="Attach a file"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="attach-input"]').attributes('accept')).toBe('.csv,.doc,.docx,.jpeg,.jpg,.png,.pdf,.ppt,.pptx,.txt,.wav,.xls,.xlsx');
    const file = fileOf('receipt.pdf', 'application/pdf', 14_540);
    await choose(wrapper, file);
    expect(wrapper.emitted('attach')).toEqual([[file]]);
    expect(wrapper.find('[data-testid="attach-error"]').exists()).toBe(false);
  });

  it('refuses a file of another type or over 20 MB with a translated error, and emits nothing', async () => {
    const wrapper = mountComposer();
    await choose(wrapper, fileOf('setup.exe', 'application/x-msdownload', 1_000));
    expect(wrapper.get('[data-testid="attach-error"]').attributes('role')).toBe('alert');
    expect(wrapper.get('[data-testid="attach-error"]').text()).toBe(
      '“setup.exe” can’t be sent: only CSV, DOC, DOCX, JPEG, JPG, PNG, PDF, PPT, PPTX, TXT, WAV, XLS, and XLSX files are allowed.',
    );
    await choose(wrapper, fileOf('scan.pdf', 'application/pdf', 25 * 1024 * 1024 + 300_000));
    expect(wrapper.get('[data-testid="attach-error"]').text()).toBe('“scan.pdf” can’t be sent: it is 25.3 MB, and a file can be at most 20 MB.');
    expect(wrapper.emitted('attach')).toBeUndefined();

    const japanese = mountComposer('ja');
    await choose(japanese, fileOf('setup.exe', 'application/x-msdownload', 1_000));
    expect(japanese.get('[data-testid="attach-error"]').text()).toBe(
      '「setup.exe」は送信できません。送信できるファイル形式は CSV、DOC、DOCX、JPEG、JPG、PNG、PDF、PPT、PPTX、TXT、WAV、XLS、XLSX です。',
    );
    await choose(japanese, fileOf('空.txt', 'text/plain', 0));
    expect(japanese.get('[data-testid="attach-error"]').text()).toBe('「空.txt」は空のファイルのため送信できません。');
    expect(japanese.emitted('attach')).toBeUndefined();
  });

  it('has no attach button when the contact does not allow attachments, and nothing works while disabled', async () => {
    const wrapper = mountComposer('en', { attachmentsEnabled: false, disabled: true });
    expect(wrapper.find('[data-testid="attach-input"]').exists()).toBe(false);
    expect(wrapper.get('textarea').attributes('disabled')).toBeDefined();
    expect(wrapper.get('button[aria-haspopup="dialog"]').attributes('disabled')).toBeDefined();
  });
});
