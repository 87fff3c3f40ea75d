// Customer Profiles' Profile to and from the profiles tables (migration 4's columns and migration 10's): each
// API field's column, the four phone fields as the phone numbers' kinds, addresses as JSON in the first table's
// address form, Attributes as JSON (NameReading is the name_reading column), and the search keys' value forms.
import { normalizePhoneNumber, type PhoneKind } from '../store/profile-repository';
import type { Database } from '../store/database';
import {
  ADDRESS_FIELDS,
  ADDRESS_PARTS,
  GENDERS,
  PARTY_TYPES,
  type AddressField,
  type Profile,
  type ProfileAddress,
  type ProfileTextField,
} from './profile-model';

/** The column of each text field kept in the profiles table (the phone fields are profile_phone_numbers'). */
export const TEXT_COLUMNS = {
  AccountNumber: 'account_number',
  AdditionalInformation: 'additional_information',
  BusinessName: 'company',
  FirstName: 'first_name',
  MiddleName: 'middle_name',
  LastName: 'last_name',
  BirthDate: 'birth_date',
  GenderString: 'gender',
  PartyTypeString: 'party_type',
  EmailAddress: 'email',
  PersonalEmailAddress: 'personal_email',
  BusinessEmailAddress: 'business_email',
} as const satisfies Partial<Record<ProfileTextField, string>>;

export type ColumnField = keyof typeof TEXT_COLUMNS;

/** The phone fields and the kind of number each is. */
export const PHONE_KINDS = { PhoneNumber: 'other', MobilePhoneNumber: 'mobile', HomePhoneNumber: 'home', BusinessPhoneNumber: 'business' } as const satisfies Partial<
  Record<ProfileTextField, PhoneKind>
>;

export type PhoneField = keyof typeof PHONE_KINDS;

export const ADDRESS_COLUMNS = { Address: 'address_json', ShippingAddress: 'shipping_address_json', MailingAddress: 'mailing_address_json', BillingAddress: 'billing_address_json' } as const satisfies Record<
  AddressField,
  string
>;

/** The attribute that is the name's reading (furigana), kept in its own column for `_fullName` searches. */
export const NAME_READING_ATTRIBUTE = 'NameReading';

type ProfileRow = Record<(typeof TEXT_COLUMNS)[ColumnField] | (typeof ADDRESS_COLUMNS)[AddressField] | 'id' | 'name_reading' | 'attributes_json', string | null>;

const PROFILE_COLUMNS = ['id', 'name_reading', 'attributes_json', ...Object.values(TEXT_COLUMNS), ...Object.values(ADDRESS_COLUMNS)].join(', ');

const asciiLower = (value: string) => value.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * A key's value in the form profile_keys keeps (the triggers of migration 10 write profiles' own keys the same
 * way): phone numbers in E.164, emails with ASCII letters lower-cased, full names without spaces, lower-cased.
 */
export function keyValueForm(keyName: string, value: string): string {
  const trimmed = value.trim();
  switch (keyName) {
    case '_phone':
      return normalizePhoneNumber(trimmed) ?? trimmed;
    case '_email':
      return asciiLower(trimmed);
    case '_fullName':
      return asciiLower(trimmed.normalize('NFKC').replace(/\s+/g, ''));
    default:
      return trimmed;
  }
}

/** The stored address form: the first profiles table's keys (address1, city, postalCode…), parts lower-camel. */
const storedPart = (part: (typeof ADDRESS_PARTS)[number]) => part.charAt(0).toLowerCase() + part.slice(1);
/** The parts the first table's readers (the demo CRM) always expect, '' when unknown. */
const BASE_STORED_PARTS = ['address1', 'city', 'state', 'country', 'postalCode'];

export function addressFromJson(json: string | null): ProfileAddress | undefined {
  if (!json) return undefined;
  const stored = JSON.parse(json) as Record<string, unknown>;
  const address: ProfileAddress = {};
  for (const part of ADDRESS_PARTS) {
    const value = stored[storedPart(part)];
    if (typeof value === 'string' && value !== '') address[part] = value;
  }
  return Object.keys(address).length ? address : undefined;
}

/** The address as stored, or null when it has no part left. */
export function addressToJson(address: ProfileAddress): string | null {
  const stored: Record<string, string> = Object.fromEntries(BASE_STORED_PARTS.map((part) => [part, '']));
  let parts = 0;
  for (const part of ADDRESS_PARTS) {
    const value = address[part];
    if (value) {
      stored[storedPart(part)] = value;
      parts++;
    }
  }
  return parts ? JSON.stringify(stored) : null;
}

function toProfile(row: ProfileRow, phones: { phone_number: string; kind: PhoneKind }[]): Profile {
  const profile: Profile = { ProfileId: row.id as string };
  for (const [field, column] of Object.entries(TEXT_COLUMNS) as [ColumnField, keyof ProfileRow][]) {
    const value = row[column];
    if (value) profile[field] = value;
  }
  for (const [field, kind] of Object.entries(PHONE_KINDS) as [PhoneField, PhoneKind][]) {
    const phone = phones.find((p) => p.kind === kind);
    if (phone) profile[field] = phone.phone_number;
  }
  for (const field of ADDRESS_FIELDS) {
    const address = addressFromJson(row[ADDRESS_COLUMNS[field]]);
    if (address) profile[field] = address;
  }
  const gender = GENDERS.find((g) => g === profile.GenderString);
  if (gender) profile.Gender = gender;
  const partyType = PARTY_TYPES.find((p) => p === profile.PartyTypeString);
  if (partyType) profile.PartyType = partyType;
  const attributes: Record<string, string> = row.attributes_json ? (JSON.parse(row.attributes_json) as Record<string, string>) : {};
  if (row.name_reading) attributes[NAME_READING_ATTRIBUTE] = row.name_reading;
  if (Object.keys(attributes).length) profile.Attributes = attributes;
  return profile;
}

/** The profiles with these ids, in the order given (ids with no profile are left out). */
export function readProfiles(db: Database, ids: readonly string[]): Profile[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(',');
  const rows = db.prepare<string[], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id IN (${marks})`).all(...ids);
  const phones = db
    .prepare<string[], { profile_id: string; phone_number: string; kind: PhoneKind }>(
      `SELECT profile_id, phone_number, kind FROM profile_phone_numbers WHERE profile_id IN (${marks}) ORDER BY sort_order`,
    )
    .all(...ids);
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toProfile(row, phones.filter((p) => p.profile_id === id))] : [];
  });
}

export function profileExists(db: Database, id: string): boolean {
  return db.prepare<[string], { one: number }>('SELECT 1 AS one FROM profiles WHERE id = ?').get(id) !== undefined;
}

/** The stored row parts an update merges into: the addresses, attributes and reading. */
export function storedMergeParts(db: Database, id: string) {
  return db
    .prepare<[string], Record<(typeof ADDRESS_COLUMNS)[AddressField] | 'attributes_json' | 'name_reading', string | null>>(
      `SELECT ${Object.values(ADDRESS_COLUMNS).join(', ')}, attributes_json, name_reading FROM profiles WHERE id = ?`,
    )
    .get(id);
}
