// The demo CRM's own HTTP server: started by the contact center on 127.0.0.1:<crmPort> and meant to be
// opened as http://localhost:<crmPort>, an origin (and site) different from the contact center's
// http://127.0.0.1:8790, as a real CRM would be. Read-only GET pages over the profiles and cases store, and the
// customer lookup an admin can point the workspace at (workspace.lookupUrl): JSON in the CRM's own shape.

import { escapeHtml, HttpError, sendHtml } from '../server/http-kit';
import { createLoopbackApp, type LoopbackApp } from '../server/loopback-app';
import { relatedItemsOf } from '../store/case-related-items-repository';
import type { Database } from '../store/database';
import { getCase, getProfile, listProfiles, searchCases, searchProfiles, type CustomerProfile, type ProfileSearchKey } from '../store/profile-repository';
import { casePage, customerListPage, customerPanelPage, customerRecordPage, japaneseRecordPage, LIVE_BOARD_SCRIPT, liveBoardPage, notFoundPage, type CrmPage } from './demo-crm-pages';

export const CRM_BIND_HOST = '127.0.0.1';

export interface RunningDemoCrm {
  /** The URL to open in a browser: `http://localhost:<port>`. */
  url: string;
  port: number;
  /** The Fastify app (tests drive it with `inject()`). */
  app: LoopbackApp;
  close(): Promise<void>;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The page for a GET path, or a 404 page. */
export function renderCrmPath(db: Database, path: string): CrmPage {
  if (path === '/' || path === '/customers' || path === '/customers/') {
    const profiles = listProfiles(db);
    const openCounts = new Map<string, number>();
    for (const c of searchCases(db, {})) if (c.status !== 'closed') openCounts.set(c.profileId, (openCounts.get(c.profileId) ?? 0) + 1);
    return customerListPage(profiles, openCounts);
  }
  if (path === '/app' || path === '/app/') return liveBoardPage(listProfiles(db));
  const customer = /^\/(ja\/)?customers\/([^/]+)(\/panel)?\/?$/.exec(path);
  if (customer) {
    const id = decodeSegment(customer[2] ?? '');
    const profile = id === null ? null : getProfile(db, id);
    if (!profile) return notFoundPage(path);
    if (customer[3]) return customer[1] ? notFoundPage(path) : customerPanelPage(profile);
    const cases = searchCases(db, { profileId: profile.id });
    return customer[1] ? japaneseRecordPage(profile, cases) : customerRecordPage(profile, cases);
  }
  const caseMatch = /^\/cases\/([^/]+)\/?$/.exec(path);
  if (caseMatch) {
    const id = decodeSegment(caseMatch[1] ?? '');
    const found = id === null ? null : getCase(db, id);
    if (!found) return notFoundPage(path);
    return casePage(found, getProfile(db, found.profileId), relatedItemsOf(db, found.id));
  }
  return notFoundPage(path);
}

const LOOKUP_KEYS: Record<string, ProfileSearchKey> = { phone: '_phone', email: '_email', account: '_account' };

/** What the CRM knows of one customer, in its own shape (not Customer Profiles'): a lookup maps it by paths. */
function lookupAnswer(db: Database, profile: CustomerProfile) {
  const cases = searchCases(db, { profileId: profile.id });
  return {
    customer: {
      crmId: profile.id,
      displayName: `${profile.lastName} ${profile.firstName}`,
      company: profile.company ?? null,
      segment: profile.company ? 'Business' : 'Consumer',
      customerSince: profile.createdAt.slice(0, 10),
    },
    service: { openCases: cases.filter((c) => c.status !== 'closed').length, totalCases: cases.length },
  };
}

/** GET /api/customers/lookup?phone=|email=|account=: 200 with the customer, 404 when none, 400 without a key. */
function lookUp(db: Database, query: Record<string, unknown>): { status: number; body: unknown } {
  const entry = Object.entries(LOOKUP_KEYS).find(([name]) => typeof query[name] === 'string' && query[name] !== '');
  if (!entry) return { status: 400, body: { error: 'give phone, email or account' } };
  const found = searchProfiles(db, entry[1], [String(query[entry[0]])]);
  return found.length === 0 ? { status: 404, body: { error: 'no such customer' } } : { status: 200, body: lookupAnswer(db, found[0]!) };
}

/** The demo CRM's app: read-only GET pages (405 for anything else), errors as small HTML pages. */
export function buildDemoCrmApp(db: Database, log: (line: string) => void = () => {}): LoopbackApp {
  return createLoopbackApp(
    {
      log: (line) => log(`demo CRM: ${line}`),
      serviceName: 'the demo CRM',
      notFound: (_method, path) => new HttpError(404, `nothing at ${path}`, 'NotFound'),
      sendError: (reply, error) => {
        const message = error.status === 405 ? 'the demo CRM is read-only: use GET' : error.message;
        sendHtml(reply, error.status, `<!doctype html><title>${error.status}</title><p>${escapeHtml(message)}</p>`);
      },
    },
    (app) => {
      app.get('/assets/live-board.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(LIVE_BOARD_SCRIPT));
      app.get('/api/customers/lookup', async (request, reply) => {
        const { status, body } = lookUp(db, (request.query ?? {}) as Record<string, unknown>);
        return reply.code(status).header('cache-control', 'no-store').send(body);
      });
      app.get('/*', async (request, reply) => {
        const page = renderCrmPath(db, request.url.split('?')[0] ?? '/');
        return sendHtml(reply, page.status, page.html, { 'X-Frame-Options': 'SAMEORIGIN' });
      });
    },
  );
}

/** Starts the demo CRM on 127.0.0.1:<port> (0 = any free port). */
export async function startDemoCrm(db: Database, port: number, log: (line: string) => void = () => {}): Promise<RunningDemoCrm> {
  const app = buildDemoCrmApp(db, log);
  try {
    await app.listen({ port, host: CRM_BIND_HOST });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  let closed = false;
  return {
    url: `http://localhost:${boundPort}`,
    port: boundPort,
    app,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
