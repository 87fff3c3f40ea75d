// The agent workspace's data for the panel (F20-F24): for the contact in focus, its customer (profiles found by
// the contact's keys, the one chosen, their contact history and cases), and the searches, edits and links the
// agent makes. Each source loads on its own and fails on its own: a profile still shows when cases fail.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CommandError } from '@/lib/session/commands';
import type { ContactHistoryEntry, CustomerProfile, ProfileFields, ProfileSearchKey } from '@/lib/workspace/customer-profiles-client';
import type { CaseDetail, CasePlainValue, CaseSummary, CaseTemplate, ProfileLookupKey, WorkspaceAnswer, WorkspaceRequest } from '@/lib/workspace/workspace-requests';
import type { ContactView } from '@/lib/session/snapshot';
import { callLookupEndpoint, LookupEndpointError, lookupUrlFor } from '@/lib/workspace/customer-lookup-endpoint';
import { useSessionStore } from './session';
import { useSettingsStore } from './settings';

export type Loadable<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: CommandError };

/** What the workspace knows of one contact's customer. */
export interface ContactCustomer {
  profiles: Loadable<{ found: CustomerProfile[]; lookedUpBy: ProfileLookupKey[] }>;
  chosenProfileId: string | null;
  history: Loadable<ContactHistoryEntry[]>;
  cases: Loadable<CaseSummary[]>;
  /** The admin's lookup endpoint's fields for this contact; 'absent' when none is set or the contact lacks its key. */
  lookup: Loadable<Record<string, string>> | { status: 'absent' };
}

/** Why the admin's lookup failed, as the panel shows it. */
export const lookupError = (reason: string): CommandError => ({ code: 'workspace-source-failed', params: { source: 'lookup' }, detail: reason });

const idle = <T>(): Loadable<T> => ({ status: 'idle' });

export const useWorkspaceStore = defineStore('workspace', () => {
  const session = useSessionStore();
  const settings = useSettingsStore();
  const customers = ref<Record<string, ContactCustomer>>({});
  const openCase = ref<Loadable<CaseDetail>>(idle());
  const templates = ref<Loadable<CaseTemplate[]>>(idle());

  async function ask(request: WorkspaceRequest): Promise<{ ok: true; answer: WorkspaceAnswer } | { ok: false; error: CommandError }> {
    const result = await session.run({ type: 'workspace', request }, { inline: true });
    return result.ok ? { ok: true, answer: result.value?.workspace ?? {} } : { ok: false, error: result.error };
  }

  function entry(contactId: string): ContactCustomer {
    customers.value[contactId] ??= { profiles: idle(), chosenProfileId: null, history: idle(), cases: idle(), lookup: idle() };
    return customers.value[contactId];
  }

  async function loadCases(contactId: string, profileId: string): Promise<void> {
    const customer = entry(contactId);
    customer.cases = { status: 'loading' };
    const result = await ask({ op: 'cases-of-profile', profileId });
    if (entry(contactId).chosenProfileId !== profileId) return;
    entry(contactId).cases = result.ok ? { status: 'ready', value: result.answer.cases ?? [] } : { status: 'failed', error: result.error };
  }

  async function loadHistory(contactId: string, profileId: string, known?: ContactHistoryEntry[]): Promise<void> {
    const customer = entry(contactId);
    if (known) {
      customer.history = { status: 'ready', value: known };
      return;
    }
    customer.history = { status: 'loading' };
    const result = await ask({ op: 'profile-history', profileId });
    if (entry(contactId).chosenProfileId !== profileId) return;
    entry(contactId).history = result.ok ? { status: 'ready', value: result.answer.history ?? [] } : { status: 'failed', error: result.error };
  }

  /** Chooses the contact's customer among the profiles found (or one found by a search) and loads the rest. */
  async function choose(contactId: string, profileId: string, knownHistory?: ContactHistoryEntry[]): Promise<void> {
    entry(contactId).chosenProfileId = profileId;
    await Promise.all([loadHistory(contactId, profileId, knownHistory), loadCases(contactId, profileId)]);
  }

  /** Looks up the contact's customer once (again with `force`). */
  async function lookUp(contactId: string, force = false): Promise<void> {
    const customer = entry(contactId);
    if (!force && customer.profiles.status !== 'idle') return;
    customer.profiles = { status: 'loading' };
    const result = await ask({ op: 'customer-for-contact', contactId });
    if (!result.ok) {
      entry(contactId).profiles = { status: 'failed', error: result.error };
      return;
    }
    const found = result.answer.profiles ?? [];
    entry(contactId).profiles = { status: 'ready', value: { found, lookedUpBy: result.answer.lookedUpBy ?? [] } };
    if (found.length === 1) await choose(contactId, found[0].ProfileId, result.answer.history);
  }

  /** Calls the admin's lookup endpoint for the contact once (again with `force`), keeping the mapped fields. */
  async function lookUpEndpoint(contact: ContactView, template: string, mapFields: (answer: unknown) => Record<string, string>, force = false): Promise<void> {
    const customer = entry(contact.id);
    if (!force && customer.lookup.status !== 'idle') return;
    const url = template ? lookupUrlFor(template, contact) : null;
    if (!url) {
      customer.lookup = { status: 'absent' };
      return;
    }
    customer.lookup = { status: 'loading' };
    try {
      const answer = await callLookupEndpoint(url);
      entry(contact.id).lookup = { status: 'ready', value: mapFields(answer) };
    } catch (error) {
      entry(contact.id).lookup = { status: 'failed', error: lookupError(error instanceof LookupEndpointError ? error.reason : 'network') };
    }
  }

  async function search(key: ProfileSearchKey, value: string) {
    const result = await ask({ op: 'profile-search', key, value });
    return result.ok ? { ok: true as const, profiles: result.answer.profiles ?? [] } : result;
  }

  /** Adds a profile found by a search to the contact's choices and chooses it, linking the contact to it. */
  async function useFound(contactId: string, profile: CustomerProfile, link: boolean) {
    const customer = entry(contactId);
    const previous = customer.profiles.status === 'ready' ? customer.profiles.value : { found: [], lookedUpBy: [] };
    if (!previous.found.some((p) => p.ProfileId === profile.ProfileId)) {
      customer.profiles = { status: 'ready', value: { ...previous, found: [...previous.found, profile] } };
    }
    if (link) {
      const linked = await ask({ op: 'profile-link-contact', profileId: profile.ProfileId, contactId });
      if (!linked.ok) return linked;
    }
    await choose(contactId, profile.ProfileId);
    return { ok: true as const };
  }

  async function createProfile(contactId: string | null, fields: ProfileFields) {
    const result = await ask({ op: 'profile-create', fields, linkContactId: contactId });
    if (!result.ok) return result;
    const profileId = result.answer.profileId ?? '';
    if (contactId) await useFound(contactId, { ProfileId: profileId, ...fields }, false);
    return { ok: true as const, profileId };
  }

  async function updateProfile(contactId: string | null, profileId: string, fields: ProfileFields) {
    const result = await ask({ op: 'profile-update', profileId, fields });
    if (!result.ok) return result;
    if (contactId) {
      const customer = entry(contactId);
      if (customer.profiles.status === 'ready') {
        const value = customer.profiles.value;
        // An empty string cleared the field: drop it from the shown profile too.
        const apply = (p: CustomerProfile): CustomerProfile =>
          ({ ...Object.fromEntries(Object.entries({ ...p, ...fields }).filter(([, v]) => v !== '' && v !== undefined)), ProfileId: p.ProfileId }) as CustomerProfile;
        customer.profiles = { status: 'ready', value: { ...value, found: value.found.map((p) => (p.ProfileId === profileId ? apply(p) : p)) } };
      }
    }
    return { ok: true as const };
  }

  async function showCase(caseId: string): Promise<void> {
    openCase.value = { status: 'loading' };
    const result = await ask({ op: 'case-get', caseId });
    openCase.value = result.ok && result.answer.case ? { status: 'ready', value: result.answer.case } : { status: 'failed', error: result.ok ? { code: 'workspace-source-failed', params: { source: 'cases' } } : result.error };
  }

  /** The template with the admin's attribute → field mapping added for the fields it has (the admin's wins). */
  function withAdminMapping(template: CaseTemplate): CaseTemplate {
    const admin = settings.value('workspace.caseFieldsFromAttributes');
    const own = Object.entries(admin).filter(([, fieldId]) => template.fields.some((f) => f.id === fieldId));
    return own.length ? { ...template, attributeMapping: { ...template.attributeMapping, ...Object.fromEntries(own) } } : template;
  }

  async function loadTemplates(): Promise<void> {
    if (templates.value.status === 'ready' || templates.value.status === 'loading') return;
    templates.value = { status: 'loading' };
    const result = await ask({ op: 'case-templates' });
    templates.value = result.ok ? { status: 'ready', value: (result.answer.templates ?? []).map(withAdminMapping) } : { status: 'failed', error: result.error };
  }

  async function afterCaseChange(contactId: string | null, caseId: string): Promise<void> {
    const customer = contactId ? entry(contactId) : null;
    if (contactId && customer?.chosenProfileId) await loadCases(contactId, customer.chosenProfileId);
    if (openCase.value.status === 'ready' && openCase.value.value.caseId === caseId) await showCase(caseId);
  }

  async function createCase(contactId: string | null, templateId: string, profileId: string, fields: Record<string, CasePlainValue>, linkContact: boolean) {
    const result = await ask({ op: 'case-create', templateId, profileId, fields, linkContactId: linkContact ? contactId : null });
    if (!result.ok) return result;
    const caseId = result.answer.caseId ?? '';
    await afterCaseChange(contactId, caseId);
    return { ok: true as const, caseId };
  }

  async function changeCase(contactId: string | null, request: Extract<WorkspaceRequest, { op: 'case-update' | 'case-comment' | 'case-link-contact' }>) {
    const result = await ask(request);
    if (result.ok) await afterCaseChange(contactId, request.caseId);
    return result;
  }

  /** Reads the chosen customer's history and cases again (a contact that ended is in them now), and the open case. */
  async function refresh(contactId: string): Promise<void> {
    const profileId = customers.value[contactId]?.chosenProfileId;
    const open = openCase.value.status === 'ready' ? openCase.value.value.caseId : null;
    await Promise.all([profileId ? loadHistory(contactId, profileId) : null, profileId ? loadCases(contactId, profileId) : null, open ? showCase(open) : null]);
  }

  /** Forgets the customers of contacts no longer on the panel. */
  function retain(contactIds: readonly string[]): void {
    for (const id of Object.keys(customers.value)) if (!contactIds.includes(id)) delete customers.value[id];
  }

  return {
    customers,
    openCase,
    templates,
    customerOf: (contactId: string) => computed(() => customers.value[contactId] ?? null),
    lookUp,
    lookUpEndpoint,
    choose,
    search,
    useFound,
    createProfile,
    updateProfile,
    showCase,
    closeCase: () => (openCase.value = idle()),
    loadTemplates,
    createCase,
    changeCase,
    refresh,
    retain,
  };
});

export type WorkspaceStore = ReturnType<typeof useWorkspaceStore>;
