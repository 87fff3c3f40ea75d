// What the engine supervisor does about an engine-lost episode (see the diagram in engine-supervisor.ts): the
// episode is remembered in storage.session (the worker may stop meanwhile), its grace clock runs (again after a
// worker restart), and once the engine is ready again and has reported its first state, the episode is judged:
// the agent is put in an unroutable status when the engine came back too late or a contact was missed meanwhile,
// unless the agent's own status already keeps contacts away.
import type { SessionSettings } from '../settings/session-settings';
import type { EngineRecovery } from '../settings/storage-items';
import type { SessionLogWriter } from '../session-log/session-log';
import type { EngineChannel } from './engine-channel';
import type { SessionStore } from './session-store';
import { chooseUnroutableStatus, hasMissedContact, isAgentUnroutable } from './session-transitions';

export interface RecoveryStorage {
  getValue(): Promise<EngineRecovery | null>;
  setValue(value: EngineRecovery | null): Promise<void>;
}

export interface EngineRecoveryDeps {
  store: SessionStore;
  channel: EngineChannel;
  log: SessionLogWriter;
  settings: () => Promise<SessionSettings>;
  recovery: RecoveryStorage;
  now: () => number;
  /** How long to wait for the first state after 'ready' before judging what happened while the engine was lost. */
  stateWaitMs: number;
}

export class EngineRecoveryJudge {
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private waitTimer: ReturnType<typeof setTimeout> | null = null;
  private checkDue = false;

  constructor(private readonly deps: EngineRecoveryDeps) {}

  /** The engine was lost at `now`: the episode in progress, or a new one (a second loss before the first
   *  recovery keeps the first loss's clock). */
  async begin(reason: string, now: number): Promise<EngineRecovery> {
    let recovery = await this.deps.recovery.getValue();
    if (!recovery) {
      recovery = { lostAt: now, reason, graceExpired: false };
      await this.deps.recovery.setValue(recovery);
    }
    return recovery;
  }

  /** Arms the grace timer for the episode in progress (again, after a worker restart), or marks it expired. */
  async resumeClock(): Promise<void> {
    const recovery = await this.deps.recovery.getValue();
    if (!recovery || recovery.graceExpired || this.graceTimer !== null) return;
    const { engineLostGraceSeconds } = await this.deps.settings();
    const remaining = recovery.lostAt + engineLostGraceSeconds * 1000 - this.deps.now();
    if (remaining <= 0) {
      await this.graceExpired();
      return;
    }
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      void this.graceExpired();
    }, remaining);
  }

  /** The engine reports ready: after a loss, judge what to do once its first state has arrived. */
  async engineReady(): Promise<void> {
    if ((await this.deps.recovery.getValue()) === null) return;
    this.checkDue = true;
    if (this.waitTimer !== null) clearTimeout(this.waitTimer);
    this.waitTimer = setTimeout(() => {
      this.waitTimer = null;
      void this.judge();
    }, this.deps.stateWaitMs);
  }

  /** The engine reported its state (the snapshot has it): judge the episode if one waits for it. */
  async stateReported(): Promise<void> {
    if (this.checkDue) await this.judge();
  }

  /** Forgets the episode (sign-out, or a sign-in to another instance); the timers are stopped by stopTimers. */
  async forget(): Promise<void> {
    this.checkDue = false;
    await this.deps.recovery.setValue(null);
  }

  stopTimers(): void {
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    if (this.waitTimer !== null) clearTimeout(this.waitTimer);
    this.graceTimer = this.waitTimer = null;
  }

  private async graceExpired(): Promise<void> {
    const { store, recovery: storage, log } = this.deps;
    const recovery = await storage.getValue();
    if (!recovery || recovery.graceExpired) return;
    await storage.setValue({ ...recovery, graceExpired: true });
    log.append('engine-lost-grace-expired', { lostAt: recovery.lostAt, status: store.snapshot.connection.status });
    // Already ready again (the 'ready' report raced the timer): judge now rather than wait for the next state.
    if (store.snapshot.connection.status === 'ready') {
      this.checkDue = true;
      await this.judge();
    }
  }

  /** Ends the engine-lost episode: asks for an unroutable status when the engine came back too late or a
   *  contact was missed meanwhile, unless the agent's own status already keeps contacts away. */
  private async judge(): Promise<void> {
    if (!this.checkDue) return;
    this.checkDue = false;
    this.stopTimers();
    const { store, recovery: storage, log, channel } = this.deps;
    const recovery = await storage.getValue();
    if (!recovery) return;
    await storage.setValue(null);
    const snapshot = store.snapshot;
    const settings = await this.deps.settings();
    const lostForMs = this.deps.now() - recovery.lostAt;
    const late = recovery.graceExpired || lostForMs >= settings.engineLostGraceSeconds * 1000;
    const missed = hasMissedContact(snapshot);
    log.append('engine-recovered', { lostForMs, late, missed });
    const agent = snapshot.agent;
    if ((!late && !missed) || !agent || snapshot.connection.status !== 'ready') return;
    if (!missed && isAgentUnroutable(agent)) {
      log.append('engine-lost-status-kept', { status: agent.availability.name });
      return;
    }
    const status = chooseUnroutableStatus(agent, settings.engineLostStatusName);
    if (!status) {
      log.append('engine-lost-status-unavailable', {});
      return;
    }
    const result = await channel.sendCommand({ id: `engine-lost-status:${recovery.lostAt}`, command: { type: 'set-status', statusArn: status.arn } }, 15_000);
    log.append('engine-lost-status', { status: status.name, result });
  }
}
