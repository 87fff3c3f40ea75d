// Typed refusals of the chat layer. `code` is the Amazon Connect Participant Service exception name, so the
// HTTP layer can answer with the AWS error shape ({__type, message} and x-amzn-errortype) that ChatJS reads.

export type ChatErrorCode =
  | 'ValidationException'
  | 'AccessDeniedException'
  | 'ResourceNotFoundException'
  | 'ConflictException'
  | 'ServiceQuotaExceededException';

/** The HTTP status the participant service uses for each exception (from its service model). */
export const CHAT_ERROR_STATUS: Readonly<Record<ChatErrorCode, number>> = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ServiceQuotaExceededException: 402,
};

export class ChatError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

export const invalidInput = (message: string) => new ChatError('ValidationException', message);
export const accessDenied = (message: string) => new ChatError('AccessDeniedException', message);
export const notFound = (message: string) => new ChatError('ResourceNotFoundException', message);
export const conflict = (message: string) => new ChatError('ConflictException', message);
export const quotaExceeded = (message: string) => new ChatError('ServiceQuotaExceededException', message);
