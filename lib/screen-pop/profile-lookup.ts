// Finds customer profiles (by phone or email) with their open cases, and cases by reference, on the local contact
// center's profiles API (shaped like Customer Profiles SearchProfiles and Cases SearchCases). Other instances: no
// lookup yet. Used by screen pops and case links.

export interface FoundCase {
  caseId: string;
  reference: string;
  title: string;
  status: string;
}

export interface FoundProfile {
  profileId: string;
  firstName: string;
  lastName: string;
  accountNumber: string | null;
  email: string | null;
  openCases: FoundCase[];
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export class ProfileLookupError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`the profile lookup at ${url} answered ${status}`);
    this.name = 'ProfileLookupError';
  }
}

/** Whether `instanceUrl` is the bundled local contact center (loopback http), which has the profiles API. */
export function isLocalContactCenter(instanceUrl: string | null): instanceUrl is string {
  if (!instanceUrl) return false;
  try {
    const url = new URL(instanceUrl);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

async function postJson(fetchImpl: Fetch, url: string, body: unknown): Promise<unknown> {
  const response = await fetchImpl(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit' });
  if (!response.ok) throw new ProfileLookupError(response.status, url);
  return response.json();
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const toFoundCase = (c: Record<string, unknown>): FoundCase => ({
  caseId: str(c.caseId) ?? '',
  reference: str(c.reference) ?? '',
  title: str(c.title) ?? '',
  status: str(c.status) ?? '',
});

async function searchCases(fetchImpl: Fetch, base: string, body: unknown): Promise<FoundCase[]> {
  const found = (await postJson(fetchImpl, `${base}/api/v1/cases/search`, body)) as { cases?: unknown };
  return (Array.isArray(found.cases) ? (found.cases as Record<string, unknown>[]) : []).map(toFoundCase);
}

/** The SearchProfiles keys the extension looks customers up by. */
export type ProfileLookupKey = '_phone' | '_email';

/** Profiles whose phone number (`_phone`) or email address (`_email`) is `value`, each with its open cases. */
export async function lookUpProfiles(instanceUrl: string, keyName: ProfileLookupKey, value: string, fetchImpl: Fetch): Promise<FoundProfile[]> {
  const base = new URL(instanceUrl).origin;
  const found = (await postJson(fetchImpl, `${base}/api/v1/profiles/search`, { KeyName: keyName, Values: [value] })) as { Items?: unknown };
  const items = Array.isArray(found.Items) ? (found.Items as Record<string, unknown>[]) : [];
  return Promise.all(
    items
      .filter((item) => typeof item.ProfileId === 'string')
      .map(async (item): Promise<FoundProfile> => {
        const profileId = item.ProfileId as string;
        // Open and pending: still the agent's business.
        const openCases = (await searchCases(fetchImpl, base, { filter: { profileId } })).filter((c) => c.status !== 'closed');
        return {
          profileId,
          firstName: str(item.FirstName) ?? '',
          lastName: str(item.LastName) ?? '',
          accountNumber: str(item.AccountNumber),
          email: str(item.EmailAddress),
          openCases,
        };
      }),
  );
}

/** Profiles whose phone number is `phoneNumber`, each with its open cases. */
export function lookUpProfilesByPhone(instanceUrl: string, phoneNumber: string, fetchImpl: Fetch): Promise<FoundProfile[]> {
  return lookUpProfiles(instanceUrl, '_phone', phoneNumber, fetchImpl);
}

/** The case whose reference is `reference` (any status), or null (SearchCases by term, then the exact match). */
export async function findCaseByReference(instanceUrl: string, reference: string, fetchImpl: Fetch): Promise<FoundCase | null> {
  const cases = await searchCases(fetchImpl, new URL(instanceUrl).origin, { searchTerm: reference });
  return cases.find((c) => c.reference.toLowerCase() === reference.toLowerCase()) ?? null;
}
