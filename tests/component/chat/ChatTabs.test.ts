// @vitest-environment happy-dom
// Component tests of the chat tabs: one tab per chat with the customer's name, unread count and waiting time, the
// incoming and After Contact Work states, and the WAI-ARIA tabs keyboard pattern.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ChatTabs from '@/components/chat/ChatTabs.vue';
import type { ChatTabView } from '@/components/chat/chat-view-model';
import { mountChat } from './chat-fixture';

enableAutoUnmount(afterEach);

const NOW = Date.UTC(2025, 2, 3, 9, 0);
const chats: ChatTabView[] = [
  { contactId: 'c1', customerName: 'Mary Major', unread: 3, waitingSinceMs: NOW - 95_000, state: 'connected' },
  { contactId: 'c2', customerName: 'John Stiles', unread: 0, waitingSinceMs: null, state: 'connected' },
  { contactId: 'c3', customerName: '佐藤 花子', unread: 1, waitingSinceMs: NOW - 5_000, state: 'incoming' },
  { contactId: 'c4', customerName: 'Carlos Salazar', unread: 0, waitingSinceMs: NOW - 60_000, state: 'acw' },
];

describe('ChatTabs', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const mountTabs = (selectedId: string | null = 'c1', language: 'en' | 'ja' = 'en') =>
    mountChat(ChatTabs, { props: { chats, selectedId }, language, attachTo: document.body });

  it('is a tablist of one tab per chat, the selected one in the tab order and tied to its panel', () => {
    const wrapper = mountTabs();
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('Chats');
    const tabs = wrapper.findAll('[role="tab"]');
    expect(tabs.map((tab) => tab.attributes('aria-selected'))).toEqual(['true', 'false', 'false', 'false']);
    expect(tabs.map((tab) => tab.attributes('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
    expect(tabs[0]?.attributes('id')).toBe('chat-tab-c1');
    expect(tabs[0]?.attributes('aria-controls')).toBe('chat-panel-c1');
  });

  it('shows the unread count, the time the customer has waited for a reply, and the state', () => {
    const wrapper = mountTabs();
    const tabs = wrapper.findAll('[role="tab"]');
    const unread = tabs[0]?.get('[data-testid="unread"]');
    expect(unread?.get('[aria-hidden="true"]').text()).toBe('3');
    expect(unread?.get('.visually-hidden').text()).toBe('3 unread');
    const waiting = tabs[0]?.get('[data-testid="waiting"]');
    expect(waiting?.get('[aria-hidden="true"]').text()).toBe('⏱ 01:35');
    expect(waiting?.get('.visually-hidden').text()).toBe('Waiting for a reply for 01:35');
    expect(tabs[1]?.find('[data-testid="unread"]').exists()).toBe(false);
    expect(tabs[1]?.find('[data-testid="waiting"]').exists()).toBe(false);
    expect(tabs[2]?.text()).toContain('Incoming');
    expect(tabs[3]?.text()).toContain('After contact work');
    expect(tabs[3]?.find('[data-testid="waiting"]').exists()).toBe(false);
  });

  it('counts the waiting time up as time passes', async () => {
    const wrapper = mountTabs();
    vi.advanceTimersByTime(10_000);
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('[role="tab"]')[0]?.get('[data-testid="waiting"]').text()).toContain('01:45');
  });

  it('selects with a click, and with arrow keys, Home and End, moving focus along', async () => {
    const wrapper = mountTabs();
    const tabs = wrapper.findAll('[role="tab"]');
    await tabs[1]?.trigger('click');
    await tabs[0]?.trigger('keydown', { key: 'ArrowRight' });
    await tabs[0]?.trigger('keydown', { key: 'ArrowLeft' });
    await tabs[0]?.trigger('keydown', { key: 'End' });
    await tabs[3]?.trigger('keydown', { key: 'ArrowRight' });
    await tabs[2]?.trigger('keydown', { key: 'Home' });
    await tabs[2]?.trigger('keydown', { key: 'a' });
    expect(wrapper.emitted('select')).toEqual([['c2'], ['c2'], ['c4'], ['c4'], ['c1'], ['c1']]);
    expect(document.activeElement?.id).toBe('chat-tab-c1');
  });

  it('puts the first tab in the tab order when none is selected', () => {
    const wrapper = mountTabs(null);
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.attributes('tabindex'))).toEqual(['0', '-1', '-1', '-1']);
  });

  it('speaks Japanese in the Japanese UI', () => {
    const wrapper = mountTabs('c1', 'ja');
    const tabs = wrapper.findAll('[role="tab"]');
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('チャット');
    expect(tabs[0]?.text()).toContain('未読 3 件');
    expect(tabs[0]?.text()).toContain('返信待ち 01:35');
    expect(tabs[2]?.text()).toContain('着信中');
    expect(tabs[3]?.text()).toContain('後処理中');
  });
});
