// Control-API routes for customer profiles and cases: `POST /api/v1/profiles/search` (shaped like Customer
// Profiles SearchProfiles), `POST /api/v1/cases/search` (like Cases SearchCases), `GET /api/v1/cases/{id}` (with
// the case's related items) and `POST /api/v1/cases/{id}/related-items` (case-related-items-api.ts).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readJsonObject, sendJson } from '../server/http-kit';
import { isFromBrowserExtension } from '../server/security';
import { relatedItemsOf } from '../store/case-related-items-repository';
import type { Database } from '../store/database';
import { handleCreateRelatedItem, RELATED_ITEMS_PATH, relatedItemView } from './case-related-items-api';
import {
  CASE_STATUSES,
  getCase,
  PROFILE_SEARCH_KEYS,
  searchCases,
  searchProfiles,
  toProfileItem,
  type CaseSearch,
  type CaseStatus,
  type CustomerCase,
  type ProfileSearchKey,
} from '../store/profile-repository';

const MAX_SEARCH_VALUES = 20;

function isSearchKey(value: unknown): value is ProfileSearchKey {
  return typeof value === 'string' && (PROFILE_SEARCH_KEYS as readonly string[]).includes(value);
}

function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

/** A case as the API returns it. */
export function caseView(c: CustomerCase) {
  return {
    caseId: c.id,
    reference: c.reference,
    profileId: c.profileId,
    title: c.title,
    summary: c.summary,
    status: c.status,
    fields: c.fields,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    activity: c.activity,
  };
}

/** Validates a SearchProfiles body; throws 400 with the reason. */
export function parseProfileSearch(body: Record<string, unknown>): { keyName: ProfileSearchKey; values: string[] } {
  if (!isSearchKey(body.KeyName)) throw new HttpError(400, `"KeyName" must be one of ${PROFILE_SEARCH_KEYS.join(', ')}`);
  const values = body.Values;
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_SEARCH_VALUES || !values.every((v): v is string => typeof v === 'string' && v.length <= 255)) {
    throw new HttpError(400, `"Values" must be a list of 1 to ${MAX_SEARCH_VALUES} strings (each at most 255 characters)`);
  }
  return { keyName: body.KeyName, values };
}

/** Validates a SearchCases body; throws 400 with the reason. */
export function parseCaseSearch(body: Record<string, unknown>): CaseSearch {
  const search: CaseSearch = {};
  const filter = body.filter;
  if (filter !== undefined) {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new HttpError(400, '"filter" must be an object with optional "profileId" and "status"');
    const { profileId, status, ...rest } = filter as Record<string, unknown>;
    const unknownKeys = Object.keys(rest);
    if (unknownKeys.length > 0) throw new HttpError(400, `"filter" has unknown key(s) ${unknownKeys.join(', ')} (known: profileId, status)`);
    if (profileId !== undefined) {
      if (typeof profileId !== 'string' || profileId === '') throw new HttpError(400, '"filter.profileId" must be a non-empty string');
      search.profileId = profileId;
    }
    if (status !== undefined) {
      if (!isCaseStatus(status)) throw new HttpError(400, `"filter.status" must be one of ${CASE_STATUSES.join(', ')}`);
      search.status = status;
    }
  }
  if (body.searchTerm !== undefined) {
    if (typeof body.searchTerm !== 'string' || body.searchTerm.length > 255) throw new HttpError(400, '"searchTerm" must be a string of at most 255 characters');
    search.searchTerm = body.searchTerm;
  }
  return search;
}

/** The lookups a browser extension's service worker makes for screen pops and case links. */
const EXTENSION_LOOKUP_PATHS = new Set(['/api/v1/profiles/search', '/api/v1/cases/search']);

/**
 * Whether `req` is a browser extension's profile or case request: a POST to one of the two search routes, or
 * linking a contact to a case (the agent's "Link current call"), whose Origin is a `chrome-extension://`
 * origin and that the browser does not mark as coming from a web site (security.ts isFromBrowserExtension).
 * The control API's cross-origin guard may let exactly these through (contact-center-server.ts decides).
 * Linking changes data, but only adds a link between a case and a contact that exist.
 */
export function isExtensionCrmRequest(req: IncomingMessage, url: URL): boolean {
  if (req.method !== 'POST' || !(EXTENSION_LOOKUP_PATHS.has(url.pathname) || RELATED_ITEMS_PATH.test(url.pathname))) return false;
  return isFromBrowserExtension(req);
}

/** Handles the profile and case routes; returns false for any other path. */
export async function handleProfilesApi(db: Database, req: IncomingMessage, res: ServerResponse, url: URL, now: () => number = Date.now): Promise<boolean> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const relatedItems = RELATED_ITEMS_PATH.exec(path);
  if (relatedItems) {
    await handleCreateRelatedItem(db, req, res, relatedItems[1] ?? '', now());
    return true;
  }
  if (path === '/api/v1/profiles/search') {
    if (method !== 'POST') throw new HttpError(405, 'use POST', 'MethodNotAllowed');
    const { keyName, values } = parseProfileSearch(await readJsonObject(req));
    sendJson(res, 200, { Items: searchProfiles(db, keyName, values).map(toProfileItem) });
    return true;
  }
  if (path === '/api/v1/cases/search') {
    if (method !== 'POST') throw new HttpError(405, 'use POST', 'MethodNotAllowed');
    const search = parseCaseSearch(await readJsonObject(req));
    sendJson(res, 200, { cases: searchCases(db, search).map(caseView) });
    return true;
  }
  const caseMatch = /^\/api\/v1\/cases\/([^/]+)$/.exec(path);
  if (caseMatch) {
    if (method !== 'GET') throw new HttpError(405, 'use GET', 'MethodNotAllowed');
    let id: string;
    try {
      id = decodeURIComponent(caseMatch[1] ?? '');
    } catch {
      throw new HttpError(400, 'the case id is not a valid URL component');
    }
    const found = getCase(db, id);
    if (!found) throw new HttpError(404, `case ${id} does not exist`, 'ResourceNotFoundException');
    sendJson(res, 200, { ...caseView(found), relatedItems: relatedItemsOf(db, found.id).map(relatedItemView) });
    return true;
  }
  return false;
}
