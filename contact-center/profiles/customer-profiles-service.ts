// The Customer Profiles operations Amazon Connect's agent-app client calls (`AgentAppService.CustomerProfiles.<op>`,
// lower camel case), each taking its Customer Profiles API body and answering the API's response: the dispatcher
// the /agent-app/api route uses, and listAccountIntegrations, which names the instance's domain by its ARN.
import { CTR_OBJECT_TYPE, customerProfilesDomainName, instanceArnOf, type ProfilesContext } from './profile-model';
import { listProfileObjects } from './profile-objects';
import { bodyOf, maxResults, optionalBoolean, pageOffset, requiredText } from './profile-params';
import { addProfileKey, createProfile, updateProfile } from './profile-writes';
import { searchProfiles } from './search-profiles';

export interface AccountIntegration {
  DomainName: string;
  Uri: string;
  ObjectTypeName: string;
  /** Epoch seconds, as the API's JSON timestamps. */
  CreatedAt: number;
  LastUpdatedAt: number;
  Tags: Record<string, string>;
}

/** The integration of the instance with its profile domain, which Connect creates when Customer Profiles is enabled. */
export function listAccountIntegrations(context: ProfilesContext, params: unknown): { Items: AccountIntegration[] } {
  const body = bodyOf(params);
  const uri = requiredText(body, 'Uri', { max: 255 });
  maxResults(body);
  pageOffset(body, 'listAccountIntegrations');
  optionalBoolean(body, 'IncludeHidden');
  const instanceArn = instanceArnOf(context.config);
  if (uri !== instanceArn) return { Items: [] };
  // The integration is as old as the contact center's first start; its time is not recorded, so it is stated.
  const at = Math.floor(Date.UTC(2025, 0, 1) / 1000);
  return { Items: [{ DomainName: customerProfilesDomainName(context.config), Uri: instanceArn, ObjectTypeName: CTR_OBJECT_TYPE, CreatedAt: at, LastUpdatedAt: at, Tags: {} }] };
}

const OPERATIONS = {
  searchProfiles,
  createProfile,
  updateProfile,
  addProfileKey,
  listProfileObjects,
  listAccountIntegrations,
} satisfies Record<string, (context: ProfilesContext, params: unknown) => unknown>;

export type CustomerProfilesOperation = keyof typeof OPERATIONS;
export const CUSTOMER_PROFILES_OPERATIONS = Object.keys(OPERATIONS) as CustomerProfilesOperation[];

export const isCustomerProfilesOperation = (name: string): name is CustomerProfilesOperation => Object.hasOwn(OPERATIONS, name);

/** Runs one operation on its API body; refusals are thrown as AwsRequestError (BadRequestException, ResourceNotFoundException). */
export function callCustomerProfiles(context: ProfilesContext, operation: CustomerProfilesOperation, params: unknown): unknown {
  return OPERATIONS[operation](context, params);
}
