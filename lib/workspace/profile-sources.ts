// One customer from several sources (F22): the contact center's profile, the admin's lookup endpoint (its JSON
// answer mapped by the workspace.lookupFields setting) and the CRM page the contact came from. Each field keeps
// the source it was taken from, the first in that order that has it, and the other sources that disagree.
import type { CustomerProfile } from './customer-profiles-client';

export type ProfileSource = 'profiles' | 'lookup' | 'crm';

/** The order sources win in when they disagree: the contact center's own profile first. */
export const SOURCE_PRIORITY: readonly ProfileSource[] = ['profiles', 'lookup', 'crm'];

/** The profile fields the workspace shows, in the order it shows them (the address flattened). */
export const SHOWN_PROFILE_FIELDS = [
  'FirstName',
  'LastName',
  'PhoneNumber',
  'MobilePhoneNumber',
  'EmailAddress',
  'BirthDate',
  'AccountNumber',
  'Address1',
  'Address2',
  'City',
  'State',
  'Province',
  'PostalCode',
  'Country',
] as const;

export type ShownProfileField = (typeof SHOWN_PROFILE_FIELDS)[number];

export interface SourcedField {
  /** A profile field name (SHOWN_PROFILE_FIELDS) or an extra field's own name. */
  field: string;
  value: string;
  source: ProfileSource;
  /** Other sources with a different value for the field. */
  disagreeing: { source: ProfileSource; value: string }[];
}

/** The longest value a mapped lookup field keeps. */
const MAX_VALUE_LENGTH = 500;

const isShown = (field: string): field is ShownProfileField => (SHOWN_PROFILE_FIELDS as readonly string[]).includes(field);

/** A profile's fields as flat strings: the address parts beside the others, then its custom attributes. */
export function flattenProfile(profile: CustomerProfile | null | undefined): Record<string, string> {
  if (!profile) return {};
  const flat: Record<string, string> = {};
  const { ProfileId: _id, Address, Attributes, ...rest } = profile;
  for (const [field, value] of Object.entries({ ...rest, ...(Address ?? {}) })) if (typeof value === 'string' && value.trim()) flat[field] = value.trim();
  for (const [name, value] of Object.entries(Attributes ?? {})) if (!isShown(name) && value.trim()) flat[name] = value.trim();
  return flat;
}

/** The value at a dotted path ("customer.address.0.city") of a JSON answer, as text; null when absent or not a scalar. */
function valueAt(answer: unknown, path: string): string | null {
  let node: unknown = answer;
  for (const segment of path.split('.')) {
    if (segment === '' || node === null || typeof node !== 'object') return null;
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(segment)) return null;
      node = node[Number(segment)];
    } else {
      if (!Object.hasOwn(node, segment)) return null;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  if (typeof node === 'string') return node.trim() ? node.trim().slice(0, MAX_VALUE_LENGTH) : null;
  if (typeof node === 'number' && Number.isFinite(node)) return String(node);
  if (typeof node === 'boolean') return String(node);
  return null;
}

/** The admin's lookup answer mapped onto fields by `mapping` (field → dotted path); paths that find nothing are left out. */
export function lookupFieldsFromJson(answer: unknown, mapping: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [field, path] of Object.entries(mapping)) {
    const value = valueAt(answer, path);
    if (value !== null) fields[field] = value;
  }
  return fields;
}

/** The sources merged: profile fields in their order, then extra fields by name; the first source by priority wins. */
export function mergeProfileSources(sources: Partial<Record<ProfileSource, Record<string, string> | null>>): SourcedField[] {
  const names = new Set<string>();
  for (const source of SOURCE_PRIORITY) for (const name of Object.keys(sources[source] ?? {})) names.add(name);
  const extras = [...names].filter((name) => !isShown(name)).sort((a, b) => a.localeCompare(b));
  const ordered = [...SHOWN_PROFILE_FIELDS.filter((name) => names.has(name)), ...extras];
  const merged: SourcedField[] = [];
  for (const field of ordered) {
    const offered = SOURCE_PRIORITY.flatMap((source) => {
      const value = sources[source]?.[field]?.trim();
      return value ? [{ source, value }] : [];
    });
    if (offered.length === 0) continue;
    const [winner, ...others] = offered;
    const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
    merged.push({ field, value: winner.value, source: winner.source, disagreeing: others.filter((o) => !same(o.value, winner.value)) });
  }
  return merged;
}
