// The engine's Customer Profiles client over a recording transport (the seam where the agent-app frame would be):
// the domain found once by the instance ARN, bodies as the agent-app operations take them, answers cut down to
// the fields the workspace shows, and the CTR history parsed, paged and sorted newest first.
import { describe, expect, it } from 'vitest';
import { CustomerProfilesClient, historyEntryFromObject, profileFromWire } from '../../../lib/workspace/customer-profiles-client';
import type { CustomerProfilesTransport } from '../../../lib/workspace/customer-profiles-widget';

const INSTANCE_ARN = 'arn:aws:connect:ap-northeast-1:123456789012:instance/11111111-2222-3333-4444-555555555555';

function recordingTransport(answer: (operation: string, params: Record<string, unknown>) => unknown) {
  const calls: { operation: string; params: Record<string, unknown> }[] = [];
  const transport: CustomerProfilesTransport = {
    async call(operation, params) {
      calls.push({ operation, params });
      return answer(operation, params);
    },
    close() {},
  };
  return { transport, calls };
}

const integrations = { Items: [{ Uri: INSTANCE_ARN, DomainName: 'switchboard-demo', ObjectTypeName: 'CTR' }] };

describe('CustomerProfilesClient', () => {
  it('finds the domain once and searches with the Customer Profiles body', async () => {
    const { transport, calls } = recordingTransport((operation) =>
      operation === 'listAccountIntegrations' ? integrations : { Items: [{ ProfileId: 'p1', FirstName: 'Taro', LastName: 'Suzuki', PhoneNumber: '+819012345678', Extra: 'x' }] },
    );
    const client = new CustomerProfilesClient(transport, INSTANCE_ARN);
    const found = await client.searchProfiles('_phone', ['+819012345678']);
    await client.searchProfiles('_email', ['taro@example.com']);
    expect(found).toEqual([{ ProfileId: 'p1', FirstName: 'Taro', LastName: 'Suzuki', PhoneNumber: '+819012345678' }]);
    expect(calls.map((c) => c.operation)).toEqual(['listAccountIntegrations', 'searchProfiles', 'searchProfiles']);
    expect(calls[0].params).toEqual({ Uri: INSTANCE_ARN });
    expect(calls[1].params).toEqual({ DomainName: 'switchboard-demo', KeyName: '_phone', Values: ['+819012345678'], MaxResults: 20 });
  });

  it('asks for the domain again after a failure, and says when the instance has none', async () => {
    let fail = true;
    const { transport } = recordingTransport((operation) => {
      if (operation !== 'listAccountIntegrations') return { Items: [] };
      if (fail) throw new Error('frame not ready');
      return { Items: [] };
    });
    const client = new CustomerProfilesClient(transport, INSTANCE_ARN);
    await expect(client.searchProfiles('_phone', ['+81'])).rejects.toThrow('frame not ready');
    fail = false;
    await expect(client.searchProfiles('_phone', ['+81'])).rejects.toThrow('no Customer Profiles domain');
  });

  it('reads the CTR history over pages, newest first, skipping unreadable objects', async () => {
    const ctr = (id: string, at: string) => JSON.stringify({ ContactId: id, Channel: 'VOICE', InitiationTimestamp: at, Queue: { Name: 'BasicQueue', Duration: 12 }, Agent: { AgentInteractionDuration: 95, CustomerHoldDuration: 8 } });
    const { transport, calls } = recordingTransport((operation, params) => {
      if (operation === 'listAccountIntegrations') return integrations;
      return params.NextToken
        ? { Items: [{ ObjectTypeName: 'CTR', Object: ctr('c3', '2026-11-30T10:00:00Z') }] }
        : { Items: [{ Object: ctr('c1', '2026-11-01T10:00:00Z') }, { Object: '{not json' }, { Object: ctr('c2', '2026-12-01T09:00:00Z') }], NextToken: 'page2' };
    });
    const history = await new CustomerProfilesClient(transport, INSTANCE_ARN).contactHistory('p1');
    expect(history.map((h) => h.contactId)).toEqual(['c2', 'c3', 'c1']);
    expect(history[0]).toMatchObject({ channel: 'VOICE', queueName: 'BasicQueue', queueSeconds: 12, talkSeconds: 95, holdSeconds: 8 });
    expect(calls.filter((c) => c.operation === 'listProfileObjects').map((c) => c.params.NextToken ?? null)).toEqual([null, 'page2']);
    expect(calls[1].params).toMatchObject({ DomainName: 'switchboard-demo', ProfileId: 'p1', ObjectTypeName: 'CTR' });
  });
});

describe('answers are cut down to what the workspace shows', () => {
  it('keeps known text fields and string attributes only', () => {
    expect(profileFromWire({ ProfileId: 'p', FirstName: 'Hanako', BirthDate: 42, Address: { City: '札幌市', Evil: '<x>' }, Attributes: { tier: 'gold', n: 1 } })).toEqual({
      ProfileId: 'p',
      FirstName: 'Hanako',
      Address: { City: '札幌市' },
      Attributes: { tier: 'gold' },
    });
    expect(profileFromWire({ FirstName: 'no id' })).toBeNull();
  });

  it('refuses negative or non-numeric durations and unreadable records', () => {
    expect(historyEntryFromObject(JSON.stringify({ ContactId: 'c', Queue: { Duration: -1 }, Agent: { AgentInteractionDuration: '9' } }))).toMatchObject({ queueSeconds: null, talkSeconds: null, channel: 'VOICE' });
    expect(historyEntryFromObject({ ContactId: 'c' })).toBeNull();
    expect(historyEntryFromObject('[]')).toBeNull();
  });
});
