// The contact center lets exactly the extension's read-only profile and case searches past its cross-origin
// guard (screen pops); everything else from another origin stays refused.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isExtensionCrmRequest } from '../../../contact-center/crm/profiles-api';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function request(path: string, headers: Record<string, string>, method = 'POST'): [IncomingMessage, URL] {
  return [{ method, headers } as unknown as IncomingMessage, new URL(path, 'http://127.0.0.1:8080')];
}

describe('isExtensionCrmRequest', () => {
  it("accepts the extension worker's profile and case searches", () => {
    expect(isExtensionCrmRequest(...request('/api/v1/profiles/search', { origin: EXTENSION, 'sec-fetch-site': 'none' }))).toBe(true);
    expect(isExtensionCrmRequest(...request('/api/v1/cases/search', { origin: EXTENSION, 'sec-fetch-site': 'none' }))).toBe(true);
  });

  it('refuses other routes, other methods, web origins and cross-site requests', () => {
    expect(isExtensionCrmRequest(...request('/api/v1/inbound-calls', { origin: EXTENSION, 'sec-fetch-site': 'none' }))).toBe(false);
    expect(isExtensionCrmRequest(...request('/api/v1/cases/case-1', { origin: EXTENSION, 'sec-fetch-site': 'none' }, 'GET'))).toBe(false);
    expect(isExtensionCrmRequest(...request('/api/v1/profiles/search', { origin: 'http://localhost:8081', 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(isExtensionCrmRequest(...request('/api/v1/profiles/search', { origin: 'chrome-extension://evil.example', 'sec-fetch-site': 'none' }))).toBe(false);
    expect(isExtensionCrmRequest(...request('/api/v1/profiles/search', { origin: EXTENSION, 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isExtensionCrmRequest(...request('/api/v1/profiles/search', { origin: EXTENSION }))).toBe(false);
  });
});
