// The settings the session owner reads when the engine is lost (grace period and status), from the settings
// schema (policy, agent choice, defaults — already validated there).
import { loadSettings } from './settings-store';

export interface SessionSettings {
  /** Seconds to wait for a lost engine before asking for a non-routable status (0..600). */
  engineLostGraceSeconds: number;
  /** Status name to ask for; '' = the first not-routable status. */
  engineLostStatusName: string;
  /** The only instance agents may sign in to, when the admin locked `contactCenter.url`. */
  lockedInstanceUrl: string | null;
}

export async function readSessionSettings(): Promise<SessionSettings> {
  const { values, sources } = await loadSettings();
  return {
    engineLostGraceSeconds: values['session.engineLostGraceSeconds'],
    engineLostStatusName: values['session.engineLostStatusName'],
    lockedInstanceUrl: sources['contactCenter.url'] === 'admin-locked' && values['contactCenter.url'] !== '' ? values['contactCenter.url'] : null,
  };
}
