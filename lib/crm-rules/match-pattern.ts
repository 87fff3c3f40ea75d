// Chrome's URL match patterns ('<all_urls>', '*://*.example.com/crm/*'): scheme, host with an optional
// leading '*.' and a path where '*' matches anything. Ports are ignored, as Chrome does for patterns without
// one ('http://localhost/*' matches 'http://localhost:8081/customers/1').

export class InvalidMatchPatternError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`"${pattern}" is not a match pattern: ${reason}`);
    this.name = 'InvalidMatchPatternError';
  }
}

const PATTERN = /^(\*|https?|wss?|file|ftp|urn|chrome-extension):\/\/(\*|\*\.[^/*:]+|[^/*:]+)?(:\d+|:\*)?(\/.*)$/;

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

interface CompiledPattern {
  test(url: URL): boolean;
}

function compile(pattern: string): CompiledPattern {
  if (pattern === '<all_urls>') return { test: (url) => ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'].includes(url.protocol) };
  const parts = PATTERN.exec(pattern);
  if (!parts) throw new InvalidMatchPatternError(pattern, 'expected <scheme>://<host><path>');
  const [, scheme = '', host = '', port = '', path = '/'] = parts;
  if (host === '' && scheme !== 'file') throw new InvalidMatchPatternError(pattern, 'the host is missing');
  const path_ = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  const hostName = host.toLowerCase();
  return {
    test(url) {
      const urlScheme = url.protocol.slice(0, -1);
      if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : urlScheme !== scheme) return false;
      if (port && port !== ':*' && url.port !== port.slice(1)) return false;
      const urlHost = url.hostname.toLowerCase();
      if (hostName !== '*' && hostName !== '') {
        if (hostName.startsWith('*.')) {
          const base = hostName.slice(2);
          if (urlHost !== base && !urlHost.endsWith(`.${base}`)) return false;
        } else if (urlHost !== hostName) return false;
      }
      return path_.test(url.pathname + url.search);
    },
  };
}

/** Throws InvalidMatchPatternError when `pattern` is not one. */
export function assertMatchPattern(pattern: string): void {
  compile(pattern);
}

/** Whether `url` matches `pattern`; a URL that cannot be parsed matches nothing. */
export function matchesPattern(pattern: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return compile(pattern).test(parsed);
}

export function matchesAnyPattern(patterns: readonly string[], url: string): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}
