// Assembles the local contact center: SQLite store, routing engine, persistence of records and status
// time, and the HTTP/WebSocket server (app.ts: login, /ccp-v2/, desk phones, control API) with the demo CRM
// beside it. Used by `main.ts`, by the test suites (in-process, on an ephemeral port) and by the benchmarks.

import { CcpTaskApi } from '../ccp/ccp-task-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CcpSockets } from '../ccp/ccp-socket';
import { ChatRoutingBridge } from '../chat/chat-routing-bridge';
import { ChatService } from '../chat/chat-service';
import { startDemoCrm, CRM_BIND_HOST, type RunningDemoCrm } from '../crm/demo-crm-server';
import { Arns } from '../ccp/snapshot';
import { type Clock, SystemClock } from '../clock';
import type { InstanceConfig } from '../model';
import { RoutingEngine, type EngineOptions } from '../routing/engine';
import { seedDemoCasesIfEmpty } from '../seed/demo-case-values';
import { DEMO_CASES, DEMO_PROFILES } from '../seed/demo-customers';
import { DEFAULT_DEMO_PASSWORD } from '../seed/demo-instance';
import { demoTaskTemplates } from '../seed/demo-task-templates';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { seedKnowledgeIfEmpty } from '../knowledge/seed-articles';
import { getContactRecord, listContactRecords, markInFlightAsServerRestart, saveContactRecord } from '../store/contact-record-repository';
import { openDatabase, type Database } from '../store/database';
import { findUserForLogin, loadInstanceConfig, saveAgentConfig, seedIfEmpty } from '../store/instance-repository';
import { verifyPassword } from '../store/passwords';
import { seedProfilesIfEmpty } from '../store/profile-repository';
import { closeAllOpenIntervals, openStatusInterval, statusTimeReport } from '../store/status-time-repository';
import { endTasksInFlight, listScheduledTasks, saveTask } from '../store/task-repository';
import { seedTaskTemplatesIfEmpty } from '../store/task-template-repository';
import { keepChatMessagesAsSegments } from '../transcript/chat-segments';
import { TranscriptHub } from '../transcript/transcript-hub';
import { TranscriptService } from '../transcript/transcript-service';
import { QConnectService } from '../qconnect/qconnect-service';
import { Recommender } from '../qconnect/recommender';
import { buildContactCenterApp } from './app';
import { DeskPhones } from './deskphone';
import type { LoopbackApp } from './loopback-app';
import { SessionStore } from './sessions';

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
  /** The live transcript stream's heartbeat interval in ms (default 15 s; tests shorten it). */
  transcriptHeartbeatMs?: number;
}

export interface RunningContactCenter {
  url: string;
  port: number;
  /** The demo CRM, on its own origin: `http://localhost:<crmPort>`. */
  crmUrl: string;
  crmPort: number;
  engine: RoutingEngine;
  /** The chat layer (participant service, transcripts, attachments) and its link to the engine. */
  chat: ChatService;
  chatBridge: ChatRoutingBridge;
  /** The live transcript of calls and chats; `transcripts.hub` is its TranscriptEvents (the recommender listens). */
  transcripts: TranscriptService;
  /** The knowledge base (articles in SQLite, searched in memory): Q in Connect's content and recommendations. */
  knowledge: KnowledgeBase;
  /** Amazon Q in Connect (sessions, recommendations, feedback) over the knowledge base. */
  qconnect: QConnectService;
  db: Database;
  /** The Fastify app of the contact center (tests drive it with `inject()`; it is also listening on `url`). */
  app: LoopbackApp;
  /** The demo CRM's app. */
  crmApp: LoopbackApp;
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
  endTasksInFlight(db);
  closeAllOpenIntervals(db, now);
  const config = loadInstanceConfig(db);
  if (seedTaskTemplatesIfEmpty(db, demoTaskTemplates(config, now))) log('created the demo task templates');
  if (seedDemoCasesIfEmpty(db, config, now)) log('created the demo case templates and put the demo cases on them');
  const seededArticles = seedKnowledgeIfEmpty(db, config.queues.map((queue) => queue.name), now, log);
  if (seededArticles > 0) log(`created ${seededArticles} demo knowledge articles`);
  const knowledge = KnowledgeBase.fromDatabase(db, () => clock.now());
  const engine = new RoutingEngine(config, { clock, ...options.engine });
  for (const agentId of engine.agentIds()) openStatusInterval(db, agentId, engine.getAgentView(agentId).state.name, now);
  engine.observe({
    recordChanged: (record) => saveContactRecord(db, record),
    stateChanged: (agentId, stateName, at) => openStatusInterval(db, agentId, stateName, at),
    agentConfigChanged: (agentId, agentConfig) => saveAgentConfig(db, agentId, agentConfig),
    taskEvent: (event) => {
      if (event.type === 'stored') saveTask(db, event.task);
    },
  });
  // Scheduled tasks wait across restarts: each is routed at its time (or now, when it passed meanwhile).
  engine.restoreScheduledTasks(listScheduledTasks(db));

  // The participant service's URLs name the port the server listens on, known once it does.
  let baseUrl = '';
  const chat = new ChatService({
    db,
    clock,
    attachmentFolder: join(options.dataDir, 'chat-attachments'),
    urls: {
      websocket: (token) => `${baseUrl.replace(/^http/, 'ws')}/participant/socket?token=${encodeURIComponent(token)}`,
      upload: (token) => `${baseUrl}/attachments/upload/${encodeURIComponent(token)}`,
      download: (token) => `${baseUrl}/attachments/download/${encodeURIComponent(token)}`,
    },
    onCustomerDisconnected: (contactId) => {
      if (engine.hasContact(contactId)) engine.customerDisconnectChat(contactId);
    },
    onAgentDisconnected: (contactId, participantId) => chatBridge.agentDisconnected(contactId, participantId),
    onAgentMessage: (contactId, at) => {
      if (engine.hasContact(contactId)) engine.noteAgentMessage(contactId, at);
    },
    onDeliveryError: (error) => log(`a chat item could not be pushed: ${(error as Error).message}`),
  });
  const chatBridge = new ChatRoutingBridge(engine, chat, log);
  // The live transcript: lines said on calls, chat messages as they are sent, each contact's end announced.
  const transcriptHub = new TranscriptHub((error) => log(`a transcript listener failed: ${(error as Error).message}`));
  const transcripts = new TranscriptService({ db, engine, getRecord: (id) => getContactRecord(db, id), hub: transcriptHub, now: () => clock.now() });
  transcripts.watchContactEnds();
  keepChatMessagesAsSegments(chat, transcripts);
  // Amazon Q in Connect over the knowledge base: a session per contact, and the recommender hearing what customers
  // say (call segments, chat messages) and matching their contacts' attributes once connected.
  const qconnect = new QConnectService({
    db,
    config,
    knowledge,
    contacts: { record: (id) => transcripts.contact(id)?.record ?? null }, // the live record, else the stored one
    now: () => clock.now(),
    baseUrl: () => baseUrl,
  });
  const recommender = new Recommender({ service: qconnect, queues: config.queues, log });
  recommender.listen(transcriptHub);
  engine.observe({ recordChanged: (record) => recommender.contactChanged(record) });

  const arns = new Arns(config);
  const sessions = new SessionStore(() => clock.now());
  const sockets = new CcpSockets(engine, arns, sessions, {}, { service: chat, bridge: chatBridge }, new CcpTaskApi(db, engine, arns));
  const deskPhones = new DeskPhones(engine);
  const app = buildContactCenterApp({
    config,
    engine,
    db,
    now: () => clock.now(),
    records: {
      getRecord: (id) => getContactRecord(db, id),
      saveRecord: (record) => saveContactRecord(db, record),
      listRecords: (q) => listContactRecords(db, q),
      statusTime: (w) => statusTimeReport(db, w),
    },
    sessions,
    login: {
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
    },
    sockets,
    deskPhones,
    ccpHtml: staticFile('ccp-page.html'),
    ccpJs: staticFile('ccp-page.js'),
    log,
    chat,
    chatBridge,
    baseUrl: () => baseUrl,
    transcripts,
    transcriptStream: { heartbeatMs: options.transcriptHeartbeatMs },
    qconnect,
  });

  const stopEverything = async () => {
    qconnect.close();
    sockets.closeAll();
    deskPhones.closeAll();
    await app.close();
    engine.shutdown();
    if (clock instanceof SystemClock) clock.clearAll();
    db.close();
  };
  try {
    await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  } catch (error) {
    await stopEverything();
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUseError(host, options.port ?? DEFAULT_PORT) : error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? DEFAULT_PORT);
  // ChatJS accepts a customer socket only at ws://127.0.0.1:<port> (or wss://): name the IPv4 loopback when we have it.
  baseUrl = host === '::1' ? `http://[::1]:${port}` : `http://127.0.0.1:${port}`;
  const requestedCrmPort = options.crmPort ?? (options.port === 0 ? 0 : DEFAULT_PORT + 1);
  let crm: RunningDemoCrm;
  try {
    crm = await startDemoCrm(db, requestedCrmPort, log);
  } catch (error) {
    await stopEverything();
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
    chat,
    chatBridge,
    transcripts,
    knowledge,
    qconnect,
    db,
    app,
    crmApp: crm.app,
    issueSession: (agentId) => sessions.create(agentId),
    async close() {
      if (closed) return;
      closed = true;
      const ended = engine.shutdown();
      if (ended.length > 0) log(`${ended.length} contact(s) in flight recorded as ended (server_restart)`);
      closeAllOpenIntervals(db, clock.now());
      qconnect.close();
      sockets.closeAll();
      deskPhones.closeAll();
      await Promise.all([app.close(), crm.close()]);
      if (clock instanceof SystemClock) clock.clearAll();
      db.close();
    },
  };
}
