// Which keys find a contact's customer profile, strongest first: an id the IVR or bot put in the contact's
// attributes (profile id, account number), then the caller's number, then an email attribute, and for a chat
// the customer's display name. Each is tried in turn until one finds profiles.
import type { ContactView } from '../session/snapshot';
import type { ProfileLookupKey } from './workspace-requests';

/** Attribute names, any case, that carry each key (the demo IVR sets `accountNumber`; others use these too). */
const ATTRIBUTE_KEYS: { key: ProfileLookupKey['key']; names: string[] }[] = [
  { key: '_profileId', names: ['profileid', 'customerprofileid'] },
  { key: '_account', names: ['accountnumber', 'account', 'accountid'] },
];
const EMAIL_ATTRIBUTES = ['email', 'emailaddress', 'customeremail'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function attribute(contact: ContactView, names: string[]): string | null {
  for (const [name, value] of Object.entries(contact.attributes)) {
    if (names.includes(name.toLowerCase()) && value.trim() !== '') return value.trim();
  }
  return null;
}

export function profileLookupKeys(contact: ContactView): ProfileLookupKey[] {
  const keys: ProfileLookupKey[] = [];
  for (const { key, names } of ATTRIBUTE_KEYS) {
    const value = attribute(contact, names);
    if (value) keys.push({ key, value });
  }
  const customer = contact.connections.find((c) => c.role === 'customer');
  if (customer?.phoneNumber) keys.push({ key: '_phone', value: customer.phoneNumber });
  const email = attribute(contact, EMAIL_ATTRIBUTES);
  if (email && EMAIL.test(email)) keys.push({ key: '_email', value: email });
  if (contact.channel === 'chat' && contact.customerName?.trim()) keys.push({ key: '_fullName', value: contact.customerName.trim() });
  return keys;
}
