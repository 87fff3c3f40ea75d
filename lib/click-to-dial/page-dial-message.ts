// The one message a click-to-dial content script sends the worker: dial this number (E.164) for this page. The
// answer is the command's CommandResult; content scripts receive nothing else about the session.
import type { CommandResult } from '../session/commands';
import type { PageContext } from '../session/snapshot';
import { PAGE_CONTEXT_LIMITS } from './page-context';

export interface PageDialRequest {
  type: 'page-dial';
  /** '+81312345678' */
  phoneNumber: string;
  /** Where the number was clicked: the call carries it as contact context (F31); the log gets the origin only. */
  page: PageContext;
}

export type PageDialAnswer = CommandResult;

const isBoundedString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

export function isPageDialRequest(message: unknown): message is PageDialRequest {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<PageDialRequest>;
  const page = candidate.page as Partial<PageContext> | null | undefined;
  return (
    candidate.type === 'page-dial' &&
    isBoundedString(candidate.phoneNumber, 32) &&
    typeof page === 'object' &&
    page !== null &&
    isBoundedString(page.url, PAGE_CONTEXT_LIMITS.url) &&
    isBoundedString(page.title, PAGE_CONTEXT_LIMITS.title) &&
    (page.recordId === null || isBoundedString(page.recordId, PAGE_CONTEXT_LIMITS.recordId))
  );
}
