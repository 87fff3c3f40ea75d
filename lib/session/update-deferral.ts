// Holds an extension update back while the agent has a contact (both browsers). Listening to
// runtime.onUpdateAvailable is what makes the browser wait instead of reloading the extension at once (which ends
// the engine and drops the call); the update is then applied with runtime.reload() when the agent has no contact:
// at once if none is there, else as soon as the last one closes (leaves the snapshot, after contact work too).
// docs/reliability-update-deferral.md says what each browser does meanwhile.
import type { SessionLogWriter } from '../session-log/session-log';
import type { SessionSnapshot } from './snapshot';

/** The part of `browser.runtime` the deferral uses (tests give a fake). */
export interface UpdateRuntime {
  onUpdateAvailable: { addListener(listener: (details: { version?: string }) => void): void };
  reload(): void;
}

/** The part of the session store the deferral reads. */
export interface UpdateSnapshotSource {
  readonly snapshot: SessionSnapshot;
  ready(): Promise<SessionSnapshot>;
  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
}

export interface UpdateDeferralOptions {
  runtime: UpdateRuntime;
  store: UpdateSnapshotSource;
  /** The session log; flushed before the reload, so the lines about the update are kept. */
  log: SessionLogWriter & { flush?(): Promise<void> };
}

export class UpdateDeferral {
  /** The version waiting to be applied, or null. */
  private waitingVersion: string | null = null;
  private deferredLogged = false;
  private reloading = false;

  constructor(private readonly options: UpdateDeferralOptions) {}

  /** Listens for updates and for the contacts closing; call in the worker's first turn. */
  start(): this {
    this.options.runtime.onUpdateAvailable.addListener((details) => void this.handleUpdateAvailable(details?.version ?? 'unknown'));
    this.options.store.subscribe((snapshot) => this.applyIfFree(snapshot));
    return this;
  }

  /** The update waiting for the contacts to close (diagnostics, tests). */
  get pendingVersion(): string | null {
    return this.waitingVersion;
  }

  private async handleUpdateAvailable(version: string): Promise<void> {
    this.waitingVersion = version;
    this.deferredLogged = false;
    this.options.log.append('update-available', { version });
    // The restored session says whether a contact is on (a worker woken by this event restores it first).
    try {
      await this.options.store.ready();
    } catch (error) {
      // Without the session nothing says the agent is free: the update waits for the next snapshot.
      this.options.log.append('update-waiting-for-session', { version, detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.applyIfFree(this.options.store.snapshot);
  }

  private applyIfFree(snapshot: SessionSnapshot): void {
    if (this.waitingVersion === null || this.reloading) return;
    if (this.deferIfBusy(snapshot)) return;
    this.reloading = true;
    const version = this.waitingVersion;
    this.options.log.append('update-applying', { version });
    void this.reload(version);
  }

  /** Whether a contact holds the update back (said once per update in the log). */
  private deferIfBusy(snapshot: SessionSnapshot): boolean {
    const contacts = snapshot.contacts.length;
    if (contacts === 0) return false;
    if (!this.deferredLogged) this.options.log.append('update-deferred', { version: this.waitingVersion, contacts });
    this.deferredLogged = true;
    return true;
  }

  private async reload(version: string): Promise<void> {
    await this.options.log.flush?.().catch(() => undefined);
    // A contact offered while the log was written holds the update back again.
    if (this.deferIfBusy(this.options.store.snapshot)) {
      this.reloading = false;
      return;
    }
    try {
      this.options.runtime.reload();
    } catch (error) {
      // It should not fail; if it does, the browser applies the update at its next restart.
      this.options.log.append('update-reload-failed', { version, detail: error instanceof Error ? error.message : String(error) });
      this.waitingVersion = null;
      this.reloading = false;
    }
  }
}
