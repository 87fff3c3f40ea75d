// The admin's phone settings applied to the agent's configuration: the patch they ask for, sent once when the
// session is ready and again only when the settings change or the configuration drifts back.
import { describe, expect, it, vi } from 'vitest';
import type { CommandEnvelope, CommandResult } from '@/lib/session/commands';
import { agentConfigPatch, PhoneSettingsEnforcer } from '@/lib/session/phone-settings';
import type { SessionSnapshot } from '@/lib/session/snapshot';

const softphoneAgent = { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false };
const leaveAlone = { 'phone.autoAccept': 'instance', 'phone.type': 'instance', 'phone.deskPhoneNumber': '' } as const;

describe('agentConfigPatch', () => {
  it("asks nothing when the settings say 'instance' or already fit", () => {
    expect(agentConfigPatch(leaveAlone, softphoneAgent)).toBeNull();
    expect(agentConfigPatch({ ...leaveAlone, 'phone.autoAccept': 'off', 'phone.type': 'softphone' }, softphoneAgent)).toBeNull();
  });

  it('asks for auto-accept and a desk phone with its number', () => {
    expect(agentConfigPatch({ 'phone.autoAccept': 'on', 'phone.type': 'desk-phone', 'phone.deskPhoneNumber': '+81312345678' }, softphoneAgent)).toEqual({
      autoAccept: true,
      softphoneEnabled: false,
      deskPhoneNumber: '+81312345678',
    });
    expect(agentConfigPatch({ ...leaveAlone, 'phone.type': 'softphone' }, { ...softphoneAgent, softphoneEnabled: false })).toEqual({ softphoneEnabled: true });
  });

  it('does not ask for a desk phone without a number', () => {
    expect(agentConfigPatch({ ...leaveAlone, 'phone.type': 'desk-phone' }, softphoneAgent)).toBeNull();
  });
});

describe('PhoneSettingsEnforcer', () => {
  const snapshot = (status: string, agent = softphoneAgent) => ({ connection: { status, since: 0, reason: null }, agent }) as unknown as SessionSnapshot;

  it('applies the settings once the session is ready, once per change', async () => {
    const execute = vi.fn((_envelope: CommandEnvelope) => Promise.resolve<CommandResult>({ ok: true }));
    const enforcer = new PhoneSettingsEnforcer({ execute, log: { append: vi.fn() } });
    enforcer.handleSettings({ ...leaveAlone, 'phone.autoAccept': 'on' });
    enforcer.handleSnapshot(snapshot('connecting'));
    expect(execute).not.toHaveBeenCalled();
    enforcer.handleSnapshot(snapshot('ready'));
    enforcer.handleSnapshot(snapshot('ready'));
    await vi.waitFor(() => expect(execute).toHaveBeenCalledTimes(1));
    expect(execute.mock.calls[0]![0].command).toEqual({ type: 'update-agent-config', autoAccept: true });
    // The instance now has it: nothing more. Then the agent's configuration is changed elsewhere: applied again.
    enforcer.handleSnapshot(snapshot('ready', { ...softphoneAgent, autoAccept: true }));
    enforcer.handleSnapshot(snapshot('ready'));
    await vi.waitFor(() => expect(execute).toHaveBeenCalledTimes(2));
  });
});
