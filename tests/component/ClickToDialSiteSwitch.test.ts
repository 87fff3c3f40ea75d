// @vitest-environment happy-dom
// The panel's per-site click-to-dial switch: it names the active tab's site, switching off stores the origin
// in the agent's disabled sites (and on removes it), and a site the admin's settings rule out cannot be
// switched on, with the reason.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ClickToDialSiteSwitch from '@/components/softphone/ClickToDialSiteSwitch.vue';
import { loadSettings } from '@/lib/settings/settings-store';
import { createPanelI18n } from '@/locales/bundled-i18n';
import { useSettingsStore } from '@/stores/settings';

async function mountSwitch(tabUrl: string) {
  // The fake browser has no way to make a tab active: answer the panel's "which tab is active" directly.
  const tab = await fakeBrowser.tabs.create({ url: tabUrl });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
  const pinia = createPinia();
  await useSettingsStore(pinia).load();
  const wrapper = mount(ClickToDialSiteSwitch, { global: { plugins: [pinia, createPanelI18n('en')] } });
  await flushPromises();
  return wrapper;
}

describe('ClickToDialSiteSwitch', () => {
  beforeEach(() => fakeBrowser.reset());

  it('switches click-to-dial off and on again for the active site', async () => {
    const wrapper = await mountSwitch('https://crm.example.com/customers/7');
    expect(wrapper.text()).toContain('Click-to-dial on https://crm.example.com');
    const box = wrapper.get('[data-test="click-to-dial-site"]');
    expect((box.element as HTMLInputElement).checked).toBe(true);
    await box.setValue(false);
    await flushPromises();
    expect((await loadSettings()).values['clickToDial.disabledSites']).toEqual(['https://crm.example.com']);
    await box.setValue(true);
    await flushPromises();
    expect((await loadSettings()).values['clickToDial.disabledSites']).toEqual([]);
  });

  it('says why, and stays off, on a site the admin denied', async () => {
    await fakeBrowser.storage.managed.set({ 'clickToDial.deniedSites': { value: ['https://bank.example/*'], locked: true } });
    const wrapper = await mountSwitch('https://bank.example/accounts');
    const box = wrapper.get('[data-test="click-to-dial-site"]');
    expect((box.element as HTMLInputElement).checked).toBe(false);
    expect(box.attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('Your admin switched click-to-dial off on this site.');
  });

  it('shows nothing for pages that are not web pages', async () => {
    const wrapper = await mountSwitch('chrome://extensions');
    expect(wrapper.find('[data-test="click-to-dial-site"]').exists()).toBe(false);
  });
});
