// Keyboard shortcuts (F27, manifest `commands`): accept the ringing contact, end the active one (hang up, or
// close it in after call work), toggle mute. Each press is turned into a session command against the current
// snapshot; opening the panel is the browser's own `_execute_action`.
import type { SessionCommand } from '../session/commands';
import type { SessionSnapshot } from '../session/snapshot';
import { isRinging } from '../session/session-transitions';

export const SHORTCUTS = ['accept-contact', 'end-contact', 'toggle-mute'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

export const isShortcut = (name: string): name is Shortcut => (SHORTCUTS as readonly string[]).includes(name);

/** The command a shortcut stands for now, or null when there is nothing for it to act on. */
export function commandForShortcut(shortcut: Shortcut, snapshot: SessionSnapshot): SessionCommand | null {
  if (snapshot.connection.status !== 'ready') return null;
  const contacts = snapshot.contacts;
  switch (shortcut) {
    case 'accept-contact': {
      const ringing = contacts.find((contact) => isRinging(contact) && !contact.deskPhone);
      return ringing ? { type: 'accept', contactId: ringing.id } : null;
    }
    case 'end-contact': {
      const live = contacts.find((contact) => contact.state === 'connected' || (contact.state === 'connecting' && !isRinging(contact)));
      if (live) return { type: 'hang-up', contactId: live.id };
      // After call work: the contact has ended (or was missed) and waits to be closed.
      const afterWork = contacts.find((contact) => contact.state === 'ended' || contact.state === 'missed' || contact.state === 'rejected' || contact.state === 'error');
      return afterWork ? { type: 'clear', contactId: afterWork.id } : null;
    }
    case 'toggle-mute':
      if (!contacts.some((contact) => contact.channel === 'voice' && contact.state === 'connected')) return null;
      return snapshot.agent?.muted ? { type: 'unmute' } : { type: 'mute' };
  }
}
