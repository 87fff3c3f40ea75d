// The engine's answers to the workspace's profile requests: a contact's customer found by its keys in turn
// (customer-lookup.ts), search, history, create (and link the contact that prompted it), update, and linking a
// contact to a profile as Connect's agent app does it: the contact's id as the profile key `_ctrContactId`, which
// puts that contact's record (object type CTR) in the profile's history.
import type { ContactView } from '../session/snapshot';
import { profileLookupKeys } from './customer-lookup';
import type { CustomerProfilesClient } from './customer-profiles-client';
import type { ProfileLookupKey, WorkspaceAnswer, WorkspaceRequest } from './workspace-requests';

export type ProfileRequest = Extract<WorkspaceRequest, { op: `profile-${string}` | 'customer-for-contact' }>;

export interface ProfileRequestContext {
  client: CustomerProfilesClient;
  /** The contact as the panel sees it, or null when it is gone. */
  contact(contactId: string): ContactView | null;
}

const CONTACT_KEY = '_ctrContactId';

export const isProfileRequest = (request: WorkspaceRequest): request is ProfileRequest => request.op === 'customer-for-contact' || request.op.startsWith('profile-');

export async function answerProfileRequest(request: ProfileRequest, { client, contact }: ProfileRequestContext): Promise<WorkspaceAnswer> {
  switch (request.op) {
    case 'customer-for-contact': {
      const found = contact(request.contactId);
      if (!found) return { profiles: [], lookedUpBy: [] };
      const keys = profileLookupKeys(found);
      const tried: ProfileLookupKey[] = [];
      for (const key of keys) {
        tried.push(key);
        const profiles = await client.searchProfiles(key.key, [key.value]);
        if (profiles.length) {
          // One customer: their history comes with them, saving the panel a round trip.
          const history = profiles.length === 1 ? await client.contactHistory(profiles[0].ProfileId) : undefined;
          return { profiles, lookedUpBy: tried, ...(history ? { history } : {}) };
        }
      }
      return { profiles: [], lookedUpBy: tried };
    }
    case 'profile-search':
      return { profiles: await client.searchProfiles(request.key, [request.value]) };
    case 'profile-history':
      return { history: await client.contactHistory(request.profileId) };
    case 'profile-create': {
      const profileId = await client.createProfile(request.fields);
      if (request.linkContactId) await client.addProfileKey(profileId, CONTACT_KEY, [request.linkContactId]);
      return { profileId };
    }
    case 'profile-update':
      await client.updateProfile(request.profileId, request.fields);
      return { profileId: request.profileId };
    case 'profile-link-contact':
      await client.addProfileKey(request.profileId, CONTACT_KEY, [request.contactId]);
      return { profileId: request.profileId };
  }
}
