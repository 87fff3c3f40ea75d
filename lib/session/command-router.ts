// The command router: every command a view sends comes here with its id, runs at most once, and gets ok or a
// typed error. Sign-in, sign-out and choosing a profile are the worker's own; softphone commands go to the
// engine, and only when the session is ready. Recent ids and their results are kept in storage.session, so a view that retries an
// id after the worker restarted gets the first result back instead of a second execution. Reads are not recorded:
// running one twice changes nothing, their answers are large (profiles, histories, templates), and each record
// write rewrites the whole list, so recording them made every command slower than the one before.
import { commandRecordsItem, type CommandRecord } from '../settings/storage-items';
import type { SessionLogWriter } from '../session-log/session-log';
import { SESSION_LEVEL_COMMANDS, type CommandEnvelope, type CommandResult, type ErrorCode, type SessionCommand } from './commands';
import type { EngineChannel } from './engine-channel';
import type { SessionStore } from './session-store';
import { type CasesEndpoint, isWorkspaceRead, isWorkspaceRequest } from '../workspace/workspace-requests';
import { isTranscriptRead, isTranscriptRequest } from '../transcript/transcript-requests';

export interface CommandRecordStorage {
  getValue(): Promise<CommandRecord[]>;
  setValue(value: CommandRecord[]): Promise<void>;
}

/** What the router needs of the session owner for the commands it handles itself. */
export interface SessionControl {
  signIn(instanceUrl: unknown): Promise<CommandResult>;
  signOut(): Promise<CommandResult>;
}

/** Screen pop's part of the worker: the agent's choice among several matching profiles (F29). */
export interface ProfileChooser {
  chooseProfile(contactId: string, profileId: string): Promise<CommandResult>;
}

export interface CommandRouterDeps {
  store: SessionStore;
  engine: EngineChannel;
  session: SessionControl;
  /** Absent (tests of other commands): choose-profile is refused. */
  profiles?: ProfileChooser;
  /** The admin's Cases service for workspace commands (settings), or null for the instance's own. */
  casesEndpoint?: () => Promise<CasesEndpoint | null>;
  /** The admin's Contact Lens backend for transcript commands (settings), '' for the instance's own. */
  contactLensUrl?: () => Promise<string>;
  log: SessionLogWriter;
  records?: CommandRecordStorage;
  now?: () => number;
  /** How long the engine may take to answer a command. */
  timeoutMs?: number;
  /** How many recent ids are remembered. */
  capacity?: number;
  /** How long a resendable command waits for a lost or restarting engine to be ready again. */
  resendWithinMs?: number;
}

const fail = (code: ErrorCode, detail?: string): CommandResult => ({ ok: false, error: detail === undefined ? { code } : { code, detail } });

// ── validation: a view is our own code, so a malformed command is a bug; it is refused, not guessed at ──────

const isText = (value: unknown, max = 500): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

function isDialTarget(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const target = value as { phoneNumber?: unknown; quickConnectArn?: unknown };
  return isText(target.phoneNumber, 64) || isText(target.quickConnectArn);
}

/** A task to create has the fields of NewTask; their limits (lengths, dates, URLs) are the engine's and the
 *  contact center's to judge with typed errors. */
function isNewTaskShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const task = value as Record<string, unknown>;
  const nullableText = (field: unknown) => field === null || isText(field);
  return (
    typeof task.name === 'string' &&
    typeof task.description === 'string' &&
    nullableText(task.quickConnectArn) &&
    nullableText(task.relatedContactId) &&
    nullableText(task.templateId) &&
    (task.scheduledTime === null || (typeof task.scheduledTime === 'number' && Number.isFinite(task.scheduledTime))) &&
    Array.isArray(task.references) &&
    task.references.every(
      (reference: unknown) =>
        typeof reference === 'object' &&
        reference !== null &&
        typeof (reference as { name?: unknown }).name === 'string' &&
        typeof (reference as { type?: unknown }).type === 'string' &&
        typeof (reference as { value?: unknown }).value === 'string',
    )
  );
}

const requiredFields: Record<SessionCommand['type'], (command: Record<string, unknown>) => boolean> = {
  'sign-in': (c) => typeof c.instanceUrl === 'string',
  'sign-out': () => true,
  'set-status': (c) => isText(c.statusArn),
  accept: (c) => isText(c.contactId),
  reject: (c) => isText(c.contactId),
  'hang-up': (c) => isText(c.contactId),
  clear: (c) => isText(c.contactId),
  hold: (c) => isText(c.contactId) && isText(c.connectionId),
  resume: (c) => isText(c.contactId) && isText(c.connectionId),
  'end-connection': (c) => isText(c.contactId) && isText(c.connectionId),
  mute: () => true,
  unmute: () => true,
  'send-digits': (c) => isText(c.contactId) && isText(c.digits, 64),
  dial: (c) => isDialTarget(c.target),
  'add-connection': (c) => isText(c.contactId) && isDialTarget(c.target),
  conference: (c) => isText(c.contactId),
  swap: (c) => isText(c.contactId),
  'update-agent-config': (c) =>
    (c.softphoneEnabled === undefined || typeof c.softphoneEnabled === 'boolean') &&
    (c.deskPhoneNumber === undefined || typeof c.deskPhoneNumber === 'string') &&
    (c.autoAccept === undefined || typeof c.autoAccept === 'boolean'),
  'refresh-quick-connects': () => true,
  'choose-profile': (c) => isText(c.contactId) && isText(c.profileId),
  // Lengths and types are the engine's to judge (typed errors the agent can read); here only the shape.
  'chat-send': (c) => isText(c.contactId) && typeof c.text === 'string' && typeof c.contentType === 'string',
  'chat-typing': (c) => isText(c.contactId),
  'chat-read': (c) => isText(c.contactId) && isText(c.messageId),
  'chat-attach': (c) => isText(c.contactId) && isText(c.name, 1000) && isText(c.contentType) && typeof c.dataBase64 === 'string',
  'chat-attachment-url': (c) => isText(c.contactId) && isText(c.attachmentId),
  transfer: (c) => isText(c.contactId) && isText(c.quickConnectArn),
  'task-pause': (c) => isText(c.contactId),
  'task-resume': (c) => isText(c.contactId),
  'task-create': (c) => isNewTaskShape(c.task),
  'task-templates': () => true,
  'task-template': (c) => isText(c.templateId),
  workspace: (c) => isWorkspaceRequest(c.request),
  transcript: (c) => isTranscriptRequest(c.request),
};

/** Commands the engine may be sent again with the same id when its first attempt got no answer (the engine was
 *  lost or restarting): the participant service records a message once per ClientToken (the command id), and a
 *  read receipt twice is still one receipt. Others could act twice (an attachment has no ClientToken in ChatJS). */
export const RESENDABLE_COMMANDS: ReadonlySet<SessionCommand['type']> = new Set(['chat-send', 'chat-read']);

/** Commands besides workspace reads that only read: retried, they are simply run again. */
const READ_COMMANDS: ReadonlySet<SessionCommand['type']> = new Set(['task-templates', 'task-template', 'chat-attachment-url']);

/** Whether a command only reads, so the router keeps no record of it. */
export function isReadCommand(command: SessionCommand): boolean {
  if (command.type === 'transcript') return isTranscriptRead(command.request);
  return command.type === 'workspace' ? isWorkspaceRead(command.request) : READ_COMMANDS.has(command.type);
}

/** Why `value` is not a well-formed envelope, or null when it is. */
export function envelopeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { id, command } = value as { id?: unknown; command?: unknown };
  if (!isText(id, 200)) return 'the id must be a non-empty string of at most 200 characters';
  if (typeof command !== 'object' || command === null) return 'no command';
  const type = (command as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(requiredFields, type)) return `unknown command type ${JSON.stringify(type)}`;
  if (!requiredFields[type as SessionCommand['type']](command as Record<string, unknown>)) return `missing or malformed fields for ${type}`;
  return null;
}

export class CommandRouter {
  private readonly store: SessionStore;
  private readonly engine: EngineChannel;
  private readonly session: SessionControl;
  private readonly profiles: ProfileChooser | null;
  private readonly casesEndpoint: (() => Promise<CasesEndpoint | null>) | null;
  private readonly contactLensUrl: (() => Promise<string>) | null;
  private readonly log: SessionLogWriter;
  private readonly records: CommandRecordStorage;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly capacity: number;
  private readonly resendWithinMs: number;

  /** Commands running in this worker, by id (a retry while one runs joins it). */
  private readonly running = new Map<string, Promise<CommandResult>>();
  /** The records as stored (read once per worker life: this worker is their only writer). */
  private recordsLoaded: Promise<CommandRecord[]> | null = null;
  /** Record writes, one after another, so none is lost. */
  private recordQueue: Promise<unknown> = Promise.resolve();

  constructor(deps: CommandRouterDeps) {
    this.store = deps.store;
    this.engine = deps.engine;
    this.session = deps.session;
    this.profiles = deps.profiles ?? null;
    this.casesEndpoint = deps.casesEndpoint ?? null;
    this.contactLensUrl = deps.contactLensUrl ?? null;
    this.log = deps.log;
    this.records = deps.records ?? commandRecordsItem;
    this.now = deps.now ?? Date.now;
    this.timeoutMs = deps.timeoutMs ?? 15_000;
    this.capacity = deps.capacity ?? 200;
    this.resendWithinMs = deps.resendWithinMs ?? 30_000;
  }

  /** Runs the command once per id and resolves with its result (never rejects). */
  execute(envelope: unknown): Promise<CommandResult> {
    const problem = envelopeProblem(envelope);
    if (problem !== null) {
      this.log.append('command-refused', { problem });
      return Promise.resolve(fail('bad-command', problem));
    }
    const { id, command } = envelope as CommandEnvelope;
    const running = this.running.get(id);
    if (running) return running;
    const run = this.executeOnce(id, command).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  private async executeOnce(id: string, command: SessionCommand): Promise<CommandResult> {
    if (isReadCommand(command)) return this.run(id, command);
    const seen = (await this.loadRecords()).find((record) => record.id === id);
    // A resendable command whose earlier worker stopped while it ran is simply run again: the engine or the
    // contact center recognises the id.
    if (seen && !(seen.result === null && RESENDABLE_COMMANDS.has(command.type))) {
      this.log.append('command-repeated', { id, type: command.type });
      // Null: it was running when an earlier worker stopped. It may have taken effect; running it again might
      // do it twice (accept, dial…), so the view is told its outcome is unknown instead.
      return seen.result ?? fail('timeout', 'the worker restarted while this command ran; its outcome is unknown');
    }
    await this.record({ id, at: this.now(), result: null });
    const result = await this.run(id, command);
    await this.record({ id, at: this.now(), result });
    return result;
  }

  /** Dispatches the command and logs its outcome. */
  private async run(id: string, command: SessionCommand): Promise<CommandResult> {
    const started = performance.now();
    let result: CommandResult;
    try {
      result = await this.dispatch(id, command);
    } catch (error) {
      result = fail('engine-unavailable', error instanceof Error ? error.message : String(error));
    }
    this.log.append('command', {
      id,
      type: command.type,
      ok: result.ok,
      ...(result.ok ? {} : { code: result.error.code, detail: result.error.detail }),
      ms: Math.round(performance.now() - started),
    });
    return result;
  }

  private async dispatch(id: string, command: SessionCommand): Promise<CommandResult> {
    if (SESSION_LEVEL_COMMANDS.has(command.type)) {
      switch (command.type) {
        case 'sign-in':
          return this.session.signIn(command.instanceUrl);
        case 'choose-profile':
          return this.profiles ? this.profiles.chooseProfile(command.contactId, command.profileId) : fail('bad-command', 'no screen pop in this worker');
        default:
          return this.session.signOut();
      }
    }
    if (RESENDABLE_COMMANDS.has(command.type)) return this.sendResendable(id, command);
    const snapshot = await this.store.ready();
    switch (snapshot.connection.status) {
      case 'ready':
        if (command.type === 'workspace') command = { ...command, cases: (await this.casesEndpoint?.()) ?? null };
        if (command.type === 'transcript') command = { ...command, contactLens: (await this.contactLensUrl?.()) || null };
        return this.engine.sendCommand({ id, command }, this.timeoutMs);
      case 'connecting':
      case 'engine-lost':
        return fail('engine-unavailable', `the engine is ${snapshot.connection.status}`);
      default:
        return fail('not-signed-in', `the session is ${snapshot.connection.status}`);
    }
  }

  /** Sends the command, and while the engine is lost or restarting (no answer, or not ready) waits for it to be
   *  ready again and sends the same envelope again, until `resendWithinMs` has passed. */
  private async sendResendable(id: string, command: SessionCommand): Promise<CommandResult> {
    const deadline = this.now() + this.resendWithinMs;
    let last: CommandResult = fail('engine-unavailable', 'the engine did not come back in time');
    for (let attempt = 1; ; attempt += 1) {
      const snapshot = await this.store.ready();
      const status = snapshot.connection.status;
      if (status !== 'ready' && status !== 'connecting' && status !== 'engine-lost') return fail('not-signed-in', `the session is ${status}`);
      if (status === 'ready') {
        last = await this.engine.sendCommand({ id, command }, this.timeoutMs);
        if (last.ok || (last.error.code !== 'engine-unavailable' && last.error.code !== 'timeout')) return last;
        this.log.append('command-resend-wait', { id, type: command.type, attempt, code: last.error.code });
      }
      const remaining = deadline - this.now();
      if (remaining <= 0) return last;
      await this.readyOrChanged(remaining);
    }
  }

  /** Resolves when the snapshot next changes (or after `ms`). */
  private readyOrChanged(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, Math.min(ms, 2_000));
      const unsubscribe = this.store.subscribe(finish);
      function finish() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }

  private loadRecords(): Promise<CommandRecord[]> {
    this.recordsLoaded ??= this.records
      .getValue()
      // A copy: the item's fallback array is shared, and storage values are not ours to mutate.
      .then((records) => (Array.isArray(records) ? [...records] : []))
      .catch(() => []);
    return this.recordsLoaded;
  }

  /** Adds or replaces the record of `record.id`, keeping the newest `capacity` records. */
  private record(record: CommandRecord): Promise<void> {
    const write = this.recordQueue.then(async () => {
      const records = await this.loadRecords();
      const index = records.findIndex((existing) => existing.id === record.id);
      if (index >= 0) records.splice(index, 1);
      records.push(record);
      if (records.length > this.capacity) records.splice(0, records.length - this.capacity);
      await this.records.setValue(records);
    });
    this.recordQueue = write.catch((error: unknown) => console.error('Switchboard: could not save a command record', error));
    return this.recordQueue as Promise<void>;
  }
}
