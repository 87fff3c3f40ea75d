// The demo CRM's own HTTP server: started by the contact center on 127.0.0.1:<crmPort> and meant to be
// opened as http://localhost:<crmPort>, an origin (and site) different from the contact center's
// http://127.0.0.1:8790, as a real CRM would be. Read-only GET pages over the profiles and cases store.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, HttpError, sendHtml } from '../server/http-kit';
import { assertLoopbackHost } from '../server/security';
import { relatedItemsOf } from '../store/case-related-items-repository';
import type { Database } from '../store/database';
import { getCase, getProfile, listProfiles, searchCases } from '../store/profile-repository';
import { casePage, customerListPage, customerPanelPage, customerRecordPage, japaneseRecordPage, LIVE_BOARD_SCRIPT, liveBoardPage, notFoundPage, type CrmPage } from './demo-crm-pages';

export const CRM_BIND_HOST = '127.0.0.1';

export interface RunningDemoCrm {
  /** The URL to open in a browser: `http://localhost:<port>`. */
  url: string;
  port: number;
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

function handle(db: Database, req: IncomingMessage, res: ServerResponse): void {
  assertLoopbackHost(req);
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'the demo CRM is read-only: use GET', 'MethodNotAllowed');
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/assets/live-board.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(LIVE_BOARD_SCRIPT);
    return;
  }
  const page = renderCrmPath(db, path);
  sendHtml(res, page.status, page.html, { 'X-Frame-Options': 'SAMEORIGIN' });
}

/** Starts the demo CRM on 127.0.0.1:<port> (0 = any free port). */
export async function startDemoCrm(db: Database, port: number, log: (line: string) => void = () => {}): Promise<RunningDemoCrm> {
  const server: Server = createServer((req, res) => {
    try {
      handle(db, req, res);
    } catch (error) {
      const httpError = error instanceof HttpError ? error : new HttpError(500, 'internal error in the demo CRM', 'InternalError');
      if (!(error instanceof HttpError)) log(`demo CRM error on ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) res.end();
      else sendHtml(res, httpError.status, `<!doctype html><title>${httpError.status}</title><p>${escapeHtml(httpError.message)}</p>`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, CRM_BIND_HOST, () => resolve());
  });
  const boundPort = (server.address() as AddressInfo).port;
  let closed = false;
  return {
    url: `http://localhost:${boundPort}`,
    port: boundPort,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
