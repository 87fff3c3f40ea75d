// Which of the extension's locale messages (public/_locales) tells the agent why a dial from a page failed, by the
// command's error code: shared by the dial button in the page and the worker's "Call <selection>" notification.
import type { ErrorCode } from '../session/commands';

export type DialErrorMessageName =
  | 'c2d_error_not_signed_in'
  | 'c2d_error_engine_unavailable'
  | 'c2d_error_invalid_number'
  | 'c2d_error_rejected'
  | 'c2d_error_timeout'
  | 'c2d_error_other';

const MESSAGE_NAMES: Partial<Record<ErrorCode, DialErrorMessageName>> = {
  'not-signed-in': 'c2d_error_not_signed_in',
  'engine-unavailable': 'c2d_error_engine_unavailable',
  'invalid-number': 'c2d_error_invalid_number',
  rejected: 'c2d_error_rejected',
  timeout: 'c2d_error_timeout',
};

export const dialErrorMessageName = (code: ErrorCode): DialErrorMessageName => MESSAGE_NAMES[code] ?? 'c2d_error_other';
