// Agent sessions like a real instance's: a session cookie per signed-in browser and one-time socket tickets.
// Sessions live in memory: restarting the contact center signs every agent out, and their CCP pages ask them
// to sign in again. The login page and form are routes/login.ts.

import { createHash, randomBytes } from 'node:crypto';
import { parseCookies } from './http-kit';
import type { RequestHeaders } from './security';

export const SESSION_COOKIE = 'sb_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

interface Session {
  agentId: string;
  expiresAt: number;
}

const tokenKey = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  create(agentId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(tokenKey(token), { agentId, expiresAt: this.now() + SESSION_TTL_MS });
    return token;
  }

  agentFor(req: RequestHeaders): string | null {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (!token) return null;
    const session = this.sessions.get(tokenKey(token));
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(tokenKey(token));
      return null;
    }
    return session.agentId;
  }

  destroy(req: RequestHeaders): string | null {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (!token) return null;
    const key = tokenKey(token);
    const agentId = this.sessions.get(key)?.agentId ?? null;
    this.sessions.delete(key);
    return agentId;
  }

  /** Ends every session of an agent (sign-out elsewhere ends all of them). */
  destroyAgent(agentId: string): void {
    for (const [key, s] of this.sessions) if (s.agentId === agentId) this.sessions.delete(key);
    for (const [key, t] of this.tickets) if (t.agentId === agentId) this.tickets.delete(key);
  }

  private readonly tickets = new Map<string, { agentId: string; expiresAt: number }>();

  /** A one-time ticket, valid 30 s, with which the CCP page opens its socket as the signed-in agent. */
  issueTicket(agentId: string): string {
    const now = this.now();
    for (const [key, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(key);
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(tokenKey(ticket), { agentId, expiresAt: now + 30_000 });
    return ticket;
  }

  redeemTicket(ticket: string): string | null {
    const key = tokenKey(ticket);
    const t = this.tickets.get(key);
    this.tickets.delete(key);
    return t && t.expiresAt > this.now() ? t.agentId : null;
  }
}
