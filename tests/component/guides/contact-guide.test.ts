// @vitest-environment happy-dom
// The contact's guide in the panel: the Support call's guide opens by itself (English or Japanese by the panel's
// language), its checklist and form refuse to go on without their required answers and say which, Back returns with
// the answers kept, the form's answers become contact attributes and case fields, the case is created from the
// template and linked to the call, the completed guide is recorded on the contact; the run survives the panel
// closing; the agent can fold it away; a failed action offers Retry and Skip.
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMPLETED_GUIDE_ATTRIBUTE } from '@/lib/guides/guide-format';
import { button } from '../softphone-fixture';
import { FIELD, guideEngine, mountGuide, serveGuides, supportCall, type GuideServer } from './guide-test-kit';

let server: GuideServer;
beforeEach(() => {
  fakeBrowser.reset();
  server = serveGuides();
});
afterEach(() => document.body.replaceChildren());

type Wrapper = Awaited<ReturnType<typeof mountGuide>>['wrapper'];
const heading = (wrapper: Wrapper) => wrapper.find('.view-heading').text();
const announcement = (wrapper: Wrapper) => wrapper.find('[data-testid="guide-announcement"]').text();
async function click(wrapper: Wrapper, name: string) {
  await button(wrapper, name).trigger('click');
  await flushPromises();
}
async function submit(wrapper: Wrapper) {
  await wrapper.find('form.guide-view').trigger('submit');
  await flushPromises();
}
async function toForm(wrapper: Wrapper) {
  await wrapper.find('input[type="checkbox"]').setValue(true);
  await submit(wrapper);
}
async function fillForm(wrapper: Wrapper) {
  await wrapper.find('input[type="radio"][value="hourly"]').setValue(true);
  await wrapper.find('[data-field="product"] input').setValue('SB-R200');
  await wrapper.find('[data-field="devicesAffected"] input').setValue('2');
  await wrapper.find('[data-field="priority"] select').setValue('high');
  await wrapper.find('[data-field="callbackRequested"] input').setValue(true);
}

describe('the contact’s guide', () => {
  it('opens the Support queue’s guide by itself, at its checklist', async () => {
    const { wrapper } = await mountGuide();
    const guide = wrapper.find('[data-testid="contact-guide"]');
    expect(guide.attributes('data-guide-id')).toBe('router-keeps-dropping');
    expect(guide.find('h3').text()).toContain('Router keeps dropping');
    expect(heading(wrapper)).toBe('Basic checks');
    expect(announcement(wrapper)).toBe('Guide step: Basic checks');
    expect(server.lists).toBe(1);
  });

  it('waits while the contact rings and opens once the agent has it', async () => {
    const ringing = supportCall({ state: 'connecting' });
    const { wrapper } = await mountGuide({ contact: ringing });
    expect(wrapper.find('[data-testid="contact-guide"]').exists()).toBe(false);
    expect(server.lists).toBe(0);
    const composer = document.body.appendChild(document.createElement('textarea'));
    composer.focus();
    await wrapper.setProps({ contact: { ...ringing, state: 'connected' } });
    await flushPromises();
    expect(wrapper.find('[data-testid="contact-guide"]').attributes('data-guide-id')).toBe('router-keeps-dropping');
    // Opening by itself takes no focus from what the agent is typing; moving to the next step does.
    expect(document.activeElement).toBe(composer);
    await wrapper.find('input[type="checkbox"]').setValue(true);
    await wrapper.find('form.guide-view').trigger('submit');
    await flushPromises();
    expect(document.activeElement?.textContent?.trim()).toBe('What happens');
  });

  it('opens the Japanese guide in a Japanese panel', async () => {
    const { wrapper } = await mountGuide({ language: 'ja' });
    expect(wrapper.find('[data-testid="contact-guide"]').attributes('data-guide-id')).toBe('ja-router-keeps-dropping');
    expect(heading(wrapper)).toBe('基本の確認');
    expect(button(wrapper, '次へ').exists()).toBe(true);
  });

  it('opens nothing for a queue without a guide', async () => {
    const { wrapper } = await mountGuide({ contact: supportCall({ queueName: 'Sales' }) });
    expect(wrapper.find('[data-testid="contact-guide"]').exists()).toBe(false);
  });

  it('keeps the checklist until its required item is ticked, saying which', async () => {
    const { wrapper } = await mountGuide();
    await submit(wrapper);
    expect(heading(wrapper)).toBe('Basic checks');
    expect(announcement(wrapper)).toBe('Fill in: Restart the router');
    expect(wrapper.find('input[aria-invalid="true"]').exists()).toBe(true);
    expect(document.activeElement?.id).toBe('guide-contact-1-item-restart');
    await toForm(wrapper);
    expect(heading(wrapper)).toBe('What happens');
  });

  it('fills the form from its defaults and the contact, refuses missing answers, and goes Back with them kept', async () => {
    const { wrapper } = await mountGuide();
    await toForm(wrapper);
    expect(wrapper.find('.attribute-bar').text()).toContain('AC-1001');
    expect((wrapper.find('[data-field="priority"] select').element as HTMLSelectElement).value).toBe('medium');
    await submit(wrapper);
    expect(announcement(wrapper)).toBe('Fill in: How often does it drop?, Router model');
    expect(wrapper.find('[data-field="product"] input').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-field="product"]').text()).toContain('Router model is required.');
    await wrapper.find('[data-field="product"] input').setValue('SB-R200');
    await click(wrapper, 'Back');
    expect(heading(wrapper)).toBe('Basic checks');
    expect((wrapper.find('input[type="checkbox"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('turns the answers into attributes and a case linked to the call, shows its reference and records the guide', async () => {
    const engine = guideEngine();
    const { wrapper } = await mountGuide({ engine });
    await toForm(wrapper);
    await fillForm(wrapper);
    await submit(wrapper);
    expect(server.writes[0]).toEqual({ contactId: 'contact-1', attributes: { routerModel: 'SB-R200', dropFrequency: 'hourly' } });
    expect(heading(wrapper)).toBe('Open a case');
    await click(wrapper, 'Create case');
    const created = engine.requests.find((r) => r.op === 'case-create');
    expect(created).toEqual({
      op: 'case-create',
      templateId: '7a2b9c40-1d3e-4f5a-8b6c-0d1e2f3a4b01',
      profileId: 'p-taro',
      linkContactId: 'contact-1',
      fields: { title: 'Router keeps dropping the connection', [FIELD.account]: 'AC-1001', [FIELD.product]: 'SB-R200', [FIELD.devices]: 2, [FIELD.priority]: 'high', [FIELD.callback]: true },
    });
    expect(heading(wrapper)).toBe('Case created');
    expect(wrapper.find('.details').text()).toContain('CASE-2026-0100');
    await click(wrapper, 'Finish');
    expect(wrapper.find('[data-testid="contact-guide"]').attributes('data-status')).toBe('completed');
    expect(wrapper.find('[data-testid="guide-ended"]').text()).toBe('Guide completed. Recorded on the contact.');
    const record = server.writes.at(-1)!;
    expect(JSON.parse(record.attributes[COMPLETED_GUIDE_ATTRIBUTE])).toMatchObject({ guide: 'router-keeps-dropping', outcome: 'completed' });
  });

  it('takes the guide’s own branch when the case cannot be created', async () => {
    const engine = guideEngine({ caseResult: { ok: false, error: { code: 'workspace-source-failed', params: { source: 'cases' } } } });
    const { wrapper } = await mountGuide({ engine });
    await toForm(wrapper);
    await fillForm(wrapper);
    await submit(wrapper);
    await click(wrapper, 'Create case');
    expect(heading(wrapper)).toBe('The case was not created');
  });

  it('offers Retry and Skip when an action fails without a branch (an article on a call)', async () => {
    const { wrapper } = await mountGuide();
    await toForm(wrapper);
    await fillForm(wrapper);
    await submit(wrapper);
    await click(wrapper, 'Create case');
    await click(wrapper, 'Send the article');
    const alert = wrapper.find('.failed[role="alert"]');
    expect(alert.text()).toContain('Only a chat can take an article.');
    await click(wrapper, 'Retry');
    expect(wrapper.find('.failed').text()).toContain('Only a chat can take an article.');
    await click(wrapper, 'Skip this step');
    expect(wrapper.find('[data-testid="contact-guide"]').attributes('data-status')).toBe('completed');
  });

  it('resumes where it was after the panel closed and opened again', async () => {
    const first = await mountGuide();
    await toForm(first.wrapper);
    await first.wrapper.find('[data-field="product"] input').setValue('SB-R200');
    await first.wrapper.find('input[type="radio"][value="daily"]').setValue(true);
    first.wrapper.unmount();
    const again = await mountGuide();
    expect(heading(again.wrapper)).toBe('What happens');
    // Answers given on views the agent left are kept; the form's unsent typing is not.
    await click(again.wrapper, 'Back');
    expect((again.wrapper.find('input[type="checkbox"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('folds away and back, and stays folded after the panel reopens', async () => {
    const first = await mountGuide();
    const toggle = button(first.wrapper, 'Hide guide');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    await toggle.trigger('click');
    await flushPromises();
    expect(button(first.wrapper, 'Show guide').attributes('aria-expanded')).toBe('false');
    expect((first.wrapper.find('.guide-body').element as HTMLElement).style.display).toBe('none');
    first.wrapper.unmount();
    const again = await mountGuide();
    expect(button(again.wrapper, 'Show guide').exists()).toBe(true);
  });

  it('is closed by the agent and recorded as cancelled', async () => {
    const { wrapper } = await mountGuide();
    await click(wrapper, 'Close guide');
    expect(wrapper.find('[data-testid="contact-guide"]').attributes('data-status')).toBe('cancelled');
    expect(JSON.parse(server.writes.at(-1)!.attributes[COMPLETED_GUIDE_ATTRIBUTE]).outcome).toBe('cancelled');
  });
});
