// The contact-center instance's address as the session keeps it (what the agent typed, normalized), and ending
// the sign-in there (its logout URL, fetched with the instance's cookie).
import { logoutUrlFor } from '../streams/instance-urls';

/** The logout URL fetched from the worker: with host permission for the instance, the request carries the
 *  instance's cookie (Chrome treats it as same-site), which is what ends the sign-in. */
export async function fetchLogout(instanceUrl: string): Promise<number> {
  const response = await fetch(logoutUrlFor(instanceUrl), {
    credentials: 'include',
    cache: 'no-store',
    redirect: 'follow',
    signal: AbortSignal.timeout(5000),
  });
  return response.status;
}

/** The contact-center URL the agent typed, as the session keeps it: http(s) only, no query, fragment or trailing
 *  slash; null when it is not a valid URL. */
export function normalizeInstanceUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
