// Finds the caller's customer profiles and their open cases on the local contact center's profiles API
// (shaped like Customer Profiles SearchProfiles and Cases SearchCases). Other instances: no lookup yet.

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

/** Profiles whose phone number is `phoneNumber`, each with its open cases. */
export async function lookUpProfilesByPhone(instanceUrl: string, phoneNumber: string, fetchImpl: Fetch): Promise<FoundProfile[]> {
  const base = new URL(instanceUrl).origin;
  const found = (await postJson(fetchImpl, `${base}/api/v1/profiles/search`, { KeyName: '_phone', Values: [phoneNumber] })) as { Items?: unknown };
  const items = Array.isArray(found.Items) ? (found.Items as Record<string, unknown>[]) : [];
  return Promise.all(
    items
      .filter((item) => typeof item.ProfileId === 'string')
      .map(async (item): Promise<FoundProfile> => {
        const profileId = item.ProfileId as string;
        const cases = (await postJson(fetchImpl, `${base}/api/v1/cases/search`, { filter: { profileId } })) as { cases?: unknown };
        const openCases = (Array.isArray(cases.cases) ? (cases.cases as Record<string, unknown>[]) : [])
          .filter((c) => c.status !== 'closed') // open and pending: still the agent's business
          .map((c) => ({
          caseId: str(c.caseId) ?? '',
          reference: str(c.reference) ?? '',
          title: str(c.title) ?? '',
          status: str(c.status) ?? '',
        }));
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
