// Applies the admin's phone settings (auto-accept, softphone or desk phone and its number) to the agent's
// configuration on the instance: when the session becomes ready and whenever the settings change, if the
// agent's configuration differs from what the settings ask. 'instance' values leave the configuration alone.
import type { Settings } from '../settings/schema';
import type { CommandEnvelope, CommandResult, SessionCommand } from './commands';
import type { AgentView, SessionSnapshot } from './snapshot';

type PhoneSettings = Pick<Settings, 'phone.autoAccept' | 'phone.type' | 'phone.deskPhoneNumber'>;
type AgentConfigPatch = Omit<Extract<SessionCommand, { type: 'update-agent-config' }>, 'type'>;

/** The change the settings ask of `agent`'s configuration, or null when it already fits. */
export function agentConfigPatch(settings: PhoneSettings, agent: Pick<AgentView, 'softphoneEnabled' | 'deskPhoneNumber' | 'autoAccept'>): AgentConfigPatch | null {
  const patch: AgentConfigPatch = {};
  const autoAccept = settings['phone.autoAccept'];
  if (autoAccept !== 'instance' && agent.autoAccept !== (autoAccept === 'on')) patch.autoAccept = autoAccept === 'on';
  const type = settings['phone.type'];
  if (type === 'softphone' && !agent.softphoneEnabled) patch.softphoneEnabled = true;
  if (type === 'desk-phone') {
    const number = settings['phone.deskPhoneNumber'];
    // A desk phone without a number cannot be set: the agent's configuration stays as it is.
    if (number !== '' && (agent.softphoneEnabled || agent.deskPhoneNumber !== number)) {
      patch.softphoneEnabled = false;
      patch.deskPhoneNumber = number;
    }
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

export interface PhoneSettingsDeps {
  execute(envelope: CommandEnvelope): Promise<CommandResult>;
  log: { append(event: string, data?: Record<string, unknown>): void };
  newId?: () => string;
}

export class PhoneSettingsEnforcer {
  private settings: PhoneSettings | null = null;
  private snapshot: SessionSnapshot | null = null;
  /** The patch last sent, so the same one is not sent again while the snapshot catches up. */
  private sent: string | null = null;

  constructor(private readonly deps: PhoneSettingsDeps) {}

  handleSettings(settings: PhoneSettings): void {
    this.settings = settings;
    this.sent = null;
    void this.apply();
  }

  handleSnapshot(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    void this.apply();
  }

  private async apply(): Promise<void> {
    const agent = this.snapshot?.agent;
    if (!this.settings || !agent || this.snapshot?.connection.status !== 'ready') return;
    const patch = agentConfigPatch(this.settings, agent);
    if (!patch) {
      this.sent = null;
      return;
    }
    const key = JSON.stringify(patch);
    if (this.sent === key) return;
    this.sent = key;
    const id = `phone-settings:${this.deps.newId?.() ?? crypto.randomUUID()}`;
    const result = await this.deps.execute({ id, command: { type: 'update-agent-config', ...patch } });
    this.deps.log.append('phone-settings-applied', { ...patch, ok: result.ok, ...(result.ok ? {} : { error: result.error.code }) });
  }
}
