// @vitest-environment happy-dom
// Component tests of the side panel's softphone view.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import SoftphonePanel from '@/components/softphone/SoftphonePanel.vue';
import { useSessionStore } from '@/stores/session';

describe('SoftphonePanel', () => {
  it('shows the product name and that the agent is not signed in', () => {
    const wrapper = mount(SoftphonePanel, { global: { plugins: [createPinia()] } });
    expect(wrapper.get('h1').text()).toBe('Switchboard');
    expect(wrapper.text()).toContain('Not signed in');
  });

  it('drops the signed-out line once the session is ready', async () => {
    const pinia = createPinia();
    const wrapper = mount(SoftphonePanel, { global: { plugins: [pinia] } });
    useSessionStore(pinia).connection = 'ready';
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).not.toContain('Not signed in');
  });
});
