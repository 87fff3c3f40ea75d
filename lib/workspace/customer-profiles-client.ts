// Customer Profiles for the engine, on the agent-app operations (customer-profiles-widget.ts): the instance's
// profile domain (listAccountIntegrations with the instance ARN), search, create, update, link a key, and the
// contact history (profile objects of type CTR, Connect's contact records). Answers are checked, not trusted:
// only the fields the workspace shows are kept, as plain strings.
import type { CustomerProfilesTransport } from './customer-profiles-widget';

/** Customer Profiles' standard search keys, and the custom one the demo instance indexes. */
export type ProfileSearchKey = '_phone' | '_email' | '_account' | '_profileId' | '_fullName';

export interface ProfileAddress {
  Address1?: string;
  Address2?: string;
  City?: string;
  State?: string;
  Province?: string;
  PostalCode?: string;
  Country?: string;
}

/** The profile fields the workspace reads and writes (Customer Profiles' names). */
export interface CustomerProfile {
  ProfileId: string;
  AccountNumber?: string;
  FirstName?: string;
  LastName?: string;
  BirthDate?: string;
  PhoneNumber?: string;
  MobilePhoneNumber?: string;
  EmailAddress?: string;
  Address?: ProfileAddress;
  Attributes?: Record<string, string>;
}

export type ProfileFields = Omit<CustomerProfile, 'ProfileId'>;

/** One contact of a profile's history: Connect's contact record (object type CTR), the parts the history shows. */
export interface ContactHistoryEntry {
  contactId: string;
  channel: string;
  initiatedAt: string | null;
  disconnectedAt: string | null;
  queueName: string | null;
  queueSeconds: number | null;
  holdSeconds: number | null;
  talkSeconds: number | null;
  afterContactWorkSeconds: number | null;
  agentUsername: string | null;
}

const PROFILE_TEXT_FIELDS = ['AccountNumber', 'FirstName', 'LastName', 'BirthDate', 'PhoneNumber', 'MobilePhoneNumber', 'EmailAddress'] as const;
const ADDRESS_FIELDS = ['Address1', 'Address2', 'City', 'State', 'Province', 'PostalCode', 'Country'] as const;
/** At most this many history pages are read (100 contacts a page). */
const MAX_HISTORY_PAGES = 5;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const seconds = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/** A profile from an answer, with only the fields the workspace knows; null when it has no ProfileId. */
export function profileFromWire(value: unknown): CustomerProfile | null {
  if (!isRecord(value) || !text(value.ProfileId)) return null;
  const profile: CustomerProfile = { ProfileId: value.ProfileId as string };
  for (const field of PROFILE_TEXT_FIELDS) {
    const v = text(value[field]);
    if (v) profile[field] = v;
  }
  if (isRecord(value.Address)) {
    const address: ProfileAddress = {};
    for (const field of ADDRESS_FIELDS) {
      const v = text(value.Address[field]);
      if (v) address[field] = v;
    }
    if (Object.keys(address).length) profile.Address = address;
  }
  if (isRecord(value.Attributes)) {
    const attributes = Object.fromEntries(Object.entries(value.Attributes).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    if (Object.keys(attributes).length) profile.Attributes = attributes;
  }
  return profile;
}

/** A contact record (the JSON string of a CTR profile object) as a history entry; null when unreadable. */
export function historyEntryFromObject(object: unknown): ContactHistoryEntry | null {
  let record: unknown;
  try {
    record = typeof object === 'string' ? JSON.parse(object) : null;
  } catch {
    return null;
  }
  if (!isRecord(record) || !text(record.ContactId)) return null;
  const queue = isRecord(record.Queue) ? record.Queue : {};
  const agent = isRecord(record.Agent) ? record.Agent : {};
  return {
    contactId: record.ContactId as string,
    channel: text(record.Channel) ?? 'VOICE',
    initiatedAt: text(record.InitiationTimestamp) ?? null,
    disconnectedAt: text(record.DisconnectTimestamp) ?? null,
    queueName: text(queue.Name) ?? null,
    queueSeconds: seconds(queue.Duration),
    holdSeconds: seconds(agent.CustomerHoldDuration),
    talkSeconds: seconds(agent.AgentInteractionDuration),
    afterContactWorkSeconds: seconds(agent.AfterContactWorkDuration),
    agentUsername: text(agent.Username) ?? null,
  };
}

export class CustomerProfilesClient {
  private domain: Promise<string> | null = null;

  constructor(
    private readonly transport: CustomerProfilesTransport,
    /** The instance's ARN (from the agent's ARN): listAccountIntegrations finds its profile domain by it. */
    private readonly instanceArn: string,
  ) {}

  /** The profile domain integrated with the instance (asked once, again after a failure). */
  domainName(): Promise<string> {
    this.domain ??= this.transport.call('listAccountIntegrations', { Uri: this.instanceArn }).then((data) => {
      const items = isRecord(data) && Array.isArray(data.Items) ? data.Items : [];
      const name = items.map((item) => (isRecord(item) ? text(item.DomainName) : undefined)).find(Boolean);
      if (!name) throw new Error('the instance has no Customer Profiles domain');
      return name;
    });
    this.domain.catch(() => {
      this.domain = null;
    });
    return this.domain;
  }

  async searchProfiles(keyName: ProfileSearchKey | string, values: string[], maxResults = 20): Promise<CustomerProfile[]> {
    const data = await this.transport.call('searchProfiles', { DomainName: await this.domainName(), KeyName: keyName, Values: values, MaxResults: maxResults });
    const items = isRecord(data) && Array.isArray(data.Items) ? data.Items : [];
    return items.map(profileFromWire).filter((p): p is CustomerProfile => p !== null);
  }

  async createProfile(fields: ProfileFields): Promise<string> {
    const data = await this.transport.call('createProfile', { DomainName: await this.domainName(), ...fields });
    const id = isRecord(data) ? text(data.ProfileId) : undefined;
    if (!id) throw new Error('createProfile answered without a ProfileId');
    return id;
  }

  /** Changes the given fields; an empty string clears one (Customer Profiles' rule). */
  async updateProfile(profileId: string, fields: ProfileFields): Promise<void> {
    await this.transport.call('updateProfile', { DomainName: await this.domainName(), ProfileId: profileId, ...fields });
  }

  /** Links an identifier to a profile, e.g. the current contact's number or its contact id. */
  async addProfileKey(profileId: string, keyName: string, values: string[]): Promise<void> {
    await this.transport.call('addProfileKey', { DomainName: await this.domainName(), ProfileId: profileId, KeyName: keyName, Values: values });
  }

  /** The profile's contacts, newest first. */
  async contactHistory(profileId: string): Promise<ContactHistoryEntry[]> {
    const domainName = await this.domainName();
    const entries: ContactHistoryEntry[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const data = await this.transport.call('listProfileObjects', {
        DomainName: domainName,
        ProfileId: profileId,
        ObjectTypeName: 'CTR',
        MaxResults: 100,
        ...(nextToken ? { NextToken: nextToken } : {}),
      });
      const items = isRecord(data) && Array.isArray(data.Items) ? data.Items : [];
      for (const item of items) {
        const entry = isRecord(item) ? historyEntryFromObject(item.Object) : null;
        if (entry) entries.push(entry);
      }
      nextToken = isRecord(data) ? text(data.NextToken) : undefined;
      if (!nextToken) break;
    }
    return entries.sort((a, b) => (b.initiatedAt ?? '').localeCompare(a.initiatedAt ?? ''));
  }
}
