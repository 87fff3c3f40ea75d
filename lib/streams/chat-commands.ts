// The engine's chat commands: send a message (the command id is its ClientToken, so the participant service
// records it once however often it is resent), typing, read receipts, attachments up (checked before anything is
// uploaded) and their download URLs. Each answers a CommandResult; failures are typed errors.
import { base64DecodedSize, chatTextProblem, checkChatAttachment } from '../session/chat-attachments';
import type { CommandError, CommandResult, SessionCommand } from '../session/commands';
import { CONTENT_TYPES } from './chat-api';
import type { ChatSessionInfo, ChatSessions } from './chat-sessions';

export type ChatCommand = Extract<SessionCommand, { type: 'chat-send' | 'chat-typing' | 'chat-read' | 'chat-attach' | 'chat-attachment-url' }>;

export const CHAT_COMMAND_TYPES: ReadonlySet<string> = new Set<ChatCommand['type']>(['chat-send', 'chat-typing', 'chat-read', 'chat-attach', 'chat-attachment-url']);

export interface ChatCommandOptions {
  /** How long a participant-service call may take (attachments: four times this). */
  callTimeoutMs?: number;
  now?: () => number;
}

const fail = (error: CommandError): CommandResult => ({ ok: false, error });

/** ChatJS's rejection as a typed error: its "No active connection" means the chat has no live session. */
export function chatCallError(operation: string, error: unknown): CommandError {
  const message =
    typeof error === 'string' ? error : error instanceof Error ? error.message : String((error as { message?: unknown } | null)?.message ?? JSON.stringify(error));
  if (/no active connection|participant is disconnected/i.test(message)) {
    return { code: 'chat-not-connected', detail: `${operation}: ${message}` };
  }
  if (message === 'timeout') return { code: 'timeout', detail: `${operation}: no answer from the participant service` };
  return { code: 'rejected', params: { detail: message }, detail: `${operation}: ${message}` };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function decodeBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function createChatCommands(chats: ChatSessions, options: ChatCommandOptions = {}) {
  const timeoutMs = options.callTimeoutMs ?? 10_000;
  const now = options.now ?? Date.now;

  async function live(contactId: string): Promise<ChatSessionInfo | CommandError> {
    const info = await chats.session(contactId);
    return info ?? { code: 'chat-not-connected', params: { contactId }, detail: 'no ChatJS session for this contact' };
  }

  async function call<T>(operation: string, invoke: () => Promise<T>, ms = timeoutMs): Promise<T | CommandError> {
    try {
      return await withDeadline(invoke(), ms);
    } catch (error) {
      return chatCallError(operation, error);
    }
  }

  const isError = (value: unknown): value is CommandError =>
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && !('session' in value);

  async function send(id: string, command: Extract<ChatCommand, { type: 'chat-send' }>): Promise<CommandResult> {
    const problem = chatTextProblem(command.text, command.contentType);
    if (problem) return fail(problem);
    const info = await live(command.contactId);
    if (isError(info)) return fail(info);
    const answer = await call('sendMessage', () => info.session.sendMessage({ message: command.text, contentType: command.contentType, clientToken: id }));
    if (isError(answer)) return fail(answer);
    const messageId = answer.data?.Id;
    if (messageId) {
      // Shown at once; the item the contact center pushes back has the same id and replaces it.
      const time = Date.parse(answer.data?.AbsoluteTime ?? '');
      chats.add(command.contactId, [
        {
          id: messageId,
          kind: 'message',
          role: 'AGENT',
          own: true,
          displayName: '',
          time: Number.isFinite(time) ? time : now(),
          contentType: command.contentType,
          content: command.text,
          receipt: 'sent',
        },
      ]);
    }
    return { ok: true };
  }

  async function attach(command: Extract<ChatCommand, { type: 'chat-attach' }>): Promise<CommandResult> {
    const size = base64DecodedSize(command.dataBase64);
    if (size === null) return fail({ code: 'bad-command', detail: 'dataBase64 is not base64' });
    const checked = checkChatAttachment(command.name, command.contentType, size);
    if (isError(checked)) return fail(checked);
    const info = await live(command.contactId);
    if (isError(info)) return fail(info);
    if (!info.attachmentsEnabled) return fail({ code: 'attachments-disabled' });
    const file = new File([decodeBase64(command.dataBase64)], checked.name, { type: checked.contentType });
    const answer = await call('sendAttachment', () => info.session.sendAttachment({ attachment: file }), timeoutMs * 4);
    return isError(answer) ? fail(answer) : { ok: true };
  }

  return {
    async execute(id: string, command: ChatCommand): Promise<CommandResult> {
      switch (command.type) {
        case 'chat-send':
          return send(id, command);
        case 'chat-typing': {
          const info = await live(command.contactId);
          if (isError(info)) return fail(info);
          const answer = await call('sendEvent', () => info.session.sendEvent({ contentType: CONTENT_TYPES.typing }));
          return isError(answer) ? fail(answer) : { ok: true };
        }
        case 'chat-read': {
          const info = await live(command.contactId);
          if (isError(info)) return fail(info);
          // A panel that opens on a chat read before asks again; the receipt went then (ChatJS logs every one it
          // sends, on the thread the panel shares with this engine: measured 20-40 ms an open with ten chats).
          if (chats.markRead(command.contactId, command.messageId)) chats.sendRead(command.contactId, command.messageId);
          return { ok: true };
        }
        case 'chat-attach':
          return attach(command);
        case 'chat-attachment-url': {
          const info = await live(command.contactId);
          if (isError(info)) return fail(info);
          const url = await call('getAttachmentURL', () => info.session.getAttachmentURL({ attachmentId: command.attachmentId }));
          if (isError(url)) return fail(url);
          return typeof url === 'string' && /^https?:\/\//.test(url) ? { ok: true, value: { url } } : fail({ code: 'rejected', params: { detail: 'no attachment URL' } });
        }
      }
    },
  };
}

export type ChatCommands = ReturnType<typeof createChatCommands>;
