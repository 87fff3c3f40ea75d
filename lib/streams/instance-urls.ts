// URLs of a contact-center instance: its CCP, login and logout pages. The bundled local contact center (on
// loopback) serves them under /ccp-v2/ and /connect/…; a real Amazon Connect instance under its instance URL.

/** Whether the instance is the bundled local contact center: loopback over http (none or not a URL: no). */
export function isLocalContactCenter(instanceUrl: string | null): instanceUrl is string {
  if (!instanceUrl) return false;
  try {
    const url = new URL(instanceUrl);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The instance URL without a trailing slash, query or fragment (the base of every other URL, and of the agent-app
 *  helper pages such as `/customerprofiles-v2`). */
export function instanceBase(instanceUrl: string): string {
  const url = new URL(instanceUrl);
  if (isLocalContactCenter(instanceUrl)) return url.origin;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const ccpUrlFor = (instanceUrl: string) => `${instanceBase(instanceUrl)}/ccp-v2/`;

export const loginUrlFor = (instanceUrl: string) =>
  isLocalContactCenter(instanceUrl) ? `${instanceBase(instanceUrl)}/connect/login` : `${instanceBase(instanceUrl)}/login`;

export const logoutUrlFor = (instanceUrl: string) =>
  isLocalContactCenter(instanceUrl) ? `${instanceBase(instanceUrl)}/connect/logout` : `${instanceBase(instanceUrl)}/logout`;
