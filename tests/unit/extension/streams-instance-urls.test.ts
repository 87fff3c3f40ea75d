// Unit tests of the instance URLs: the CCP, login and logout pages of the local contact center and of real
// Amazon Connect instances (both domain styles), as streams' own tests and Amazon's documentation name them.
import { describe, expect, it } from 'vitest';
import { ccpUrlFor, isLocalContactCenter, loginUrlFor, logoutUrlFor } from '@/lib/streams/instance-urls';

describe('instance URLs', () => {
  it('serves the local contact center under /ccp-v2/ and /connect/…, whatever path was typed', () => {
    for (const instance of ['http://127.0.0.1:8790', 'http://127.0.0.1:8790/', 'http://localhost:8790/demo?x=1']) {
      const origin = new URL(instance).origin;
      expect(isLocalContactCenter(instance)).toBe(true);
      expect(ccpUrlFor(instance)).toBe(`${origin}/ccp-v2/`);
      expect(loginUrlFor(instance)).toBe(`${origin}/connect/login`);
      expect(logoutUrlFor(instance)).toBe(`${origin}/connect/logout`);
    }
  });

  it('uses the instance root of a *.my.connect.aws instance', () => {
    const instance = 'https://example-corp.my.connect.aws/';

    expect(isLocalContactCenter(instance)).toBe(false);
    expect(ccpUrlFor(instance)).toBe('https://example-corp.my.connect.aws/ccp-v2/');
    expect(loginUrlFor(instance)).toBe('https://example-corp.my.connect.aws/login');
    expect(logoutUrlFor(instance)).toBe('https://example-corp.my.connect.aws/logout');
  });

  it('keeps the /connect path of a *.awsapps.com instance', () => {
    const instance = 'https://example-corp.awsapps.com/connect';

    expect(ccpUrlFor(instance)).toBe('https://example-corp.awsapps.com/connect/ccp-v2/');
    expect(loginUrlFor(instance)).toBe('https://example-corp.awsapps.com/connect/login');
    expect(logoutUrlFor(instance)).toBe('https://example-corp.awsapps.com/connect/logout');
  });

  it('does not treat a plain-http site that is not loopback as local', () => {
    expect(isLocalContactCenter('http://contact-center.example.com')).toBe(false);
    expect(isLocalContactCenter('https://127.0.0.1:8790')).toBe(false);
  });
});
