// Pure translation of ChatJS transcript items into the views' ChatItemView: messages, attachments and the events
// an agent needs to see (joined, left, ended, transfer, idle…); typing, connection acknowledgements and receipt
// items are not transcript lines (receipts become the `receipt` of the message they are about).
import type { ChatAttachmentView, ChatItemView, ChatReceipt, ChatRole } from '../session/chat-transcript';
import { CONTENT_TYPES, EVENT_CONTENT_PREFIX, type ChatJsItem } from './chat-api';

/** Events that are not lines of the transcript. */
const HIDDEN_EVENTS = new Set<string>([CONTENT_TYPES.typing, CONTENT_TYPES.delivered, CONTENT_TYPES.read, CONTENT_TYPES.connectionAcknowledged]);

export function chatRoleOf(role: string | undefined): ChatRole {
  if (role === 'CUSTOMER') return 'CUSTOMER';
  if (role === 'AGENT' || role === 'SUPERVISOR') return 'AGENT';
  return 'SYSTEM';
}

function epochMsOf(iso: string | undefined, fallback: number): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? ms : fallback;
}

function attachmentsOf(item: ChatJsItem): ChatAttachmentView[] {
  return (item.Attachments ?? [])
    .filter((a) => typeof a.AttachmentId === 'string' && a.AttachmentId !== '')
    .map((a) => ({
      id: a.AttachmentId as string,
      name: a.AttachmentName ?? '',
      contentType: a.ContentType ?? '',
      status: a.Status === 'APPROVED' || a.Status === 'REJECTED' ? a.Status : 'IN_PROGRESS',
    }));
}

/** The receipt a message's MessageMetadata records, seen from `ownParticipantId`'s side. */
function receiptOf(item: ChatJsItem, own: boolean, ownParticipantId: string): ChatReceipt | undefined {
  let receipt: ChatReceipt | undefined = own ? 'sent' : undefined;
  for (const r of item.MessageMetadata?.Receipts ?? []) {
    // Own message: the other side's receipts. Customer's message: the receipts this agent sent.
    const relevant = own ? r.RecipientParticipantId !== ownParticipantId : r.RecipientParticipantId === ownParticipantId;
    if (!relevant) continue;
    if (r.ReadTimestamp) receipt = 'read';
    else if (r.DeliveredTimestamp && receipt !== 'read') receipt = 'delivered';
  }
  return receipt;
}

/** The view of one item, or null when it is not a transcript line. `now` stamps items without a time. */
export function toChatItemView(item: ChatJsItem, ownParticipantId: string, now: number): ChatItemView | null {
  if (typeof item.Id !== 'string' || item.Id === '') return null;
  const contentType = item.ContentType ?? '';
  const type = item.Type ?? '';
  let kind: ChatItemView['kind'];
  if (type === 'ATTACHMENT') kind = 'attachment';
  else if (type === 'MESSAGE') kind = 'message';
  else if (type === 'EVENT' && contentType.startsWith(EVENT_CONTENT_PREFIX) && !HIDDEN_EVENTS.has(contentType)) kind = 'event';
  else return null;
  const own = item.ParticipantId !== undefined && item.ParticipantId === ownParticipantId;
  const view: ChatItemView = {
    id: item.Id,
    kind,
    role: chatRoleOf(item.ParticipantRole),
    own,
    displayName: item.DisplayName ?? '',
    time: epochMsOf(item.AbsoluteTime, now),
    contentType,
    content: kind === 'message' && typeof item.Content === 'string' ? item.Content : '',
  };
  if (kind === 'attachment') view.attachments = attachmentsOf(item);
  if (kind === 'event') view.eventType = contentType.slice(EVENT_CONTENT_PREFIX.length);
  if (kind !== 'event') {
    const receipt = receiptOf(item, own, ownParticipantId);
    if (receipt) view.receipt = receipt;
  }
  return view;
}

/** A receipt item (Type MESSAGEMETADATA, or a message.read/.delivered event) as {messageId, receipt}. */
export function receiptUpdateOf(item: ChatJsItem): { messageId: string; receipt: ChatReceipt } | null {
  const meta = item.MessageMetadata;
  if (meta?.MessageId) {
    const first = meta.Receipts?.[0];
    if (first?.ReadTimestamp) return { messageId: meta.MessageId, receipt: 'read' };
    if (first?.DeliveredTimestamp) return { messageId: meta.MessageId, receipt: 'delivered' };
    return null;
  }
  if (item.ContentType === CONTENT_TYPES.read || item.ContentType === CONTENT_TYPES.delivered) {
    try {
      const { messageId } = JSON.parse(item.Content ?? '{}') as { messageId?: unknown };
      if (typeof messageId === 'string') return { messageId, receipt: item.ContentType === CONTENT_TYPES.read ? 'read' : 'delivered' };
    } catch {
      return null;
    }
  }
  return null;
}
