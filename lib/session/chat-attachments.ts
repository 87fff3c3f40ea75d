// The engine's checks before it sends: an attachment must be a type and size Amazon Connect allows (the rules
// of lib/chat-rendering/attachment-rules.ts, which the panel applies first) and a text message must fit the
// participant service's 1,024 characters; a failure is a typed, translatable command error.
import { checkAttachment } from '../chat-rendering/attachment-rules';
import { MAX_OUTGOING_MESSAGE_LENGTH } from '../chat-rendering/outgoing-message';
import type { CommandError } from './commands';

export const MAX_ATTACHMENT_NAME_LENGTH = 255;
export const CHAT_TEXT_CONTENT_TYPES = ['text/plain', 'text/markdown'] as const;
export type ChatTextContentType = (typeof CHAT_TEXT_CONTENT_TYPES)[number];

/** The file as it is to be sent (trimmed name, the content type Amazon Connect expects for its extension), or
 *  why it cannot be sent (a typed, translatable error). */
export function checkChatAttachment(name: string, contentType: string, sizeBytes: number): { name: string; contentType: string } | CommandError {
  const trimmed = name.trim();
  const hasControl = [...trimmed].some((c) => c.charCodeAt(0) < 0x20);
  if (trimmed === '' || trimmed.length > MAX_ATTACHMENT_NAME_LENGTH || /[\\/]/.test(trimmed) || hasControl) {
    return { code: 'attachment-type-not-allowed', params: { name: trimmed.slice(0, 80) }, detail: 'unusable file name' };
  }
  const check = checkAttachment({ name: trimmed, type: contentType, size: sizeBytes });
  if (check.ok) return { name: trimmed, contentType: check.contentType };
  if (check.reason === 'size') return { code: 'attachment-too-large', params: { name: trimmed, maxMb: '20' }, detail: `${sizeBytes} bytes` };
  return { code: 'attachment-type-not-allowed', params: { name: trimmed }, detail: check.reason === 'empty' ? 'empty file' : `${contentType} as ${trimmed}` };
}

/** The decoded size of a base64 string, without decoding it (null when it is not base64). */
export function base64DecodedSize(data: string): number | null {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

/** Why this text cannot be sent as a chat message, or null. */
export function chatTextProblem(text: string, contentType: string): CommandError | null {
  if (!(CHAT_TEXT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    return { code: 'bad-command', detail: `content type ${contentType} is not text/plain or text/markdown` };
  }
  if (text.trim() === '') return { code: 'bad-command', detail: 'empty message' };
  if (text.length > MAX_OUTGOING_MESSAGE_LENGTH) {
    return { code: 'chat-message-too-long', params: { max: String(MAX_OUTGOING_MESSAGE_LENGTH) }, detail: `${text.length} characters` };
  }
  return null;
}
