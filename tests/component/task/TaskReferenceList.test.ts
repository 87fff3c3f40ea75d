// @vitest-environment happy-dom
// Component tests of a task's references, rendered by type: only http(s) URLs are links (opening a new tab,
// without opener or referrer), javascript: and data: URLs are plain text, emails mailto links, numbers and dates
// formatted for the agent's language, attachments downloadable only over http(s), anything else text, never HTML.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TaskReferenceList from '@/components/task/TaskReferenceList.vue';
import type { TaskReferenceView } from '@/lib/session/snapshot';
import { mountTask } from './task-fixture';

enableAutoUnmount(afterEach);

const render = (references: TaskReferenceView[], language: 'en' | 'ja' = 'en') => mountTask(TaskReferenceList, { props: { references }, language });
const valueOf = (wrapper: ReturnType<typeof render>, index = 0) => wrapper.findAll('dd')[index]!;

describe('TaskReferenceList', () => {
  it('shows an http(s) URL as a link that opens a new tab without opener or referrer', () => {
    const wrapper = render([{ name: 'Order', type: 'URL', value: 'https://crm.example.com/orders/1042' }]);
    const link = valueOf(wrapper).get('a');
    expect(link.attributes('href')).toBe('https://crm.example.com/orders/1042');
    expect(link.attributes('target')).toBe('_blank');
    expect(link.attributes('rel')).toBe('noopener noreferrer');
    expect(wrapper.get('dt').text()).toBe('Order');
    expect(link.text()).toBe('https://crm.example.com/orders/1042 (opens in a new tab)');
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative', '/orders/1042'],
    ['an ftp', 'ftp://files.example.com/label.pdf'],
    ['a spaced javascript:', ' JavaScript:alert(1)'],
  ])('shows %s URL as text, never as a link', (_kind, value) => {
    const wrapper = render([{ name: 'Order', type: 'URL', value }]);
    expect(wrapper.find('a').exists()).toBe(false);
    expect(valueOf(wrapper).text()).toBe(value.trim());
  });

  it('offers an attachment for download only over http(s)', () => {
    const wrapper = render([
      { name: 'label.pdf', type: 'ATTACHMENT', value: 'https://files.example.com/label.pdf' },
      { name: 'evil.html', type: 'ATTACHMENT', value: 'javascript:alert(1)' },
    ]);
    const links = wrapper.findAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.attributes('href')).toBe('https://files.example.com/label.pdf');
    expect(links[0]!.attributes('download')).toBe('');
    expect(links[0]!.attributes('rel')).toBe('noopener noreferrer');
    expect(links[0]!.text()).toContain('Download label.pdf');
    expect(valueOf(wrapper, 1).text()).toBe('javascript:alert(1)');
  });

  it('links an email address with mailto, and shows a malformed one as text', () => {
    const wrapper = render([
      { name: 'Customer email', type: 'EMAIL', value: 'mary.major@example.com' },
      { name: 'Bad', type: 'EMAIL', value: 'not an email?subject=x' },
    ]);
    const links = wrapper.findAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.attributes('href')).toBe('mailto:mary.major@example.com');
    expect(valueOf(wrapper, 1).text()).toBe('not an email?subject=x');
  });

  it('formats numbers and dates for the agent’s language', () => {
    const references: TaskReferenceView[] = [
      { name: 'Amount', type: 'NUMBER', value: '1234567.5' },
      { name: 'Due', type: 'DATE', value: '2025-03-04T06:30:00.000Z' },
    ];
    const english = render(references);
    expect(valueOf(english, 0).text()).toBe(new Intl.NumberFormat('en').format(1234567.5));
    expect(valueOf(english, 0).text()).toBe('1,234,567.5');
    const due = Date.parse('2025-03-04T06:30:00.000Z');
    expect(valueOf(english, 1).text()).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(due));
    const japanese = render(references, 'ja');
    expect(valueOf(japanese, 1).text()).toBe(new Intl.DateTimeFormat('ja', { dateStyle: 'medium', timeStyle: 'short' }).format(due));
    expect(valueOf(japanese, 1).text()).toMatch(/^2025\/03\/04/);
  });

  it('shows a number or date it cannot read as the text it was given', () => {
    const wrapper = render([
      { name: 'Amount', type: 'NUMBER', value: 'about ten' },
      { name: 'Due', type: 'DATE', value: 'next Tuesday' },
    ]);
    expect(valueOf(wrapper, 0).text()).toBe('about ten');
    expect(valueOf(wrapper, 1).text()).toBe('next Tuesday');
  });

  it('shows STRING and unknown types as text, never as HTML', () => {
    const wrapper = render([
      { name: 'Note', type: 'STRING', value: '<img src=x onerror="alert(1)"><b>bold</b>' },
      { name: '<i>Other</i>', type: 'OTHER', value: '<a href="javascript:alert(1)">click</a>' },
    ]);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.find('a').exists()).toBe(false);
    expect(valueOf(wrapper, 0).text()).toBe('<img src=x onerror="alert(1)"><b>bold</b>');
    expect(wrapper.findAll('dt')[1]!.text()).toBe('<i>Other</i>');
  });

  it('says when there are none, in English and Japanese', () => {
    expect(render([]).text()).toBe('No references.');
    expect(render([], 'ja').text()).toBe('参照はありません。');
  });
});
