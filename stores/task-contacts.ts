// The agent's task contacts for the panel (F18): which tasks there are and where each stands (offered, worked,
// paused, After Contact Work), the one shown, the task commands (pause, resume, transfer, end, close, create,
// templates), and the Create task form's request (opened from the panel, or as a follow-up of a call or chat).

import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { FollowUpSource, TaskContactState, TaskContactViewModel } from '@/components/task/task-view-model';
import type { NewTask } from '@/lib/session/commands';
import type { ContactView } from '@/lib/session/snapshot';
import { useSessionStore } from './session';
import { customerOf } from './voice-contacts';

function taskStateOf(contact: ContactView): TaskContactState | null {
  if (contact.state === 'incoming' || contact.state === 'connecting') return 'incoming';
  if (contact.state === 'connected') return 'connected';
  if (contact.state === 'paused') return 'paused';
  if (contact.state === 'ended') return 'acw';
  return null; // missed, rejected, error: not a task the agent works
}

function taskViewOf(contact: ContactView): TaskContactViewModel | null {
  const state = taskStateOf(contact);
  if (state === null) return null;
  const task = contact.task;
  return {
    contactId: contact.id,
    name: task?.name ?? '',
    description: task?.description ?? '',
    references: task?.references ?? [],
    state,
    queueName: contact.queueName,
    since: contact.since,
    scheduledTime: task?.scheduledTime ?? null,
    relatedContactId: task?.relatedContactId ?? null,
    transferredBy: contact.transferredBy,
  };
}

/** What the Create task form was opened for; `serial` tells a new request from the one already shown. */
export interface CreateTaskRequest {
  serial: number;
  followUp: FollowUpSource | null;
}

export const useTaskContactsStore = defineStore('task-contacts', () => {
  const session = useSessionStore();
  const selectedId = ref<string | null>(null);
  const createRequest = shallowRef<CreateTaskRequest | null>(null);
  let requests = 0;

  const tasks = computed(() =>
    session.snapshot.contacts.filter((c) => c.channel === 'task').flatMap((c) => {
      const view = taskViewOf(c);
      return view ? [view] : [];
    }),
  );
  const incoming = computed(() => tasks.value.filter((task) => task.state === 'incoming'));
  /** The tasks the agent has accepted: connected, paused or in After Contact Work, in the snapshot's order. */
  const worked = computed(() => tasks.value.filter((task) => task.state !== 'incoming'));
  const selected = computed(() => worked.value.find((task) => task.contactId === selectedId.value) ?? null);

  // The shown task stays shown while it is on the list; when it goes, the first one left is shown.
  watch(
    () => worked.value.map((task) => task.contactId),
    (ids) => {
      if (selectedId.value === null || !ids.includes(selectedId.value)) selectedId.value = ids[0] ?? null;
    },
    { immediate: true },
  );

  /** The customer of a call or chat, as the snapshot knows them, for a follow-up task's pre-filled details. */
  function followUpSourceOf(contact: ContactView): FollowUpSource {
    const customer = customerOf(contact);
    const choices = session.profileChoicesOf(contact.id);
    const chosen = choices?.profiles.find((p) => p.profileId === choices.chosenProfileId) ?? null;
    return {
      contactId: contact.id,
      channel: contact.channel,
      customerName: contact.customerName || customer?.name || chosen?.name || null,
      phoneNumber: contact.channel === 'voice' ? (customer?.phoneNumber ?? null) : null,
      email: contact.attributes.email?.trim() || null,
    };
  }

  /** Opens the Create task form: empty, or as a follow-up of the contact `followUpOf` (a call or chat). */
  function openCreateForm(followUpOf: string | null = null): void {
    const contact = followUpOf ? session.snapshot.contacts.find((c) => c.id === followUpOf) : undefined;
    requests += 1;
    createRequest.value = { serial: requests, followUp: contact ? followUpSourceOf(contact) : null };
  }

  return {
    tasks,
    incoming,
    worked,
    selected,
    selectedId,
    createRequest,
    select: (contactId: string) => (selectedId.value = contactId),
    openCreateForm,
    closeCreateForm: () => (createRequest.value = null),
    accept: (contactId: string) => session.accept(contactId),
    reject: (contactId: string) => session.reject(contactId),
    pause: (contactId: string) => session.run({ type: 'task-pause', contactId }),
    resume: (contactId: string) => session.run({ type: 'task-resume', contactId }),
    /** End task: the agent's connection ends and the task goes to After Contact Work. */
    end: (contactId: string) => session.hangUp(contactId),
    /** Close contact, after After Contact Work. */
    close: (contactId: string) => session.clear(contactId),
    transfer: (contactId: string, quickConnectArn: string) => session.run({ type: 'transfer', contactId, quickConnectArn }, { inline: true }),
    /** The form shows these answers' errors itself. */
    create: (task: NewTask) => session.run({ type: 'task-create', task }, { inline: true }),
    listTemplates: () => session.run({ type: 'task-templates' }, { inline: true }),
    getTemplate: (templateId: string) => session.run({ type: 'task-template', templateId }, { inline: true }),
  };
});

export type TaskContactsStore = ReturnType<typeof useTaskContactsStore>;
