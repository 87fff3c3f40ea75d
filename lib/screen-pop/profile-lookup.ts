// Finds customer profiles (by phone or email) with their open cases, and cases by reference, through the engine's
// workspace (lib/session/workspace-road.ts): Customer Profiles' SearchProfiles on the instance's agent-app API and
// Cases' SearchCases at the configured Cases URL, on the local contact center and on Amazon Connect alike. Used
// by screen pops and case links.
import type { CommandResult } from '../session/commands';
import type { WorkspaceRoad } from '../session/workspace-road';
import type { CaseSummary, WorkspaceAnswer, WorkspaceRequest } from '../workspace/workspace-requests';

export interface FoundCase {
  caseId: string;
  reference: string;
  title: string;
  status: string;
}

export interface FoundProfile {
  profileId: string;
  firstName: string;
  lastName: string;
  accountNumber: string | null;
  email: string | null;
  openCases: FoundCase[];
}

/** The engine could not answer: its error code (workspace-source-failed, not-signed-in, timeout…) and detail. */
export class ProfileLookupError extends Error {
  constructor(
    readonly code: string,
    readonly op: WorkspaceRequest['op'],
    detail: string,
  ) {
    super(`the workspace's ${op} failed (${code})${detail ? `: ${detail}` : ''}`);
    this.name = 'ProfileLookupError';
  }
}

/** The SearchProfiles keys the extension looks customers up by. */
export type ProfileLookupKey = '_phone' | '_email';

type Ask = WorkspaceRoad['ask'];

async function answerOf(ask: Ask, request: WorkspaceRequest): Promise<WorkspaceAnswer> {
  const result: CommandResult = await ask(request);
  if (!result.ok) throw new ProfileLookupError(result.error.code, request.op, [result.error.params?.source, result.error.detail].filter(Boolean).join(': '));
  return result.value?.workspace ?? {};
}

const toFoundCase = (c: CaseSummary): FoundCase => ({ caseId: c.caseId, reference: c.referenceNumber, title: c.title, status: c.status });

/** Profiles whose phone number (`_phone`) or email address (`_email`) is `value`, without their cases. */
export async function searchProfiles(ask: Ask, keyName: ProfileLookupKey, value: string): Promise<FoundProfile[]> {
  const { profiles = [] } = await answerOf(ask, { op: 'profile-search', key: keyName, value });
  return profiles.map((p) => ({
    profileId: p.ProfileId,
    firstName: p.FirstName ?? '',
    lastName: p.LastName ?? '',
    accountNumber: p.AccountNumber ?? null,
    email: p.EmailAddress ?? null,
    openCases: [],
  }));
}

/** The profile's open and pending cases: still the agent's business. */
export async function openCasesOf(ask: Ask, profileId: string): Promise<FoundCase[]> {
  const { cases = [] } = await answerOf(ask, { op: 'cases-of-profile', profileId });
  return cases.filter((c) => c.status !== 'closed').map(toFoundCase);
}

/** Profiles whose phone number or email address is `value`, each with its open cases. */
export async function lookUpProfiles(ask: Ask, keyName: ProfileLookupKey, value: string): Promise<FoundProfile[]> {
  const profiles = await searchProfiles(ask, keyName, value);
  return Promise.all(profiles.map(async (p) => ({ ...p, openCases: await openCasesOf(ask, p.profileId) })));
}

/** The case whose reference is `reference` (any status), or null. */
export async function findCaseByReference(ask: Ask, reference: string): Promise<FoundCase | null> {
  const { cases = [] } = await answerOf(ask, { op: 'cases-by-reference', referenceNumber: reference });
  const found = cases.find((c) => c.referenceNumber.toLowerCase() === reference.toLowerCase());
  return found ? toFoundCase(found) : null;
}
