// The one message a click-to-dial content script sends the worker: dial this number (E.164) for this page. The
// answer is the command's CommandResult; content scripts receive nothing else about the session.
import type { CommandResult } from '../session/commands';

export interface PageDialRequest {
  type: 'page-dial';
  /** '+81312345678' */
  phoneNumber: string;
  /** Where the number was clicked (the worker logs the origin only). */
  page: { url: string; title: string };
}

export type PageDialAnswer = CommandResult;

export function isPageDialRequest(message: unknown): message is PageDialRequest {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<PageDialRequest>;
  return (
    candidate.type === 'page-dial' &&
    typeof candidate.phoneNumber === 'string' &&
    candidate.phoneNumber.length <= 32 &&
    typeof candidate.page === 'object' &&
    candidate.page !== null &&
    typeof candidate.page.url === 'string' &&
    typeof candidate.page.title === 'string'
  );
}
