// ListProfileObjects of type CTR (a profile's contact history from the routing engine's contact records, saved
// through its own repository) and ListAccountIntegrations: which records belong to a profile, the CTR shape of
// each, newest first, paging and the filter, and the refusals.
import { describe, expect, it } from 'vitest';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { instanceArnOf } from '../../../contact-center/profiles/profile-model';
import { call, DOMAIN, endedRecord, refusal, SAKURA, saveContactRecord, T0, TARO, useProfilesContext, type Loose } from './customer-profiles-fixture';

const { context } = useProfilesContext();

const history = (profileId: string, params: Record<string, unknown> = {}) => call(context(), 'listProfileObjects', { ProfileId: profileId, ObjectTypeName: 'CTR', ...params });
const contactIds = (answer: Loose): string[] => answer.Items.map((item: { ProfileObjectUniqueKey: string }) => item.ProfileObjectUniqueKey);

describe('ListProfileObjects CTR', () => {
  it('gives the ended call from the customer’s number as Connect’s contact record, durations in seconds', () => {
    saveContactRecord(context().db, endedRecord({ contactId: 'call-1', attributes: { accountNumber: 'AC-1001' } }));
    const answer = history(TARO);
    expect(answer.NextToken).toBeUndefined();
    expect(answer.Items).toHaveLength(1);
    expect(answer.Items[0]).toMatchObject({ ObjectTypeName: 'CTR', ProfileObjectUniqueKey: 'call-1' });
    const instanceArn = instanceArnOf(DEMO_INSTANCE);
    expect(JSON.parse(answer.Items[0].Object)).toEqual({
      AWSAccountId: DEMO_INSTANCE.accountId,
      InstanceARN: instanceArn,
      ContactId: 'call-1',
      InitialContactId: 'call-1',
      PreviousContactId: null,
      NextContactId: null,
      Channel: 'VOICE',
      InitiationMethod: 'INBOUND',
      InitiationTimestamp: new Date(T0).toISOString(),
      DisconnectTimestamp: new Date(T0 + 205_000).toISOString(),
      DisconnectReason: 'CUSTOMER_DISCONNECT',
      CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+819012345678' },
      SystemEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+815055500200' },
      Queue: {
        Name: 'Support',
        ARN: `${instanceArn}/queue/support`,
        EnqueueTimestamp: new Date(T0 + 5_000).toISOString(),
        DequeueTimestamp: new Date(T0 + 25_000).toISOString(),
        Duration: 20,
      },
      Agent: {
        Username: 'agent1',
        ARN: `${instanceArn}/agent/agent1`,
        ConnectedToAgentTimestamp: new Date(T0 + 25_000).toISOString(),
        AgentInteractionDuration: 150,
        CustomerHoldDuration: 30,
        NumberOfHolds: 1,
        AfterContactWorkStartTimestamp: new Date(T0 + 205_000).toISOString(),
        AfterContactWorkEndTimestamp: new Date(T0 + 235_000).toISOString(),
        AfterContactWorkDuration: 30,
      },
      Attributes: { accountNumber: 'AC-1001' },
    });
  });

  it('finds records by number, email or account attribute, profile id attribute and linked contact id, newest first; not contacts in flight', () => {
    const db = context().db;
    saveContactRecord(db, endedRecord({ contactId: 'by-number', customerEndpoint: '+819055507788', initiatedAt: T0 + 1 }));
    saveContactRecord(db, endedRecord({ contactId: 'by-email', channel: 'chat', customerEndpoint: null, attributes: { CustomerEmail: 'SAKURA.ITO@example.jp' }, initiatedAt: T0 + 2 }));
    saveContactRecord(db, endedRecord({ contactId: 'by-account', customerEndpoint: null, attributes: { accountNumber: 'AC-1002' }, initiatedAt: T0 + 3 }));
    saveContactRecord(db, endedRecord({ contactId: 'by-profile-id', customerEndpoint: null, attributes: { profileId: SAKURA }, initiatedAt: T0 + 4 }));
    saveContactRecord(db, endedRecord({ contactId: 'linked', customerEndpoint: '+81120555999', initiatedAt: T0 + 5 }));
    saveContactRecord(db, endedRecord({ contactId: 'linked-transfer', initialContactId: 'linked', previousContactId: 'linked', customerEndpoint: null, initiatedAt: T0 + 6 }));
    saveContactRecord(db, endedRecord({ contactId: 'in-flight', customerEndpoint: '+819055507788', state: 'connected', disconnectedAt: null, initiatedAt: T0 + 7 }));
    saveContactRecord(db, endedRecord({ contactId: 'someone-else', customerEndpoint: '+819099999999', initiatedAt: T0 + 8 }));
    call(context(), 'addProfileKey', { ProfileId: SAKURA, KeyName: '_ctrContactId', Values: ['linked'] });
    expect(contactIds(history(SAKURA))).toEqual(['linked-transfer', 'linked', 'by-profile-id', 'by-account', 'by-email', 'by-number']);
    expect(JSON.parse(history(SAKURA).Items[4].Object)).toMatchObject({ Channel: 'CHAT', CustomerEndpoint: null });
  });

  it('adds a contact when it ends', () => {
    const db = context().db;
    saveContactRecord(db, endedRecord({ contactId: 'call-2', state: 'acw', disconnectedAt: T0 + 205_000 }));
    expect(contactIds(history(TARO))).toEqual([]);
    saveContactRecord(db, endedRecord({ contactId: 'call-2' }));
    expect(contactIds(history(TARO))).toEqual(['call-2']);
  });

  it('pages by MaxResults and NextToken, and filters by contact id', () => {
    for (let i = 0; i < 7; i++) saveContactRecord(context().db, endedRecord({ contactId: `call-${i}`, initiatedAt: T0 + i * 60_000 }));
    const first = history(TARO, { MaxResults: 3 });
    const second = history(TARO, { MaxResults: 3, NextToken: first.NextToken });
    const third = history(TARO, { MaxResults: 3, NextToken: second.NextToken });
    expect([...contactIds(first), ...contactIds(second), ...contactIds(third)]).toEqual(['call-6', 'call-5', 'call-4', 'call-3', 'call-2', 'call-1', 'call-0']);
    expect(third.NextToken).toBeUndefined();
    expect(contactIds(history(TARO, { ObjectFilter: { KeyName: '_ctrContactId', Values: ['call-2', 'call-4'] } }))).toEqual(['call-4', 'call-2']);
  });

  it('refuses an unknown object type or profile with 404 and malformed members with 400', () => {
    const ask = (params: Record<string, unknown>) => refusal(context(), 'listProfileObjects', { DomainName: DOMAIN, ProfileId: TARO, ObjectTypeName: 'CTR', ...params });
    expect(ask({ ObjectTypeName: '_order' })).toMatchObject({ status: 404, type: 'ResourceNotFoundException', message: expect.stringContaining('CTR') });
    expect(ask({ ProfileId: 'b'.repeat(32) })).toMatchObject({ status: 404, type: 'ResourceNotFoundException' });
    expect(ask({ ObjectTypeName: '1abc' })).toMatchObject({ status: 400 });
    expect(ask({ ObjectTypeName: undefined })).toMatchObject({ status: 400, message: 'ObjectTypeName is required.' });
    expect(ask({ ObjectFilter: { KeyName: '_orderId', Values: ['1'] } })).toMatchObject({ status: 400, message: expect.stringContaining('_ctrContactId') });
    expect(ask({ ObjectFilter: { KeyName: '_ctrContactId', Values: [] } })).toMatchObject({ status: 400 });
    expect(ask({ MaxResults: 500 })).toMatchObject({ status: 400 });
  });
});

describe('ListAccountIntegrations', () => {
  it('names the instance’s profile domain for the instance ARN, and nothing for another URI', () => {
    const answer = call(context(), 'listAccountIntegrations', { Uri: instanceArnOf(DEMO_INSTANCE) });
    expect(answer.Items).toEqual([
      { DomainName: DOMAIN, Uri: instanceArnOf(DEMO_INSTANCE), ObjectTypeName: 'CTR', CreatedAt: expect.any(Number), LastUpdatedAt: expect.any(Number), Tags: {} },
    ]);
    expect(DOMAIN).toBe('amazon-connect-switchboard-demo');
    expect(call(context(), 'listAccountIntegrations', { Uri: 'arn:aws:connect:us-east-1:111122223333:instance/other' })).toEqual({ Items: [] });
  });

  it('refuses a missing Uri', () => {
    expect(refusal(context(), 'listAccountIntegrations', {})).toMatchObject({ status: 400, type: 'BadRequestException', message: 'Uri is required.' });
  });
});
