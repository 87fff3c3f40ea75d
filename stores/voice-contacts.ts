// What a voice contact in the snapshot means for the panel: which phase it is in (ringing, on the call, after
// call work, missed) and who is on it (the agent's own leg, the customer, third parties). Pure functions over
// the snapshot, so the session store's getters and the components agree on one reading.

import type { ConnectionView, ContactView } from '@/lib/session/snapshot';

export type VoicePhase =
  | 'ringing' // offered to the agent: Accept / Reject (or answer the desk phone)
  | 'dialing' // an outbound call the agent placed, not answered yet
  | 'on-call' // connected (the agent may have put people on hold or added a third party)
  | 'after-call-work' // ended, waiting for Close contact
  | 'missed' // offered and not accepted in time (or rejected): back in the queue
  | 'failed'; // the contact center reports an error for it

/** Ring time before Amazon Connect (and the local contact center) marks an offer missed. */
export const RING_TIMEOUT_MS = 20_000;

export function phaseOf(contact: ContactView): VoicePhase {
  switch (contact.state) {
    case 'incoming':
    case 'pending':
    case 'init':
      return 'ringing';
    case 'connecting':
      return contact.initiationMethod === 'outbound' ? 'dialing' : 'ringing';
    case 'connected':
    case 'paused': // a task state; a call is never paused
      return 'on-call';
    case 'ended':
      return 'after-call-work';
    case 'missed':
    case 'rejected':
      return 'missed';
    case 'error':
      return 'failed';
  }
}

const isLive = (connection: ConnectionView) => connection.state !== 'disconnected';

export const agentLegOf = (contact: ContactView): ConnectionView | null =>
  contact.connections.find((c) => c.role === 'agent') ?? null;

export const customerOf = (contact: ContactView): ConnectionView | null =>
  contact.connections.find((c) => c.role === 'customer') ?? null;

/** Parties the agent added (consult, transfer) who are still on the call or being called. */
export const thirdPartiesOf = (contact: ContactView): ConnectionView[] =>
  contact.connections.filter((c) => c.role === 'third-party' && isLive(c));

/** The customer's phone number when the contact center gives one (null for anonymous callers). */
export const customerNumberOf = (contact: ContactView): string | null => customerOf(contact)?.phoneNumber ?? null;

/** Whether the customer and every third party are connected to each other (after Join). */
export function isConferenced(contact: ContactView): boolean {
  const customer = customerOf(contact);
  const others = thirdPartiesOf(contact);
  return others.length > 0 && customer?.state === 'connected' && others.every((c) => c.state === 'connected');
}
