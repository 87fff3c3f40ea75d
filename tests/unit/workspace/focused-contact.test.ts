// The workspace's contact: the call first, then the selected chat or task tab, then what is live, then the newest
// contact in After Contact Work; never a missed or rejected offer.
import { describe, expect, it } from 'vitest';
import { focusedContact } from '../../../components/workspace/focused-contact';
import type { ContactView } from '../../../lib/session/snapshot';

const contact = (id: string, channel: ContactView['channel'], state: ContactView['state'], since = 0) =>
  ({ id, channel, state, since, initialContactId: null, initiationMethod: 'inbound', queueName: 'Q', attributes: {}, connections: [], transferredBy: null, deskPhone: false }) as ContactView;

describe('focusedContact', () => {
  const call = contact('call', 'voice', 'connected');
  const chatA = contact('chat-a', 'chat', 'connected');
  const chatB = contact('chat-b', 'chat', 'connected');
  const task = contact('task', 'task', 'connected');
  const base = { ringingVoice: null, activeVoice: null, selectedChatId: null, selectedTaskId: null };

  it('is the call when there is one, then the ringing call', () => {
    expect(focusedContact({ ...base, activeVoice: call, selectedChatId: 'chat-a', contacts: [call, chatA] })?.id).toBe('call');
    const ringing = contact('ring', 'voice', 'connecting');
    expect(focusedContact({ ...base, ringingVoice: ringing, selectedChatId: 'chat-a', contacts: [ringing, chatA] })?.id).toBe('ring');
  });

  it('follows the selected chat tab, then the selected task tab', () => {
    expect(focusedContact({ ...base, selectedChatId: 'chat-b', contacts: [chatA, chatB, task] })?.id).toBe('chat-b');
    expect(focusedContact({ ...base, selectedTaskId: 'task', contacts: [chatA, task] })?.id).toBe('task');
    expect(focusedContact({ ...base, selectedChatId: 'gone', contacts: [chatA] })?.id).toBe('chat-a');
  });

  it('falls back to the newest After Contact Work, and skips missed or rejected offers', () => {
    const older = contact('acw-old', 'voice', 'ended', 1_000);
    const newer = contact('acw-new', 'chat', 'ended', 2_000);
    expect(focusedContact({ ...base, contacts: [older, newer, contact('m', 'voice', 'missed')] })?.id).toBe('acw-new');
    expect(focusedContact({ ...base, contacts: [contact('m', 'voice', 'missed'), contact('r', 'chat', 'rejected')] })).toBeNull();
  });
});
