// The two messages a case-links content script sends the worker (look up the page's case references and customer
// identifiers; link the current call to a case) and their answers, with the shape checks the worker applies.
// Content scripts get only what they draw: case URLs and open-case counts, never the session snapshot.

/** Bounds on one lookup: a CRM page shows far fewer; a hostile page cannot make the worker flood the API. */
export const MAX_REFERENCES = 50;
export const MAX_IDENTIFIERS = 50;
const MAX_VALUE_LENGTH = 254;

export interface CaseLinksLookupRequest {
  type: 'case-links-lookup';
  /** Case references as found on the page ('CASE-2026-0042'). */
  references: string[];
  /** Phone numbers and email addresses the rule's record selectors found, as written on the page. */
  phones: string[];
  emails: string[];
}

export interface CaseLinksLinkRequest {
  type: 'case-links-link-contact';
  /** The case reference the agent chose. */
  reference: string;
}

export type CaseLinksErrorCode =
  | 'not-signed-in' // no contact-center session
  | 'not-available' // the instance has no case API the extension knows (not the local contact center)
  | 'no-current-call' // no voice contact to link
  | 'case-not-found'
  | 'contact-center-error' // the contact center refused or could not be reached (detail in the log)
  | 'refused'; // not from our content script on a CRM page, or a malformed request

export interface CaseLinksError {
  code: CaseLinksErrorCode;
  detail?: string;
}

/** A case reference found on the page and what it links to. */
export interface CaseLinkTarget {
  reference: string;
  /** The case page from the site rule's `case` template; null when it cannot be built. */
  url: string | null;
  title: string;
  status: string;
}

export interface IdentifierOpenCases {
  kind: 'phone' | 'email';
  /** As the page wrote it (the key the content script asked with). */
  value: string;
  openCases: number;
}

export type CaseLinksLookupAnswer = { ok: true; cases: CaseLinkTarget[]; identifiers: IdentifierOpenCases[] } | { ok: false; error: CaseLinksError };

export type CaseLinksLinkAnswer = { ok: true; reference: string } | { ok: false; error: CaseLinksError };

const isBoundedStrings = (value: unknown, max: number): value is string[] =>
  Array.isArray(value) && value.length <= max && value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_VALUE_LENGTH);

export function isCaseLinksLookupRequest(message: unknown): message is CaseLinksLookupRequest {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<CaseLinksLookupRequest>;
  return (
    candidate.type === 'case-links-lookup' &&
    isBoundedStrings(candidate.references, MAX_REFERENCES) &&
    isBoundedStrings(candidate.phones, MAX_IDENTIFIERS) &&
    isBoundedStrings(candidate.emails, MAX_IDENTIFIERS)
  );
}

export function isCaseLinksLinkRequest(message: unknown): message is CaseLinksLinkRequest {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<CaseLinksLinkRequest>;
  return candidate.type === 'case-links-link-contact' && typeof candidate.reference === 'string' && candidate.reference.length > 0 && candidate.reference.length <= MAX_VALUE_LENGTH;
}

/** Whether `message` is one of the case-links requests (of any shape): the worker answers all of them. */
export function isCaseLinksMessage(message: unknown): boolean {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return type === 'case-links-lookup' || type === 'case-links-link-contact';
}
