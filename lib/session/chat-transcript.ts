// A chat's transcript as views see it: plain JSON items (epoch ms, no ChatJS objects), and the pure rules every
// holder of a transcript applies (the engine, the worker's store, a view): items are deduplicated by id (a later
// version of an item, e.g. with a newer receipt, replaces the earlier one), ordered by time, and bounded.
import { boundNewest, mergeById } from './merge-by-id';

export type ChatItemKind = 'message' | 'event' | 'attachment';
export type ChatRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM';

/** Delivery state of a message. For the agent's own messages: what the customer's side reported. For the
 *  customer's messages: what this agent's side sent (delivered automatically, read when the agent saw it). */
export type ChatReceipt = 'sent' | 'delivered' | 'read';

export interface ChatAttachmentView {
  id: string;
  name: string;
  contentType: string;
  status: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';
}

export interface ChatItemView {
  /** The contact center's item id (unique within the chat). */
  id: string;
  kind: ChatItemKind;
  /** AGENT also covers supervisors; SYSTEM covers the contact center and bots. */
  role: ChatRole;
  /** Sent by this agent (this agent's participant), as opposed to another agent before a transfer. */
  own: boolean;
  displayName: string;
  /** When the contact center stamped it (epoch ms). */
  time: number;
  contentType: string;
  /** The text for messages (plain or Markdown, never rendered here); '' for events and attachments. */
  content: string;
  attachments?: ChatAttachmentView[];
  receipt?: ChatReceipt;
  /** For events: the part after `application/vnd.amazonaws.connect.event.`, e.g. 'participant.joined'. */
  eventType?: string;
}

/** How many items each live chat keeps (engine and worker); older items are dropped first. */
export const CHAT_ITEMS_LIMIT = 500;
/** A cap on a chat's kept text (sum of item contents, UTF-16 units) so ten long chats fit storage.session. */
export const CHAT_CONTENT_LIMIT = 400_000;

const RECEIPT_RANK: Record<ChatReceipt, number> = { sent: 0, delivered: 1, read: 2 };

/** The further of two receipts (a receipt never goes back: read stays read when a late 'delivered' arrives). */
export function furtherReceipt(a: ChatReceipt | undefined, b: ChatReceipt | undefined): ChatReceipt | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RECEIPT_RANK[b] > RECEIPT_RANK[a] ? b : a;
}

export const compareChatItems = (a: ChatItemView, b: ChatItemView) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One item's two versions as one: the newer fields, the further receipt. */
function combine(older: ChatItemView, newer: ChatItemView): ChatItemView {
  const receipt = furtherReceipt(older.receipt, newer.receipt);
  return { ...older, ...newer, ...(receipt ? { receipt } : {}) };
}

export interface MergeResult {
  /** All items, deduplicated and ordered. */
  items: ChatItemView[];
  /** The items that are new or changed, ordered (what a listener needs to be told). */
  changed: ChatItemView[];
}

/** `incoming` merged into `existing` (which is already deduplicated and ordered); neither is modified. */
export function mergeChatItems(existing: readonly ChatItemView[], incoming: readonly ChatItemView[]): MergeResult {
  const { all, changed } = mergeById(existing, incoming, compareChatItems, combine);
  return { items: all, changed };
}

/** The newest items within the count and content limits (ordered input, ordered output). */
export function boundChatItems(items: readonly ChatItemView[], maxItems = CHAT_ITEMS_LIMIT, maxContent = CHAT_CONTENT_LIMIT): ChatItemView[] {
  return boundNewest(items, maxItems, maxContent);
}

/** A stored or received value that looks like a ChatItemView (storage and messages are not trusted blindly). */
export function isChatItemView(value: unknown): value is ChatItemView {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Partial<ChatItemView>;
  return typeof item.id === 'string' && typeof item.time === 'number' && typeof item.kind === 'string' && typeof item.content === 'string';
}

/** Since when the customer has waited for a reply: the time of the first customer message (or attachment) after
 *  the agent's last message or attachment; null when the agent answered last, or the customer wrote nothing. */
export function customerWaitingSince(items: readonly ChatItemView[]): number | null {
  let lastAnswer = -1;
  for (let i = items.length - 1; i >= 0; i -= 1) {
    if (items[i].role === 'AGENT' && items[i].kind !== 'event') {
      lastAnswer = i;
      break;
    }
  }
  const waiting = items.slice(lastAnswer + 1).find((item) => item.role === 'CUSTOMER' && item.kind !== 'event');
  return waiting ? waiting.time : null;
}
