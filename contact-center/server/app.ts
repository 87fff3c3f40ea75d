// The contact center's HTTP and WebSocket app: the route plugins, one per area, on the loopback app's rules
// (loopback-app.ts). The /api/ plugins are registered in one scope whose hook refuses web pages of other
// origins, except on routes marked `acceptsExtensionWorker` when the caller is a browser extension's worker.

import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import { CASES_BASE_PATH } from '../cases/cases-model';
import { casesRoutes } from '../cases/cases-routes';
import type { CcpSockets } from '../ccp/ccp-socket';
import type { ChatRoutingBridge } from '../chat/chat-routing-bridge';
import type { ChatService } from '../chat/chat-service';
import { relatedItemsRoutes } from '../crm/case-related-items-api';
import { profilesRoutes } from '../crm/profiles-api';
import { loadGuideLibrary } from '../guides/guide-library';
import { guideRoutes } from '../guides/guide-routes';
import type { InstanceConfig } from '../model';
import { QCONNECT_BASE_PATH } from '../qconnect/qconnect-model';
import { qconnectRoutes } from '../qconnect/qconnect-routes';
import type { QConnectService } from '../qconnect/qconnect-service';
import type { RoutingEngine } from '../routing/engine';
import type { Database } from '../store/database';
import { contactLensRoutes } from '../transcript/contact-lens-routes';
import { sayRoute } from '../transcript/say-route';
import type { TranscriptService } from '../transcript/transcript-service';
import type { DeskPhones } from './deskphone';
import { customerChatPageRoutes, customerChatStartRoute } from './customer-chat/customer-chat-routes';
import { HttpError, MAX_BODY_BYTES } from './http-kit';
import { createLoopbackApp, type LoopbackApp } from './loopback-app';
import { agentAppApiRoutes } from './routes/agent-app-api';
import { ccpRoutes } from './routes/ccp';
import { contactAttributesRoutes, type StoredRecords } from './routes/contact-attributes';
import { contactActivityFromDatabase } from './routes/contact-activity';
import { contactDetailsPageRoutes } from './routes/contact-details-page';
import { controlRoutes, type RecordSource } from './routes/control';
import { customerProfilesPageRoutes } from './routes/customer-profiles-page';
import { deskPhoneRoutes } from './routes/deskphone';
import { type LoginBackend, loginRoutes } from './routes/login';
import { pageRoutes } from './routes/pages';
import { participantServiceRoutes } from './routes/participant-service';
import { instanceDescription, startChatContactRoutes } from './routes/start-chat-contact';
import { startTaskContactRoutes } from './routes/start-task-contact';
import { taskTemplateRoutes } from './routes/task-templates';
import { wisdomPageRoutes } from './routes/wisdom-page';
import { assertNotCrossSite, isFromBrowserExtension } from './security';
import type { SessionStore } from './sessions';

export interface ContactCenterAppParts {
  config: InstanceConfig;
  engine: RoutingEngine;
  db: Database;
  now: () => number;
  records: RecordSource & StoredRecords;
  sessions: SessionStore;
  login: LoginBackend;
  sockets: CcpSockets;
  deskPhones: DeskPhones;
  ccpHtml: string;
  ccpJs: string;
  log: (line: string) => void;
  chat: ChatService;
  chatBridge: ChatRoutingBridge;
  /** The server's own base URL once it listens (http://127.0.0.1:<port>). */
  baseUrl: () => string;
  /** Amazon Q in Connect: knowledge search, recommendations and feedback (public routes and agent-app targets). */
  qconnect: QConnectService;
  /** The live transcript of calls and chats (Contact Lens routes, the say route, the live stream). */
  transcripts: TranscriptService;
  /** The live stream's heartbeat interval (tests shorten it). */
  transcriptStream?: { heartbeatMs?: number };
}

/** Screen pops and case links: the extension's worker may call the routes that say so; nothing else cross-origin. */
async function refuseOtherOrigins(request: FastifyRequest): Promise<void> {
  if (request.routeOptions.config.acceptsExtensionWorker && isFromBrowserExtension(request)) return;
  assertNotCrossSite(request);
}

export function buildContactCenterApp(parts: ContactCenterAppParts): LoopbackApp {
  const { engine, db, records, sessions } = parts;
  // The guides the contact center serves (contact-center/seed/guides), read once: served as contact flows and named on
  // the contact record page.
  const guides = loadGuideLibrary();
  return createLoopbackApp(
    {
      log: parts.log,
      serviceName: 'the contact center',
      notFound: (method, path) => (path.startsWith('/api/') ? new HttpError(404, `no API route ${method} ${path}`, 'NotFound') : new HttpError(404, `nothing at ${path}`, 'NotFound')),
    },
    (app) => {
      // One WebSocket server for every socket route; it upgrades only after the route's hooks have passed.
      app.register(websocket, { options: { maxPayload: MAX_BODY_BYTES } });
      app.register(async (api) => {
        api.addHook('onRequest', refuseOtherOrigins);
        api.register(controlRoutes, { engine, records });
        api.register(contactAttributesRoutes, { engine, records });
        api.register(profilesRoutes, { db });
        api.register(relatedItemsRoutes, { db, now: parts.now });
        api.get('/api/v1/instance', async () => instanceDescription(parts.config, parts.baseUrl()));
        api.register(customerChatStartRoute, { config: parts.config, bridge: parts.chatBridge, log: parts.log });
        api.register(sayRoute, { transcripts: parts.transcripts, sessions });
      });
      // Amazon Connect's own routes and shapes (AWS errors; the participant service answers CORS as AWS does).
      app.register(startChatContactRoutes, { config: parts.config, bridge: parts.chatBridge, log: parts.log });
      app.register(participantServiceRoutes, { chat: parts.chat, log: parts.log });
      app.register(taskTemplateRoutes, { config: parts.config, db, now: parts.now, log: parts.log });
      app.register(startTaskContactRoutes, { config: parts.config, engine, db, log: parts.log });
      // Customer Profiles the way Connect serves its browser agent apps: the agent-app proxy and its helper page.
      app.register(agentAppApiRoutes, { db, config: parts.config, now: parts.now, sessions, log: parts.log, qconnect: parts.qconnect });
      app.register(customerProfilesPageRoutes);
      // Amazon Q in Connect: its helper page for amazon-q-connectjs, and its public routes for the same callers as Cases.
      app.register(wisdomPageRoutes);
      app.register(qconnectRoutes, { prefix: QCONNECT_BASE_PATH, service: parts.qconnect, sessions, log: parts.log });
      // Amazon Connect Cases on its public routes, for SigV4 backends and the signed-in agent's extension.
      app.register(casesRoutes, { prefix: CASES_BASE_PATH, db, config: parts.config, sessions, now: parts.now, log: parts.log });
      // Step-by-step guides as Connect serves flows (ListContactFlows, DescribeContactFlow), for the same callers as Cases.
      app.register(guideRoutes, { config: parts.config, sessions, guides, log: parts.log });
      // Contact Lens real-time analysis (calls and chats) and its live stream, for the same callers as Cases.
      app.register(contactLensRoutes, { config: parts.config, sessions, transcripts: parts.transcripts, log: parts.log, stream: parts.transcriptStream });
      app.register(loginRoutes, { sessions, backend: parts.login });
      app.register(ccpRoutes, { sessions, sockets: parts.sockets, ccpHtml: parts.ccpHtml, ccpJs: parts.ccpJs });
      app.register(deskPhoneRoutes, { deskPhones: parts.deskPhones });
      app.register(pageRoutes, { config: parts.config });
      app.register(contactDetailsPageRoutes, { config: parts.config, records, sessions, activity: contactActivityFromDatabase(db, guides) });
      app.register(customerChatPageRoutes, { config: parts.config });
    },
  );
}
