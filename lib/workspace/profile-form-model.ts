// The profile form's rules (create a profile from the contact, edit one): which fields it has, the values it
// starts from, what it refuses (with the translation key of each reason) and the Customer Profiles fields it sends.
import type { CustomerProfile, ProfileFields } from './customer-profiles-client';
import type { ContactView } from '../session/snapshot';

export const PROFILE_FORM_FIELDS = ['LastName', 'FirstName', 'PhoneNumber', 'EmailAddress', 'BirthDate', 'AccountNumber', 'PostalCode', 'State', 'City', 'Address1', 'Country'] as const;
export type ProfileFormField = (typeof PROFILE_FORM_FIELDS)[number];
export type ProfileFormValues = Record<ProfileFormField, string>;
export type ProfileFormErrors = Partial<Record<ProfileFormField | 'form', string>>;

const ADDRESS_PARTS = new Set<ProfileFormField>(['Address1', 'City', 'State', 'PostalCode', 'Country']);
/** Customer Profiles' limit on a text field. */
const MAX_LENGTH = 255;

/** The fields in the order a person of this language writes them: the family name first in Japanese. */
export function profileFormOrder(locale: string): ProfileFormField[] {
  const familyFirst = locale.toLowerCase().startsWith('ja');
  const names: ProfileFormField[] = familyFirst ? ['LastName', 'FirstName'] : ['FirstName', 'LastName'];
  return [...names, ...PROFILE_FORM_FIELDS.filter((f) => f !== 'FirstName' && f !== 'LastName')];
}

const empty = (): ProfileFormValues => Object.fromEntries(PROFILE_FORM_FIELDS.map((f) => [f, ''])) as ProfileFormValues;

/** An existing profile's values, for editing it. */
export function valuesOfProfile(profile: CustomerProfile): ProfileFormValues {
  const values = empty();
  for (const field of PROFILE_FORM_FIELDS) {
    const value = ADDRESS_PARTS.has(field) ? profile.Address?.[field as keyof NonNullable<CustomerProfile['Address']>] : profile[field as keyof CustomerProfile];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/** A new profile's values from what the contact tells: the caller's number, a chat's name and email attributes. */
export function valuesFromContact(contact: ContactView | null, phone: string | null): ProfileFormValues {
  const values = empty();
  if (!contact) return values;
  if (phone) values.PhoneNumber = phone;
  const attributes = contact.attributes ?? {};
  if (attributes.email) values.EmailAddress = attributes.email;
  if (attributes.accountNumber) values.AccountNumber = attributes.accountNumber;
  return values;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{3,30}$/;

function isPastDate(value: string, today: Date): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() <= today.getTime() && date.getUTCFullYear() >= 1900;
}

/** The reasons the values are refused, by field (translation keys below workspace.profileForm.errors). */
export function validateProfileForm(values: ProfileFormValues, today = new Date()): ProfileFormErrors {
  const errors: ProfileFormErrors = {};
  const v = (f: ProfileFormField) => values[f].trim();
  for (const field of PROFILE_FORM_FIELDS) if (v(field).length > MAX_LENGTH) errors[field] = 'tooLong';
  if (v('EmailAddress') && !errors.EmailAddress && !EMAIL.test(v('EmailAddress'))) errors.EmailAddress = 'email';
  if (v('PhoneNumber') && !errors.PhoneNumber && !PHONE.test(v('PhoneNumber'))) errors.PhoneNumber = 'phone';
  if (v('BirthDate') && !isPastDate(v('BirthDate'), today)) errors.BirthDate = 'birthDate';
  if (!v('FirstName') && !v('LastName') && !v('PhoneNumber') && !v('EmailAddress')) errors.form = 'nothingToFind';
  return errors;
}

/**
 * The fields to send. A new profile sends what is filled in; an edit sends every field it changed, a cleared one as
 * an empty string (Customer Profiles' UpdateProfile clears a field given as empty).
 */
export function profileFieldsToSend(values: ProfileFormValues, before: ProfileFormValues | null): ProfileFields {
  const fields: ProfileFields = {};
  const address: NonNullable<ProfileFields['Address']> = {};
  for (const field of PROFILE_FORM_FIELDS) {
    const value = values[field].trim();
    if (before ? value === before[field].trim() : value === '') continue;
    if (ADDRESS_PARTS.has(field)) (address as Record<string, string>)[field] = value;
    else (fields as Record<string, string>)[field] = value;
  }
  if (Object.keys(address).length) fields.Address = address;
  return fields;
}
