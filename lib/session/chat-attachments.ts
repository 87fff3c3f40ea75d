// What a chat attachment may be, as Amazon Connect allows it (admin guide, "Amazon Connect feature
// specifications": csv doc docx jpeg jpg png pdf ppt pptx txt wav xls xlsx, 20 MB), and the message length the
// participant service accepts for text (SendMessage: 1024 characters for text/plain and text/markdown). The
// panel checks before it reads a file; the engine checks again before anything is uploaded.
import type { CommandError } from './commands';

/** Allowed file extensions and the MIME types each may be sent as. */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  csv: ['text/csv'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  jpeg: ['image/jpeg'],
  jpg: ['image/jpeg'],
  png: ['image/png'],
  pdf: ['application/pdf'],
  ppt: ['application/vnd.ms-powerpoint'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  txt: ['text/plain'],
  wav: ['audio/wav', 'audio/x-wav', 'audio/vnd.wave'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
};

/** 20 MB, counted as Amazon Connect counts it (MiB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_NAME_LENGTH = 255;
export const MAX_CHAT_MESSAGE_LENGTH = 1024;
export const CHAT_TEXT_CONTENT_TYPES = ['text/plain', 'text/markdown'] as const;
export type ChatTextContentType = (typeof CHAT_TEXT_CONTENT_TYPES)[number];

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Why this file cannot be sent (a typed, translatable error), or null when it can. */
export function attachmentProblem(name: string, contentType: string, sizeBytes: number): CommandError | null {
  const trimmed = name.trim();
  const hasControl = [...trimmed].some((c) => c.charCodeAt(0) < 0x20);
  if (trimmed === '' || trimmed.length > MAX_ATTACHMENT_NAME_LENGTH || /[\\/]/.test(trimmed) || hasControl) {
    return { code: 'attachment-type-not-allowed', params: { name: trimmed.slice(0, 80) }, detail: 'unusable file name' };
  }
  const allowed = ATTACHMENT_TYPES[extensionOf(trimmed)];
  if (!allowed || !allowed.includes(contentType.toLowerCase())) {
    return { code: 'attachment-type-not-allowed', params: { name: trimmed }, detail: `${contentType} as .${extensionOf(trimmed) || '?'}` };
  }
  if (sizeBytes <= 0) return { code: 'attachment-type-not-allowed', params: { name: trimmed }, detail: 'empty file' };
  if (sizeBytes > MAX_ATTACHMENT_BYTES) {
    return { code: 'attachment-too-large', params: { name: trimmed, maxMb: '20' }, detail: `${sizeBytes} bytes` };
  }
  return null;
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
  if (text.length > MAX_CHAT_MESSAGE_LENGTH) {
    return { code: 'chat-message-too-long', params: { max: String(MAX_CHAT_MESSAGE_LENGTH) }, detail: `${text.length} characters` };
  }
  return null;
}
