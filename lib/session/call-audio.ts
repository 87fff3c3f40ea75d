// Softphone calls whose audio went with a lost engine. A softphone call's audio is the WebRTC connection inside
// the engine (Chrome's offscreen document, Firefox's engine frame); when that engine is lost mid-call the worker
// recreates it and the new one reports the contact still connected and controllable, but streams' softphone
// manager starts media only for a contact that is still connecting or incoming, so the rest of the call is
// silent. The worker marks such a contact (`audioLost`) when it notices the loss; the mark follows the contact
// through the recreated engine's reports until the contact is no longer connected, and the call view tells the
// agent (docs/call-audio-after-engine-restart.md). A desk-phone call is never marked: its audio is on the phone.
import type { ConnectionState, ContactView, SessionSnapshot } from './snapshot';

/** The agent's leg states in which the softphone carries audio (on hold too: the session stays up). */
const AUDIO_LEG_STATES: ReadonlySet<ConnectionState> = new Set(['connected', 'hold', 'silent_monitor', 'barge']);

/** Whether this contact's audio runs through the engine's softphone now: a voice contact, not on the desk phone,
 *  connected, with the agent's own leg connected (or held, monitoring, barged in). A call still connecting is not
 *  counted: a recreated engine's streams starts its media again. */
export function carriesSoftphoneAudio(contact: ContactView): boolean {
  if (contact.channel !== 'voice' || contact.deskPhone || contact.state !== 'connected') return false;
  const agentLeg = contact.connections.find((connection) => connection.role === 'agent');
  return agentLeg !== undefined && AUDIO_LEG_STATES.has(agentLeg.state);
}

/** The engine was lost: every call whose audio it carried is marked `audioLost`. Returns the snapshot (the same
 *  object when nothing is marked) and the ids of the contacts marked now. */
export function withCallAudioLost(snapshot: SessionSnapshot): { snapshot: SessionSnapshot; marked: string[] } {
  const marked = snapshot.contacts.filter((contact) => !contact.audioLost && carriesSoftphoneAudio(contact)).map((contact) => contact.id);
  if (marked.length === 0) return { snapshot, marked };
  const ids = new Set(marked);
  const contacts = snapshot.contacts.map((contact) => (ids.has(contact.id) ? { ...contact, audioLost: true } : contact));
  return { snapshot: { ...snapshot, contacts }, marked };
}

/** The engine's report of `reported` contacts with the worker's `audioLost` marks from `before` kept (the engine
 *  never reports them): by contact id, while the contact is still a connected voice call. Returns `reported`
 *  itself when no mark applies. */
export function keepAudioLostMarks(before: readonly ContactView[], reported: ContactView[]): ContactView[] {
  const lost = new Set(before.filter((contact) => contact.audioLost).map((contact) => contact.id));
  if (lost.size === 0) return reported;
  const keeps = (contact: ContactView) => lost.has(contact.id) && contact.channel === 'voice' && contact.state === 'connected';
  if (!reported.some(keeps)) return reported;
  return reported.map((contact) => (keeps(contact) ? { ...contact, audioLost: true } : contact));
}
