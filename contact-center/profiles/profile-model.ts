// Amazon Connect Customer Profiles as the local contact center serves it: the Profile and Address shapes of the
// API, the instance's one profile domain and its Connect integration (object type CTR), the operations the
// agent-app route dispatches, and the refusals in the API's own exception names.
import type { InstanceConfig } from '../model';
import type { Database } from '../store/database';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';

/** Customer Profiles' Address (every part optional, 1 to 255 characters). */
export interface ProfileAddress {
  Address1?: string;
  Address2?: string;
  Address3?: string;
  Address4?: string;
  City?: string;
  County?: string;
  State?: string;
  Province?: string;
  Country?: string;
  PostalCode?: string;
}

export const ADDRESS_PARTS = ['Address1', 'Address2', 'Address3', 'Address4', 'City', 'County', 'State', 'Province', 'Country', 'PostalCode'] as const;
export const ADDRESS_FIELDS = ['Address', 'ShippingAddress', 'MailingAddress', 'BillingAddress'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The profile's text fields, each 1 to 255 characters (AdditionalInformation 1,000), that this service keeps. */
export const PROFILE_TEXT_FIELDS = [
  'AccountNumber',
  'AdditionalInformation',
  'BusinessName',
  'FirstName',
  'MiddleName',
  'LastName',
  'BirthDate',
  'GenderString',
  'PartyTypeString',
  'PhoneNumber',
  'MobilePhoneNumber',
  'HomePhoneNumber',
  'BusinessPhoneNumber',
  'EmailAddress',
  'PersonalEmailAddress',
  'BusinessEmailAddress',
] as const;
export type ProfileTextField = (typeof PROFILE_TEXT_FIELDS)[number];

/** The deprecated enum forms Customer Profiles still accepts beside GenderString and PartyTypeString. */
export const GENDERS = ['MALE', 'FEMALE', 'UNSPECIFIED'] as const;
export const PARTY_TYPES = ['INDIVIDUAL', 'BUSINESS', 'OTHER'] as const;

/** A profile as the API returns it (SearchProfiles' Items). */
export type Profile = { ProfileId: string } & Partial<Record<ProfileTextField, string>> &
  Partial<Record<AddressField, ProfileAddress>> & {
    Gender?: (typeof GENDERS)[number];
    PartyType?: (typeof PARTY_TYPES)[number];
    Attributes?: Record<string, string>;
    FoundByItems?: { KeyName: string; Values: string[] }[];
  };

/** The fields CreateProfile and UpdateProfile write; in an update an empty string clears (Customer Profiles' rule). */
export type ProfileFields = Partial<Record<ProfileTextField, string>> & Partial<Record<AddressField, ProfileAddress>> & { Attributes?: Record<string, string> };

/** The standard search keys; any other key name is one AddProfileKey linked. */
export const STANDARD_SEARCH_KEYS = ['_phone', '_email', '_account', '_profileId', '_fullName'] as const;
/** The key Connect's agent app links a contact to a profile by (the contact id); it puts the contact in the history. */
export const CONTACT_ID_KEY = '_ctrContactId';
/** The only object type this service has: Amazon Connect's contact records. */
export const CTR_OBJECT_TYPE = 'CTR';

/** What every operation reads and writes. */
export interface ProfilesContext {
  db: Database;
  config: InstanceConfig;
  now: () => number;
}

export const instanceArnOf = (config: Pick<InstanceConfig, 'region' | 'accountId' | 'instanceId'>) =>
  `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`;

/** The instance's profile domain, named as the Connect console names the one it creates: amazon-connect-<alias>. */
export function customerProfilesDomainName(config: Pick<InstanceConfig, 'alias'>): string {
  const alias = config.alias.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `amazon-connect-${alias || 'instance'}`.slice(0, 64);
}

/** What GET /api/v1/instance lists for Customer Profiles (the routes are on the instance's own origin). */
export function customerProfilesDescription(config: Pick<InstanceConfig, 'alias'>) {
  return { domainName: customerProfilesDomainName(config), agentAppApiPath: '/agent-app/api', helperPage: '/customerprofiles-v2' };
}

export const badRequest = (message: string) => new AwsRequestError(400, 'BadRequestException', message);
export const notFound = (message: string) => new AwsRequestError(404, 'ResourceNotFoundException', message);
