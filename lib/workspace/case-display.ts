// How the workspace's views say things: a case status by its translated name (Cases' open / pending / closed, any
// other as Cases gave it), a contact's channel, a time in the panel's language, and a duration in seconds as m:ss or
// h:mm:ss (the history's and the case activity's).
type Translate = (key: string) => string;
type HasKey = (key: string, locale?: string) => boolean;

/** The status's translated name; a status this panel has no name for, as Cases gave it. */
export function caseStatusName(status: string, t: Translate, te: HasKey): string {
  const key = `workspace.cases.statuses.${status}`;
  return status && te(key, 'en') ? t(key) : status;
}

/** A contact's channel (Connect's VOICE, CHAT, TASK, EMAIL) by its translated name; another as Connect gave it. */
export function contactChannelName(channel: string | null | undefined, t: Translate, te: HasKey): string {
  const key = `workspace.channels.${channel}`;
  return channel && te(key, 'en') ? t(key) : (channel ?? '');
}

/** An ISO time as the language writes a date and time; '' when it is not one. */
export function formatCaseTime(iso: string, locale: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Seconds as m:ss (h:mm:ss from an hour). */
export function formatCaseDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The statuses a case may be given in this contact center's Cases (the status field's options). */
export const CASE_STATUSES = ['open', 'pending', 'closed'] as const;
