// Commands views send to the session owner (the background worker), which forwards softphone commands to
// the engine. Every command carries an id and is executed at most once; every answer is ok or a typed,
// translatable error (its code is a key under `errors.` in the locale files).

import type { ChatTextContentType } from './chat-attachments';
import type { CasesEndpoint, WorkspaceAnswer, WorkspaceRequest } from '../workspace/workspace-requests';
import type { TaskReferenceType } from './snapshot';
import type { TranscriptAnswer, TranscriptRequest } from '../transcript/transcript-requests';

export type DialTarget = { phoneNumber: string } | { quickConnectArn: string };

export type SessionCommand =
  | { type: 'sign-in'; instanceUrl: string }
  | { type: 'sign-out' }
  | { type: 'set-status'; statusArn: string }
  | { type: 'accept'; contactId: string }
  | { type: 'reject'; contactId: string }
  | { type: 'hang-up'; contactId: string } // ends the agent's own connection (end call, or leave a transfer)
  | { type: 'clear'; contactId: string } // Close contact (after call work)
  | { type: 'hold'; contactId: string; connectionId: string }
  | { type: 'resume'; contactId: string; connectionId: string }
  | { type: 'end-connection'; contactId: string; connectionId: string } // cancel: hang up a third party
  | { type: 'mute' }
  | { type: 'unmute' }
  | { type: 'send-digits'; contactId: string; digits: string }
  | { type: 'dial'; target: DialTarget }
  | { type: 'add-connection'; contactId: string; target: DialTarget } // consult / transfer
  | { type: 'conference'; contactId: string } // Join
  | { type: 'swap'; contactId: string }
  | { type: 'update-agent-config'; softphoneEnabled?: boolean; deskPhoneNumber?: string; autoAccept?: boolean }
  | { type: 'refresh-quick-connects' }
  | { type: 'choose-profile'; contactId: string; profileId: string } // several profiles matched: open this one's record
  // ── chat (F16, F17): the command id is the message's ClientToken, so a resent command is sent once ──────────
  | { type: 'chat-send'; contactId: string; text: string; contentType: ChatTextContentType }
  | { type: 'chat-typing'; contactId: string }
  | { type: 'chat-read'; contactId: string; messageId: string } // the agent has seen this customer message (and those before)
  | { type: 'chat-attach'; contactId: string; name: string; contentType: string; dataBase64: string }
  | { type: 'chat-attachment-url'; contactId: string; attachmentId: string } // answered with value.url
  | { type: 'transfer'; contactId: string; quickConnectArn: string } // a chat (or any contact) to a quick connect
  // Tasks: ended with hang-up (the agent's connection) then clear, like the other channels.
  | { type: 'task-pause'; contactId: string }
  | { type: 'task-resume'; contactId: string }
  | { type: 'task-create'; task: NewTask } // answered with value.contactId
  | { type: 'task-templates' } // the instance's active task templates, answered with value.templates
  | { type: 'task-template'; templateId: string } // one template with its fields, answered with value.template
  // The agent workspace (F20-F24): the customer's profiles and cases, answered with value.workspace.
  // `cases` is the admin's Cases service (settings workspace.casesUrl/casesDomainId), attached by the worker.
  | { type: 'workspace'; request: WorkspaceRequest; cases?: CasesEndpoint | null }
  // The live transcript (F14): `contactLens` is the admin's Contact Lens backend (workspace.contactLensUrl), attached by the worker.
  | { type: 'transcript'; request: TranscriptRequest; contactLens?: string | null };

export type CommandType = SessionCommand['type'];

/** Commands the worker handles itself; the rest go to the engine. */
export const SESSION_LEVEL_COMMANDS: ReadonlySet<CommandType> = new Set(['sign-in', 'sign-out', 'choose-profile']);

export type ErrorCode =
  | 'not-signed-in' // no session, or the CCP is not ready
  | 'engine-unavailable' // the engine is starting or was lost
  | 'invalid-number' // not a valid phone number (params: number)
  | 'invalid-url' // the contact-center URL is not a valid http(s) URL
  | 'instance-locked' // the admin's policy names the only contact center to sign in to (params: url)
  | 'contact-not-found'
  | 'connection-not-found'
  | 'status-not-found'
  | 'rejected' // the contact center refused the operation (params: detail)
  | 'timeout' // no answer from the engine in time
  | 'record-not-opened' // the browser did not open or focus the CRM record's tab
  | 'chat-not-connected' // the chat has no live session: not accepted yet, ended, or still connecting to it
  | 'chat-message-too-long' // longer than the contact center accepts (params: max)
  | 'attachment-type-not-allowed' // not one of the allowed file types (params: name)
  | 'attachment-too-large' // over the size limit (params: name, maxMb)
  | 'attachments-disabled' // the contact center does not allow attachments in this chat
  | 'workspace-source-failed' // profiles or cases could not be reached or answered wrongly (params: source)
  | 'bad-command'; // malformed command (a bug, not the agent's fault)

export interface CommandError {
  code: ErrorCode;
  /** Values for the translated message, e.g. { number: '090-123' }. */
  params?: Record<string, string>;
  /** Technical detail for the log (never shown as the only message). */
  detail?: string;
}

/** A task the agent creates (F18), for a quick connect (themselves, a colleague, a queue). */
export interface NewTask {
  /** The quick connect that receives it (agent.getEndpoints' ARN); a template may fix or omit it. */
  quickConnectArn: string | null;
  name: string;
  description: string;
  /** References by name: the task's links, numbers… (a template's own fields travel here too). */
  references: { name: string; type: Exclude<TaskReferenceType, 'OTHER'>; value: string }[];
  /** When it should arrive (epoch ms; at most 6 days ahead), or null for at once. */
  scheduledTime: number | null;
  /** The call or chat it follows up. */
  relatedContactId: string | null;
  /** Created from this task template: its constraints apply and its fields are filled. */
  templateId: string | null;
}

export type TaskTemplateFieldType =
  | 'NAME'
  | 'DESCRIPTION'
  | 'SCHEDULED_TIME'
  | 'QUICK_CONNECT'
  | 'URL'
  | 'NUMBER'
  | 'TEXT'
  | 'TEXT_AREA'
  | 'DATE_TIME'
  | 'BOOLEAN'
  | 'SINGLE_SELECT'
  | 'EMAIL'
  | 'SELF_ASSIGN'
  | 'EXPIRY_DURATION';

export interface TaskTemplateFieldView {
  name: string;
  type: TaskTemplateFieldType;
  description: string;
  /** SINGLE_SELECT only. */
  options: string[];
  required: boolean;
  readOnly: boolean;
  invisible: boolean;
  defaultValue: string | null;
}

export interface TaskTemplateSummary {
  id: string;
  name: string;
  description: string;
}

export interface TaskTemplateView extends TaskTemplateSummary {
  fields: TaskTemplateFieldView[];
}

/** What a command answers besides ok, for the few that answer something (chat-attachment-url: the URL). */
export interface CommandValue {
  url?: string;
  /** task-create: the new task's contact id. */
  contactId?: string;
  templates?: TaskTemplateSummary[];
  template?: TaskTemplateView;
  workspace?: WorkspaceAnswer;
  transcript?: TranscriptAnswer;
}

export type CommandResult = { ok: true; value?: CommandValue } | { ok: false; error: CommandError };

export interface CommandEnvelope {
  id: string;
  command: SessionCommand;
}

export const isCommandError = (value: unknown): value is CommandError =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
