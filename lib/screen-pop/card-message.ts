// The message the worker sends a tab's screen-pop content script: only what the card shows (never the
// session snapshot), and its shape check on the receiving side.

export interface ScreenPopCase {
  reference: string;
  title: string;
  status: string;
  url: string | null;
}

export interface ScreenPopProfile {
  profileId: string;
  name: string;
  accountNumber: string | null;
  recordUrl: string | null;
  cases: ScreenPopCase[];
}

export interface ScreenPopCard {
  contactId: string;
  /** A call or a chat (the card's heading says which). */
  channel: 'voice' | 'chat';
  /** The name the customer gave (a chat's display name): shown when no profile is found. */
  customerName: string | null;
  /** The customer's number (E.164 when the contact center gives one). */
  phoneNumber: string | null;
  /** The number as the agent reads it (national for their own country), formatted by the worker so the
   *  content script that runs on every page carries no phone-number library. */
  phoneNumberDisplay: string | null;
  queueName: string | null;
  /** Contact attributes (IVR input such as accountNumber). */
  attributes: Record<string, string>;
  /** The profiles found: none, one, or several (then the card lists them all). */
  profiles: ScreenPopProfile[];
  /** The CRM search for the number, when no single record is known. */
  searchUrl: string | null;
}

export interface ScreenPopMessage {
  type: 'screen-pop';
  card: ScreenPopCard;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function isCase(value: unknown): value is ScreenPopCase {
  const c = value as Partial<ScreenPopCase> | null;
  return typeof c === 'object' && c !== null && isString(c.reference) && isString(c.title) && isString(c.status) && isStringOrNull(c.url);
}

function isProfile(value: unknown): value is ScreenPopProfile {
  const p = value as Partial<ScreenPopProfile> | null;
  return (
    typeof p === 'object' && p !== null && isString(p.profileId) && isString(p.name) && isStringOrNull(p.accountNumber) && isStringOrNull(p.recordUrl) && Array.isArray(p.cases) && p.cases.every(isCase)
  );
}

export function isScreenPopMessage(message: unknown): message is ScreenPopMessage {
  const m = message as Partial<ScreenPopMessage> | null;
  if (typeof m !== 'object' || m === null || m.type !== 'screen-pop') return false;
  const card = m.card as Partial<ScreenPopCard> | null | undefined;
  return (
    typeof card === 'object' &&
    card !== null &&
    isString(card.contactId) &&
    (card.channel === 'voice' || card.channel === 'chat') &&
    isStringOrNull(card.customerName) &&
    isStringOrNull(card.phoneNumber) &&
    isStringOrNull(card.phoneNumberDisplay) &&
    isStringOrNull(card.queueName) &&
    isStringOrNull(card.searchUrl) &&
    typeof card.attributes === 'object' &&
    card.attributes !== null &&
    Object.values(card.attributes).every(isString) &&
    Array.isArray(card.profiles) &&
    card.profiles.every(isProfile)
  );
}
