// Shared setup of the softphone component tests: a fake session client (the only seam mocked: commands are
// recorded and answered ok unless a test says otherwise), a snapshot shaped like the demo instance's, and a
// mount helper with Pinia and vue-i18n installed as the real panel installs them. No contact center runs here:
// what the panel fetches from the snapshot's instance (the guides store's flows) fails at once, as a refused
// connection does, without the environment's fetch printing the refusal, unless a test serves fetch itself.
import { flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { vi } from 'vitest';
import type { Component } from 'vue';
import type { ChatUpdate, LogResult, SessionClient } from '@/lib/messaging/session-client';
import type { CommandResult, SessionCommand } from '@/lib/session/commands';
import {
  emptySnapshot,
  type AgentView,
  type ConnectionView,
  type ContactView,
  type QuickConnectView,
  type SessionSnapshot,
} from '@/lib/session/snapshot';
import { createPanelI18n } from '@/locales/bundled-i18n';
import type { UiLanguage } from '@/locales/i18n';
import { useSessionStore } from '@/stores/session';

const INSTANCE = 'arn:aws:connect:ap-northeast-1:123456789012:instance/demo';
export const statusArn = (id: string) => `${INSTANCE}/agent-state/${id}`;

/** A session client that records commands; `answer` decides each result. */
export class FakeSessionClient implements SessionClient {
  readonly commands: SessionCommand[] = [];
  answer: (command: SessionCommand) => CommandResult | Promise<CommandResult> = () => ({ ok: true });
  log: LogResult = { ok: true, lines: [] };
  private snapshotListeners: ((snapshot: SessionSnapshot) => void)[] = [];
  private sequence = 0;

  start = vi.fn();
  close = vi.fn();

  send(command: SessionCommand): Promise<CommandResult> {
    this.commands.push(command);
    return Promise.resolve(this.answer(command));
  }

  getLog(): Promise<LogResult> {
    return Promise.resolve(this.log);
  }

  onSnapshot(listener: (snapshot: SessionSnapshot) => void) {
    this.snapshotListeners.push(listener);
    return () => undefined;
  }

  onLinkChange(listener: (linked: boolean) => void) {
    listener(true);
    return () => undefined;
  }

  /** Who follows which chat's transcript (the panel's chat store); `pushChat` plays the worker. */
  readonly chatFollowers = new Map<string, Set<(update: ChatUpdate) => void>>();

  followChat(contactId: string, listener: (update: ChatUpdate) => void) {
    const followers = this.chatFollowers.get(contactId) ?? new Set();
    followers.add(listener);
    this.chatFollowers.set(contactId, followers);
    return () => void followers.delete(listener);
  }

  pushChat(contactId: string, update: ChatUpdate) {
    for (const listener of this.chatFollowers.get(contactId) ?? []) listener(update);
  }

  /** The worker sends a snapshot (sequence numbers are filled in). */
  emit(snapshot: SessionSnapshot) {
    this.sequence += 1;
    for (const listener of this.snapshotListeners) listener({ ...snapshot, sequence: this.sequence });
  }
}

export function agentView(overrides: Partial<AgentView> = {}): AgentView {
  const now = Date.now();
  return {
    name: 'Emily Carter',
    username: 'agent1',
    state: { name: 'Available', type: 'routable', since: now },
    availability: { name: 'Available', since: now },
    nextStatus: null,
    statuses: [
      { arn: statusArn('available'), name: 'Available', type: 'routable' },
      { arn: statusArn('offline'), name: 'Offline', type: 'offline' },
      { arn: statusArn('break'), name: 'Break', type: 'not_routable' },
      { arn: statusArn('meeting'), name: 'Meeting', type: 'not_routable' },
      { arn: statusArn('paperwork'), name: 'Paperwork', type: 'not_routable' },
      { arn: statusArn('outbound-work'), name: 'Outbound work', type: 'not_routable' },
      { arn: statusArn('feedback'), name: 'Feedback', type: 'not_routable' },
    ],
    softphoneEnabled: true,
    deskPhoneNumber: '',
    autoAccept: false,
    language: 'en_US',
    muted: false,
    dialableCountries: ['jp', 'us', 'gb'],
    ...overrides,
  };
}

export function connection(overrides: Partial<ConnectionView> & Pick<ConnectionView, 'id' | 'role'>): ConnectionView {
  return {
    state: 'connected',
    since: Date.now(),
    phoneNumber: null,
    name: null,
    endpointType: overrides.role === 'agent' ? 'agent' : 'phone_number',
    quickConnectName: null,
    ...overrides,
  };
}

/** A voice contact: the agent's leg and the customer calling from +81 3-5550-1234. */
export function voiceContact(overrides: Partial<ContactView> = {}): ContactView {
  return {
    id: 'contact-1',
    initialContactId: null,
    channel: 'voice',
    state: 'connecting',
    since: Date.now(),
    initiationMethod: 'inbound',
    queueName: 'BasicQueue',
    attributes: {},
    connections: [
      connection({ id: 'agent-leg', role: 'agent', state: 'connecting' }),
      connection({ id: 'customer-leg', role: 'customer', phoneNumber: '+81355501234' }),
    ],
    transferredBy: null,
    deskPhone: false,
    ...overrides,
  };
}

export const QUICK_CONNECTS: QuickConnectView[] = [
  { arn: `${INSTANCE}/transfer-destination/qc-support-queue`, name: 'Support queue', kind: 'queue', phoneNumber: null },
  { arn: `${INSTANCE}/transfer-destination/qc-agent2`, name: 'Yuki Tanaka', kind: 'agent', phoneNumber: null },
  { arn: `${INSTANCE}/transfer-destination/qc-escalation-desk`, name: 'Escalation desk', kind: 'phone', phoneNumber: '+81355500123' },
];

export function readySnapshot(overrides: Partial<SessionSnapshot> = {}, agent: Partial<AgentView> = {}): SessionSnapshot {
  const now = Date.now();
  return {
    ...emptySnapshot(now),
    instanceUrl: 'http://127.0.0.1:8790',
    connection: { status: 'ready', since: now, reason: null },
    agent: agentView(agent),
    quickConnects: QUICK_CONNECTS,
    ...overrides,
  };
}

/** The environment's own fetch, before any test replaced it. */
const environmentFetch = globalThis.fetch;

/**
 * Makes requests to `instanceUrl`'s origin fail as they would with no contact center listening (a TypeError, which
 * the panel's stores already handle), and leaves other requests to the environment. A test that stubbed fetch
 * itself (the guide tests serve the contact center's routes) keeps its own.
 */
export function refuseAbsentContactCenter(instanceUrl: string | null): void {
  if (!instanceUrl || globalThis.fetch !== environmentFetch) return;
  const origin = new URL(instanceUrl).origin;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin === origin) return Promise.reject(new TypeError(`fetch failed: no contact center listens at ${origin} in component tests`));
    return environmentFetch(input, init);
  });
}

export interface Mounted {
  client: FakeSessionClient;
  pinia: Pinia;
}

/**
 * Mounts a softphone component over `snapshot` with a fresh Pinia, vue-i18n in `language` and a fake client
 * attached to the session store, as the side panel's start-up does.
 */
export async function mountSoftphone<C extends Component>(
  component: C,
  snapshot: SessionSnapshot,
  options: { language?: UiLanguage; props?: Record<string, unknown>; client?: FakeSessionClient } = {},
) {
  const pinia = createPinia();
  const i18n = createPanelI18n(options.language ?? 'en');
  const client = options.client ?? new FakeSessionClient();
  refuseAbsentContactCenter(snapshot.instanceUrl);
  useSessionStore(pinia).attach(client);
  client.emit(snapshot);
  const wrapper = mount(component, {
    props: options.props,
    global: { plugins: [pinia, i18n] },
    attachTo: document.body,
  } as ComponentMountingOptions<C>);
  await flushPromises();
  return { wrapper, client, pinia, i18n };
}

/**
 * An element's accessible name, computed the way the panel's markup needs: aria-label, then aria-labelledby,
 * then a <label for>, then the text of its content leaving out aria-hidden parts (icons, visual-only text).
 */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (element.id) {
    const forLabel = element.ownerDocument.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return (forLabel.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  const text = (node: Node): string => {
    if (node.nodeType === node.TEXT_NODE) return node.textContent ?? '';
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
    return [...node.childNodes].map(text).join('');
  };
  return text(element).replace(/\s+/g, ' ').trim();
}

type Findable = { findAll(selector: string): { element: Element }[] };

/** Every element matching `selector` whose accessible name is exactly `name`. */
export function allNamed<W extends Findable>(wrapper: W, selector: string, name: string): ReturnType<W['findAll']> {
  return wrapper.findAll(selector).filter((found) => accessibleName(found.element) === name) as ReturnType<W['findAll']>;
}

/** The one button named `name` (like Playwright's getByRole('button', { name, exact: true })); throws otherwise. */
export function button<W extends Findable>(wrapper: W, name: string): ReturnType<W['findAll']>[number] {
  const found = allNamed(wrapper, 'button', name);
  if (found.length !== 1) {
    const names = wrapper.findAll('button').map((b) => accessibleName(b.element));
    throw new Error(`expected one button named "${name}", found ${found.length}; buttons: ${JSON.stringify(names)}`);
  }
  return found[0] as ReturnType<W['findAll']>[number];
}

/** The names of the buttons in `wrapper`, in document order. */
export function buttonNames(wrapper: Findable): string[] {
  return wrapper.findAll('button').map((b) => accessibleName(b.element));
}
