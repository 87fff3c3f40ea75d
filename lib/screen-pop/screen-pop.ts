// Screen pop (F29), in the worker: when a call or chat rings (or is accepted, per the setting), once per
// contact, look the customer up (Customer Profiles and their open cases through the engine's workspace: a call by
// the caller's number, a chat by its `email` attribute; when that finds nobody or fails, a `profileId` attribute
// names the profile; else a chat's card shows the name the customer gave), send the card to the active tab's screen-pop content
// script, and open the CRM record from the site rule's template, focusing a tab that already shows it. Several matching profiles: no tab; the card lists them all, and the side panel
// offers them as a chooser (the snapshot's profileChoices); the agent's choice opens or focuses that record.
//
//   snapshot ──► call or chat, not dialed out, state fits the mode, not popped yet ──► mark popped (storage.session)
//            ──► look up profiles ──► card to the active tab ──► one profile? focus or open its record tab
//                                                           └──► several? choices in the snapshot ──► choose-profile
import type { CommandResult } from '../session/commands';
import type { ContactView, ProfileChoices, SessionSnapshot } from '../session/snapshot';
import type { SnapshotChange } from '../session/session-store';
import { ruleForScreenPop } from '../crm-rules/active-rules';
import type { CrmSiteRule } from '../crm-rules/crm-rule';
import { caseUrl, recordUrl, searchUrl, type RecordTemplateInput } from '../crm-rules/record-urls';
import type { ScreenPopCard, ScreenPopMessage, ScreenPopProfile } from './card-message';
import type { WorkspaceRoad } from '../session/workspace-road';
import { openCasesOf, searchProfiles, type FoundProfile, type ProfileLookupKey } from './profile-lookup';
import type { ScreenPopMode } from './settings';

/** The few tab operations screen pop needs (browser.tabs in the extension, fakeBrowser.tabs in tests). */
export interface ScreenPopTabs {
  query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number; url?: string; windowId?: number }[]>;
  create(properties: { url: string; active: boolean }): Promise<{ id?: number }>;
  update(tabId: number, properties: { active: boolean }): Promise<unknown>;
  sendMessage(tabId: number, message: ScreenPopMessage): Promise<unknown>;
}

export interface StoredValue<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface ScreenPopDeps {
  tabs: ScreenPopTabs;
  /** Brings a window to the front when its tab is focused (browser.windows.update). */
  focusWindow?: (windowId: number) => Promise<unknown>;
  /** The engine's workspace (lib/session/workspace-road.ts): profiles and their cases. */
  workspace: WorkspaceRoad;
  log: { append(event: string, data?: Record<string, unknown>): void };
  /** The CRM site rules in force (crm-rules/active-rules.ts). */
  rules: { getValue(): Promise<readonly CrmSiteRule[]> };
  mode: { getValue(): Promise<ScreenPopMode> };
  templateValues: { getValue(): Promise<Record<string, string>> };
  popped: StoredValue<string[]>;
  /** The session the several-matches chooser is offered in (the worker's SessionStore). */
  session: { ready(): Promise<SessionSnapshot>; update(change: SnapshotChange): Promise<unknown> };
  /** Formats the customer's number for the agent (lib/phone formatForAgent); as given when absent. */
  formatNumber?: (e164: string) => Promise<string>;
}

/** How many popped contact ids are remembered (a shift has far fewer contacts than this). */
const POPPED_LIMIT = 100;

function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//.test(url);
}

const sameUrl = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/** Whether `contact` is one to pop now under `mode`. */
export function shouldPop(contact: ContactView, mode: ScreenPopMode): boolean {
  if (mode === 'off' || (contact.channel !== 'voice' && contact.channel !== 'chat')) return false;
  // A call the agent dialed (often from the CRM record itself) pops nothing.
  if (contact.initiationMethod === 'outbound') return false;
  if (mode === 'ring') return contact.state === 'incoming' || contact.state === 'connecting' || contact.state === 'connected';
  return contact.state === 'connected';
}

export function customerNumber(contact: ContactView): string | null {
  return contact.connections.find((c) => c.role === 'customer')?.phoneNumber ?? null;
}

export class ScreenPop {
  /** Contact ids being popped or popped by this worker (storage.session keeps them across restarts). */
  private readonly claimed = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ScreenPopDeps) {}

  /** Looks at a new snapshot; resolves when the pops it started are done. Snapshots are handled in order. */
  handleSnapshot(snapshot: SessionSnapshot): Promise<void> {
    const run = this.queue.then(() => this.popContacts(snapshot));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async popContacts(snapshot: SessionSnapshot): Promise<void> {
    const mode = await this.deps.mode.getValue();
    const candidates = snapshot.contacts.filter((c) => shouldPop(c, mode) && !this.claimed.has(c.id));
    if (candidates.length === 0) return;
    // A copy: the storage item hands out its fallback array itself when nothing is stored.
    const popped = [...(await this.deps.popped.getValue())];
    for (const contact of candidates) {
      this.claimed.add(contact.id);
      if (popped.includes(contact.id)) continue;
      popped.push(contact.id);
      await this.deps.popped.setValue(popped.slice(-POPPED_LIMIT));
      try {
        await this.pop(contact, snapshot.instanceUrl);
      } catch (error) {
        this.deps.log.append('screen-pop-failed', { contactId: contact.id, detail: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private async pop(contact: ContactView, instanceUrl: string | null): Promise<void> {
    const phoneNumber = customerNumber(contact);
    const profiles = await this.findProfiles(contact, instanceUrl, phoneNumber);
    const extraValues = await this.deps.templateValues.getValue();
    const base: RecordTemplateInput = { instanceUrl, extraValues, phone: phoneNumber, contactId: contact.id, attributes: contact.attributes };
    const [active] = await this.deps.tabs.query({ active: true, lastFocusedWindow: true });
    const rule = ruleForScreenPop(await this.deps.rules.getValue(), active?.url);
    const urlOrNull = (build: () => string): string | null => {
      try {
        return build();
      } catch {
        return null;
      }
    };
    const cardProfiles: ScreenPopProfile[] = profiles.map((p) => ({
      profileId: p.profileId,
      name: `${p.firstName} ${p.lastName}`.trim(),
      accountNumber: p.accountNumber,
      recordUrl: rule ? urlOrNull(() => recordUrl(rule, { ...base, profileId: p.profileId, email: p.email })) : null,
      cases: p.openCases.map((c) => ({ reference: c.reference, title: c.title, status: c.status, url: rule ? caseUrl(rule, { ...base, caseId: c.caseId }) : null })),
    }));
    const card: ScreenPopCard = {
      contactId: contact.id,
      channel: contact.channel === 'chat' ? 'chat' : 'voice',
      customerName: contact.customerName ?? null,
      phoneNumber,
      phoneNumberDisplay: phoneNumber && this.deps.formatNumber ? await this.deps.formatNumber(phoneNumber) : phoneNumber,
      queueName: contact.queueName,
      attributes: { ...contact.attributes },
      profiles: cardProfiles,
      searchUrl: rule && phoneNumber ? urlOrNull(() => searchUrl(rule, base)) : null,
    };
    await this.sendCardToActiveTab(card);
    if (cardProfiles.length > 1) {
      const choices: ProfileChoices = {
        profiles: cardProfiles.map((p) => ({ profileId: p.profileId, name: p.name, accountNumber: p.accountNumber, openCases: p.cases.length, recordUrl: p.recordUrl })),
        chosenProfileId: null,
      };
      // Offered while the contact is in the session (it may have ended during the lookup).
      await this.deps.session.update((current) =>
        current.contacts.some((c) => c.id === contact.id) ? { ...current, profileChoices: { ...current.profileChoices, [contact.id]: choices } } : current,
      );
      this.deps.log.append('screen-pop-several-matches', { contactId: contact.id, profiles: cardProfiles.map((p) => p.profileId) });
      return;
    }
    const recordOfOnly = cardProfiles[0]?.recordUrl;
    if (recordOfOnly) await this.openOrFocus(recordOfOnly, contact.id);
  }

  /** The agent chose one of several matching profiles in the panel: its record tab is opened or focused. */
  async chooseProfile(contactId: string, profileId: string): Promise<CommandResult> {
    const snapshot = await this.deps.session.ready();
    const choices = snapshot.profileChoices[contactId];
    if (!choices) return { ok: false, error: { code: 'contact-not-found', detail: `no profiles to choose from for contact ${contactId}` } };
    const profile = choices.profiles.find((p) => p.profileId === profileId);
    if (!profile) return { ok: false, error: { code: 'bad-command', detail: `profile ${profileId} is not one of contact ${contactId}'s matches` } };
    await this.deps.session.update((current) => {
      const offered = current.profileChoices[contactId];
      if (!offered || offered.chosenProfileId === profileId) return current;
      return { ...current, profileChoices: { ...current.profileChoices, [contactId]: { ...offered, chosenProfileId: profileId } } };
    });
    this.deps.log.append('screen-pop-profile-chosen', { contactId, profileId });
    // The panel offers no button for a profile without a record URL.
    if (!profile.recordUrl) return { ok: false, error: { code: 'bad-command', detail: `the site rule builds no record URL for profile ${profileId}` } };
    try {
      await this.openOrFocus(profile.recordUrl, contactId);
    } catch (error) {
      return { ok: false, error: { code: 'record-not-opened', detail: error instanceof Error ? error.message : String(error) } };
    }
    return { ok: true };
  }

  private async findProfiles(contact: ContactView, instanceUrl: string | null, phoneNumber: string | null): Promise<FoundProfile[]> {
    // A chat has no number: the customer's email address, as the chat's backend passed it in the attributes.
    const email = contact.channel === 'chat' ? contact.attributes.email?.trim() : undefined;
    const lookup: [ProfileLookupKey, string] | null = phoneNumber ? ['_phone', phoneNumber] : email ? ['_email', email] : null;
    if (lookup) {
      const found = await this.searchOrNobody(contact.id, ...lookup);
      if (found.length > 0) return this.withOpenCases(contact.id, instanceUrl, found);
    }
    // The IVR (or the chat's backend) may have identified the customer: its attributes name the profile.
    const profileId = contact.attributes.profileId;
    if (!profileId) return [];
    const name = contact.attributes.customerName ?? contact.customerName ?? '';
    return [{ profileId, firstName: name, lastName: '', accountNumber: contact.attributes.accountNumber ?? null, email: contact.attributes.email ?? null, openCases: [] }];
  }

  /** The profiles found by the key; nobody when Customer Profiles cannot answer (logged: the card still pops). */
  private async searchOrNobody(contactId: string, key: ProfileLookupKey, value: string): Promise<FoundProfile[]> {
    try {
      return await searchProfiles(this.deps.workspace.ask, key, value);
    } catch (error) {
      this.deps.log.append('screen-pop-lookup-failed', { contactId, detail: error instanceof Error ? error.message : String(error) });
      return [];
    }
  }

  /** Each profile with its open cases, when the instance has Cases; without them when Cases cannot answer (logged). */
  private async withOpenCases(contactId: string, instanceUrl: string | null, profiles: FoundProfile[]): Promise<FoundProfile[]> {
    if (!(await this.deps.workspace.hasCases(instanceUrl))) return profiles;
    try {
      return await Promise.all(profiles.map(async (p) => ({ ...p, openCases: await openCasesOf(this.deps.workspace.ask, p.profileId) })));
    } catch (error) {
      this.deps.log.append('screen-pop-cases-failed', { contactId, detail: error instanceof Error ? error.message : String(error) });
      return profiles;
    }
  }

  private async sendCardToActiveTab(card: ScreenPopCard): Promise<void> {
    const [active] = await this.deps.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id === undefined || !isWebUrl(active.url)) {
      this.deps.log.append('screen-pop-no-page', { contactId: card.contactId });
      return;
    }
    try {
      await this.deps.tabs.sendMessage(active.id, { type: 'screen-pop', card });
      this.deps.log.append('screen-pop-card', { contactId: card.contactId, profiles: card.profiles.length });
    } catch {
      // A page loaded before the extension, or one content scripts cannot run on: no card there.
      this.deps.log.append('screen-pop-card-not-shown', { contactId: card.contactId });
    }
  }

  private async openOrFocus(url: string, contactId: string): Promise<void> {
    const tabs = await this.deps.tabs.query({});
    const open = tabs.find((tab) => tab.id !== undefined && tab.url !== undefined && sameUrl(tab.url, url));
    if (open?.id !== undefined) {
      await this.deps.tabs.update(open.id, { active: true });
      if (open.windowId !== undefined) await this.deps.focusWindow?.(open.windowId);
      this.deps.log.append('screen-pop-record-focused', { contactId, tabId: open.id });
      return;
    }
    const created = await this.deps.tabs.create({ url, active: true });
    this.deps.log.append('screen-pop-record-opened', { contactId, tabId: created.id ?? null });
  }
}
