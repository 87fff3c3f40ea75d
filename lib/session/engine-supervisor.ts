// The engine supervisor: starts the offscreen engine on sign-in, stops it on sign-out, takes its reports into
// the session snapshot, and keeps it alive: a watchdog (an alarm that wakes the worker, and a short interval
// while the worker runs) checks the document exists and answers pings; if it is gone while a session exists
// the connection becomes 'engine-lost', the views are told (through the snapshot) and the engine is recreated.
//
// Engine lost -> no call may reach an agent who cannot hear it:
//
//   lost ──(engine ready within the grace period, nothing missed)──────────────► status kept
//     │
//     ├──(grace period over, engine still not ready: remembered)──┐
//     └──(engine ready, but a contact was missed meanwhile)───────┴─► ask for the unroutable status
//                                                                      (engineLostStatusName, default: the first
//                                                                       not-routable status, e.g. Break; else Offline)
// The status can only be set through a ready engine, so "grace period over" is remembered (in storage.session,
// as the worker may be stopped meanwhile) and acted on as soon as the engine is ready again (engine-recovery.ts).
import { browser } from 'wxt/browser';
import type { EngineEvent } from '../messaging/protocol';
import { readSessionSettings, type SessionSettings } from '../settings/session-settings';
import { engineRecoveryItem } from '../settings/storage-items';
import type { SessionLogWriter } from '../session-log/session-log';
import { withCallAudioLost } from './call-audio';
import type { CommandResult } from './commands';
import type { EngineChannel } from './engine-channel';
import type { EngineDocument } from './engine-document';
import { EngineRecoveryJudge, type RecoveryStorage } from './engine-recovery';
import { fetchLogout, normalizeInstanceUrl } from './instance-address';
import type { SessionStore } from './session-store';
import { hasSession, signedOut, signingIn, withConnection, withEngineState } from './session-transitions';

export type { RecoveryStorage } from './engine-recovery';

export const WATCHDOG_ALARM = 'switchboard-engine-watchdog';

/** What the supervisor needs of the login window. */
export interface LoginWindowControl {
  open(instanceUrl: string, reason: 'engine' | 'agent'): Promise<void>;
  close(): Promise<void>;
}

export interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

export interface EngineSupervisorDeps {
  store: SessionStore;
  document: EngineDocument;
  channel: EngineChannel;
  loginWindow: LoginWindowControl;
  log: SessionLogWriter;
  settings?: () => Promise<SessionSettings>;
  recovery?: RecoveryStorage;
  alarms?: AlarmsApi;
  /** Ends the instance's sign-in (its logout URL, with the instance's cookie). */
  logout?: (instanceUrl: string) => Promise<number>;
  now?: () => number;
  /** How often the running worker checks the engine (the alarm covers a stopped worker). */
  watchdogIntervalMs?: number;
  pingTimeoutMs?: number;
  /** Consecutive unanswered pings after which a present document counts as dead. */
  maxMissedPings?: number;
  /** How long to wait for the first state after 'ready' before judging what happened while the engine was lost. */
  recoveryStateWaitMs?: number;
  /** Where the chats' items and typing go (the worker's transcript store). */
  chats?: { handleEngineEvent(event: Extract<EngineEvent, { type: 'chat-items' | 'chat-typing' }>): Promise<void> };
  /** Where followed contacts' transcript segments go (the worker's transcript keeper). */
  transcripts?: { handleReport(report: Extract<EngineEvent, { type: 'transcript' }>): Promise<void> };
}

const ok: CommandResult = { ok: true };

export class EngineSupervisor {
  private readonly store: SessionStore;
  private readonly document: EngineDocument;
  private readonly channel: EngineChannel;
  private readonly loginWindow: LoginWindowControl;
  private readonly log: SessionLogWriter;
  private readonly settings: () => Promise<SessionSettings>;
  private readonly alarms: AlarmsApi;
  private readonly logout: (instanceUrl: string) => Promise<number>;
  private readonly now: () => number;
  private readonly watchdogIntervalMs: number;
  private readonly pingTimeoutMs: number;
  private readonly maxMissedPings: number;
  private readonly recovery: EngineRecoveryJudge;
  private readonly chats: EngineSupervisorDeps['chats'] | null;
  private readonly transcripts: EngineSupervisorDeps['transcripts'] | null;

  /** Sign-in, sign-out and engine checks run one at a time. */
  private lifecycle: Promise<unknown> = Promise.resolve();
  private watchdogTimer: ReturnType<typeof setInterval> | null = null;
  private missedPings = 0;

  constructor(deps: EngineSupervisorDeps) {
    this.store = deps.store;
    this.document = deps.document;
    this.channel = deps.channel;
    this.loginWindow = deps.loginWindow;
    this.log = deps.log;
    this.settings = deps.settings ?? readSessionSettings;
    this.alarms = deps.alarms ?? (browser.alarms as AlarmsApi);
    this.logout = deps.logout ?? fetchLogout;
    this.now = deps.now ?? Date.now;
    // 2 s: Chrome tells nobody when an offscreen document closes, so this bounds how long a lost engine goes
    // unnoticed; a check is one getContexts call and one ping, and it keeps the worker alive during a session.
    this.watchdogIntervalMs = deps.watchdogIntervalMs ?? 2000;
    this.pingTimeoutMs = deps.pingTimeoutMs ?? 3000;
    this.maxMissedPings = deps.maxMissedPings ?? 3;
    this.recovery = new EngineRecoveryJudge({
      store: this.store,
      channel: this.channel,
      log: this.log,
      settings: this.settings,
      recovery: deps.recovery ?? engineRecoveryItem,
      now: this.now,
      stateWaitMs: deps.recoveryStateWaitMs ?? 1500,
    });
    this.chats = deps.chats ?? null;
    this.transcripts = deps.transcripts ?? null;
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lifecycle.then(task);
    this.lifecycle = run.catch(() => undefined);
    return run;
  }

  // ── worker start ──────────────────────────────────────────────────────────────────────────────────────────

  /** After the store is loaded on worker start: resume watching a session that exists, and ask a surviving
   *  engine to report its state again. */
  async start(): Promise<void> {
    const snapshot = await this.store.ready();
    if (hasSession(snapshot)) this.startWatchdog();
    await this.checkEngine('worker-start');
  }

  /** Stops the in-worker timers (tests; a real worker just stops). */
  dispose(): void {
    this.stopTimers();
  }

  // ── sign-in / sign-out (the router calls these) ──────────────────────────────────────────────────────────

  signIn(rawInstanceUrl: unknown): Promise<CommandResult> {
    const instanceUrl = normalizeInstanceUrl(rawInstanceUrl);
    if (instanceUrl === null) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-url', params: { url: String(rawInstanceUrl).slice(0, 200) } } });
    }
    return this.serialize(async () => {
      const locked = (await this.settings()).lockedInstanceUrl;
      if (locked !== null && normalizeInstanceUrl(locked) !== instanceUrl) {
        this.log.append('sign-in-refused-locked-instance', { instanceUrl, locked });
        return { ok: false, error: { code: 'instance-locked', params: { url: locked } } };
      }
      const snapshot = await this.store.ready();
      const status = snapshot.connection.status;
      if (hasSession(snapshot) && snapshot.instanceUrl === instanceUrl && status !== 'failed') {
        // Already signed in or signing in: make sure the engine runs, and show the login page if it waits for it.
        this.log.append('sign-in-again', { instanceUrl, status });
        if (status === 'needs-sign-in') await this.loginWindow.open(instanceUrl, 'agent');
        if ((await this.document.find()) === null) return this.createEngine(instanceUrl);
        return ok;
      }
      if (hasSession(snapshot)) await this.endEngine();
      await this.loginWindow.close();
      await this.store.update((current) => signingIn(current, instanceUrl, this.now()));
      this.log.append('sign-in', { instanceUrl });
      return this.createEngine(instanceUrl);
    });
  }

  private async createEngine(instanceUrl: string): Promise<CommandResult> {
    const started = performance.now();
    try {
      await this.document.create(instanceUrl);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.log.append('engine-create-failed', { detail });
      await this.store.update((current) => (hasSession(current) ? withConnection(current, 'failed', 'engine-create-failed', this.now()) : current));
      return { ok: false, error: { code: 'engine-unavailable', detail } };
    }
    this.missedPings = 0;
    this.log.append('engine-created', { instanceUrl, ms: Math.round(performance.now() - started) });
    this.startWatchdog();
    return ok;
  }

  /** The login window loaded a page after the sign-in form: if the CCP still waits for a sign-in, restart the
   *  engine now, so the agent is live about a second after signing in rather than at streams' next 5 s retry. */
  retryAfterSignInPage(): Promise<void> {
    return this.serialize(async () => {
      const snapshot = await this.store.ready();
      if (!hasSession(snapshot) || snapshot.instanceUrl === null || snapshot.connection.status !== 'needs-sign-in') return;
      this.log.append('engine-retry-after-sign-in-page', {});
      await this.closeDocumentQuietly();
      await this.createEngine(snapshot.instanceUrl);
    });
  }

  signOut(): Promise<CommandResult> {
    return this.serialize(async () => {
      const snapshot = await this.store.ready();
      if (!hasSession(snapshot) || snapshot.instanceUrl === null) {
        await this.closeDocumentQuietly();
        return ok;
      }
      const instanceUrl = snapshot.instanceUrl;
      // Offline first, so the contact center routes nothing more to this agent (F1: the agent goes Offline).
      const agent = snapshot.agent;
      const offline = agent?.statuses.find((status) => status.type === 'offline');
      if (snapshot.connection.status === 'ready' && agent && offline && agent.availability.name !== offline.name) {
        const result = await this.channel.sendCommand({ id: `sign-out-offline:${this.now()}`, command: { type: 'set-status', statusArn: offline.arn } }, 3000);
        this.log.append('sign-out-offline', { result });
      }
      // The snapshot next: from here on engine reports are ignored and the watchdog does not recreate anything.
      await this.store.update((current) => signedOut(current, this.now()));
      await this.endEngine();
      await this.loginWindow.close();
      try {
        const status = await this.logout(instanceUrl);
        this.log.append('sign-out', { instanceUrl, logoutStatus: status });
      } catch (error) {
        this.log.append('sign-out', { instanceUrl, logoutError: error instanceof Error ? error.message : String(error) });
      }
      return ok;
    });
  }

  /** Stops watching and closes the engine (sign-out, or a sign-in to another instance). */
  private async endEngine(): Promise<void> {
    this.stopTimers();
    await this.recovery.forget();
    await this.alarms.clear(WATCHDOG_ALARM);
    await this.closeDocumentQuietly();
  }

  private async closeDocumentQuietly(): Promise<void> {
    try {
      await this.document.close();
    } catch (error) {
      this.log.append('engine-close-failed', { detail: error instanceof Error ? error.message : String(error) });
    }
  }

  // ── the engine's reports ──────────────────────────────────────────────────────────────────────────────────

  /** An EngineEvent from the offscreen document; `fromInstance` is the instance its URL names, when known. */
  async handleEngineEvent(event: EngineEvent, fromInstance?: string | null): Promise<void> {
    const snapshot = await this.store.ready();
    if (event.type === 'log') {
      this.log.append(`engine:${event.event}`, event.data ?? {});
      return;
    }
    const stale = !hasSession(snapshot) || (fromInstance != null && fromInstance !== snapshot.instanceUrl);
    if (stale) {
      // A report from an engine that should not exist (signed out, or another instance): the watchdog closes it.
      this.log.append('engine-event-ignored', { type: event.type });
      return;
    }
    switch (event.type) {
      case 'chat-items':
      case 'chat-typing':
        await this.chats?.handleEngineEvent(event);
        return;
      case 'transcript':
        await this.transcripts?.handleReport(event);
        return;
      case 'engine-started':
        this.missedPings = 0;
        this.log.append('engine-started', { instanceUrl: event.instanceUrl });
        return;
      case 'state': {
        await this.store.update((current) => (hasSession(current) ? withEngineState(current, event.patch, this.now()) : current));
        await this.recovery.stateReported();
        return;
      }
      case 'connection': {
        const { previous, current } = await this.store.update((now) => {
          if (!hasSession(now)) return now;
          // A recreated engine starts by reporting 'connecting': the session stays 'engine-lost' (the workspace
          // and the call stay on screen) until the engine is ready again or needs the agent.
          if (now.connection.status === 'engine-lost' && event.status === 'connecting') return now;
          return withConnection(now, event.status, event.reason ?? null, this.now());
        });
        if (previous.connection.status !== current.connection.status) {
          this.log.append('connection', { status: event.status, reason: event.reason ?? null });
        }
        if (!hasSession(current) || current.instanceUrl === null) return;
        if (event.status === 'needs-sign-in') await this.loginWindow.open(current.instanceUrl, 'engine');
        if (event.status === 'ready') {
          await this.loginWindow.close();
          await this.engineReady();
        }
        return;
      }
    }
  }

  // ── watchdog ──────────────────────────────────────────────────────────────────────────────────────────────

  private startWatchdog(): void {
    void this.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5, delayInMinutes: 0.5 });
    if (this.watchdogTimer === null && this.watchdogIntervalMs > 0) {
      this.watchdogTimer = setInterval(() => void this.checkEngine('interval'), this.watchdogIntervalMs);
    }
  }

  private stopTimers(): void {
    if (this.watchdogTimer !== null) clearInterval(this.watchdogTimer);
    this.watchdogTimer = null;
    this.recovery.stopTimers();
  }

  /** Checks the engine exists and answers; recreates it when it is gone while a session exists. */
  checkEngine(trigger: 'worker-start' | 'alarm' | 'interval'): Promise<void> {
    return this.serialize(async () => {
      const snapshot = await this.store.ready();
      if (!hasSession(snapshot) || snapshot.instanceUrl === null) {
        this.stopTimers();
        if (trigger !== 'interval') await this.alarms.clear(WATCHDOG_ALARM);
        // A document left over from a session that ended while it was being created.
        if ((await this.document.find()) !== null) {
          this.log.append('engine-closed-without-session', {});
          await this.closeDocumentQuietly();
        }
        return;
      }
      if (snapshot.connection.status === 'failed') return; // the agent signs in again; nothing to keep alive
      await this.recovery.resumeClock();
      const found = await this.document.find();
      if (found === null) {
        await this.engineLost(snapshot.instanceUrl, 'engine-closed');
        return;
      }
      if (found.instanceUrl !== snapshot.instanceUrl) {
        await this.closeDocumentQuietly();
        await this.engineLost(snapshot.instanceUrl, 'engine-wrong-instance');
        return;
      }
      if (await this.channel.ping(this.pingTimeoutMs)) {
        this.missedPings = 0;
        if (trigger === 'worker-start') await this.channel.resync();
        return;
      }
      this.missedPings += 1;
      this.log.append('engine-ping-missed', { missed: this.missedPings });
      if (this.missedPings >= this.maxMissedPings) {
        await this.closeDocumentQuietly();
        await this.engineLost(snapshot.instanceUrl, 'engine-unresponsive');
      }
    });
  }

  private async engineLost(instanceUrl: string, reason: string): Promise<void> {
    const now = this.now();
    // The softphone calls it carried keep going without their audio (call-audio.ts): marked for the call view.
    let audioLost: string[] = [];
    await this.store.update((current) => {
      if (!hasSession(current)) return current;
      const lost = withCallAudioLost(withConnection(current, 'engine-lost', reason, now));
      audioLost = lost.marked;
      return lost.snapshot;
    });
    const recovery = await this.recovery.begin(reason, now);
    this.log.append('engine-lost', { reason, lostAt: recovery.lostAt });
    for (const contactId of audioLost) this.log.append('call-audio-lost', { contactId, reason });
    await this.recovery.resumeClock();
    await this.createEngine(instanceUrl);
  }

  /** The engine reports ready: after a loss, judge what to do once its first state has arrived. */
  private async engineReady(): Promise<void> {
    this.missedPings = 0;
    await this.recovery.engineReady();
  }
}
