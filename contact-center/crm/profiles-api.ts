// Control-API routes for customer profiles and cases: `POST /api/v1/profiles/search` (shaped like Customer
// Profiles SearchProfiles), `POST /api/v1/cases/search` (like Cases SearchCases), `GET /api/v1/cases/{id}` (with
// the case's related items) and `POST /api/v1/cases/{id}/related-items` (case-related-items-api.ts).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpError } from '../server/http-kit';
import { isFromBrowserExtension, type RequestHeaders } from '../server/security';
import { relatedItemsOf } from '../store/case-related-items-repository';
import type { Database } from '../store/database';
import { RELATED_ITEMS_PATH, relatedItemView } from './case-related-items-api';
import { CASE_STATUSES, getCase, PROFILE_SEARCH_KEYS, searchCases, searchProfiles, toProfileItem, type CustomerCase } from '../store/profile-repository';

const MAX_SEARCH_VALUES = 20;

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

const ProfileSearch = Type.Object({
  KeyName: Type.Enum(PROFILE_SEARCH_KEYS, { errorMessage: `"KeyName" must be one of ${PROFILE_SEARCH_KEYS.join(', ')}` }),
  Values: Type.Array(Type.String({ maxLength: 255 }), {
    minItems: 1,
    maxItems: MAX_SEARCH_VALUES,
    errorMessage: `"Values" must be a list of 1 to ${MAX_SEARCH_VALUES} strings (each at most 255 characters)`,
  }),
});

const CaseSearch = Type.Object({
  filter: Type.Optional(
    Type.Object(
      {
        profileId: Type.Optional(Type.String({ minLength: 1, errorMessage: '"filter.profileId" must be a non-empty string' })),
        status: Type.Optional(Type.Enum(CASE_STATUSES, { errorMessage: `"filter.status" must be one of ${CASE_STATUSES.join(', ')}` })),
      },
      {
        additionalProperties: false,
        errorMessage: '"filter" must be an object with optional "profileId" and "status"',
        errorMessages: { additionalProperties: '"filter" has unknown key(s) {additionalProperties} (known: profileId, status)' },
      },
    ),
  ),
  searchTerm: Type.Optional(Type.String({ maxLength: 255, errorMessage: '"searchTerm" must be a string of at most 255 characters' })),
});

/** The lookups a browser extension's service worker makes for screen pops and case links. */
const EXTENSION_LOOKUP_PATHS = new Set(['/api/v1/profiles/search', '/api/v1/cases/search']);

/**
 * Whether `req` is a browser extension's profile or case request: a POST to one of the two search routes, or
 * linking a contact to a case (the agent's "Link current call"), whose Origin is a `chrome-extension://` or
 * `moz-extension://` origin and that the browser marks as the extension's own (security.ts isFromBrowserExtension).
 * These are the routes marked `acceptsExtensionWorker` below and in case-related-items-api.ts.
 * Linking changes data, but only adds a link between a case and a contact that exist.
 */
export function isExtensionCrmRequest(req: RequestHeaders & { method?: string }, url: URL): boolean {
  if (req.method !== 'POST' || !(EXTENSION_LOOKUP_PATHS.has(url.pathname) || RELATED_ITEMS_PATH.test(url.pathname))) return false;
  return isFromBrowserExtension(req);
}

export interface ProfilesRoutesOptions {
  db: Database;
}

export const profilesRoutes: FastifyPluginAsyncTypebox<ProfilesRoutesOptions> = async (app, { db }) => {
  const extensionWorker = { acceptsExtensionWorker: true };

  app.post('/api/v1/profiles/search', { schema: { body: ProfileSearch }, config: extensionWorker }, async (request) => {
    const { KeyName, Values } = request.body;
    return { Items: searchProfiles(db, KeyName, Values).map(toProfileItem) };
  });

  app.post('/api/v1/cases/search', { schema: { body: CaseSearch }, config: extensionWorker }, async (request) => {
    const { filter, searchTerm } = request.body;
    return { cases: searchCases(db, { ...filter, searchTerm }).map(caseView) };
  });

  app.get('/api/v1/cases/:caseId', { schema: { params: Type.Object({ caseId: Type.String() }) } }, async (request) => {
    const { caseId } = request.params;
    const found = getCase(db, caseId);
    if (!found) throw new HttpError(404, `case ${caseId} does not exist`, 'ResourceNotFoundException');
    return { ...caseView(found), relatedItems: relatedItemsOf(db, found.id).map(relatedItemView) };
  });
};
