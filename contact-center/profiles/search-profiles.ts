// SearchProfiles: profiles by a key and its values (_phone, _email, _account, _profileId, _fullName, or a key
// AddProfileKey linked, such as _ctrContactId), with up to four AdditionalSearchKeys joined by LogicalOperator
// AND or OR (OR when absent), MaxResults (1 to 100, 20 when absent) a page and NextToken for the next. Every
// key but _profileId is one range of profile_keys' primary key, so a search costs a few index lookups.
import type { Profile, ProfilesContext } from './profile-model';
import { badRequest } from './profile-model';
import { bodyOf, domainName, keyName, keyValues, maxResults, nextToken, optionalEnum, pageOffset } from './profile-params';
import { keyValueForm, readProfiles } from './profile-rows';

interface SearchKey {
  keyName: string;
  /** The values as asked. */
  values: string[];
  /** The same values in the form profile_keys keeps. */
  forms: string[];
}

export interface SearchProfilesResponse {
  Items: Profile[];
  NextToken?: string;
}

const MAX_ADDITIONAL_SEARCH_KEYS = 4;
const OPERATION = 'searchProfiles';

function searchKey(body: Record<string, unknown>, where: string): SearchKey {
  const name = keyName(body, 'KeyName', where ? `${where}.KeyName` : 'KeyName');
  const values = keyValues(body, 'Values', where ? `${where}.Values` : 'Values');
  return { keyName: name, values, forms: values.map((value) => (name === '_profileId' ? value.trim() : keyValueForm(name, value))) };
}

function additionalSearchKeys(body: Record<string, unknown>): SearchKey[] {
  const list = body.AdditionalSearchKeys;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_ADDITIONAL_SEARCH_KEYS) {
    throw badRequest(`AdditionalSearchKeys must be a list of 1 to ${MAX_ADDITIONAL_SEARCH_KEYS} keys, each with KeyName and Values.`);
  }
  return list.map((item, i) => {
    const where = `AdditionalSearchKeys[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw badRequest(`${where} must be an object with KeyName and Values.`);
    return searchKey(item as Record<string, unknown>, where);
  });
}

/** The SQL condition on profiles (alias p) of one key, with its parameters. */
function condition(key: SearchKey): { sql: string; params: string[] } {
  const marks = key.forms.map(() => '?').join(',');
  if (key.keyName === '_profileId') return { sql: `p.id IN (${marks})`, params: key.forms };
  return { sql: `p.id IN (SELECT profile_id FROM profile_keys WHERE key_name = ? AND value IN (${marks}))`, params: [key.keyName, ...key.forms] };
}

/** For each profile, the searched keys and values it was found by (SearchProfiles' FoundByItems). */
function foundByItems(context: ProfilesContext, ids: string[], keys: SearchKey[]): Map<string, { KeyName: string; Values: string[] }[]> {
  const found = new Map<string, { KeyName: string; Values: string[] }[]>(ids.map((id) => [id, []]));
  const idMarks = ids.map(() => '?').join(',');
  for (const key of keys) {
    const matches: { profile_id: string; value: string }[] =
      key.keyName === '_profileId'
        ? ids.filter((id) => key.forms.includes(id)).map((id) => ({ profile_id: id, value: id }))
        : context.db
            .prepare<string[], { profile_id: string; value: string }>(
              `SELECT DISTINCT profile_id, value FROM profile_keys WHERE key_name = ? AND value IN (${key.forms.map(() => '?').join(',')}) AND profile_id IN (${idMarks})`,
            )
            .all(key.keyName, ...key.forms, ...ids);
    for (const id of ids) {
      const forms = new Set(matches.filter((m) => m.profile_id === id).map((m) => m.value));
      const values = key.values.filter((_value, i) => forms.has(key.forms[i] as string));
      if (values.length) found.get(id)?.push({ KeyName: key.keyName, Values: values });
    }
  }
  return found;
}

export function searchProfiles(context: ProfilesContext, params: unknown): SearchProfilesResponse {
  const body = bodyOf(params);
  domainName(body, context);
  const keys = [searchKey(body, ''), ...additionalSearchKeys(body)];
  const operator = optionalEnum(body, 'LogicalOperator', ['AND', 'OR'] as const) ?? 'OR';
  const limit = maxResults(body);
  const offset = pageOffset(body, OPERATION);

  const conditions = keys.map(condition);
  const sql = `SELECT p.id FROM profiles p WHERE ${conditions.map((c) => `(${c.sql})`).join(` ${operator} `)} ORDER BY p.rowid LIMIT ? OFFSET ?`;
  const rows = context.db.prepare<(string | number)[], { id: string }>(sql).all(...conditions.flatMap((c) => c.params), limit + 1, offset);
  const ids = rows.slice(0, limit).map((row) => row.id);
  const items = readProfiles(context.db, ids);
  if (keys.length > 1) {
    const found = foundByItems(context, ids, keys);
    for (const item of items) item.FoundByItems = found.get(item.ProfileId) ?? [];
  }
  return { Items: items, ...(rows.length > limit ? { NextToken: nextToken(OPERATION, offset + limit) } : {}) };
}
