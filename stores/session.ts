// Pinia store mirroring the session snapshot the background worker owns, plus the commands the panel sends
// it. The snapshot is the only source of truth: a command changes nothing here except its own pending/error
// flags; what it does shows up when the worker sends the next snapshot.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { LogResult, SessionClient } from '@/lib/messaging/session-client';
import type { CommandError, CommandResult, DialTarget, SessionCommand } from '@/lib/session/commands';
import {
  emptySnapshot,
  type AgentStatusOption,
  type ContactPageContext,
  type ContactView,
  type ProfileChoices,
  type SessionSnapshot,
} from '@/lib/session/snapshot';
import { agentLegOf, customerOf, phaseOf, thirdPartiesOf, type VoicePhase } from './voice-contacts';

/**
 * Identifies a command for its pending/error flags: its type and the contact and connection it acts on,
 * e.g. 'hold:<contactId>:<connectionId>'. Components ask `isPending(commandKey(...))`.
 */
export function commandKey(type: SessionCommand['type'], contactId?: string | null, connectionId?: string | null): string {
  return [type, contactId, connectionId].filter((part) => part !== undefined && part !== null).join(':');
}

function keyOf(command: SessionCommand): string {
  const contactId = 'contactId' in command ? command.contactId : null;
  const connectionId = 'connectionId' in command ? command.connectionId : null;
  return commandKey(command.type, contactId, connectionId);
}

export interface ShownError {
  key: string;
  command: SessionCommand['type'];
  error: CommandError;
}

export interface RunOptions {
  /** The component shows this command's error next to its control; the panel's error notice leaves it out. */
  inline?: boolean;
}

export const useSessionStore = defineStore('session', () => {
  /** The last snapshot the worker sent (replaced whole, never edited). */
  const snapshot = shallowRef<SessionSnapshot>(emptySnapshot(0));
  /** Whether the port to the worker is open (false while the worker restarts). */
  const linked = ref(false);
  /** Whether a snapshot has arrived since the panel opened (until then the panel shows nothing stale). */
  const received = ref(false);
  const pending = ref<Record<string, true>>({});
  const errors = ref<Record<string, CommandError>>({});
  /** The latest error not shown inline, for the panel's error notice. */
  const notice = ref<ShownError | null>(null);

  let client: SessionClient | null = null;
  let detach: (() => void)[] = [];

  function attach(sessionClient: SessionClient): void {
    for (const stop of detach) stop();
    client = sessionClient;
    detach = [
      sessionClient.onSnapshot((next) => {
        if (!received.value) performance.mark('switchboard:panel-first-snapshot');
        snapshot.value = next;
        received.value = true;
      }),
      sessionClient.onLinkChange((isLinked) => {
        linked.value = isLinked;
      }),
    ];
    sessionClient.start();
  }

  // ── getters over the snapshot ──
  const connection = computed(() => snapshot.value.connection);
  const agent = computed(() => snapshot.value.agent);
  const ready = computed(() => connection.value.status === 'ready' && agent.value !== null);
  const voiceContacts = computed(() => snapshot.value.contacts.filter((c) => c.channel === 'voice'));
  const contactsIn = (phases: VoicePhase[]) => voiceContacts.value.filter((c) => phases.includes(phaseOf(c)));

  const ringingContact = computed<ContactView | null>(() => contactsIn(['ringing'])[0] ?? null);
  /** The call the agent is on or placing (the one hold, mute, keypad and transfer act on). */
  const activeVoiceContact = computed<ContactView | null>(() => contactsIn(['on-call', 'dialing'])[0] ?? null);
  /** Legs of the active call: the agent's own, the customer's, and third parties still on it or being called. */
  const agentConnection = computed(() => (activeVoiceContact.value ? agentLegOf(activeVoiceContact.value) : null));
  const customerConnection = computed(() => (activeVoiceContact.value ? customerOf(activeVoiceContact.value) : null));
  const thirdParties = computed(() => (activeVoiceContact.value ? thirdPartiesOf(activeVoiceContact.value) : []));
  const afterCallWorkContacts = computed(() => contactsIn(['after-call-work']));
  const missedContacts = computed(() => contactsIn(['missed']));
  const failedContacts = computed(() => contactsIn(['failed']));
  const statuses = computed<AgentStatusOption[]>(() => agent.value?.statuses ?? []);
  /** The status the agent selected (matched by name: the snapshot's availability carries no ARN). */
  const selectedStatus = computed(() => statuses.value.find((s) => s.name === agent.value?.availability.name) ?? null);
  const routableStatus = computed(() => statuses.value.find((s) => s.type === 'routable') ?? null);
  /** A system or error state overriding the selected status (PendingBusy, Busy, AfterCallWork…). */
  const systemState = computed(() => {
    const state = agent.value?.state;
    return state && (state.type === 'system' || state.type === 'error') ? state : null;
  });

  /** The CRM page a call was dialed from (F31), or null. */
  function pageContextOf(contactId: string): ContactPageContext | null {
    return snapshot.value.pageContexts[contactId] ?? null;
  }

  /** The profiles matching a caller when there are several (F29), or null. */
  function profileChoicesOf(contactId: string): ProfileChoices | null {
    return snapshot.value.profileChoices[contactId] ?? null;
  }

  function isPending(key: string): boolean {
    return pending.value[key] === true;
  }

  function errorFor(key: string): CommandError | null {
    return errors.value[key] ?? null;
  }

  function clearError(key: string): void {
    if (!(key in errors.value)) return;
    const { [key]: _dropped, ...rest } = errors.value;
    errors.value = rest;
    if (notice.value?.key === key) notice.value = null;
  }

  function dismissNotice(): void {
    notice.value = null;
  }

  /** Sends a command and tracks it; resolves with the worker's answer (never rejects). */
  async function run(command: SessionCommand, options: RunOptions = {}): Promise<CommandResult> {
    const key = keyOf(command);
    clearError(key);
    if (!client) {
      const result: CommandResult = { ok: false, error: { code: 'engine-unavailable', detail: 'no session client attached' } };
      record(key, command, result.error, options);
      return result;
    }
    pending.value = { ...pending.value, [key]: true };
    try {
      const result = await client.send(command);
      if (!result.ok) record(key, command, result.error, options);
      return result;
    } finally {
      const { [key]: _done, ...rest } = pending.value;
      pending.value = rest;
    }
  }

  function record(key: string, command: SessionCommand, error: CommandError, options: RunOptions): void {
    errors.value = { ...errors.value, [key]: error };
    if (!options.inline) notice.value = { key, command: command.type, error };
  }

  /** Follows one chat's transcript (the whole of it, then increments); returns the unfollow. */
  function followChat(contactId: string, listener: Parameters<SessionClient['followChat']>[1]): () => void {
    return client ? client.followChat(contactId, listener) : () => {};
  }

  async function getLog(): Promise<LogResult> {
    if (!client) return { ok: false, error: { code: 'engine-unavailable', detail: 'no session client attached' } };
    return client.getLog();
  }

  return {
    snapshot,
    linked,
    received,
    pending,
    errors,
    notice,
    attach,
    connection,
    agent,
    ready,
    voiceContacts,
    ringingContact,
    activeVoiceContact,
    agentConnection,
    customerConnection,
    thirdParties,
    afterCallWorkContacts,
    missedContacts,
    failedContacts,
    statuses,
    selectedStatus,
    routableStatus,
    systemState,
    pageContextOf,
    profileChoicesOf,
    isPending,
    errorFor,
    clearError,
    dismissNotice,
    run,
    getLog,
    followChat,
    // ── commands, named as the agent thinks of them ──
    signIn: (instanceUrl: string, options?: RunOptions) => run({ type: 'sign-in', instanceUrl }, options),
    signOut: () => run({ type: 'sign-out' }),
    setStatus: (statusArn: string) => run({ type: 'set-status', statusArn }),
    accept: (contactId: string) => run({ type: 'accept', contactId }),
    reject: (contactId: string) => run({ type: 'reject', contactId }),
    hangUp: (contactId: string) => run({ type: 'hang-up', contactId }),
    clear: (contactId: string) => run({ type: 'clear', contactId }),
    hold: (contactId: string, connectionId: string) => run({ type: 'hold', contactId, connectionId }),
    resume: (contactId: string, connectionId: string) => run({ type: 'resume', contactId, connectionId }),
    endConnection: (contactId: string, connectionId: string) => run({ type: 'end-connection', contactId, connectionId }),
    mute: () => run({ type: 'mute' }),
    unmute: () => run({ type: 'unmute' }),
    sendDigits: (contactId: string, digits: string) => run({ type: 'send-digits', contactId, digits }),
    dial: (target: DialTarget, options?: RunOptions) => run({ type: 'dial', target }, options),
    addConnection: (contactId: string, target: DialTarget, options?: RunOptions) =>
      run({ type: 'add-connection', contactId, target }, options),
    conference: (contactId: string) => run({ type: 'conference', contactId }),
    swap: (contactId: string) => run({ type: 'swap', contactId }),
    updateAgentConfig: (
      patch: { softphoneEnabled?: boolean; deskPhoneNumber?: string; autoAccept?: boolean },
      options?: RunOptions,
    ) => run({ type: 'update-agent-config', ...patch }, options),
    refreshQuickConnects: () => run({ type: 'refresh-quick-connects' }),
    chooseProfile: (contactId: string, profileId: string) => run({ type: 'choose-profile', contactId, profileId }, { inline: true }),
  };
});

export type SessionStore = ReturnType<typeof useSessionStore>;
