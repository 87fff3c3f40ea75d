// The agent's chat contacts for the panel (F16, F17): which chats there are and where each stands, each chat's
// transcript (followed per contact from the worker: the whole transcript first, then increments), unread counts,
// how long the customer has waited for a reply, who is typing, and the chat commands; and text other views put in
// a chat's draft (an article copied from Knowledge, a guide's text), which that chat's composer takes.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { ChatContactState, ChatContactViewModel, ChatTabView, IncomingChatView } from '@/components/chat/chat-view-model';
import { isPreviewableImage } from '@/lib/chat-rendering/attachment-rules';
import { customerWaitingSince, mergeChatItems, type ChatItemView } from '@/lib/session/chat-transcript';
import type { ContactView } from '@/lib/session/snapshot';
import { useSessionStore } from './session';

/** A typing indicator lasts this long without a new one (ChatJS sends at most one per 10 s). */
const TYPING_SHOWN_MS = 12_000;
/** Images larger than this are offered for download only, not previewed in the transcript. */
const PREVIEW_MAX_BYTES = 5 * 1024 * 1024;

function chatStateOf(contact: ContactView): ChatContactState | null {
  if (contact.state === 'incoming' || contact.state === 'connecting') return 'incoming';
  if (contact.state === 'connected') return 'connected';
  if (contact.state === 'ended') return 'acw';
  return null; // missed, rejected, error: not a chat the agent works
}

function customerNameOf(contact: ContactView): string {
  return contact.customerName ?? contact.connections.find((c) => c.role === 'customer')?.name ?? '';
}

const isCustomerMessage = (item: Pick<ChatItemView, 'role' | 'kind'>) => item.role === 'CUSTOMER' && item.kind !== 'event';

export const useChatContactsStore = defineStore('chat-contacts', () => {
  const session = useSessionStore();
  // Shallow: a transcript is replaced whole on every update, never changed in place, so its items stay plain
  // objects. Deeply reactive, every read of every item in the tab counts and the merge went through proxies.
  const transcripts = shallowRef<Record<string, ChatItemView[]>>({});
  const typingAt = ref<Record<string, number>>({});
  const selectedId = ref<string | null>(null);
  const now = ref(Date.now());
  const following = new Map<string, () => void>();
  /** Object URLs of the shown chats' image attachments, by attachment id (the transcript previews only these). */
  const previewUrls = ref<Record<string, string>>({});
  const previewsRequested = new Set<string>();
  /** Text waiting to be added to a chat's draft, by contact id, until its composer takes it. */
  const draftInsertions = ref<Record<string, string[]>>({});

  const chats = computed(() =>
    session.snapshot.contacts
      .filter((c) => c.channel === 'chat')
      .map((contact) => ({ contact, state: chatStateOf(contact) }))
      .filter((x): x is { contact: ContactView; state: ChatContactState } => x.state !== null),
  );

  // Follow every chat while it is on the agent's list; the worker keeps the transcripts, we mirror them.
  watch(
    () => chats.value.map((c) => c.contact.id),
    (ids) => {
      for (const id of ids) {
        if (following.has(id)) continue;
        following.set(
          id,
          session.followChat(id, (update) => {
            if (update.type === 'items') {
              const current = update.full ? [] : (transcripts.value[id] ?? []);
              transcripts.value = { ...transcripts.value, [id]: mergeChatItems(current, update.items).items };
            } else if (update.role === 'CUSTOMER') {
              typingAt.value = { ...typingAt.value, [id]: update.at };
            }
          }),
        );
      }
      for (const [id, stop] of following) {
        if (ids.includes(id)) continue;
        stop();
        following.delete(id);
        forgetPreviews(transcripts.value[id] ?? []);
        const { [id]: _gone, ...rest } = transcripts.value;
        transcripts.value = rest;
      }
      const workable = chats.value.filter((c) => c.state !== 'incoming');
      if (!workable.some((c) => c.contact.id === selectedId.value)) selectedId.value = workable[0]?.contact.id ?? null;
    },
    { immediate: true },
  );

  function unreadOf(id: string): number {
    return (transcripts.value[id] ?? []).filter((i) => isCustomerMessage(i) && i.receipt !== 'read').length;
  }

  const tabs = computed<ChatTabView[]>(() =>
    chats.value
      .filter((c) => c.state !== 'incoming')
      .map(({ contact, state }) => ({
        contactId: contact.id,
        customerName: customerNameOf(contact),
        unread: unreadOf(contact.id),
        waitingSinceMs: state === 'connected' ? customerWaitingSince(transcripts.value[contact.id] ?? []) : null,
        state,
      })),
  );

  const incoming = computed<IncomingChatView[]>(() =>
    chats.value
      .filter((c) => c.state === 'incoming')
      .map(({ contact }) => ({
        contactId: contact.id,
        customerName: customerNameOf(contact),
        queueName: contact.queueName,
        initialMessage: (transcripts.value[contact.id] ?? []).find(isCustomerMessage)?.content ?? null,
      })),
  );

  const selected = computed<ChatContactViewModel | null>(() => {
    const chat = chats.value.find((c) => c.contact.id === selectedId.value && c.state !== 'incoming');
    if (!chat) return null;
    const id = chat.contact.id;
    const typing = typingAt.value[id];
    return {
      contactId: id,
      customerName: customerNameOf(chat.contact),
      state: chat.state,
      messages: transcripts.value[id] ?? [],
      typingName: typing !== undefined && now.value - typing < TYPING_SHOWN_MS ? customerNameOf(chat.contact) : null,
      markdownEnabled: chat.contact.chatFeatures?.markdown ?? true,
      attachmentsEnabled: chat.contact.chatFeatures?.attachments ?? true,
      attachmentUrls: previewUrls.value,
    };
  });

  // Approved image attachments of the shown chat are fetched once from their (short-lived) URL and previewed from
  // an object URL, so the transcript itself never loads anything from the network. A failed fetch leaves the
  // download button, which asks for a fresh URL.
  watch(
    () => selected.value?.messages,
    (messages) => {
      const chat = selected.value;
      if (!chat || !messages) return;
      for (const item of messages) {
        for (const attachment of item.attachments ?? []) {
          if (attachment.status !== 'APPROVED' || !isPreviewableImage(attachment.contentType) || previewsRequested.has(attachment.id)) continue;
          previewsRequested.add(attachment.id);
          void loadPreview(chat.contactId, attachment.id);
        }
      }
    },
  );

  async function loadPreview(contactId: string, attachmentId: string): Promise<void> {
    const result = await session.run({ type: 'chat-attachment-url', contactId, attachmentId }, { inline: true });
    if (!result.ok || !result.value?.url) return;
    try {
      const response = await fetch(result.value.url);
      if (!response.ok) return;
      const blob = await response.blob();
      if (blob.size > PREVIEW_MAX_BYTES || !isPreviewableImage(blob.type)) return;
      previewUrls.value = { ...previewUrls.value, [attachmentId]: URL.createObjectURL(blob) };
    } catch {
      // Offline or the URL expired: the download button still works.
    }
  }

  function forgetPreviews(items: readonly ChatItemView[]): void {
    const next = { ...previewUrls.value };
    for (const item of items) {
      for (const attachment of item.attachments ?? []) {
        const url = next[attachment.id];
        if (url) URL.revokeObjectURL(url);
        delete next[attachment.id];
        previewsRequested.delete(attachment.id);
      }
    }
    previewUrls.value = next;
  }

  // What the agent sees is read: the newest unread customer message of the shown chat gets a read receipt.
  watch(
    () => {
      const chat = selected.value;
      if (!chat || chat.state !== 'connected') return null;
      const unread = chat.messages.filter((i) => isCustomerMessage(i) && i.receipt !== 'read');
      return unread.length > 0 ? { contactId: chat.contactId, messageId: unread[unread.length - 1]!.id } : null;
    },
    (target) => {
      if (target) void session.run({ type: 'chat-read', contactId: target.contactId, messageId: target.messageId }, { inline: true });
    },
  );

  /** Moves the clock that waiting times and typing indicators read (the panel ticks it). */
  function tick(at = Date.now()): void {
    now.value = at;
  }

  async function attach(contactId: string, file: File) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return session.run({ type: 'chat-attach', contactId, name: file.name, contentType: file.type, dataBase64: btoa(binary) });
  }

  async function download(contactId: string, attachmentId: string) {
    const result = await session.run({ type: 'chat-attachment-url', contactId, attachmentId });
    if (result.ok && result.value?.url) window.open(result.value.url, '_blank', 'noopener');
  }

  /** Adds `text` to the chat's draft (its composer shows it; the agent edits and sends) and shows that chat. */
  function insertDraftText(contactId: string, text: string): void {
    if (text.trim() === '') return;
    draftInsertions.value = { ...draftInsertions.value, [contactId]: [...(draftInsertions.value[contactId] ?? []), text] };
    if (chats.value.some((c) => c.contact.id === contactId && c.state !== 'incoming')) selectedId.value = contactId;
  }

  /** The text waiting for the chat's draft, taken (the composer calls this). */
  function takeDraftText(contactId: string): string[] {
    const waiting = draftInsertions.value[contactId] ?? [];
    if (waiting.length > 0) {
      const { [contactId]: _taken, ...rest } = draftInsertions.value;
      draftInsertions.value = rest;
    }
    return waiting;
  }

  return {
    chats,
    tabs,
    incoming,
    selected,
    selectedId,
    tick,
    select: (contactId: string) => (selectedId.value = contactId),
    send: (contactId: string, text: string) => session.run({ type: 'chat-send', contactId, text, contentType: 'text/markdown' }),
    typing: (contactId: string) => session.run({ type: 'chat-typing', contactId }, { inline: true }),
    attach,
    download,
    draftInsertions,
    insertDraftText,
    takeDraftText,
    /** How many messages the customer has sent in the chat (Knowledge asks for suggestions on each new one). */
    customerMessageCount: (contactId: string) => (transcripts.value[contactId] ?? []).filter(isCustomerMessage).length,
  };
});
