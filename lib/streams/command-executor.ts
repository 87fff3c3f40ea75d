// Carries out the engine's softphone commands with streams' public API: checks the arguments, finds the agent,
// contact or connection the command names, makes the streams call and turns its outcome into a CommandResult.
// execute() never throws: every failure is a typed error the panel can translate.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CommandError, CommandResult, CommandValue, DialTarget, NewTask, SessionCommand } from '../session/commands';
import type { StreamsAgent, StreamsAgentConfiguration, StreamsCallbacks, StreamsContact, StreamsEndpoint } from './streams-api';
import { callStreams, describeStreamsError, StreamsCallError, streamsErrorDetail } from './streams-call';
import { createdContactId, taskJsRequest, templateSummaries, templateView } from './task-commands';

/** What the executor needs from the running engine (a seam: tests pass fakes). */
export interface CommandEnvironment {
  /** The signed-in agent, or null before the CCP is ready. */
  agent(): StreamsAgent | null;
  /** connect.Endpoint.byPhoneNumber. */
  phoneEndpoint(e164: string): StreamsEndpoint;
  /** A quick connect's endpoint from the list last fetched. */
  quickConnect(arn: string): StreamsEndpoint | undefined;
  /** Fetches the quick connects again (agent.getEndpoints); rejects with a StreamsCallError. */
  refreshQuickConnects(): Promise<void>;
  /** Subscribes to the CCP softphone's mute reports; returns the unsubscribe function. */
  onMuteToggle(listener: (muted: boolean) => void): () => void;
}

export interface CommandExecutorOptions {
  /** How long a streams call may go unanswered (default 10 s). */
  callTimeoutMs?: number;
  /** How long mute/unmute waits for the softphone to confirm (default 3 s). */
  muteTimeoutMs?: number;
}

export interface CommandExecutor {
  execute(command: SessionCommand): Promise<CommandResult>;
}

const OK: CommandResult = { ok: true };
const DTMF_DIGITS = /^[0-9*#]+$/;

/** A command that cannot go on, with the typed error to answer. */
class CommandRefusal extends Error {
  constructor(readonly error: CommandError) {
    super(error.code);
  }
}

function refuse(code: CommandError['code'], params?: Record<string, string>, detail?: string): never {
  throw new CommandRefusal({ code, ...(params ? { params } : {}), ...(detail ? { detail } : {}) });
}

/** The E.164 form of a number given in international form, or an invalid-number refusal. */
export function validDialNumber(number: unknown): string {
  const text = typeof number === 'string' ? number.trim() : '';
  const parsed = text.startsWith('+') ? parsePhoneNumberFromString(text) : undefined;
  if (!parsed || !parsed.isValid() || parsed.ext) return refuse('invalid-number', { number: text });
  return parsed.number;
}

/** Contacts in these states no longer hold the agent: a status chosen now applies at once. */
const FINISHED_CONTACT_STATES = new Set(['missed', 'rejected', 'error']);

export function createCommandExecutor(env: CommandEnvironment, options: CommandExecutorOptions = {}): CommandExecutor {
  const callTimeoutMs = options.callTimeoutMs ?? 10_000;
  const muteTimeoutMs = options.muteTimeoutMs ?? 3_000;

  const call = (operation: string, invoke: (callbacks: Required<StreamsCallbacks>) => void) =>
    callStreams(operation, invoke, callTimeoutMs);

  function agent(): StreamsAgent {
    return env.agent() ?? refuse('not-signed-in', undefined, 'the CCP has not reported the agent yet');
  }

  function contact(contactId: unknown): StreamsContact {
    const found = agent()
      .getContacts()
      .find((c) => c.getContactId() === contactId);
    return found ?? refuse('contact-not-found', { contactId: String(contactId) });
  }

  function connection(contactId: unknown, connectionId: unknown) {
    const found = contact(contactId)
      .getConnections()
      .find((c) => c.getConnectionId() === connectionId);
    return found ?? refuse('connection-not-found', { connectionId: String(connectionId) });
  }

  function agentConnection(contactId: unknown) {
    return contact(contactId).getAgentConnection() ?? refuse('connection-not-found', { contactId: String(contactId) });
  }

  async function endpointFor(target: DialTarget | undefined): Promise<StreamsEndpoint> {
    if (target && 'phoneNumber' in target) return env.phoneEndpoint(validDialNumber(target.phoneNumber));
    if (target && 'quickConnectArn' in target && typeof target.quickConnectArn === 'string') {
      let endpoint = env.quickConnect(target.quickConnectArn);
      if (!endpoint) {
        // The panel may show a list the engine fetched before a restart, or the admin just added it: fetch once.
        await env.refreshQuickConnects();
        endpoint = env.quickConnect(target.quickConnectArn);
      }
      return endpoint ?? refuse('rejected', { detail: 'unknown quick connect' }, `no quick connect ${target.quickConnectArn}`);
    }
    return refuse('bad-command', undefined, 'dial target needs phoneNumber or quickConnectArn');
  }

  async function setStatus(statusArn: unknown): Promise<void> {
    const a = agent();
    const state = a.getAgentStates().find((s) => s.agentStateARN === statusArn);
    if (!state) refuse('status-not-found', { status: String(statusArn) });
    // As the CCP does: during a contact (after call work included) the choice becomes the next status.
    const onContact = a.getContacts().some((c) => !FINISHED_CONTACT_STATES.has(c.getStatus().type));
    await call('setState', (cb) => a.setState(state, cb, { enqueueNextState: onContact }));
  }

  /** mute()/unmute() return nothing: the CCP's softphone confirms with agent::mute_toggle (only during a call). */
  function setMuted(muted: boolean): Promise<void> {
    const a = agent();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new StreamsCallError(muted ? 'mute' : 'unmute', 'timeout', null, muteTimeoutMs));
      }, muteTimeoutMs);
      const unsubscribe = env.onMuteToggle((reported) => {
        if (reported !== muted) return;
        clearTimeout(timer);
        unsubscribe();
        resolve();
      });
      try {
        if (muted) a.mute();
        else a.unmute();
      } catch (error) {
        clearTimeout(timer);
        unsubscribe();
        reject(new StreamsCallError(muted ? 'mute' : 'unmute', 'threw', error));
      }
    });
  }

  async function updateAgentConfig(command: Extract<SessionCommand, { type: 'update-agent-config' }>): Promise<void> {
    const a = agent();
    const current = a.getConfiguration();
    const softphoneEnabled = command.softphoneEnabled ?? current.softphoneEnabled;
    let extension = current.extension ?? '';
    if (command.deskPhoneNumber !== undefined) {
      extension = command.deskPhoneNumber.trim() === '' ? '' : validDialNumber(command.deskPhoneNumber);
    }
    // Desk phone mode needs a number to ring.
    if (!softphoneEnabled && extension === '') refuse('invalid-number', { number: '' }, 'desk phone mode needs a desk phone number');
    const configuration: StreamsAgentConfiguration = {
      ...current,
      // streams writes agentPreferences.locale into the object it is given: keep its own snapshot untouched.
      agentPreferences: current.agentPreferences ? { ...current.agentPreferences } : current.agentPreferences,
      softphoneEnabled,
      extension,
      softphoneAutoAccept: command.autoAccept ?? current.softphoneAutoAccept,
    };
    await call('setConfiguration', (cb) => a.setConfiguration(configuration, cb));
  }

  /** A task for a quick connect (or one a template routes), through TaskJS's agent.createTask. */
  async function createTask(task: NewTask): Promise<CommandValue> {
    const a = agent();
    if (!a.createTask) refuse('rejected', { detail: 'tasks are not available' }, 'TaskJS is not loaded');
    const endpoint = task.quickConnectArn ? await endpointFor({ quickConnectArn: task.quickConnectArn }) : null;
    if (!endpoint && !task.templateId) refuse('bad-command', undefined, 'a task without a template needs a quick connect');
    const data = await call('createTask', (cb) => a.createTask?.(taskJsRequest(task, endpoint), cb));
    const contactId = createdContactId(data);
    return contactId ? { contactId } : {};
  }

  async function taskTemplates(): Promise<CommandValue> {
    const a = agent();
    if (!a.listTaskTemplates) refuse('rejected', { detail: 'tasks are not available' }, 'TaskJS is not loaded');
    // Status must be upper case: the CCP answers a lower-case one with an empty list.
    const data = await call('listTaskTemplates', (cb) => a.listTaskTemplates?.({ status: 'ACTIVE', maxResults: 100 }, cb));
    return { templates: templateSummaries(data) };
  }

  async function taskTemplate(templateId: string): Promise<CommandValue> {
    const a = agent();
    if (!a.getTaskTemplate) refuse('rejected', { detail: 'tasks are not available' }, 'TaskJS is not loaded');
    const view = templateView(await call('getTaskTemplate', (cb) => a.getTaskTemplate?.({ id: templateId }, cb)));
    return view ? { template: view } : refuse('rejected', { detail: 'no such task template' }, `no template ${templateId}`);
  }

  function pausable(contactId: string): StreamsContact & Required<Pick<StreamsContact, 'pause' | 'resume'>> {
    const c = contact(contactId);
    if (c.getType() !== 'task' || !c.pause || !c.resume) refuse('bad-command', undefined, 'only tasks can be paused');
    return c as StreamsContact & Required<Pick<StreamsContact, 'pause' | 'resume'>>;
  }

  async function run(command: SessionCommand): Promise<CommandValue | void> {
    switch (command.type) {
      case 'set-status':
        return setStatus(command.statusArn);
      case 'accept': {
        const c = contact(command.contactId);
        await call('accept', (cb) => c.accept(cb));
        return;
      }
      case 'reject': {
        const c = contact(command.contactId);
        await call('reject', (cb) => c.reject(cb));
        return;
      }
      case 'hang-up': {
        const own = agentConnection(command.contactId);
        await call('hangUp', (cb) => own.destroy(cb));
        return;
      }
      case 'clear': {
        const c = contact(command.contactId);
        await call('clear', (cb) => c.clear(cb));
        return;
      }
      case 'hold': {
        const target = connection(command.contactId, command.connectionId);
        await call('hold', (cb) => target.hold(cb));
        return;
      }
      case 'resume': {
        const target = connection(command.contactId, command.connectionId);
        await call('resume', (cb) => target.resume(cb));
        return;
      }
      case 'end-connection': {
        const target = connection(command.contactId, command.connectionId);
        await call('endConnection', (cb) => target.destroy(cb));
        return;
      }
      case 'mute':
        return setMuted(true);
      case 'unmute':
        return setMuted(false);
      case 'send-digits': {
        if (typeof command.digits !== 'string' || !DTMF_DIGITS.test(command.digits)) {
          refuse('bad-command', undefined, 'digits must be 0-9, * or #');
        }
        const own = agentConnection(command.contactId);
        await call('sendDigits', (cb) => own.sendDigits(command.digits, cb));
        return;
      }
      case 'dial': {
        const a = agent();
        const endpoint = await endpointFor(command.target);
        await call('connect', (cb) => a.connect(endpoint, cb));
        return;
      }
      case 'add-connection': {
        const c = contact(command.contactId);
        const endpoint = await endpointFor(command.target);
        await call('addConnection', (cb) => c.addConnection(endpoint, cb));
        return;
      }
      case 'conference': {
        const c = contact(command.contactId);
        await call('conference', (cb) => c.conferenceConnections(cb));
        return;
      }
      case 'swap': {
        const c = contact(command.contactId);
        await call('swap', (cb) => c.toggleActiveConnections(cb));
        return;
      }
      case 'transfer': {
        const c = contact(command.contactId);
        const endpoint = await endpointFor({ quickConnectArn: command.quickConnectArn });
        await call('transfer', (cb) => c.transfer(endpoint, cb));
        return;
      }
      case 'update-agent-config':
        return updateAgentConfig(command);
      case 'refresh-quick-connects':
        agent();
        return env.refreshQuickConnects();
      case 'task-pause': {
        const c = pausable(command.contactId);
        await call('pauseContact', (cb) => c.pause(cb));
        return;
      }
      case 'task-resume': {
        const c = pausable(command.contactId);
        await call('resumeContact', (cb) => c.resume(cb));
        return;
      }
      case 'task-create':
        return createTask(command.task);
      case 'task-templates':
        return taskTemplates();
      case 'task-template':
        return taskTemplate(command.templateId);
      default:
        // sign-in and sign-out belong to the worker; anything else is not a command at all.
        return refuse('bad-command', undefined, `the engine does not run '${(command as { type?: unknown }).type}'`);
    }
  }

  return {
    async execute(command) {
      try {
        if (typeof command !== 'object' || command === null) refuse('bad-command', undefined, 'no command');
        const value = await run(command);
        return value ? { ok: true, value } : OK;
      } catch (error) {
        return { ok: false, error: toCommandError(error) };
      }
    },
  };
}

/** A refusal, a streams failure or timeout, or anything unexpected, as the typed error to answer. */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CommandRefusal) return error.error;
  if (error instanceof StreamsCallError) {
    if (error.problem === 'timeout') {
      return { code: 'timeout', detail: error.message };
    }
    return {
      code: 'rejected',
      params: { detail: describeStreamsError(error.streamsError) },
      detail: `${error.operation}: ${streamsErrorDetail(error.streamsError)}`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'rejected', params: { detail: message }, detail: `unexpected: ${message}` };
}
