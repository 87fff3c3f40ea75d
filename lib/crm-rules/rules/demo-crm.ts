// Built-in site rule: the demo CRM ("Northwind CRM") the local contact center serves on its own origin.
// Its port: the demo CRM listens on the contact center's port + 1 by default (`npm run contact-center --
// --port 8080` -> CRM on http://localhost:8081), so `{crmPort}` is derived from the session's instanceUrl.
// A CRM started elsewhere (tests use random ports) is named by the screen-pop setting `crmBaseUrl`.
import type { CrmSiteRule } from '../crm-rule';

/** The demo CRM's port for a contact center at `instanceUrl` (its port + 1), or null for other instances. */
export function demoCrmPort(instanceUrl: string | null): string | null {
  if (!instanceUrl) return null;
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null;
  const port = Number(url.port || '80');
  return String(port + 1);
}

export const demoCrmRule: CrmSiteRule = {
  id: 'demo-crm',
  name: 'Northwind CRM (demo)',
  matches: ['http://localhost/', 'http://localhost/?*', 'http://localhost/customers*', 'http://localhost/cases/*', 'http://localhost/app*'],
  recordSelectors: {
    phone: '[data-field="phone"]',
    email: '[data-field="email"]',
    recordId: '[data-record-id]',
  },
  urlTemplates: {
    record: 'http://localhost:{crmPort}/customers/{profileId}',
    search: 'http://localhost:{crmPort}/customers?q={phone}',
    case: 'http://localhost:{crmPort}/cases/{caseId}',
  },
  caseReferencePattern: 'CASE-\\d{4}-\\d{4}',
  context: (session): Record<string, string> => {
    const crmPort = demoCrmPort(session.instanceUrl);
    return crmPort ? { crmPort } : {};
  },
};

// Test URLs (with the contact center on 8080):
// http://localhost:8081/
// http://localhost:8081/customers/7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01
// http://localhost:8081/cases/<case id>
