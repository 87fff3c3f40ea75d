// The browser-chrome strings (badge, tooltip, notification) come from the extension's _locales through
// browser.i18n, in the browser's language; a Translate function is passed in so tests can read keys back.
import { browser } from 'wxt/browser';
import type { DialErrorMessageName } from '../click-to-dial/dial-errors';

export type ChromeMessageKey =
  | 'notification_incoming_title'
  | 'notification_incoming_chat_title'
  | 'notification_incoming_task_title'
  | 'notification_incoming_from_queue'
  | 'notification_incoming_transfer'
  | 'notification_unknown_caller'
  | 'notification_accept'
  | 'notification_reject'
  | 'notification_click_to_open'
  | 'notification_dial_failed_title'
  | 'notification_no_number_in_selection'
  | DialErrorMessageName
  | 'badge_text_available'
  | 'badge_text_away'
  | 'badge_text_busy'
  | 'badge_text_acw'
  | 'badge_title_signed_out'
  | 'badge_title_connecting'
  | 'badge_title_needs_sign_in'
  | 'badge_title_engine_lost'
  | 'badge_title_failed'
  | 'badge_title_ringing'
  | 'badge_title_chat_waiting'
  | 'badge_title_chats_waiting'
  | 'badge_title_missed'
  | 'badge_title_acw'
  | 'badge_title_busy'
  | 'badge_title_error'
  | 'badge_title_status';

export type Translate = (key: ChromeMessageKey, substitutions?: string[]) => string;

export const browserTranslate: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);
