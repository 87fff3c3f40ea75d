// @vitest-environment happy-dom
// Component tests of the status control: localized statuses, set-status on choice, time in state, system
// states and the queued next status.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AgentStatusControl from '@/components/softphone/AgentStatusControl.vue';
import { accessibleName, mountSoftphone, readySnapshot, statusArn } from './softphone-fixture';

const optionNames = (select: Element) => [...select.querySelectorAll('option')].map((o) => o.textContent?.trim());

enableAutoUnmount(afterEach);

describe('AgentStatusControl', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ now: new Date('2025-03-03T09:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('is a select named Status listing the instance statuses by their names', async () => {
    const { wrapper } = await mountSoftphone(AgentStatusControl, readySnapshot());
    const select = wrapper.get('select');
    expect(accessibleName(select.element)).toBe('Status');
    expect(optionNames(select.element)).toEqual(['Available', 'Offline', 'Break', 'Meeting', 'Paperwork', 'Outbound work', 'Feedback']);
    expect((select.element as HTMLSelectElement).value).toBe(statusArn('available'));
  });

  it('lists the statuses in Japanese for the Japanese UI', async () => {
    const { wrapper } = await mountSoftphone(AgentStatusControl, readySnapshot(), { language: 'ja' });
    const select = wrapper.get('select');
    expect(accessibleName(select.element)).toBe('ステータス');
    expect(optionNames(select.element)).toEqual(['利用可能', 'オフライン', '休憩', '会議', '事務処理', '発信業務', 'フィードバック']);
  });

  it('shows a status the panel does not know by the name the instance gives', async () => {
    const snapshot = readySnapshot({}, {
      statuses: [{ arn: statusArn('coaching'), name: 'Coaching', type: 'not_routable' }],
      availability: { name: 'Coaching', since: Date.now() },
      state: { name: 'Coaching', type: 'not_routable', since: Date.now() },
    });
    const { wrapper } = await mountSoftphone(AgentStatusControl, snapshot, { language: 'ja' });
    expect(optionNames(wrapper.get('select').element)).toEqual(['Coaching']);
  });

  it('sends set-status with the chosen status', async () => {
    const { wrapper, client } = await mountSoftphone(AgentStatusControl, readySnapshot());
    await wrapper.get('select').setValue(statusArn('break'));
    await flushPromises();
    expect(client.commands).toEqual([{ type: 'set-status', statusArn: statusArn('break') }]);
  });

  it('puts the shown status back when the change fails', async () => {
    const { wrapper, client } = await mountSoftphone(AgentStatusControl, readySnapshot());
    client.answer = () => ({ ok: false, error: { code: 'status-not-found' } });
    await wrapper.get('select').setValue(statusArn('meeting'));
    await flushPromises();
    expect((wrapper.get('select').element as HTMLSelectElement).value).toBe(statusArn('available'));
  });

  it('shows the time in the current state, ticking every second', async () => {
    const since = Date.now() - 65_000;
    const snapshot = readySnapshot({}, { state: { name: 'Available', type: 'routable', since } });
    const { wrapper } = await mountSoftphone(AgentStatusControl, snapshot);
    expect(wrapper.get('[role="timer"]').text()).toBe('01:05');
    vi.advanceTimersByTime(1_000);
    await flushPromises();
    expect(wrapper.get('[role="timer"]').text()).toBe('01:06');
    expect(wrapper.get('[role="timer"]').attributes('aria-label')).toBe('Time in this state: 01:06');
  });

  it('shows a system state over the selected status, and the next status chosen during a contact', async () => {
    const snapshot = readySnapshot({}, {
      state: { name: 'Busy', type: 'system', since: Date.now() - 3_000 },
      nextStatus: { arn: statusArn('break'), name: 'Break' },
    });
    const { wrapper } = await mountSoftphone(AgentStatusControl, snapshot);
    expect(wrapper.get('[data-testid="system-state"]').text()).toBe('On a call');
    expect(wrapper.get('[data-testid="next-status"]').text()).toContain('Next status: Break');
    expect((wrapper.get('select').element as HTMLSelectElement).value).toBe(statusArn('break'));
    expect(wrapper.get('[role="timer"]').text()).toBe('00:03');
  });

  it('shows a missed call in the select, so that choosing Available again is a change that clears it', async () => {
    const snapshot = readySnapshot({}, { state: { name: 'MissedCallAgent', type: 'error', since: Date.now() } });
    const { wrapper, client } = await mountSoftphone(AgentStatusControl, snapshot);
    const select = wrapper.get('select');
    expect((select.element as HTMLSelectElement).selectedOptions[0]?.textContent?.trim()).toBe('Missed call');
    await select.setValue(statusArn('available'));
    await flushPromises();
    expect(client.commands).toEqual([{ type: 'set-status', statusArn: statusArn('available') }]);
  });

  it('names system states in Japanese', async () => {
    const states: [string, string][] = [
      ['PendingBusy', '着信中'],
      ['Busy', '通話中'],
      ['AfterCallWork', '後処理'],
      ['CallingCustomer', '発信中'],
      ['MissedCallAgent', '不在着信'],
    ];
    for (const [name, japanese] of states) {
      const snapshot = readySnapshot({}, { state: { name, type: name === 'MissedCallAgent' ? 'error' : 'system', since: Date.now() } });
      const { wrapper } = await mountSoftphone(AgentStatusControl, snapshot, { language: 'ja' });
      expect(wrapper.get('[data-testid="system-state"]').text()).toBe(japanese);
      wrapper.unmount();
    }
  });
});
