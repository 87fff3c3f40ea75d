// What the worker-side screen-pop tests share: contacts and snapshots as the engine reports them, the browser's
// tabs as screen pop sees them, and a world (the engine's workspace answered in memory, an in-memory session
// store, the card messages sent and the log) reset before each test.
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { activeRules } from '../../../lib/crm-rules/active-rules';
import type { ScreenPopMessage } from '../../../lib/screen-pop/card-message';
import { ScreenPop, type ScreenPopTabs } from '../../../lib/screen-pop/screen-pop';
import { poppedContactsItem, type ScreenPopMode } from '../../../lib/screen-pop/settings';
import { getSetting, loadSettings, setAgentChoice } from '../../../lib/settings/settings-store';
import { SessionStore } from '../../../lib/session/session-store';
import { emptySnapshot, type ContactView, type SessionSnapshot } from '../../../lib/session/snapshot';
import type { CommandResult } from '../../../lib/session/commands';
import type { WorkspaceRequest } from '../../../lib/workspace/workspace-requests';

export const INSTANCE = 'http://127.0.0.1:8080';
export const TARO = { ProfileId: 'p-taro', FirstName: 'Taro', LastName: 'Suzuki', AccountNumber: 'AC-1001', EmailAddress: 'taro@example.jp' };
export const HANAKO = { ProfileId: 'p-hanako', FirstName: 'Hanako', LastName: 'Suzuki' };
export const TARO_RECORD = 'http://localhost:8081/customers/p-taro';

/** An admin's rule for another CRM (given by policy), with its own record and search URLs. */
export const ACME_RULE = {
  id: 'acme',
  name: 'Acme CRM',
  matches: ['https://crm.acme.example/*'],
  recordSelectors: { phone: '.phone', email: '.email', recordId: '[data-id]' },
  urlTemplates: { record: '{crmBase}/people/{profileId}?from={contactId}', search: '{crmBase}/find?tel={phone}' },
  caseReferencePattern: 'AC-\\d+',
};

/** An inbound call ringing at the agent. */
export function contact(overrides: Partial<ContactView> = {}): ContactView {
  return {
    id: 'c-1',
    initialContactId: null,
    channel: 'voice',
    state: 'connecting',
    since: 0,
    initiationMethod: 'inbound',
    queueName: 'BasicQueue',
    attributes: { accountNumber: 'AC-1001' },
    connections: [
      { id: 'a', role: 'agent', state: 'connecting', since: 0, phoneNumber: null, name: null, endpointType: 'agent', quickConnectName: null },
      { id: 'k', role: 'customer', state: 'connected', since: 0, phoneNumber: '+819012345678', name: null, endpointType: 'phone_number', quickConnectName: null },
    ],
    transferredBy: null,
    deskPhone: false,
    ...overrides,
  };
}

export function snapshotWith(contacts: ContactView[], sequence = 1): SessionSnapshot {
  return { ...emptySnapshot(0), sequence, instanceUrl: INSTANCE, contacts };
}

/** The browser's tabs as screen pop sees them (fakeBrowser.tabs does not track which tab is active). */
export class FakeTabs implements ScreenPopTabs {
  tabs: { id: number; url: string; windowId: number }[] = [];
  activeId: number | null = null;
  private nextId = 1;
  constructor(private readonly sent: { tabId: number; message: ScreenPopMessage }[]) {}
  query(q: { active?: boolean }) {
    return Promise.resolve(this.tabs.filter((t) => q.active === undefined || (t.id === this.activeId) === q.active).map((t) => ({ ...t })));
  }
  create(p: { url: string; active: boolean }) {
    const tab = { id: this.nextId++, url: p.url, windowId: 1 };
    this.tabs.push(tab);
    if (p.active) this.activeId = tab.id;
    return Promise.resolve({ id: tab.id });
  }
  update(tabId: number, p: { active: boolean }) {
    if (p.active) this.activeId = tabId;
    return Promise.resolve({});
  }
  sendMessage(tabId: number, message: ScreenPopMessage) {
    this.sent.push({ tabId, message });
    return Promise.resolve();
  }
  /** Makes a tab showing `url` active, opening it when needed. */
  async activate(url: string) {
    const existing = this.tabs.find((t) => t.url === url);
    if (existing) this.activeId = existing.id;
    else await this.create({ url, active: true });
  }
}

/** One test's world: what the engine's workspace answers, what was sent and logged, the tabs and the session. */
export class ScreenPopWorld {
  /** The profiles every profile search answers with (Customer Profiles' field names, as the engine answers). */
  profiles: ({ ProfileId: string } & Record<string, string>)[] = [TARO];
  /** Whether the instance has a Cases service (the admin's Cases URL, or the local contact center's own). */
  hasCases = true;
  readonly sent: { tabId: number; message: ScreenPopMessage }[] = [];
  readonly log: { event: string; data?: Record<string, unknown> }[] = [];
  readonly tabs = new FakeTabs(this.sent);
  /** The worker's session store, kept in memory (storage.session's part is tested elsewhere). */
  readonly session: SessionStore;
  /** The engine's workspace: each profile has an open and a closed case. */
  readonly askMock = vi.fn((request: WorkspaceRequest): Promise<CommandResult> => {
    if (request.op === 'profile-search') return Promise.resolve({ ok: true, value: { workspace: { profiles: this.profiles } } });
    if (request.op === 'cases-of-profile') {
      const updatedAt = '2026-01-01T00:00:00.000Z';
      const cases = [
        { caseId: 'case-2026-0001', referenceNumber: 'CASE-2026-0001', title: 'Router', status: 'open', updatedAt },
        { caseId: 'case-2026-0002', referenceNumber: 'CASE-2026-0002', title: 'Old', status: 'closed', updatedAt },
      ];
      return Promise.resolve({ ok: true, value: { workspace: { cases } } });
    }
    return Promise.resolve({ ok: false, error: { code: 'bad-command', detail: `screen pop asked ${request.op}` } });
  });

  private constructor() {
    let stored: SessionSnapshot | null = null;
    this.session = new SessionStore({ getValue: () => Promise.resolve(stored), setValue: (value) => Promise.resolve(void (stored = value)) });
  }

  /** A fresh browser and world, the agent on some web page (the active tab). */
  static async start(): Promise<ScreenPopWorld> {
    fakeBrowser.reset();
    const world = new ScreenPopWorld();
    await world.session.load();
    await world.tabs.activate('https://intranet.example/home');
    return world;
  }

  makeScreenPop(): ScreenPop {
    return new ScreenPop({
      session: this.session,
      tabs: this.tabs,
      workspace: { ask: this.askMock, hasCases: () => Promise.resolve(this.hasCases) },
      log: { append: (event, data) => this.log.push({ event, data }) },
      rules: { getValue: async () => activeRules((await loadSettings()).values) },
      mode: { getValue: () => getSetting('screenPop.mode') },
      templateValues: { getValue: () => getSetting('screenPop.templateValues') },
      popped: poppedContactsItem,
      formatNumber: (e164) => Promise.resolve(e164 === '+819012345678' ? '090-1234-5678' : e164),
    });
  }

  urlsOfTabs(): string[] {
    return this.tabs.tabs.map((t) => t.url);
  }

  /** The workspace requests screen pop made, in order. */
  requests(): WorkspaceRequest[] {
    return this.askMock.mock.calls.map(([request]) => request);
  }

  /** The profile searches screen pop asked the engine for. */
  profileSearches(): WorkspaceRequest[] {
    return this.requests().filter((r) => r.op === 'profile-search');
  }
}

export async function setMode(mode: ScreenPopMode) {
  expect(await setAgentChoice('screenPop.mode', mode)).toEqual({ ok: true });
}

/** The admin's policy (managed storage), as default values. */
export async function setPolicy(values: Record<string, unknown>) {
  await fakeBrowser.storage.managed.set(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }])));
}
