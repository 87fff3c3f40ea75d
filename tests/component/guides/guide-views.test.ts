// @vitest-environment happy-dom
// The other views and actions in the panel, through the seeded "Change of address" (the profile looked up first,
// a checklist, a form, cards as buttons, a task for the back office) and the escalation of "Router keeps dropping"
// (a detail view's own button transferring the call to a quick connect), in Japanese too.
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { button } from '../softphone-fixture';
import { mountGuide, serveGuides, supportCall, type GuideServer } from './guide-test-kit';

let server: GuideServer;
beforeEach(() => {
  fakeBrowser.reset();
  server = serveGuides();
});
afterEach(() => document.body.replaceChildren());

type Wrapper = Awaited<ReturnType<typeof mountGuide>>['wrapper'];
const heading = (wrapper: Wrapper) => wrapper.find('.view-heading').text();
async function submit(wrapper: Wrapper) {
  await wrapper.find('form.guide-view').trigger('submit');
  await flushPromises();
}

describe('guide views', () => {
  it('“Change of address”: the profile found, the checklist, the form, then a card that creates a task', async () => {
    const { wrapper, client } = await mountGuide({ contact: supportCall({ queueName: 'BasicQueue' }) });
    expect(heading(wrapper)).toBe('Confirm who is calling');
    for (const box of wrapper.findAll('input[type="checkbox"]')) await box.setValue(true);
    await submit(wrapper);
    expect(heading(wrapper)).toBe('The new address');
    expect(wrapper.find('[data-field="movingDate"] input').attributes('type')).toBe('date');
    await wrapper.find('[data-field="postalCode"] input').setValue('530-0001');
    await wrapper.find('[data-field="address1"] input').setValue('1-1 Umeda');
    await wrapper.find('[data-field="city"] input').setValue('Osaka');
    await submit(wrapper);
    expect(server.writes.at(-1)?.attributes).toEqual({ newPostalCode: '530-0001', newAddress: '1-1 Umeda', newCity: 'Osaka', movingDate: '' });
    expect(heading(wrapper)).toBe('How should we confirm the change?');
    const cards = wrapper.findAll('.cards button');
    expect(cards.map((c) => c.find('.card-heading').text())).toEqual(['By letter', 'In the CRM now']);
    await cards[0].trigger('click');
    await flushPromises();
    // No quick connect is named "Billing queue" on this panel: the task cannot be addressed, and the agent is told.
    expect(wrapper.find('.failed').text()).toContain('There is no quick connect named “Billing queue”.');
    expect(client.commands.some((c) => c.type === 'task-create')).toBe(false);
  });

  it('a detail view’s own button runs its branch: the call is transferred to the escalation desk', async () => {
    const { wrapper, client } = await mountGuide({ language: 'ja' });
    await wrapper.find('input[type="checkbox"]').setValue(true);
    await submit(wrapper);
    await wrapper.find('input[type="radio"][value="constant"]').setValue(true);
    await wrapper.find('[data-field="product"] input').setValue('SB-R200');
    await submit(wrapper);
    expect(heading(wrapper)).toBe('再起動してもつながらない');
    await button(wrapper, 'エスカレーションする').trigger('click');
    await flushPromises();
    expect(client.commands).toContainEqual({ type: 'add-connection', contactId: 'contact-1', target: { quickConnectArn: expect.stringContaining('qc-escalation-desk') } });
    expect(heading(wrapper)).toBe('ケースを作成');
  });
});
