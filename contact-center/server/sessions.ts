// Agent sign-in like a real instance: a login page, a session cookie, sign-out. Sessions live in memory:
// restarting the contact center signs every agent out, and their CCP pages ask them to sign in again.

import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, HttpError, parseCookies, readBody, redirect, sendHtml } from './http-kit';

export const SESSION_COOKIE = 'sb_session';
const REMEMBER_COOKIE = 'sb_remember_user';
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface LoginBackend {
  /** The agent id when the user name and password are right, else null. */
  authenticate(username: string, password: string): string | null;
  onSignIn(agentId: string): void;
  onSignOut(agentId: string): void;
}

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

  agentFor(req: IncomingMessage): string | null {
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

  destroy(req: IncomingMessage): string | null {
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

function cookie(name: string, value: string, maxAgeS: number): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}`;
}

/** Only same-origin relative paths may be redirect targets after sign-in. */
function safeDestination(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return value;
}

function loginPage(opts: { username: string; remember: boolean; error: string | null; destination: string | null }): string {
  const error = opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in · Switchboard local contact center</title>
<style>
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;background:#f3f5f7;margin:0;display:grid;place-items:center;min-height:100vh}
form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 12px #0002;width:min(22rem,90vw)}
h1{font-size:1.25rem;margin:0 0 .25rem}p.sub{color:#555;margin:0 0 1.25rem;font-size:.9rem}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
.remember{display:flex;gap:.5rem;align-items:center;margin-top:1rem;font-weight:normal}
button{margin-top:1.25rem;width:100%;padding:.6rem;font-size:1rem;background:#0b6bcb;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#b00020;font-weight:600}
</style></head><body>
<form method="post" action="/connect/login">
<h1>Sign in / サインイン</h1>
<p class="sub">Switchboard local contact center (Amazon Connect emulator)</p>
${error}
<label for="username">User name / ユーザー名</label>
<input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(opts.username)}" ${opts.username ? '' : 'autofocus'}>
<label for="password">Password / パスワード</label>
<input id="password" name="password" type="password" autocomplete="current-password" required ${opts.username ? 'autofocus' : ''}>
<label class="remember"><input type="checkbox" name="remember" value="1" ${opts.remember ? 'checked' : ''}> Remember user name / ユーザー名を保存</label>
${opts.destination ? `<input type="hidden" name="destination" value="${escapeHtml(opts.destination)}">` : ''}
<button type="submit">Sign in / サインイン</button>
</form></body></html>`;
}

function signedInPage(name: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in · Switchboard local contact center</title>
<style>body{font-family:system-ui,"Hiragino Sans",sans-serif;display:grid;place-items:center;min-height:100vh;margin:0}</style></head>
<body><main><h1>Signed in as ${escapeHtml(name)}</h1><p>You can close this window. / このウィンドウを閉じてください。</p></main>
<script>setTimeout(function(){window.close()},1500)</script></body></html>`;
}

export class LoginRoutes {
  constructor(
    private readonly sessions: SessionStore,
    private readonly backend: LoginBackend,
  ) {}

  showLogin(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const remembered = parseCookies(req.headers.cookie)[REMEMBER_COOKIE] ?? '';
    sendHtml(res, 200, loginPage({ username: remembered, remember: remembered !== '', error: null, destination: safeDestination(url.searchParams.get('destination')) }));
  }

  async submitLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'sign in with the login form', 'UnsupportedMediaType');
    // A page of another site must not sign the browser in as someone else (login CSRF).
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site') throw new HttpError(403, 'sign in from the contact center login page', 'Forbidden');
    const form = new URLSearchParams(await readBody(req));
    const username = (form.get('username') ?? '').trim();
    const password = form.get('password') ?? '';
    const remember = form.get('remember') === '1';
    const destination = safeDestination(form.get('destination'));
    const agentId = username && password ? this.backend.authenticate(username, password) : null;
    if (!agentId) {
      sendHtml(res, 401, loginPage({ username, remember, error: 'The user name or password is incorrect. / ユーザー名またはパスワードが正しくありません。', destination }));
      return;
    }
    const token = this.sessions.create(agentId);
    const cookies = [cookie(SESSION_COOKIE, token, SESSION_TTL_MS / 1000), remember ? cookie(REMEMBER_COOKIE, username, 365 * 86400) : cookie(REMEMBER_COOKIE, '', 0)];
    this.backend.onSignIn(agentId);
    if (destination) {
      redirect(res, destination, { 'Set-Cookie': cookies });
      return;
    }
    sendHtml(res, 200, signedInPage(username), { 'Set-Cookie': cookies });
  }

  logout(req: IncomingMessage, res: ServerResponse): void {
    const agentId = this.sessions.destroy(req);
    if (agentId) {
      this.sessions.destroyAgent(agentId);
      this.backend.onSignOut(agentId);
    }
    sendHtml(
      res,
      200,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body><h1>Signed out / サインアウトしました</h1><p><a href="/connect/login">Sign in again</a></p></body></html>',
      { 'Set-Cookie': cookie(SESSION_COOKIE, '', 0) },
    );
  }
}
