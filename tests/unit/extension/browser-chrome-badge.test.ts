// The toolbar badge: a short text and colour per session state, ringing contacts first, with a localized
// tooltip; the browser is only touched when the look changes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BADGE_COLORS, BadgePainter, badgeFor, type ActionApi } from '@/lib/browser-chrome/badge';
import type { Translate } from '@/lib/browser-chrome/chrome-messages';
import type { SessionSnapshot } from '@/lib/session/snapshot';
import { emptySnapshot } from '@/lib/session/snapshot';
import { agentView, connectedCall, connectedChat, offeredChat, readySnapshot, ringingCall } from './session-test-kit';

/** Shows keys and substitutions instead of translations, so tests see which message was chosen. */
const t: Translate = (key, substitutions) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key);

const look = (snapshot: SessionSnapshot) => badgeFor(snapshot, t);
const withAgent = (overrides: Parameters<typeof agentView>[0], contacts = readySnapshot().contacts) => readySnapshot({ agent: agentView(overrides), contacts });

describe('badge', () => {
  it.each<[string, SessionSnapshot, string, string, string]>([
    ['signed out', emptySnapshot(), '', BADGE_COLORS.grey, 'badge_title_signed_out'],
    ['connecting', readySnapshot({ connection: { status: 'connecting', since: 1, reason: null } }), '…', BADGE_COLORS.grey, 'badge_title_connecting'],
    ['waiting for sign-in', readySnapshot({ connection: { status: 'needs-sign-in', since: 1, reason: null } }), '…', BADGE_COLORS.amber, 'badge_title_needs_sign_in'],
    ['engine lost', readySnapshot({ connection: { status: 'engine-lost', since: 1, reason: 'engine-closed' } }), '!', BADGE_COLORS.red, 'badge_title_engine_lost'],
    ['available', readySnapshot(), 'badge_text_available', BADGE_COLORS.green, 'badge_title_status(Available)'],
    ['on break', withAgent({ state: { name: 'Break', type: 'not_routable', since: 1 }, availability: { name: 'Break', since: 1 } }), 'badge_text_away', BADGE_COLORS.grey, 'badge_title_status(Break)'],
    ['offline', withAgent({ state: { name: 'Offline', type: 'offline', since: 1 }, availability: { name: 'Offline', since: 1 } }), '', BADGE_COLORS.grey, 'badge_title_status(Offline)'],
    ['on a call', withAgent({ state: { name: 'Busy', type: 'system', since: 1 } }, [connectedCall()]), 'badge_text_busy', BADGE_COLORS.blue, 'badge_title_busy'],
    ['in after call work', withAgent({ state: { name: 'AfterCallWork', type: 'system', since: 1 } }, [connectedCall('c', { state: 'ended' })]), 'badge_text_acw', BADGE_COLORS.amber, 'badge_title_acw'],
    ['after a missed call', withAgent({ state: { name: 'MissedCallAgent', type: 'error', since: 1 } }), '!', BADGE_COLORS.red, 'badge_title_missed'],
  ])('shows %s', (_name, snapshot, text, color, title) => {
    expect(look(snapshot)).toEqual({ text, color, title });
  });

  it('shows how many calls ring, before anything else', () => {
    const snapshot = withAgent({ state: { name: 'Busy', type: 'system', since: 1 } }, [connectedCall('a'), ringingCall('b'), ringingCall('c')]);
    expect(look(snapshot)).toEqual({ text: '2', color: BADGE_COLORS.red, title: 'badge_title_ringing(2)' });
  });

  it('does not count an outbound call being placed as ringing', () => {
    const [agentLeg, customerLeg] = ringingCall('out').connections;
    const dialing = ringingCall('out', {
      initiationMethod: 'outbound',
      connections: [{ ...agentLeg, state: 'connected' }, { ...customerLeg, state: 'connecting' }],
    });
    expect(look(withAgent({ state: { name: 'CallingCustomer', type: 'system', since: 1 } }, [dialing])).text).toBe('badge_text_busy');
  });

  it('counts an offered chat as ringing', () => {
    expect(look(readySnapshot({ contacts: [offeredChat('x')] }))).toEqual({ text: '1', color: BADGE_COLORS.red, title: 'badge_title_ringing(1)' });
    expect(look(readySnapshot({ contacts: [offeredChat('x', { state: 'incoming' })] })).text).toBe('1');
    expect(look(readySnapshot({ contacts: [offeredChat('x'), ringingCall('y')] })).text).toBe('2');
  });

  describe('chats waiting for a reply', () => {
    const onChats = (contacts: SessionSnapshot['contacts'], chatWaitingSince: Record<string, number>): SessionSnapshot => ({
      ...withAgent({ state: { name: 'Busy', type: 'system', since: 1 } }, contacts),
      chatWaitingSince,
    });

    it('shows how many connected chats wait for the agent’s reply, in amber', () => {
      const snapshot = onChats([connectedChat('a'), connectedChat('b'), connectedChat('c')], { a: 10, c: 20 });
      expect(look(snapshot)).toEqual({ text: '2', color: BADGE_COLORS.amber, title: 'badge_title_chats_waiting(2)' });
      expect(look(onChats([connectedChat('a'), connectedChat('b')], { b: 5 }))).toEqual({ text: '1', color: BADGE_COLORS.amber, title: 'badge_title_chat_waiting' });
    });

    it('shows busy when every customer has an answer', () => {
      expect(look(onChats([connectedChat('a'), connectedChat('b')], {})).text).toBe('badge_text_busy');
    });

    it('does not count chats that are not connected: offered (they ring), or ended into after contact work', () => {
      expect(look(onChats([offeredChat('a')], { a: 1 }))).toMatchObject({ text: '1', color: BADGE_COLORS.red });
      expect(look(onChats([connectedChat('a', { state: 'ended' })], { a: 1 })).text).toBe('badge_text_busy');
    });

    it('yields to ringing contacts', () => {
      expect(look(onChats([connectedChat('a'), offeredChat('b')], { a: 1, b: 2 }))).toEqual({ text: '1', color: BADGE_COLORS.red, title: 'badge_title_ringing(1)' });
    });
  });

  describe('painter', () => {
    beforeEach(() => {
      fakeBrowser.reset();
    });

    it('sets text, colour and tooltip on the toolbar button', async () => {
      await new BadgePainter(fakeBrowser.action as unknown as ActionApi, t).paint(readySnapshot({ contacts: [ringingCall()] }));
      expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
      expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xd9, 0x30, 0x25, 255]);
      expect(await fakeBrowser.action.getTitle({})).toBe('badge_title_ringing(1)');
    });

    it('does not repaint what did not change', async () => {
      const action: ActionApi = { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined) };
      const painter = new BadgePainter(action, t);
      await painter.paint(readySnapshot());
      await painter.paint(readySnapshot({ sequence: 99 }));
      expect(action.setBadgeText).toHaveBeenCalledOnce();
      expect(action.setTitle).toHaveBeenCalledOnce();
    });
  });
});
