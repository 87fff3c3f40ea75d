// CreateProfile, UpdateProfile and AddProfileKey on the local contact center's profiles: each field under
// Customer Profiles' limits (1 to 255 characters, AdditionalInformation 1,000; in an update 0, an empty string
// clearing the field, an address part or an attribute), addresses and attributes merged part by part, phone
// numbers kept in E.164 so that a caller's number finds its profile.
import { randomBytes } from 'node:crypto';
import { normalizePhoneNumber } from '../store/profile-repository';
import {
  ADDRESS_FIELDS,
  ADDRESS_PARTS,
  badRequest,
  GENDERS,
  notFound,
  PARTY_TYPES,
  PROFILE_TEXT_FIELDS,
  type ProfileAddress,
  type ProfileFields,
  type ProfilesContext,
} from './profile-model';
import { bodyOf, domainName, keyName, keyValues, objectMember, optionalEnum, optionalText, profileId } from './profile-params';
import {
  ADDRESS_COLUMNS,
  addressFromJson,
  addressToJson,
  keyValueForm,
  NAME_READING_ATTRIBUTE,
  PHONE_KINDS,
  profileExists,
  storedMergeParts,
  TEXT_COLUMNS,
  type ColumnField,
  type PhoneField,
} from './profile-rows';

type Mode = 'create' | 'update';

/** The profile fields of a CreateProfile or UpdateProfile body, checked. */
export function readProfileFields(body: Record<string, unknown>, mode: Mode): ProfileFields {
  const min = mode === 'create' ? 1 : 0;
  const fields: ProfileFields = {};
  for (const field of PROFILE_TEXT_FIELDS) {
    const value = optionalText(body, field, { min, max: field === 'AdditionalInformation' ? 1000 : 255 });
    if (value === undefined) continue;
    if (field in PHONE_KINDS && value !== '') {
      const number = normalizePhoneNumber(value);
      if (!number) throw badRequest(`${field} must be a phone number, such as +81 90-1234-5678 or 090-1234-5678.`);
      fields[field] = number;
    } else {
      fields[field] = value;
    }
  }
  // The deprecated enums stand in for their string forms when those are absent.
  fields.GenderString ??= optionalEnum(body, 'Gender', GENDERS);
  fields.PartyTypeString ??= optionalEnum(body, 'PartyType', PARTY_TYPES);
  for (const field of ADDRESS_FIELDS) {
    const address = objectMember(body, field);
    if (!address) continue;
    const parts: ProfileAddress = {};
    for (const part of ADDRESS_PARTS) {
      const value = optionalText(address, part, { min, max: 255 }, `${field}.${part}`);
      if (value !== undefined) parts[part] = value;
    }
    fields[field] = parts;
  }
  const attributes = objectMember(body, 'Attributes');
  if (attributes) {
    fields.Attributes = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (name.length < 1 || name.length > 255) throw badRequest('Each Attributes name must be 1 to 255 characters.');
      if (typeof value !== 'string' || value.length < min || value.length > 255) {
        throw badRequest(`Attributes.${name} must be a string of ${min} to 255 characters.`);
      }
      fields.Attributes[name] = value;
    }
  }
  for (const key of Object.keys(fields) as (keyof ProfileFields)[]) if (fields[key] === undefined) delete fields[key];
  return fields;
}

/** Writes the given fields of profile `id` (an empty string clears); the row must exist. */
function writeFields(context: ProfilesContext, id: string, fields: ProfileFields): void {
  const { db } = context;
  const sets: string[] = [];
  const values: (string | null)[] = [];
  const set = (column: string, value: string | null) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  for (const [field, column] of Object.entries(TEXT_COLUMNS) as [ColumnField, string][]) {
    const value = fields[field];
    if (value === undefined) continue;
    // The first table's name columns are NOT NULL: a cleared name is ''.
    set(column, value === '' ? (column === 'first_name' || column === 'last_name' ? '' : null) : value);
  }
  const stored = storedMergeParts(db, id);
  for (const field of ADDRESS_FIELDS) {
    const change = fields[field];
    if (!change) continue;
    const merged: ProfileAddress = { ...addressFromJson(stored?.[ADDRESS_COLUMNS[field]] ?? null), ...change };
    set(ADDRESS_COLUMNS[field], addressToJson(merged));
  }
  if (fields.Attributes) {
    const attributes: Record<string, string> = stored?.attributes_json ? (JSON.parse(stored.attributes_json) as Record<string, string>) : {};
    for (const [name, value] of Object.entries(fields.Attributes)) {
      if (name === NAME_READING_ATTRIBUTE) set('name_reading', value === '' ? null : value);
      else if (value === '') delete attributes[name];
      else attributes[name] = value;
    }
    set('attributes_json', Object.keys(attributes).length ? JSON.stringify(attributes) : null);
  }
  set('updated_at', new Date(context.now()).toISOString());
  try {
    db.prepare(`UPDATE profiles SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && fields.AccountNumber) {
      throw badRequest(`AccountNumber ${fields.AccountNumber} already belongs to another profile (the local contact center keeps account numbers unique).`);
    }
    throw error;
  }
  for (const [field, kind] of Object.entries(PHONE_KINDS) as [PhoneField, string][]) {
    const number = fields[field];
    if (number !== undefined) replacePhone(context, id, kind, number);
  }
}

/** The profile's first number of `kind` becomes `number` ('' removes it); other numbers stay. */
function replacePhone({ db }: ProfilesContext, id: string, kind: string, number: string): void {
  const current = db
    .prepare<[string, string], { phone_number: string; sort_order: number }>(
      'SELECT phone_number, sort_order FROM profile_phone_numbers WHERE profile_id = ? AND kind = ? ORDER BY sort_order LIMIT 1',
    )
    .get(id, kind);
  if (current?.phone_number === number) return;
  if (current) db.prepare('DELETE FROM profile_phone_numbers WHERE profile_id = ? AND phone_number = ?').run(id, current.phone_number);
  if (number === '') return;
  const order = current?.sort_order ?? (db.prepare<[string], { n: number | null }>('SELECT MAX(sort_order) + 1 AS n FROM profile_phone_numbers WHERE profile_id = ?').get(id)?.n ?? 0);
  // A number the profile has already (under another kind) stays where it is: one profile, one row per number.
  db.prepare('INSERT OR IGNORE INTO profile_phone_numbers (profile_id, phone_number, kind, sort_order) VALUES (?, ?, ?, ?)').run(id, number, kind, order);
}

export function createProfile(context: ProfilesContext, params: unknown): { ProfileId: string } {
  const body = bodyOf(params);
  domainName(body, context);
  const fields = readProfileFields(body, 'create');
  const id = randomBytes(16).toString('hex');
  const at = new Date(context.now()).toISOString();
  context.db.transaction(() => {
    context.db.prepare("INSERT INTO profiles (id, first_name, last_name, created_at, updated_at) VALUES (?, '', '', ?, ?)").run(id, at, at);
    writeFields(context, id, fields);
  })();
  return { ProfileId: id };
}

export function updateProfile(context: ProfilesContext, params: unknown): { ProfileId: string } {
  const body = bodyOf(params);
  const domain = domainName(body, context);
  const id = profileId(body);
  const fields = readProfileFields(body, 'update');
  context.db.transaction(() => {
    if (!profileExists(context.db, id)) throw notFound(`Profile ${id} does not exist in domain ${domain}.`);
    writeFields(context, id, fields);
  })();
  return { ProfileId: id };
}

/** Links values of a key to a profile: a new phone number, an account, or a contact (`_ctrContactId`). */
export function addProfileKey(context: ProfilesContext, params: unknown): { KeyName: string; Values: string[] } {
  const body = bodyOf(params);
  const domain = domainName(body, context);
  const id = profileId(body);
  const name = keyName(body);
  const values = keyValues(body);
  if (name === '_profileId') throw badRequest('KeyName _profileId cannot be added: it is the profile’s own id.');
  context.db.transaction(() => {
    if (!profileExists(context.db, id)) throw notFound(`Profile ${id} does not exist in domain ${domain}.`);
    const insert = context.db.prepare("INSERT OR IGNORE INTO profile_keys (key_name, value, profile_id, origin) VALUES (?, ?, ?, 'added')");
    for (const value of values) insert.run(name, keyValueForm(name, value), id);
  })();
  return { KeyName: name, Values: values };
}
