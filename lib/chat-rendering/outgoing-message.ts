// The rules for a chat message the agent sends: Amazon Connect's length limit, and how often "typing" is sent.

/** Amazon Connect's SendMessage limit for text/plain and text/markdown content, in characters. */
export const MAX_OUTGOING_MESSAGE_LENGTH = 1_024;

/** ChatJS treats a typing event as valid for 10 s, so sending it more often than that adds nothing. */
export const TYPING_THROTTLE_MS = 10_000;

export type OutgoingMessageCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' };

/** The text to send (without leading and trailing blank lines), or why it cannot be sent. */
export function checkOutgoingMessage(draft: string): OutgoingMessageCheck {
  const text = draft.replace(/^\s*\n/, '').trimEnd();
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_OUTGOING_MESSAGE_LENGTH) return { ok: false, reason: 'too-long' };
  return { ok: true, text };
}
