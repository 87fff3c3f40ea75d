// Keyboard shortcuts: accept the ringing call, end the live call or close the one in after call work, toggle
// mute; nothing when there is nothing to act on.
import { describe, expect, it } from 'vitest';
import { commandForShortcut } from '@/lib/browser-chrome/keyboard-commands';
import { agentView, connectedCall, readySnapshot, ringingCall } from './session-test-kit';

describe('keyboard shortcuts', () => {
  it('accept-contact accepts the ringing call', () => {
    expect(commandForShortcut('accept-contact', readySnapshot({ contacts: [connectedCall('a'), ringingCall('b')] }))).toEqual({ type: 'accept', contactId: 'b' });
  });

  it('accept-contact does nothing when nothing rings', () => {
    expect(commandForShortcut('accept-contact', readySnapshot({ contacts: [connectedCall('a')] }))).toBeNull();
  });

  it('end-contact hangs up the live call', () => {
    expect(commandForShortcut('end-contact', readySnapshot({ contacts: [connectedCall('a')] }))).toEqual({ type: 'hang-up', contactId: 'a' });
  });

  it('end-contact closes the contact in after call work', () => {
    const acw = readySnapshot({ agent: agentView({ state: { name: 'AfterCallWork', type: 'system', since: 1 } }), contacts: [connectedCall('a', { state: 'ended' })] });
    expect(commandForShortcut('end-contact', acw)).toEqual({ type: 'clear', contactId: 'a' });
  });

  it('end-contact does not end a call that only rings', () => {
    expect(commandForShortcut('end-contact', readySnapshot({ contacts: [ringingCall('a')] }))).toBeNull();
  });

  it('toggle-mute mutes, then unmutes, during a call', () => {
    const call = [connectedCall('a')];
    expect(commandForShortcut('toggle-mute', readySnapshot({ contacts: call }))).toEqual({ type: 'mute' });
    expect(commandForShortcut('toggle-mute', readySnapshot({ contacts: call, agent: agentView({ muted: true }) }))).toEqual({ type: 'unmute' });
  });

  it('does nothing while the session is not ready', () => {
    const lost = readySnapshot({ contacts: [ringingCall('a')], connection: { status: 'engine-lost', since: 1, reason: null } });
    expect(commandForShortcut('accept-contact', lost)).toBeNull();
  });
});
