// Which keys find a contact's customer, and in which order; and the ARNs and activity feed the case requests
// build from Cases' answers.
import { describe, expect, it } from 'vitest';
import type { ContactView } from '../../../lib/session/snapshot';
import { activityOf, contactArn, profileArn } from '../../../lib/workspace/case-requests';
import { profileLookupKeys } from '../../../lib/workspace/customer-lookup';
import { isWorkspaceRequest } from '../../../lib/workspace/workspace-requests';

const INSTANCE = 'arn:aws:connect:ap-northeast-1:123456789012:instance/11111111-2222-3333-4444-555555555555';

function contact(over: Partial<ContactView>): ContactView {
  return {
    id: 'c1',
    initialContactId: null,
    channel: 'voice',
    state: 'connected',
    since: 0,
    initiationMethod: 'inbound',
    queueName: 'BasicQueue',
    attributes: {},
    connections: [],
    transferredBy: null,
    deskPhone: false,
    ...over,
  };
}

const customer = (phoneNumber: string | null) => ({ id: 'k', role: 'customer' as const, state: 'connected' as const, since: 0, phoneNumber, name: null, endpointType: 'phone_number' as const, quickConnectName: null });

describe('profileLookupKeys', () => {
  it('tries the IVR account number before the caller number, then a valid email attribute', () => {
    const keys = profileLookupKeys(contact({ attributes: { AccountNumber: ' AC-1001 ', email: 'taro@example.com' }, connections: [customer('+819012345678')] }));
    expect(keys).toEqual([
      { key: '_account', value: 'AC-1001' },
      { key: '_phone', value: '+819012345678' },
      { key: '_email', value: 'taro@example.com' },
    ]);
  });

  it('puts a profile id attribute first, ignores an invalid email, and uses a chat customer’s name last', () => {
    const keys = profileLookupKeys(contact({ channel: 'chat', attributes: { profileId: 'p1', email: 'not an email' }, customerName: '鈴木 太郎' }));
    expect(keys).toEqual([
      { key: '_profileId', value: 'p1' },
      { key: '_fullName', value: '鈴木 太郎' },
    ]);
  });

  it('has no key for a withheld number and no attributes', () => {
    expect(profileLookupKeys(contact({ connections: [customer(null)] }))).toEqual([]);
  });
});

describe('case request helpers', () => {
  it('builds the profile ARN Cases keeps in customer_id, and a contact ARN in the instance', () => {
    expect(profileArn(INSTANCE, 'switchboard-demo', 'p1')).toBe('arn:aws:profile:ap-northeast-1:123456789012:domains/switchboard-demo/profiles/p1');
    expect(contactArn(INSTANCE, 'c9')).toBe(`${INSTANCE}/contact/c9`);
  });

  it('orders the activity newest first and reads contacts and comments', () => {
    const feed = activityOf([
      { relatedItemId: '1', type: 'Contact', associationTime: '2026-11-01T00:00:00Z', content: { contact: { contactArn: `${INSTANCE}/contact/c1`, channel: 'VOICE' } } },
      { relatedItemId: '2', type: 'Comment', associationTime: '2026-11-03T00:00:00Z', content: { comment: { body: 'Called back', contentType: 'Text/Plain' } } },
      { relatedItemId: '3', type: 'Sla', associationTime: '2026-11-04T00:00:00Z', content: { sla: {} } },
    ]);
    expect(feed).toEqual([
      { kind: 'comment', at: '2026-11-03T00:00:00Z', body: 'Called back' },
      { kind: 'contact', at: '2026-11-01T00:00:00Z', contactId: 'c1', channel: 'VOICE' },
    ]);
  });
});

describe('isWorkspaceRequest', () => {
  it('accepts well-formed requests and refuses unknown ops, bad keys and nested values in case fields', () => {
    expect(isWorkspaceRequest({ op: 'profile-search', key: '_email', value: 'a@b.jp' })).toBe(true);
    expect(isWorkspaceRequest({ op: 'profile-search', key: 'email', value: 'a@b.jp' })).toBe(false);
    expect(isWorkspaceRequest({ op: 'drop-tables' })).toBe(false);
    expect(isWorkspaceRequest({ op: 'case-update', caseId: 'x', fields: { title: 'ok', n: 2, b: true, e: null } })).toBe(true);
    expect(isWorkspaceRequest({ op: 'case-update', caseId: 'x', fields: { title: { $gt: '' } } })).toBe(false);
  });
});
