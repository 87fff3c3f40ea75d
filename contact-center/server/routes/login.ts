// Sign-in routes like a real instance's: the login page (`GET /connect/login`), the login form
// (`POST /connect/login`, form-encoded: the one route that is not JSON), and sign-out (`/connect/logout`, `/logout`).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { escapeHtml, HttpError, parseCookies, redirect, sendHtml } from '../http-kit';
import { SESSION_COOKIE, SESSION_TTL_MS, type SessionStore } from '../sessions';

const REMEMBER_COOKIE = 'sb_remember_user';

export interface LoginBackend {
  /** The agent id when the user name and password are right, else null. */
  authenticate(username: string, password: string): string | null;
  onSignIn(agentId: string): void;
  onSignOut(agentId: string): void;
}

export interface LoginRoutesOptions {
  sessions: SessionStore;
  backend: LoginBackend;
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

const SIGNED_OUT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body><h1>Signed out / サインアウトしました</h1><p><a href="/connect/login">Sign in again</a></p></body></html>';

export const loginRoutes: FastifyPluginAsyncTypebox<LoginRoutesOptions> = async (app, { sessions, backend }) => {
  // The form is the only body this plugin reads: any content type reaches the handler, which refuses all but
  // the form's with its own message.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get('/connect/login', { schema: { querystring: Type.Object({ destination: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const remembered = parseCookies(request.headers.cookie)[REMEMBER_COOKIE] ?? '';
    return sendHtml(reply, 200, loginPage({ username: remembered, remember: remembered !== '', error: null, destination: safeDestination(request.query.destination ?? null) }));
  });

  app.post('/connect/login', async (request, reply) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'sign in with the login form', 'UnsupportedMediaType');
    // A page of another site must not sign the browser in as someone else (login CSRF).
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'sign in from the contact center login page', 'Forbidden');
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const username = (form.get('username') ?? '').trim();
    const password = form.get('password') ?? '';
    const remember = form.get('remember') === '1';
    const destination = safeDestination(form.get('destination'));
    const agentId = username && password ? backend.authenticate(username, password) : null;
    if (!agentId) {
      return sendHtml(reply, 401, loginPage({ username, remember, error: 'The user name or password is incorrect. / ユーザー名またはパスワードが正しくありません。', destination }));
    }
    const token = sessions.create(agentId);
    const cookies = [cookie(SESSION_COOKIE, token, SESSION_TTL_MS / 1000), remember ? cookie(REMEMBER_COOKIE, username, 365 * 86400) : cookie(REMEMBER_COOKIE, '', 0)];
    backend.onSignIn(agentId);
    if (destination) return redirect(reply, destination, { 'Set-Cookie': cookies });
    return sendHtml(reply, 200, signedInPage(username), { 'Set-Cookie': cookies });
  });

  for (const url of ['/connect/logout', '/logout']) {
    app.all(url, async (request, reply) => {
      const agentId = sessions.destroy(request);
      if (agentId) {
        sessions.destroyAgent(agentId);
        backend.onSignOut(agentId);
      }
      return sendHtml(reply, 200, SIGNED_OUT_PAGE, { 'Set-Cookie': cookie(SESSION_COOKIE, '', 0) });
    });
  }
};
