// @vitest-environment happy-dom
// The Profile tab: one profile shown with its fields and sources, the admin lookup merged and marked, a failing
// lookup shown beside a profile that still shows, several matches chosen among, no match → create from the
// contact, edit sending only what changed, and search → use linking the contact. English and Japanese.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CustomerProfilePane from '@/components/workspace/CustomerProfilePane.vue';
import { lookupError } from '@/stores/workspace';
import { HISTORY, mountLookedUp, requestsOf, SAKURA, TARO } from './workspace-test-kit';

enableAutoUnmount(afterEach);

const found = (profiles: object[]) => ({ profiles: profiles as never, lookedUpBy: [{ key: '_phone' as const, value: '+81355501234' }], history: HISTORY });
const fieldsShown = (wrapper: { findAll(s: string): { attributes(n: string): string | undefined; text(): string }[] }) =>
  wrapper.findAll('[data-testid="profile-field"]').map((f) => [f.attributes('data-field'), f.attributes('data-source')]);

describe('the Profile tab', () => {
  it('shows the one profile found with each field marked as from Profiles, family name first in Japanese', async () => {
    const { wrapper } = await mountLookedUp(CustomerProfilePane, (r) => (r.op === 'customer-for-contact' ? found([TARO]) : { cases: [] }), { language: 'ja' });
    expect(wrapper.get('[data-testid="workspace-customer-name"]').text()).toBe('Suzuki Taro');
    expect(fieldsShown(wrapper)).toEqual([
      ['FirstName', 'profiles'],
      ['LastName', 'profiles'],
      ['PhoneNumber', 'profiles'],
      ['EmailAddress', 'profiles'],
      ['BirthDate', 'profiles'],
      ['AccountNumber', 'profiles'],
      ['City', 'profiles'],
      ['State', 'profiles'],
    ]);
    expect(wrapper.get('[data-field="BirthDate"] .value-text').text()).toBe('1980/04/01');
    expect(wrapper.get('[data-source="profiles"][data-testid="source-line"]').text()).toContain('1 件見つかりました');
  });

  it('merges the admin lookup’s fields, marks them, and names a disagreeing value', async () => {
    const { wrapper, workspace, contact } = await mountLookedUp(CustomerProfilePane, (r) => (r.op === 'customer-for-contact' ? found([TARO]) : { cases: [] }));
    workspace.customers[contact.id]!.lookup = { status: 'ready', value: { EmailAddress: 'taro@old.example', tier: 'gold' } };
    await flushPromises();
    expect(wrapper.get('[data-field="tier"]').attributes('data-source')).toBe('lookup');
    expect(wrapper.get('[data-field="tier"] [data-testid="source-mark"]').text()).toBe('from Lookup');
    expect(wrapper.get('[data-field="EmailAddress"] [data-testid="source-disagrees"]').text()).toBe('Lookup says: taro@old.example');
    expect(wrapper.get('[data-source="lookup"][data-testid="source-line"]').text()).toContain('Fields: 2');
  });

  it('shows a failed lookup as such, with its reason and Retry, while the profile still shows', async () => {
    const { wrapper, workspace, contact } = await mountLookedUp(CustomerProfilePane, (r) => (r.op === 'customer-for-contact' ? found([TARO]) : { cases: [] }));
    workspace.customers[contact.id]!.lookup = { status: 'failed', error: lookupError('timeout') };
    await flushPromises();
    const line = wrapper.get('[data-source="lookup"][data-testid="source-line"]');
    expect(line.attributes('role')).toBe('alert');
    expect(line.text()).toContain('The customer lookup could not be reached');
    expect(line.text()).toContain('It did not answer within 5 seconds.');
    expect(wrapper.find('[data-field="FirstName"]').exists()).toBe(true);
    await wrapper.get('[data-testid="sources-retry"]').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
  });

  it('offers several matches to choose from and loads the chosen one’s history and cases', async () => {
    const { wrapper, client } = await mountLookedUp(CustomerProfilePane, (r) =>
      r.op === 'customer-for-contact' ? found([TARO, SAKURA]) : r.op === 'profile-history' ? { history: [] } : { cases: [] },
    );
    expect(wrapper.find('[data-testid="profile-fields"]').exists()).toBe(false);
    const choices = wrapper.findAll('[data-testid="workspace-choice"]');
    expect(choices.map((c) => c.text())).toEqual(['Taro Suzuki+81355501234 · taro.suzuki@example.com · Account AC-1001', 'Sakura Ito+81355501234 · Account AC-1002']);
    await choices[1]!.trigger('click');
    await flushPromises();
    expect(requestsOf(client).slice(-2)).toEqual([
      { op: 'profile-history', profileId: 'p-sakura' },
      { op: 'cases-of-profile', profileId: 'p-sakura' },
    ]);
    expect(wrapper.get('[data-testid="workspace-customer-name"]').text()).toBe('Sakura Ito');
    expect(wrapper.find('[data-testid="workspace-chooser"]').exists()).toBe(false);
  });

  it('creates a profile from a contact nobody matches: the number filled in, a bad email refused, then sent and linked', async () => {
    const { wrapper, client, contact } = await mountLookedUp(CustomerProfilePane, (r) =>
      r.op === 'customer-for-contact' ? { profiles: [], lookedUpBy: [] } : r.op === 'profile-create' ? { profileId: 'p-new' } : r.op === 'profile-history' ? { history: [] } : { cases: [] },
    );
    await wrapper.get('[data-testid="profile-create-open"]').trigger('click');
    expect((wrapper.get('[data-testid="profile-form-PhoneNumber"]').element as HTMLInputElement).value).toBe('+81355501234');
    await wrapper.get('[data-testid="profile-form-FirstName"]').setValue('Jiro');
    await wrapper.get('[data-testid="profile-form-EmailAddress"]').setValue('not-an-email');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const email = wrapper.get('[data-testid="profile-form-EmailAddress"]');
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email.element);
    expect(requestsOf(client).some((r) => r.op === 'profile-create')).toBe(false);

    await email.setValue('jiro@example.com');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(requestsOf(client).find((r) => r.op === 'profile-create')).toEqual({
      op: 'profile-create',
      fields: { FirstName: 'Jiro', PhoneNumber: '+81355501234', EmailAddress: 'jiro@example.com' },
      linkContactId: contact.id,
    });
    expect(wrapper.get('[data-testid="workspace-customer-name"]').text()).toBe('Jiro');
    expect(wrapper.get('[role="status"]').text()).toBe('Profile created and linked to this contact.');
  });

  it('edits the profile sending only what changed, a cleared field as empty; a refusal keeps what was typed', async () => {
    let refuse = true;
    const { wrapper, client } = await mountLookedUp(CustomerProfilePane, (r) => {
      if (r.op === 'customer-for-contact') return found([TARO]);
      if (r.op === 'profile-update') return refuse ? { ok: false, error: { code: 'rejected', params: { detail: 'EmailAddress is invalid.' } } } : {};
      return { cases: [] };
    });
    await wrapper.get('[data-testid="profile-edit"]').trigger('click');
    await wrapper.get('[data-testid="profile-form-EmailAddress"]').setValue('taro@new.example');
    await wrapper.get('[data-testid="profile-form-City"]').setValue('');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="profile-form-failure"]').text()).toBe('The contact center refused: EmailAddress is invalid.');
    expect((wrapper.get('[data-testid="profile-form-EmailAddress"]').element as HTMLInputElement).value).toBe('taro@new.example');

    refuse = false;
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(requestsOf(client).filter((r) => r.op === 'profile-update').at(-1)).toEqual({ op: 'profile-update', profileId: 'p-taro', fields: { EmailAddress: 'taro@new.example', Address: { City: '' } } });
    expect(wrapper.get('[data-field="EmailAddress"] .value-text').text()).toBe('taro@new.example');
    expect(wrapper.find('[data-field="City"]').exists()).toBe(false);
  });

  it('searches by account number and uses a result, linking the contact to it', async () => {
    const { wrapper, client, contact } = await mountLookedUp(CustomerProfilePane, (r) =>
      r.op === 'customer-for-contact' ? { profiles: [], lookedUpBy: [] } : r.op === 'profile-search' ? { profiles: [SAKURA] } : r.op === 'profile-history' ? { history: [] } : r.op === 'cases-of-profile' ? { cases: [] } : {},
    );
    await wrapper.get('[data-testid="profile-search-open"]').trigger('click');
    await wrapper.get('[data-testid="profile-search-submit"]').trigger('submit');
    expect(wrapper.get('[role="alert"]').text()).toBe('Type what to search for.');
    await wrapper.get('[data-testid="profile-search-key"]').setValue('_account');
    await wrapper.get('[data-testid="profile-search-value"]').setValue('AC-1002');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(requestsOf(client).find((r) => r.op === 'profile-search')).toEqual({ op: 'profile-search', key: '_account', value: 'AC-1002' });
    expect(wrapper.findAll('[data-testid="profile-search-result"]')).toHaveLength(1);
    await wrapper.get('[data-testid="profile-search-use"]').trigger('click');
    await flushPromises();
    expect(requestsOf(client).find((r) => r.op === 'profile-link-contact')).toEqual({ op: 'profile-link-contact', profileId: 'p-sakura', contactId: contact.id });
    expect(wrapper.get('[data-testid="workspace-customer-name"]').text()).toBe('Sakura Ito');
  });
});
