// Assembles the local contact center: SQLite store, routing engine, persistence of records and status
// time, and the HTTP/WebSocket server (login, /ccp-v2/, desk phones, control API). Used by `main.ts`, by
// the test suites (in-process, on an ephemeral port) and by the benchmarks.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CcpSockets } from '../ccp/ccp-socket';
import { startDemoCrm, CRM_BIND_HOST, type RunningDemoCrm } from '../crm/demo-crm-server';
import { handleProfilesApi, isExtensionCrmRequest } from '../crm/profiles-api';
import { Arns } from '../ccp/snapshot';
import { type Clock, SystemClock } from '../clock';
import type { InstanceConfig } from '../model';
import { RoutingEngine, type EngineOptions } from '../routing/engine';
import { DEMO_CASES, DEMO_PROFILES } from '../seed/demo-customers';
import { DEFAULT_DEMO_PASSWORD } from '../seed/demo-instance';
import { getContactRecord, listContactRecords, markInFlightAsServerRestart, saveContactRecord } from '../store/contact-record-repository';
import { openDatabase, type Database } from '../store/database';
import { findUserForLogin, loadInstanceConfig, saveAgentConfig, seedIfEmpty } from '../store/instance-repository';
import { verifyPassword } from '../store/passwords';
import { seedProfilesIfEmpty } from '../store/profile-repository';
import { closeAllOpenIntervals, openStatusInterval, statusTimeReport } from '../store/status-time-repository';
import { handleContactAttributes, isExtensionAttributesUpdate } from './contact-attributes-api';
import { ControlApi } from './control-api';
import { demoPage } from './demo-page';
import { DeskPhones } from './deskphone';
import { escapeHtml, HttpError, sendError, sendHtml, sendJson } from './http-kit';
import { assertLoopbackHost, assertNotCrossSite } from './security';
import { LoginRoutes, SessionStore } from './sessions';

export const DEFAULT_PORT = 8790;
export const LOOPBACK_BIND_HOSTS = ['127.0.0.1', '::1', 'localhost'];

export interface ContactCenterOptions {
  dataDir: string;
  host?: string;
  port?: number; // 0 = any free port
  /** Port of the demo CRM on 127.0.0.1 (opened as http://localhost:<crmPort>); default DEFAULT_PORT + 1, or 0 when port is 0. */
  crmPort?: number;
  demoPassword?: string;
  clock?: Clock;
  engine?: Omit<EngineOptions, 'clock'>;
  /** The instance to create when the data folder is new (default: the demo instance). */
  instance?: InstanceConfig;
  log?: (line: string) => void;
}

export interface RunningContactCenter {
  url: string;
  port: number;
  /** The demo CRM, on its own origin: `http://localhost:<crmPort>`. */
  crmUrl: string;
  crmPort: number;
  engine: RoutingEngine;
  db: Database;
  /** Signs an agent in without the login form and returns the session cookie value (tests, benchmarks). */
  issueSession(agentId: string): string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE';
  constructor(host: string, port: number, flag = '--port') {
    super(`Port ${port} on ${host} is already in use (is another contact center running?). Choose another with ${flag}.`);
  }
}

const ccpDir = fileURLToPath(new URL('../ccp/', import.meta.url));
const staticFile = (name: string) => readFileSync(ccpDir + name, 'utf8');

export async function startContactCenter(options: ContactCenterOptions): Promise<RunningContactCenter> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? new SystemClock();
  const log = options.log ?? (() => {});
  const db = openDatabase(options.dataDir);
  const now = clock.now();
  if (seedIfEmpty(db, options.demoPassword ?? DEFAULT_DEMO_PASSWORD, options.instance)) log(`created the instance ${options.instance?.alias ?? 'switchboard-demo'}`);
  if (seedProfilesIfEmpty(db, DEMO_PROFILES, DEMO_CASES)) log(`created ${DEMO_PROFILES.length} demo customer profiles and ${DEMO_CASES.length} cases`);
  const restarted = markInFlightAsServerRestart(db, now);
  if (restarted > 0) log(`${restarted} contact(s) in flight at the last stop were recorded as ended (server_restart)`);
  closeAllOpenIntervals(db, now);
  const config = loadInstanceConfig(db);
  const engine = new RoutingEngine(config, { clock, ...options.engine });
  for (const agentId of engine.agentIds()) openStatusInterval(db, agentId, engine.getAgentView(agentId).state.name, now);
  engine.observe({
    recordChanged: (record) => saveContactRecord(db, record),
    stateChanged: (agentId, stateName, at) => openStatusInterval(db, agentId, stateName, at),
    agentConfigChanged: (agentId, agentConfig) => saveAgentConfig(db, agentId, agentConfig),
  });

  const arns = new Arns(config);
  const sessions = new SessionStore(() => clock.now());
  const sockets = new CcpSockets(engine, arns, sessions);
  const login = new LoginRoutes(sessions, {
    authenticate: (username, password) => {
      const user = findUserForLogin(db, username);
      return user && verifyPassword(password, user.passwordHash) ? user.agentId : null;
    },
    onSignIn: (agentId) => log(`${agentId} signed in`),
    onSignOut: (agentId) => {
      log(`${agentId} signed out`);
      sockets.terminate(agentId);
      engine.signOut(agentId);
    },
  });
  const control = new ControlApi(engine, {
    getRecord: (id) => getContactRecord(db, id),
    listRecords: (q) => listContactRecords(db, q),
    statusTime: (w) => statusTimeReport(db, w),
  });
  const deskPhones = new DeskPhones(engine);
  const ccpHtml = staticFile('ccp-page.html');
  const ccpJs = staticFile('ccp-page.js');

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    assertLoopbackHost(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      // Screen pops and case links: the extension's worker may search profiles and cases, link a contact to a
      // case, and put a dialed call's CRM page on its contact (attributes); nothing else cross-origin.
      if (!isExtensionCrmRequest(req, url) && !isExtensionAttributesUpdate(req, url)) assertNotCrossSite(req);
      if (await handleProfilesApi(db, req, res, url, () => clock.now())) return;
      if (await handleContactAttributes(engine, { getRecord: (id) => getContactRecord(db, id), saveRecord: (r) => saveContactRecord(db, r) }, req, res, url)) return;
      await control.handle(req, res, url);
      return;
    }
    if (path === '/ccp-v2' || path === '/ccp-v2/' || path === '/ccp-v2/index.html') {
      sendHtml(res, 200, ccpHtml, { 'Content-Security-Policy': "default-src 'self'; connect-src 'self'; style-src 'unsafe-inline'" });
      return;
    }
    if (path === '/ccp-v2/authorize') {
      // Only the CCP page itself may trade its cookie for a socket ticket.
      const site = req.headers['sec-fetch-site'];
      if (site && site !== 'same-origin') throw new HttpError(403, 'only the CCP page may ask for a socket ticket', 'Forbidden');
      const agentId = sessions.agentFor(req);
      sendJson(res, 200, { signedIn: agentId !== null, ticket: agentId ? sessions.issueTicket(agentId) : null });
      return;
    }
    if (path === '/ccp-v2/ccp-page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(ccpJs);
      return;
    }
    if (path === '/connect/login') {
      if (req.method === 'POST') await login.submitLogin(req, res);
      else login.showLogin(req, res, url);
      return;
    }
    if (path === '/connect/logout' || path === '/logout') {
      login.logout(req, res);
      return;
    }
    if (await deskPhones.handle(req, res, url)) return;
    if ((path === '/demo' || path === '/demo/') && req.method === 'GET') {
      sendHtml(res, 200, demoPage(config));
      return;
    }
    if (path === '/' && req.method === 'GET') {
      sendHtml(res, 200, indexPage(config.alias));
      return;
    }
    throw new HttpError(404, `nothing at ${path}`, 'NotFound');
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      log(`internal error on ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      sendError(res, new HttpError(500, 'internal error in the contact center', 'InternalError'));
    });
  });
  server.on('upgrade', (req, socket, head) => {
    try {
      assertLoopbackHost(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const origin = req.headers.origin;
      // WebSockets ignore the same-origin policy: only the CCP page of this very origin may connect.
      // (A page framed by an extension has its own origin here, so Origin still names the CCP page.)
      if (url.pathname !== '/ccp-v2/socket' || (origin && new URL(origin).host !== req.headers.host)) throw new HttpError(403, 'forbidden');
      sockets.handleUpgrade(req, socket, head);
    } catch {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      db.close();
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, options.port ?? DEFAULT_PORT) : error);
    });
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const requestedCrmPort = options.crmPort ?? (options.port === 0 ? 0 : DEFAULT_PORT + 1);
  let crm: RunningDemoCrm;
  try {
    crm = await startDemoCrm(db, requestedCrmPort, log);
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    engine.shutdown();
    if (clock instanceof SystemClock) clock.clearAll();
    db.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'EADDRINUSE' ? new PortInUseError(CRM_BIND_HOST, requestedCrmPort, '--crm-port') : error;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed = false;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    crmUrl: crm.url,
    crmPort: crm.port,
    engine,
    db,
    issueSession: (agentId) => sessions.create(agentId),
    async close() {
      if (closed) return;
      closed = true;
      const ended = engine.shutdown();
      if (ended.length > 0) log(`${ended.length} contact(s) in flight recorded as ended (server_restart)`);
      closeAllOpenIntervals(db, clock.now());
      sockets.closeAll();
      deskPhones.closeAll();
      server.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), crm.close()]);
      if (clock instanceof SystemClock) clock.clearAll();
      db.close();
    },
  };
}

function indexPage(alias: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard local contact center</title>
<style>body{font-family:system-ui,"Hiragino Sans",sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5}</style></head><body>
<h1>Switchboard local contact center</h1>
<p>Instance <code>${escapeHtml(alias)}</code>: an emulator of Amazon Connect's agent-facing behaviour, for demos, training and tests.</p>
<ul>
<li><a href="/connect/login">Sign in</a> as a demo agent (agent1 … agent4)</li>
<li><a href="/demo/">Call in as a customer</a>: place an inbound call to the agents</li>
<li><code>/ccp-v2/</code>: the CCP page that amazon-connect-streams drives</li>
<li><code>/deskphone/&lt;number&gt;</code>: an agent's desk phone in desk phone mode</li>
<li><code>/api/v1/…</code>: the control API (see the README)</li>
</ul></body></html>`;
}
