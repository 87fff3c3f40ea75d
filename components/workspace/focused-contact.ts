// Which contact the workspace shows the customer of: the call the agent is on or being offered, else the chat tab
// or task tab the agent has selected, else the newest contact in After Contact Work. One at a time: a 360 px panel
// has room for one customer.
import type { ContactView } from '../../lib/session/snapshot';

export interface FocusInputs {
  ringingVoice: ContactView | null;
  activeVoice: ContactView | null;
  /** The selected chat tab's contact id, or null. */
  selectedChatId: string | null;
  selectedTaskId: string | null;
  contacts: readonly ContactView[];
}

/** Contacts with no customer to show: a missed, rejected or failed offer. */
const GONE = new Set(['missed', 'rejected', 'error']);

/** Whether the contact has a customer for the workspace to show. */
export const hasCustomerToShow = (contact: ContactView): boolean => !GONE.has(contact.state);

export function focusedContact(inputs: FocusInputs): ContactView | null {
  if (inputs.activeVoice) return inputs.activeVoice;
  if (inputs.ringingVoice) return inputs.ringingVoice;
  const byId = (id: string | null) => (id ? (inputs.contacts.find((c) => c.id === id) ?? null) : null);
  const chat = byId(inputs.selectedChatId);
  if (chat) return chat;
  const task = byId(inputs.selectedTaskId);
  if (task) return task;
  const live = inputs.contacts.filter(hasCustomerToShow);
  // Offered chats and tasks have a customer too; After Contact Work (streams' 'ended') last, the newest first.
  return live.find((c) => c.state !== 'ended') ?? [...live].sort((a, b) => b.since - a.since).find((c) => c.state === 'ended') ?? null;
}
