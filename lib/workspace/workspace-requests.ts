// What the panel's workspace asks the engine (one session command, `workspace`, carrying one of these requests),
// checked in the worker like every command, and what the engine answers. The engine reaches Customer Profiles
// through the instance's agent-app road and Cases through the configured Cases URL (customer-profiles-client.ts,
// cases-client.ts); these are the plain shapes that cross to the panel.
import { KNOWLEDGE_READS, KNOWLEDGE_REQUEST_SHAPES, type KnowledgeRequest } from '../knowledge/knowledge-requests';
import type { KnowledgeArticleView, KnowledgeResult, KnowledgeSuggestion } from '../knowledge/knowledge-views';
import type { ContactHistoryEntry, CustomerProfile, ProfileFields, ProfileSearchKey } from './customer-profiles-client';

export type CasePlainValue = string | number | boolean | null;

export type WorkspaceRequest =
  | { op: 'customer-for-contact'; contactId: string } // the contact's profiles, found by its keys
  | { op: 'profile-search'; key: ProfileSearchKey; value: string }
  | { op: 'profile-history'; profileId: string }
  | { op: 'profile-create'; fields: ProfileFields; linkContactId: string | null }
  | { op: 'profile-update'; profileId: string; fields: ProfileFields }
  | { op: 'profile-link-contact'; profileId: string; contactId: string }
  | { op: 'cases-of-profile'; profileId: string }
  | { op: 'case-get'; caseId: string }
  | { op: 'case-create'; templateId: string; profileId: string; fields: Record<string, CasePlainValue>; linkContactId: string | null }
  | { op: 'case-update'; caseId: string; fields: Record<string, CasePlainValue> }
  | { op: 'case-comment'; caseId: string; body: string }
  | { op: 'case-link-contact'; caseId: string; contactId: string }
  | { op: 'case-templates' }
  | { op: 'cases-by-reference'; referenceNumber: string } // a case a CRM page names (case links, the worker)
  | KnowledgeRequest; // Amazon Q in Connect (lib/knowledge)

export type WorkspaceOp = WorkspaceRequest['op'];

/** A Cases service: its base URL (Cases' REST routes below it) and domain id. */
export interface CasesEndpoint {
  baseUrl: string;
  domainId: string;
}

/** How a contact's profile was looked for: the key and the value it had. */
export interface ProfileLookupKey {
  key: ProfileSearchKey;
  value: string;
}

export interface CaseSummary {
  caseId: string;
  referenceNumber: string;
  title: string;
  status: string;
  updatedAt: string | null;
}

export interface CaseFieldDefinition {
  id: string;
  name: string;
  type: 'Text' | 'Number' | 'Boolean' | 'DateTime' | 'SingleSelect' | 'Url' | 'User';
  required: boolean;
  options: { name: string; value: string }[];
}

export interface CaseTemplate {
  templateId: string;
  name: string;
  fields: CaseFieldDefinition[];
  /** Contact attribute → field id, to fill a new case from the contact (the template's mapping). */
  attributeMapping: Record<string, string>;
}

export interface CaseActivity {
  kind: 'contact' | 'comment';
  at: string;
  contactId?: string;
  channel?: string;
  body?: string;
  /** A contact's end, and its durations in seconds, once it ended (Cases adds them to the related item). */
  endedAt?: string;
  queueSeconds?: number;
  holdSeconds?: number;
  talkSeconds?: number;
  afterContactWorkSeconds?: number;
}

export interface CaseDetail extends CaseSummary {
  templateId: string;
  summary: string;
  fields: Record<string, CasePlainValue>;
  activity: CaseActivity[];
}

export interface WorkspaceAnswer {
  profiles?: CustomerProfile[];
  lookedUpBy?: ProfileLookupKey[];
  history?: ContactHistoryEntry[];
  profileId?: string;
  cases?: CaseSummary[];
  case?: CaseDetail;
  caseId?: string;
  templates?: CaseTemplate[];
  knowledgeResults?: KnowledgeResult[];
  suggestions?: KnowledgeSuggestion[];
  article?: KnowledgeArticleView;
}

const isText = (value: unknown, max = 1000): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const PROFILE_KEYS = new Set(['_phone', '_email', '_account', '_profileId', '_fullName']);
const isPlainMap = (value: unknown) =>
  isObject(value) && Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) && Object.keys(value).length <= 100;

const REQUEST_SHAPES: Record<WorkspaceOp, (r: Record<string, unknown>) => boolean> = {
  'customer-for-contact': (r) => isText(r.contactId),
  'profile-search': (r) => typeof r.key === 'string' && PROFILE_KEYS.has(r.key) && isText(r.value, 255),
  'profile-history': (r) => isText(r.profileId),
  'profile-create': (r) => isObject(r.fields) && (r.linkContactId === null || isText(r.linkContactId)),
  'profile-update': (r) => isText(r.profileId) && isObject(r.fields),
  'profile-link-contact': (r) => isText(r.profileId) && isText(r.contactId),
  'cases-of-profile': (r) => isText(r.profileId),
  'case-get': (r) => isText(r.caseId),
  'case-create': (r) => isText(r.templateId) && isText(r.profileId) && isPlainMap(r.fields) && (r.linkContactId === null || isText(r.linkContactId)),
  'case-update': (r) => isText(r.caseId) && isPlainMap(r.fields),
  'case-comment': (r) => isText(r.caseId) && typeof r.body === 'string',
  'case-link-contact': (r) => isText(r.caseId) && isText(r.contactId),
  'case-templates': () => true,
  'cases-by-reference': (r) => isText(r.referenceNumber, 255),
  ...KNOWLEDGE_REQUEST_SHAPES,
};

/** Whether each request only reads: running it twice changes nothing (the command router keeps no record of
 *  reads, whose answers are large). A new op must say which it is. */
const READS: Record<WorkspaceOp, boolean> = {
  'customer-for-contact': true,
  'profile-search': true,
  'profile-history': true,
  'profile-create': false,
  'profile-update': false,
  'profile-link-contact': false,
  'cases-of-profile': true,
  'case-get': true,
  'case-create': false,
  'case-update': false,
  'case-comment': false,
  'case-link-contact': false,
  'case-templates': true,
  'cases-by-reference': true,
  ...KNOWLEDGE_READS,
};

export const isWorkspaceRead = (request: WorkspaceRequest): boolean => READS[request.op];

/** Whether `value` is a well-formed workspace request (the engine judges the values themselves). */
export function isWorkspaceRequest(value: unknown): value is WorkspaceRequest {
  if (!isObject(value) || typeof value.op !== 'string' || !Object.hasOwn(REQUEST_SHAPES, value.op)) return false;
  return REQUEST_SHAPES[value.op as WorkspaceOp](value);
}
