// @vitest-environment happy-dom
// The History tab: the seed's columns, newest first, durations as m:ss (h:mm:ss past an hour), unknown as a dash,
// each time linking to the contact record on the instance; loading and failure in words.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ContactHistoryTable from '@/components/workspace/ContactHistoryTable.vue';
import { HISTORY, mountLookedUp, TARO } from './workspace-test-kit';

enableAutoUnmount(afterEach);

describe('the contact history', () => {
  it('lists the customer’s contacts newest first with channel, queue, hold and talk times and a record link', async () => {
    const { wrapper } = await mountLookedUp(ContactHistoryTable, (r) => (r.op === 'customer-for-contact' ? { profiles: [TARO], lookedUpBy: [], history: HISTORY } : { cases: [] }), {
      props: { contactId: 'contact-1' },
      snapshot: { instanceUrl: 'http://localhost:7000' },
    });
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Time', 'Channel', 'Queue', 'Hold', 'Talk']);
    const rows = wrapper.findAll('[data-testid="history-row"]');
    expect(rows.map((r) => r.attributes('data-contact-id'))).toEqual(['old-2', 'old-1']);
    expect(rows.map((r) => r.findAll('td').map((td) => td.text()))).toEqual([
      ['Chat', '0:12', '—', '1:02:05'],
      ['Call', '0:05', '0:00', '1:02'],
    ]);
    expect(rows[1]!.get('a').attributes('href')).toBe('http://localhost:7000/contact-trace-records/details/old-1');
    expect(rows[1]!.get('a').attributes('rel')).toBe('noopener noreferrer');
  });

  it('says when the history failed, in Japanese', async () => {
    const { wrapper } = await mountLookedUp(
      ContactHistoryTable,
      (r) => (r.op === 'customer-for-contact' ? { profiles: [TARO], lookedUpBy: [] } : r.op === 'profile-history' ? { ok: false, error: { code: 'workspace-source-failed', params: { source: 'profiles' } } } : { cases: [] }),
      { props: { contactId: 'contact-1' }, language: 'ja' },
    );
    expect(wrapper.get('[role="alert"]').text()).toContain('顧客プロファイル');
    expect(wrapper.find('table').exists()).toBe(false);
  });
});
