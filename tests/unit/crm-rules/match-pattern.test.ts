// Chrome match patterns as CRM site rules use them.
import { describe, expect, it } from 'vitest';
import { assertMatchPattern, InvalidMatchPatternError, matchesAnyPattern, matchesPattern } from '../../../lib/crm-rules/match-pattern';
import { demoCrmRule } from '../../../lib/crm-rules/rules/demo-crm';

describe('matchesPattern', () => {
  it('matches scheme, host and path, ignoring the port when the pattern names none', () => {
    expect(matchesPattern('http://localhost/customers/*', 'http://localhost:8081/customers/abc')).toBe(true);
    expect(matchesPattern('http://localhost/customers/*', 'https://localhost/customers/abc')).toBe(false);
    expect(matchesPattern('http://localhost/customers/*', 'http://localhost/cases/abc')).toBe(false);
    expect(matchesPattern('http://localhost/customers/*', 'http://localhost.evil.test/customers/abc')).toBe(false);
  });

  it("treats '*' as http or https and '*.' as any subdomain", () => {
    expect(matchesPattern('*://*.example.com/*', 'https://crm.example.com/x')).toBe(true);
    expect(matchesPattern('*://*.example.com/*', 'http://example.com/')).toBe(true);
    expect(matchesPattern('*://*.example.com/*', 'https://badexample.com/')).toBe(false);
    expect(matchesPattern('*://*.example.com/*', 'ftp://crm.example.com/')).toBe(false);
  });

  it('matches an explicit port only', () => {
    expect(matchesPattern('http://localhost:8081/*', 'http://localhost:8081/a')).toBe(true);
    expect(matchesPattern('http://localhost:8081/*', 'http://localhost:8082/a')).toBe(false);
  });

  it('treats regular-expression characters in the path literally', () => {
    expect(matchesPattern('https://crm.example/a.b/*', 'https://crm.example/a.b/c')).toBe(true);
    expect(matchesPattern('https://crm.example/a.b/*', 'https://crm.example/axb/c')).toBe(false);
  });

  it('matches <all_urls> for web pages only', () => {
    expect(matchesPattern('<all_urls>', 'https://a.example/')).toBe(true);
    expect(matchesPattern('<all_urls>', 'chrome://settings/')).toBe(false);
  });

  it('rejects what is not a pattern', () => {
    expect(() => assertMatchPattern('localhost/*')).toThrow(InvalidMatchPatternError);
    expect(() => assertMatchPattern('http://')).toThrow(InvalidMatchPatternError);
    expect(matchesPattern('http://localhost/*', 'not a url')).toBe(false);
  });

  it('covers the demo CRM pages and nothing else on localhost', () => {
    expect(matchesAnyPattern(demoCrmRule.matches, 'http://localhost:8081/customers/7c1e')).toBe(true);
    expect(matchesAnyPattern(demoCrmRule.matches, 'http://localhost:8081/cases/case-2026-0001')).toBe(true);
    expect(matchesAnyPattern(demoCrmRule.matches, 'http://localhost:8081/')).toBe(true);
    expect(matchesAnyPattern(demoCrmRule.matches, 'http://localhost:8080/ccp-v2/')).toBe(false);
    for (const pattern of demoCrmRule.matches) assertMatchPattern(pattern);
  });
});
