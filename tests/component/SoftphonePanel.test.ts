// @vitest-environment happy-dom
// Component tests of the side panel's shell: sign-in states, the workspace by contact phase (after call
// work, missed), the tools (quick connects, settings: auto-accept, desk phone, log, sign out), and switching
// the UI language to Japanese at run time.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SoftphonePanel from '@/components/softphone/SoftphonePanel.vue';
import type { SessionSnapshot } from '@/lib/session/snapshot';
import { emptySnapshot } from '@/lib/session/snapshot';
import { agentChoicesItem } from '@/lib/settings/settings-store';
import { usePreferencesStore } from '@/stores/preferences';
import {
  accessibleName,
  button,
  buttonNames,
  connection,
  mountSoftphone,
  QUICK_CONNECTS,
  readySnapshot,
  statusArn,
  voiceContact,
} from './softphone-fixture';

enableAutoUnmount(afterEach);

const signedOut = (overrides: Partial<SessionSnapshot> = {}): SessionSnapshot => ({ ...emptySnapshot(), ...overrides });
const connectionIs = (status: SessionSnapshot['connection']['status'], reason: string | null = null) =>
  signedOut({ instanceUrl: 'http://127.0.0.1:8790', connection: { status, since: Date.now(), reason } });

type Wrapper = Awaited<ReturnType<typeof mountSoftphone>>['wrapper'];
async function click(wrapper: Wrapper, name: string) {
  await button(wrapper, name).trigger('click');
  await flushPromises();
}

beforeEach(() => {
  fakeBrowser.reset();
});

/** What the agent's actions sent: the workspace's own reads (the customer, suggestions) are not the agent's. */
const agentCommands = (client: { commands: { type: string }[] }) => client.commands.filter((command) => command.type !== 'workspace');

describe('sign-in', () => {
  it('offers the local contact center by default and signs in to the URL given', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, signedOut());
    const url = wrapper.get('#instance-url');
    expect(accessibleName(url.element)).toBe('Contact center URL');
    expect((url.element as HTMLInputElement).value).toBe('http://127.0.0.1:8790');
    await click(wrapper, 'Sign in');
    expect(agentCommands(client)).toEqual([{ type: 'sign-in', instanceUrl: 'http://127.0.0.1:8790' }]);
  });

  it('refuses an address that is not an http(s) URL, without sending anything', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, signedOut());
    await wrapper.get('#instance-url').setValue('my-instance');
    await click(wrapper, 'Sign in');
    expect(agentCommands(client)).toEqual([]);
    expect(wrapper.get('#instance-url-error').text()).toContain('starting with https://');
  });

  it('asks the agent to sign in in the login window, and can open it again', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, connectionIs('needs-sign-in'));
    expect(wrapper.text()).toContain('Sign in in the window that opened');
    await click(wrapper, 'Open the sign-in window again');
    expect(agentCommands(client)).toEqual([{ type: 'sign-in', instanceUrl: 'http://127.0.0.1:8790' }]);
  });

  it('shows a failed connection with its reason and lets the agent try again', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, connectionIs('failed', 'the CCP did not answer'));
    expect(wrapper.text()).toContain('Could not connect to the contact center');
    expect(wrapper.text()).toContain('Reason: the CCP did not answer');
    await click(wrapper, 'Try again');
    expect(agentCommands(client)).toEqual([{ type: 'sign-in', instanceUrl: 'http://127.0.0.1:8790' }]);
  });

  it('shows progress while connecting, with a way to cancel', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, connectionIs('connecting'));
    expect(wrapper.text()).toContain('Connecting to http://127.0.0.1:8790…');
    await click(wrapper, 'Cancel');
    expect(agentCommands(client)).toEqual([{ type: 'sign-out' }]);
  });
});

describe('workspace', () => {
  it('shows the agent, the status control and the tools once ready', async () => {
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot());
    expect(wrapper.text()).toContain('Emily Carter');
    expect(wrapper.text()).toContain('You are available. Incoming calls ring here.');
    expect(buttonNames(wrapper)).toEqual(['Number pad', 'Quick connects', 'Settings', 'Create task']);
  });

  it('moves the focus to the call when the Accept call button it was on goes away', async () => {
    const ringing = voiceContact();
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [ringing] }));
    (button(wrapper, 'Accept call').element as HTMLButtonElement).focus();
    await click(wrapper, 'Accept call');
    client.emit(readySnapshot({ contacts: [{ ...ringing, state: 'connected' }] }));
    await flushPromises();
    expect(document.activeElement?.textContent?.trim()).toBe('On a call');
  });

  it('closes a contact in after call work with Close contact', async () => {
    const ended = voiceContact({ state: 'ended', since: Date.now() - 4_000 });
    const snapshot = readySnapshot(
      { contacts: [ended] },
      { state: { name: 'AfterCallWork', type: 'system', since: Date.now() }, nextStatus: { arn: statusArn('break'), name: 'Break' } },
    );
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, snapshot);
    const acw = wrapper.get('[data-testid="after-call-work"]');
    expect(acw.text()).toContain('After call work');
    expect(acw.text()).toContain('When you close the contact, your status becomes Break.');
    await click(wrapper, 'Close contact');
    expect(agentCommands(client)).toEqual([{ type: 'clear', contactId: 'contact-1' }]);
  });

  it('explains the Missed state even when the missed contact is gone', async () => {
    const snapshot = readySnapshot({}, { state: { name: 'MissedCallAgent', type: 'error', since: Date.now() } });
    const { wrapper } = await mountSoftphone(SoftphonePanel, snapshot);
    expect(wrapper.get('[data-testid="missed-contact"]').text()).toContain('No calls reach you until you change your status');
    expect(buttonNames(wrapper)).toContain('Go Available');
  });

  it('shows a refused command in the error notice until dismissed', async () => {
    const contact = voiceContact({ state: 'connected', connections: [connection({ id: 'a', role: 'agent' }), connection({ id: 'c', role: 'customer' })] });
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [contact] }));
    client.answer = () => ({ ok: false, error: { code: 'timeout' } });
    await click(wrapper, 'Hold');
    expect(wrapper.get('[data-testid="command-error"]').text()).toContain('The contact center did not answer in time. Try again.');
    await click(wrapper, 'Dismiss');
    expect(wrapper.find('[data-testid="command-error"]').exists()).toBe(false);
  });
});

describe('quick connects', () => {
  it('lists quick connects with their kind and finds them by search', async () => {
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot());
    await click(wrapper, 'Quick connects');
    const names = () => wrapper.findAll('.qc').map((qc) => accessibleName(qc.element));
    expect(names()).toEqual(['Support queue, Queue', 'Yuki Tanaka, Agent', 'Escalation desk, Phone number, 03-5550-0123']);
    await wrapper.get('#quick-connect-search').setValue('yuki');
    expect(names()).toEqual(['Yuki Tanaka, Agent']);
    await wrapper.get('#quick-connect-search').setValue('queue');
    expect(names()).toEqual(['Support queue, Queue']);
  });

  it('dials a phone quick connect when idle; queues and agents wait for a call', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot());
    await click(wrapper, 'Quick connects');
    const [queue, agent, phone] = wrapper.findAll('.qc');
    expect(queue?.attributes('disabled')).toBeDefined();
    expect(agent?.attributes('disabled')).toBeDefined();
    await phone?.trigger('click');
    await flushPromises();
    expect(agentCommands(client)).toEqual([{ type: 'dial', target: { quickConnectArn: QUICK_CONNECTS[2]?.arn } }]);
  });

  it('consults a quick connect (add-connection) during a call', async () => {
    const contact = voiceContact({ state: 'connected', connections: [connection({ id: 'a', role: 'agent' }), connection({ id: 'c', role: 'customer' })] });
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [contact] }));
    await click(wrapper, 'Quick connects');
    await wrapper.findAll('.qc')[1]?.trigger('click');
    await flushPromises();
    expect(agentCommands(client)).toEqual([{ type: 'add-connection', contactId: 'contact-1', target: { quickConnectArn: QUICK_CONNECTS[1]?.arn } }]);
    expect(wrapper.find('.qc').exists()).toBe(false); // the list closes so the call's transfer controls show
  });
});

describe('settings', () => {
  it('turns auto-accept on', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot());
    await click(wrapper, 'Settings');
    const box = wrapper.get('input[type="checkbox"]');
    expect(accessibleName(box.element.closest('label') as Element)).toContain('Accept calls automatically');
    await box.setValue(true);
    await flushPromises();
    expect(agentCommands(client)).toEqual([{ type: 'update-agent-config', autoAccept: true }]);
  });

  it('switches to a desk phone only with a valid number, sent as E.164', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot());
    await click(wrapper, 'Settings');
    await wrapper.get('input[value="desk-phone"]').setValue(true);
    await wrapper.get('#desk-phone-number').setValue('03-5555');
    await click(wrapper, 'Save');
    expect(agentCommands(client)).toEqual([]);
    expect(wrapper.get('#desk-phone-error').text()).toBe('03-5555 is not a valid phone number for Japan');
    await wrapper.get('#desk-phone-number').setValue('03-5555-9999');
    await click(wrapper, 'Save');
    expect(agentCommands(client)).toEqual([{ type: 'update-agent-config', softphoneEnabled: false, deskPhoneNumber: '+81355559999' }]);
    expect(wrapper.text()).toContain('Saved');
  });

  it('downloads the session log as JSON lines', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot());
    client.log = { ok: true, lines: ['{"t":1,"event":"sign-in"}', '{"t":2,"event":"ready"}'] };
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:log';
    });
    URL.revokeObjectURL = vi.fn();
    const downloads: string[] = [];
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await click(wrapper, 'Settings');
    await click(wrapper, 'Download log');
    expect(clickSpy).toHaveBeenCalledOnce();
    expect(downloads[0]).toMatch(/^switchboard-log-\d{4}-\d{2}-\d{2}-\d{6}\.jsonl$/);
    expect(await blobs[0]?.text()).toBe('{"t":1,"event":"sign-in"}\n{"t":2,"event":"ready"}\n');
  });

  it('signs out', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot());
    await click(wrapper, 'Settings');
    await click(wrapper, 'Sign out');
    expect(agentCommands(client)).toEqual([{ type: 'sign-out' }]);
  });
});

describe('language', () => {
  it('switches the labels to Japanese at run time and remembers the choice', async () => {
    const contact = voiceContact({ state: 'connected', connections: [connection({ id: 'a', role: 'agent' }), connection({ id: 'c', role: 'customer' })] });
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [contact] }));
    await click(wrapper, 'Settings');
    await wrapper.get('#ui-language').setValue('ja');
    await flushPromises();
    expect(accessibleName(wrapper.get('#agent-status').element)).toBe('ステータス');
    expect(buttonNames(wrapper)).toEqual(expect.arrayContaining(['保留', 'ミュート', '通話を終了', '数値パッド', 'クイック接続', '設定', 'サインアウト']));
    expect(document.documentElement.lang).toBe('ja');
    expect(await agentChoicesItem.getValue()).toEqual({ 'ui.language': 'ja' });
  });

  it('starts in Japanese for an agent whose instance language is Japanese', async () => {
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot({}, { language: 'ja_JP' }));
    expect(buttonNames(wrapper)).toEqual(['数値パッド', 'クイック接続', '設定', 'タスクを作成']);
  });

  it('keeps the agent’s stored choice over the instance language', async () => {
    await agentChoicesItem.setValue({ 'ui.language': 'en' });
    const { wrapper, pinia } = await mountSoftphone(SoftphonePanel, readySnapshot({}, { language: 'ja_JP' }));
    await usePreferencesStore(pinia).load();
    await flushPromises();
    expect(buttonNames(wrapper)).toEqual(['Number pad', 'Quick connects', 'Settings', 'Create task']);
  });
});
