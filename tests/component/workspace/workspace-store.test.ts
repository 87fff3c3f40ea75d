// @vitest-environment happy-dom
// The workspace store over a fake session client: a contact's customer found once and chosen when alone, several
// matches left to the agent, each source failing on its own (cases fail, the profile stays), a search result used
// and linked, edits applied to what is shown, and the admin's lookup endpoint absent, mapped or failed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResult, SessionCommand } from '@/lib/session/commands';
import type { CaseFieldDefinition, CaseTemplate, WorkspaceAnswer, WorkspaceRequest } from '@/lib/workspace/workspace-requests';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSessionStore } from '@/stores/session';
import { useSettingsStore } from '@/stores/settings';
import { useWorkspaceStore } from '@/stores/workspace';
import { FakeSessionClient, voiceContact } from '../softphone-fixture';

const TARO = { ProfileId: 'p-taro', FirstName: 'Taro', LastName: 'Suzuki', PhoneNumber: '+81355501234' };
const HANAKO = { ProfileId: 'p-hanako', FirstName: 'Hanako', LastName: 'Suzuki', PhoneNumber: '+81355501234' };
const HISTORY = [{ contactId: 'old-1', channel: 'VOICE', initiatedAt: '2026-11-01T01:00:00Z', disconnectedAt: null, queueName: 'Basic', queueSeconds: 5, holdSeconds: 0, talkSeconds: 60, afterContactWorkSeconds: 10, agentUsername: 'agent1' }];

function setUp(answer: (request: WorkspaceRequest) => WorkspaceAnswer | CommandResult) {
  const client = new FakeSessionClient();
  client.answer = (command: SessionCommand) => {
    if (command.type !== 'workspace') return { ok: true };
    const a = answer(command.request);
    return 'ok' in a ? (a as CommandResult) : { ok: true, value: { workspace: a as WorkspaceAnswer } };
  };
  setActivePinia(createPinia());
  useSessionStore().attach(client);
  return { client, store: useWorkspaceStore(), requests: () => client.commands.flatMap((c) => (c.type === 'workspace' ? [c.request] : [])) };
}

describe('workspace store', () => {
  it('chooses the only profile found and loads its history and cases, once', async () => {
    const { store, requests } = setUp((r) =>
      r.op === 'customer-for-contact' ? { profiles: [TARO], lookedUpBy: [{ key: '_phone', value: '+81355501234' }], history: HISTORY } : r.op === 'cases-of-profile' ? { cases: [{ caseId: 'k1', referenceNumber: '100', title: 'Router', status: 'open', updatedAt: null }] } : {},
    );
    await store.lookUp('contact-1');
    await store.lookUp('contact-1');
    const customer = store.customers['contact-1']!;
    expect(customer.chosenProfileId).toBe('p-taro');
    expect(customer.history).toEqual({ status: 'ready', value: HISTORY });
    expect(customer.cases.status === 'ready' && customer.cases.value.map((c) => c.caseId)).toEqual(['k1']);
    // The history came with the lookup: not asked again.
    expect(requests().map((r) => r.op)).toEqual(['customer-for-contact', 'cases-of-profile']);
  });

  it('leaves several matches to the agent, and keeps the profile when cases fail', async () => {
    const { store } = setUp((r) =>
      r.op === 'customer-for-contact' ? { profiles: [TARO, HANAKO], lookedUpBy: [] } : r.op === 'cases-of-profile' ? { ok: false, error: { code: 'workspace-source-failed', params: { source: 'cases' } } } : { history: [] },
    );
    await store.lookUp('contact-1');
    expect(store.customers['contact-1']!.chosenProfileId).toBeNull();
    await store.choose('contact-1', 'p-hanako');
    const customer = store.customers['contact-1']!;
    expect(customer.chosenProfileId).toBe('p-hanako');
    expect(customer.history).toEqual({ status: 'ready', value: [] });
    expect(customer.cases).toEqual({ status: 'failed', error: { code: 'workspace-source-failed', params: { source: 'cases' } } });
  });

  it('uses a profile found by a search, linking the contact to it, and shows an edit at once', async () => {
    const { store, requests } = setUp((r) => (r.op === 'customer-for-contact' ? { profiles: [], lookedUpBy: [] } : r.op === 'cases-of-profile' ? { cases: [] } : r.op === 'profile-history' ? { history: [] } : {}));
    await store.lookUp('contact-1');
    expect(await store.useFound('contact-1', TARO, true)).toEqual({ ok: true });
    expect(requests()).toContainEqual({ op: 'profile-link-contact', profileId: 'p-taro', contactId: 'contact-1' });
    await store.updateProfile('contact-1', 'p-taro', { FirstName: 'Tarō', PhoneNumber: '' });
    const profiles = store.customers['contact-1']!.profiles;
    expect(profiles.status === 'ready' && profiles.value.found).toEqual([{ ProfileId: 'p-taro', FirstName: 'Tarō', LastName: 'Suzuki' }]);
  });

  it("adds the admin's attribute → case field mapping to the templates that have the field", async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.managed.set({ 'workspace.caseFieldsFromAttributes': { value: { accountNumber: 'f-account', orderId: 'f-order' }, locked: true } });
    const field = (id: string): CaseFieldDefinition => ({ id, name: id, type: 'Text', required: false, options: [] });
    const templates: CaseTemplate[] = [
      { templateId: 't1', name: 'Support', fields: [field('f-account')], attributeMapping: { customerTier: 'f-tier' } },
      { templateId: 't2', name: 'Billing', fields: [field('f-other')], attributeMapping: {} },
    ];
    const { store } = setUp((r) => (r.op === 'case-templates' ? { templates } : {}));
    await useSettingsStore().load();
    await store.loadTemplates();
    const loaded = store.templates.status === 'ready' ? store.templates.value : [];
    expect(loaded.map((t) => t.attributeMapping)).toEqual([{ customerTier: 'f-tier', accountNumber: 'f-account' }, {}]);
  });

  describe("the admin's lookup endpoint", () => {
    let server: Server;
    let base = '';
    beforeEach(async () => {
      // CORS as an admin's endpoint must allow the extension's pages (here happy-dom's page origin).
      server = createServer((req, res) => {
        res.setHeader('access-control-allow-origin', '*');
        if (req.url?.includes('broken')) res.end('<html>sign in</html>'); // not JSON: a login page
        else res.setHeader('content-type', 'application/json').end(JSON.stringify({ tier: 'Gold', asked: req.url }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('is absent without a URL or without the key its URL needs, mapped when it answers, failed when it does not', async () => {
      const { store } = setUp(() => ({}));
      const contact = voiceContact();
      const map = (answer: unknown) => ({ tier: String((answer as { tier: string }).tier), asked: String((answer as { asked: string }).asked) });
      await store.lookUpEndpoint(contact, '', map);
      expect(store.customers['contact-1']!.lookup).toEqual({ status: 'absent' });
      await store.lookUpEndpoint(contact, `${base}/by-email?e={email}`, map, true);
      expect(store.customers['contact-1']!.lookup).toEqual({ status: 'absent' });
      await store.lookUpEndpoint(contact, `${base}/lookup?phone={phone}`, map, true);
      expect(store.customers['contact-1']!.lookup).toEqual({ status: 'ready', value: { tier: 'Gold', asked: '/lookup?phone=%2B81355501234' } });
      await store.lookUpEndpoint(contact, `${base}/broken?phone={phone}`, map, true);
      expect(store.customers['contact-1']!.lookup).toEqual({ status: 'failed', error: { code: 'workspace-source-failed', params: { source: 'lookup' }, detail: 'not-json' } });
    });
  });
});
