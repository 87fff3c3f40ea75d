// The session log (F3): timestamped JSON lines, no passwords, tokens, cookies or secrets, bounded, kept across a
// worker restart.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { redact, redactText } from '@/lib/session-log/redaction';
import { SessionLog } from '@/lib/session-log/session-log';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudDEifQ.c2lnbmF0dXJlLXBhcnQ';

describe('session log redaction', () => {
  it('drops keys named like secrets, at any depth', () => {
    const clean = redact({
      user: 'agent1',
      password: 'switchboard',
      nested: { accessToken: 'abc', Authorization: 'Bearer x', cookie: 'sb_session=1', clientSecret: 's', apiKey: 'k', keep: 1 },
      list: [{ sessionToken: 't', name: 'n' }],
    });
    expect(clean).toEqual({ user: 'agent1', nested: { keep: 1 }, list: [{ name: 'n' }] });
  });

  it('replaces bearer tokens and JWTs inside text', () => {
    expect(redactText('request failed: Authorization: Bearer abc.DEF-123_x= (401)')).toBe('request failed: Authorization: Bearer [redacted] (401)');
    expect(redactText(`token ${JWT} expired`)).toBe('token [redacted] expired');
    expect(JSON.stringify(redact({ detail: `got ${JWT}` }))).not.toContain('eyJ');
  });

  it('removes credentials from signed URLs but keeps the rest', () => {
    const url = 'https://corp.awsapps.com/auth/?X-Amz-Security-Token=FQoG&X-Amz-Signature=abcd&region=us-east-1';
    expect(redactText(url)).toBe('https://corp.awsapps.com/auth/?X-Amz-Security-Token=[redacted]&X-Amz-Signature=[redacted]&region=us-east-1');
  });

  it('removes cookie headers written into messages', () => {
    expect(redactText('headers: Cookie: sb_session=abc; other=1')).toBe('headers: Cookie: [redacted]');
  });

  it('survives cycles, errors and functions', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact({ cyclic, error: new Error('Bearer abc'), fn: () => 1 })).toEqual({
      cyclic: { a: 1, self: '[circular]' },
      error: { name: 'Error', message: 'Bearer [redacted]' },
    });
  });
});

describe('session log', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('writes one JSON line per event with its time and redacted data', async () => {
    const log = new SessionLog({ now: () => 1234 });
    await log.load();
    log.append('sign-in', { instanceUrl: 'http://127.0.0.1:1', password: 'switchboard' });
    expect((await log.lines()).map((line) => JSON.parse(line))).toEqual([{ t: 1234, event: 'sign-in', instanceUrl: 'http://127.0.0.1:1' }]);
  });

  it('keeps the lines across a worker restart, including those logged while the old log loaded', async () => {
    const first = new SessionLog({ now: () => 1 });
    await first.load();
    first.append('one');
    await first.flush();

    const second = new SessionLog({ now: () => 2 });
    second.append('two'); // before load(): must not overwrite 'one'
    await second.load();
    await second.flush();

    const third = new SessionLog();
    expect((await third.lines()).map((line) => JSON.parse(line).event)).toEqual(['one', 'two']);
  });

  it('keeps only the newest lines when the bound is reached', async () => {
    const log = new SessionLog({ maxLines: 20, chunkLines: 5 });
    await log.load();
    for (let i = 0; i < 100; i++) log.append('tick', { i });
    await log.flush();

    const kept = (await new SessionLog({ maxLines: 20, chunkLines: 5 }).lines()).map((line) => JSON.parse(line).i);
    expect(kept.length).toBeGreaterThanOrEqual(20);
    expect(kept.length).toBeLessThanOrEqual(25);
    expect(kept.at(-1)).toBe(99);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    // Dropped chunks are removed from storage, not only from memory.
    expect(Object.keys(await fakeBrowser.storage.session.get()).length).toBeLessThanOrEqual(6 + 1);
  });

  it('never lets a line override its time or event name', async () => {
    const log = new SessionLog({ now: () => 7 });
    await log.load();
    log.append('real', { t: 0, event: 'fake' });
    expect(JSON.parse((await log.lines())[0])).toEqual({ t: 7, event: 'real' });
  });
});
