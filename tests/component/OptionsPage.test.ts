// @vitest-environment happy-dom
// The options page: every setting with its effective value and source, locked ones read-only with the admin's
// reason, ignored policy values listed with their reason, the agent's edits checked and stored, and a policy
// change shown live.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import OptionsPage from '@/components/options/OptionsPage.vue';
import { policyFileFor } from '@/lib/settings/export-policy';
import { SETTING_KEYS } from '@/lib/settings/schema';
import { agentChoicesItem, loadSettings } from '@/lib/settings/settings-store';
import { createPanelI18n } from '@/locales/bundled-i18n';
import { useSettingsStore } from '@/stores/settings';

async function mountOptions() {
  const pinia = createPinia();
  await useSettingsStore(pinia).load();
  const wrapper = mount(OptionsPage, { global: { plugins: [pinia, createPanelI18n('en')] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const field = (wrapper: Awaited<ReturnType<typeof mountOptions>>, key: string) => wrapper.get(`[data-setting="${key}"]`);

describe('options page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '';
  });

  it('shows every setting with its source', async () => {
    await fakeBrowser.storage.managed.set({ 'screenPop.mode': { value: 'accept' } });
    await agentChoicesItem.setValue({ 'clickToDial.telLinks': false });
    const wrapper = await mountOptions();
    expect(wrapper.findAll('[data-setting]')).toHaveLength(SETTING_KEYS.length);
    expect(field(wrapper, 'screenPop.mode').get('.source').text()).toBe('Admin default');
    expect((field(wrapper, 'screenPop.mode').get('select').element as HTMLSelectElement).value).toBe('accept');
    expect(field(wrapper, 'clickToDial.telLinks').get('.source').text()).toBe('Your choice');
    expect(field(wrapper, 'clickToDial.enabled').get('.source').text()).toBe('Built-in default');
  });

  it('shows a locked setting read-only, with a lock and the admin’s reason', async () => {
    await fakeBrowser.storage.managed.set({ 'contactCenter.url': { value: 'https://acme.my.connect.aws', locked: true, reason: 'Acme’s instance' } });
    const wrapper = await mountOptions();
    const url = field(wrapper, 'contactCenter.url');
    expect(url.get('.source').text()).toContain('Locked by your admin');
    expect(url.get('input').attributes('readonly')).toBeDefined();
    expect((url.get('input').element as HTMLInputElement).value).toBe('https://acme.my.connect.aws');
    expect(url.get('.lock-reason').text()).toBe("Admin's reason: Acme’s instance");
  });

  it('lists policy values it ignored, with the reason, while the rest applies', async () => {
    await fakeBrowser.storage.managed.set({
      'clickToDial.deniedSites': { value: ['not a pattern'], locked: true },
      'clickToDial.enabled': { value: false, locked: true },
    });
    const wrapper = await mountOptions();
    const problems = wrapper.get('[data-test="policy-problems"]');
    expect(problems.get('[data-key="clickToDial.deniedSites"]').text()).toContain('"not a pattern" is not a match pattern');
    expect((field(wrapper, 'clickToDial.enabled').get('input').element as HTMLInputElement).checked).toBe(false);
  });

  it('stores a valid edit, refuses an invalid one with the reason, and resets to the default', async () => {
    const wrapper = await mountOptions();
    const grace = field(wrapper, 'session.engineLostGraceSeconds').get('input');
    await grace.setValue('900');
    await grace.trigger('change');
    await flushPromises();
    expect(field(wrapper, 'session.engineLostGraceSeconds').get('[role="alert"]').text()).toBe('900 is outside 0–600.');
    expect((await loadSettings()).values['session.engineLostGraceSeconds']).toBe(10);

    await grace.setValue('45');
    await grace.trigger('change');
    await flushPromises();
    expect((await loadSettings()).values['session.engineLostGraceSeconds']).toBe(45);
    expect(field(wrapper, 'session.engineLostGraceSeconds').get('.source').text()).toBe('Your choice');

    await field(wrapper, 'session.engineLostGraceSeconds').get('button').trigger('click');
    await flushPromises();
    expect((await loadSettings()).sources['session.engineLostGraceSeconds']).toBe('built-in');
  });

  it('shows chat auto-accept in its own Chat group: off by default, the agent turns it on, an admin can lock it', async () => {
    const wrapper = await mountOptions();
    const group = wrapper.get('section[aria-labelledby="group-chat"]');
    expect(group.get('h2').text()).toBe('Chat');
    const autoAccept = group.get('[data-setting="chat.autoAccept"]');
    expect(autoAccept.get('label').text()).toBe('Accept chats automatically');
    const toggle = autoAccept.get('input[type="checkbox"]');
    expect((toggle.element as HTMLInputElement).checked).toBe(false);
    await toggle.setValue(true);
    await flushPromises();
    expect((await loadSettings()).values['chat.autoAccept']).toBe(true);
    expect(field(wrapper, 'chat.autoAccept').get('.source').text()).toBe('Your choice');

    await fakeBrowser.storage.managed.set({ 'chat.autoAccept': { value: false, locked: true, reason: 'Agents pick up chats themselves' } });
    await expect.poll(async () => {
      await flushPromises();
      return field(wrapper, 'chat.autoAccept').get('input').attributes('disabled');
    }).toBeDefined();
    expect((field(wrapper, 'chat.autoAccept').get('input').element as HTMLInputElement).checked).toBe(false);
    expect((await loadSettings()).values['chat.autoAccept']).toBe(false);
  });

  it('follows a policy pushed while it is open', async () => {
    const wrapper = await mountOptions();
    await fakeBrowser.storage.managed.set({ 'ui.language': { value: 'ja', locked: true } });
    await expect.poll(async () => {
      await flushPromises();
      return wrapper.get('h1').text();
    }).toBe('Switchboard の設定');
    expect(field(wrapper, 'ui.language').get('select').attributes('disabled')).toBeDefined();
  });

  it('exports the effective settings as a policy of admin defaults', async () => {
    await agentChoicesItem.setValue({ 'screenPop.mode': 'off' });
    const file = policyFileFor((await loadSettings()).values, 'noblaacmkmdckhdcjakjpckmkgedlibh');
    const entries = file['3rdparty'].extensions.noblaacmkmdckhdcjakjpckmkgedlibh!;
    expect(Object.keys(entries)).toEqual(SETTING_KEYS);
    expect(entries['screenPop.mode']).toEqual({ value: 'off' });
  });
});
