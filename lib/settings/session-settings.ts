// The settings the session owner reads (engine-lost grace period and status), validated so a bad stored value
// never breaks the worker: it falls back to the default instead.
import { engineLostGraceSecondsItem, engineLostStatusNameItem } from './storage-items';

export interface SessionSettings {
  /** Seconds to wait for a lost engine before asking for a non-routable status (0..600). */
  engineLostGraceSeconds: number;
  /** Status name to ask for; '' = the first not-routable status. */
  engineLostStatusName: string;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { engineLostGraceSeconds: 10, engineLostStatusName: '' };

const MAX_GRACE_SECONDS = 600;

export async function readSessionSettings(): Promise<SessionSettings> {
  const [grace, statusName] = await Promise.all([engineLostGraceSecondsItem.getValue(), engineLostStatusNameItem.getValue()]);
  return {
    engineLostGraceSeconds:
      typeof grace === 'number' && Number.isFinite(grace) && grace >= 0 && grace <= MAX_GRACE_SECONDS
        ? grace
        : DEFAULT_SESSION_SETTINGS.engineLostGraceSeconds,
    engineLostStatusName: typeof statusName === 'string' ? statusName.trim() : DEFAULT_SESSION_SETTINGS.engineLostStatusName,
  };
}
