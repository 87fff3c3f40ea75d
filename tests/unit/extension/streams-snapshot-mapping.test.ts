// Unit tests of the snapshot mapping: streams' agent, contacts and quick connects (fakes over CCP-shaped data)
// become the session snapshot's plain views.
import { describe, expect, it } from 'vitest';
import { mapAgent, mapContacts, mapQuickConnects } from '@/lib/streams/snapshot-mapping';
import {
  agentConnection,
  at,
  BASIC_QUEUE,
  customerConnection,
  fakeStreams,
  INSTANCE,
  rawAgent,
  STATUS,
  T0,
  voiceContact,
} from './streams-fakes';

const NOW = at(600).getTime();

describe('mapAgent', () => {
  it('copies the agent, its statuses and settings out of streams with epoch-ms times', () => {
    const { agent } = fakeStreams(rawAgent({}, { agentPreferences: { LANGUAGE: 'ja_JP' }, dialableCountries: ['JP', 'us'] }));

    expect(mapAgent(agent, { muted: false, now: NOW })).toEqual({
      name: 'Emily Carter',
      username: 'agent1',
      state: { name: 'Available', type: 'routable', since: T0.getTime() },
      availability: { name: 'Available', since: T0.getTime() },
      nextStatus: null,
      statuses: [
        { arn: STATUS.available.agentStateARN, name: 'Available', type: 'routable' },
        { arn: STATUS.offline.agentStateARN, name: 'Offline', type: 'offline' },
        { arn: STATUS.break.agentStateARN, name: 'Break', type: 'not_routable' },
      ],
      softphoneEnabled: true,
      deskPhoneNumber: '',
      autoAccept: false,
      language: 'ja_JP',
      muted: false,
      dialableCountries: ['jp', 'us'],
    });
  });

  it('shows a system state while keeping the selected status as availability', () => {
    const { agent } = fakeStreams(
      rawAgent({ state: { agentStateARN: null, name: 'PendingBusy', type: 'system', startTimestamp: at(30) } }),
    );

    const view = mapAgent(agent, { muted: false, now: NOW });

    expect(view.state).toEqual({ name: 'PendingBusy', type: 'system', since: at(30).getTime() });
    expect(view.availability).toEqual({ name: 'Available', since: T0.getTime() });
  });

  it('reports a status chosen during a contact as the next status', () => {
    const { agent } = fakeStreams(
      rawAgent({
        state: { agentStateARN: null, name: 'Busy', type: 'system', startTimestamp: at(40) },
        nextState: { ...STATUS.break, startTimestamp: null },
      }),
    );

    expect(mapAgent(agent, { muted: false, now: NOW }).nextStatus).toEqual({ arn: STATUS.break.agentStateARN, name: 'Break' });
  });

  it('reports a missed call as the error state MissedCallAgent', () => {
    const { agent } = fakeStreams(rawAgent({ state: { agentStateARN: null, name: 'MissedCallAgent', type: 'error', startTimestamp: at(20) } }));

    expect(mapAgent(agent, { muted: false, now: NOW }).state).toEqual({ name: 'MissedCallAgent', type: 'error', since: at(20).getTime() });
  });

  it('passes on the desk phone settings and the mute flag the softphone reported', () => {
    const { agent } = fakeStreams(rawAgent({}, { softphoneEnabled: false, extension: '+81355559999', softphoneAutoAccept: true }));

    const view = mapAgent(agent, { muted: true, now: NOW });

    expect(view).toMatchObject({ softphoneEnabled: false, deskPhoneNumber: '+81355559999', autoAccept: true, muted: true });
  });

  it('leaves out statuses without an ARN or of a system type', () => {
    const data = rawAgent();
    data.configuration.agentStates = [
      ...data.configuration.agentStates,
      { agentStateARN: null, name: 'Busy', type: 'system' },
      { agentStateARN: `${INSTANCE}/agent-state/x`, name: 'Weird', type: 'system' },
    ];

    const names = mapAgent(fakeStreams(data).agent, { muted: false, now: NOW }).statuses.map((s) => s.name);

    expect(names).toEqual(['Available', 'Offline', 'Break']);
  });
});

describe('mapContacts', () => {
  it('maps a ringing inbound call: caller, queue, attributes, roles and ring start', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [
          voiceContact({
            state: { type: 'connecting', timestamp: at(10) },
            attributes: { caseId: { name: 'caseId', value: 'C-1042' }, tier: { name: 'tier', value: 'gold' } },
            connections: [agentConnection('connecting', at(10)), customerConnection('connected', at(9))],
          }),
        ],
      }),
    );

    expect(mapContacts(agent, NOW)).toEqual([
      {
        id: 'contact-1',
        initialContactId: 'contact-1',
        channel: 'voice',
        state: 'connecting',
        since: at(10).getTime(),
        initiationMethod: 'inbound',
        queueName: 'BasicQueue',
        attributes: { caseId: 'C-1042', tier: 'gold' },
        connections: [
          {
            id: 'conn-agent',
            role: 'agent',
            state: 'connecting',
            since: at(10).getTime(),
            phoneNumber: null,
            name: 'Emily Carter',
            endpointType: 'agent',
            quickConnectName: null,
          },
          {
            id: 'conn-customer',
            role: 'customer',
            state: 'connected',
            since: at(9).getTime(),
            phoneNumber: '+819012345678',
            name: null,
            endpointType: 'phone_number',
            quickConnectName: null,
          },
        ],
        transferredBy: null,
        deskPhone: false,
      },
    ]);
  });

  it('shows a customer on hold during a connected call', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [
          voiceContact({
            state: { type: 'connected', timestamp: at(15) },
            connections: [agentConnection('connected', at(15)), customerConnection('hold', at(60))],
          }),
        ],
      }),
    );

    const [contact] = mapContacts(agent, NOW);

    expect(contact.state).toBe('connected');
    expect(contact.connections.find((c) => c.role === 'customer')).toMatchObject({ state: 'hold', since: at(60).getTime() });
  });

  it('shows a consulted third party with its quick connect name while the customer holds', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [
          voiceContact({
            state: { type: 'connected', timestamp: at(15) },
            connections: [
              agentConnection('connected', at(15)),
              customerConnection('hold', at(70)),
              {
                connectionId: 'conn-third',
                type: 'outbound',
                initial: false,
                endpoint: { type: 'agent', name: 'Kenji Sato' },
                state: { type: 'connected', timestamp: at(75) },
                softphoneMediaInfo: null,
                quickConnectName: 'Kenji (agent2)',
              },
            ],
          }),
        ],
      }),
    );

    const [contact] = mapContacts(agent, NOW);

    expect(contact.connections.map((c) => [c.role, c.state])).toEqual([
      ['agent', 'connected'],
      ['customer', 'hold'],
      ['third-party', 'connected'],
    ]);
    expect(contact.connections[2]).toMatchObject({ name: 'Kenji Sato', endpointType: 'agent', quickConnectName: 'Kenji (agent2)' });
  });

  it('tells the receiving agent who transfers the contact', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [
          voiceContact({
            contactId: 'contact-2',
            initialContactId: 'contact-1',
            initiationMethod: 'transfer',
            state: { type: 'connecting', timestamp: at(80) },
            segmentAttributes: { 'connect:TransferredBy': { ValueString: 'Emily Carter' } },
            connections: [agentConnection('connecting', at(80)), customerConnection('hold', at(70))],
          }),
        ],
      }),
    );

    expect(mapContacts(agent, NOW)[0]).toMatchObject({
      id: 'contact-2',
      initialContactId: 'contact-1',
      initiationMethod: 'transfer',
      transferredBy: 'Emily Carter',
    });
  });

  it('maps after call work: the contact ended and the agent leg disconnected', () => {
    const { agent } = fakeStreams(
      rawAgent({
        state: { agentStateARN: null, name: 'AfterCallWork', type: 'system', startTimestamp: at(120) },
        contacts: [
          voiceContact({
            state: { type: 'ended', timestamp: at(120) },
            connections: [agentConnection('disconnected', at(120)), customerConnection('disconnected', at(120))],
          }),
        ],
      }),
    );

    const [contact] = mapContacts(agent, NOW);

    expect(contact.state).toBe('ended');
    expect(contact.since).toBe(at(120).getTime());
    expect(contact.connections.map((c) => c.state)).toEqual(['disconnected', 'disconnected']);
    expect(mapAgent(agent, { muted: false, now: NOW }).state.name).toBe('AfterCallWork');
  });

  it('maps a missed call', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [
          voiceContact({
            state: { type: 'missed', timestamp: at(30) },
            connections: [agentConnection('disconnected', at(30)), customerConnection('connected', at(9))],
          }),
        ],
      }),
    );

    expect(mapContacts(agent, NOW)[0].state).toBe('missed');
  });

  it('marks a voice contact without softphone media as ringing the desk phone', () => {
    const { agent } = fakeStreams(
      rawAgent(
        {
          contacts: [
            voiceContact({
              state: { type: 'connecting', timestamp: at(10) },
              connections: [
                agentConnection('connecting', at(10), { softphoneMediaInfo: null, endpoint: { type: 'agent', name: 'Emily Carter', phoneNumber: '+81355559999' } }),
                customerConnection('connected', at(9)),
              ],
            }),
          ],
        },
        { softphoneEnabled: false, extension: '+81355559999' },
      ),
    );

    const [contact] = mapContacts(agent, NOW);

    expect(contact.deskPhone).toBe(true);
    expect(contact.connections[0].phoneNumber).toBe('+81355559999');
  });

  it('reads the number out of a SIP address', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [
          voiceContact({
            state: { type: 'connected', timestamp: at(10) },
            connections: [agentConnection('connected', at(10)), customerConnection('connected', at(9), 'sip:+15555550100@10.0.0.1')],
          }),
        ],
      }),
    );

    expect(mapContacts(agent, NOW)[0].connections[1].phoneNumber).toBe('+15555550100');
  });

  it('maps queue callbacks as voice and leaves out channels the panel does not know', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [
          voiceContact({ contactId: 'cb', type: 'queue_callback', state: { type: 'incoming', timestamp: at(1) }, connections: [agentConnection('connecting', at(1))] }),
          voiceContact({ contactId: 'mail', type: 'email', state: { type: 'connecting', timestamp: at(2) }, connections: [agentConnection('connecting', at(2))] }),
          voiceContact({ contactId: 'chat', type: 'chat', queue: null, state: { type: 'connecting', timestamp: at(3) }, connections: [agentConnection('connecting', at(3))] }),
        ],
      }),
    );

    const contacts = mapContacts(agent, NOW);

    expect(contacts.map((c) => [c.id, c.channel, c.state])).toEqual([
      ['cb', 'voice', 'incoming'],
      ['chat', 'chat', 'connecting'],
    ]);
    expect(contacts[1]).toMatchObject({ queueName: null, deskPhone: false });
    expect(contacts[1].connections[0].quickConnectName).toBeNull();
  });

  it('gives every copy plain data: no Date or streams object survives', () => {
    const { agent } = fakeStreams(
      rawAgent({
        contacts: [voiceContact({ state: { type: 'connected', timestamp: at(10) }, connections: [agentConnection('connected', at(10)), customerConnection('connected', at(9))] })],
      }),
    );

    const views = { agent: mapAgent(agent, { muted: false, now: NOW }), contacts: mapContacts(agent, NOW) };

    expect(JSON.parse(JSON.stringify(views))).toEqual(views);
  });
});

describe('mapQuickConnects', () => {
  it('maps the three kinds of quick connect and drops the rest', () => {
    const endpoints = [
      { endpointARN: `${INSTANCE}/transfer-destination/q`, type: 'queue', name: 'Sales queue', phoneNumber: null, agentLogin: null, queue: BASIC_QUEUE.queueARN },
      { endpointARN: `${INSTANCE}/transfer-destination/a`, type: 'agent', name: 'Kenji (agent2)', phoneNumber: null, agentLogin: 'agent2', queue: null },
      { endpointARN: `${INSTANCE}/transfer-destination/p`, type: 'phone_number', name: 'Legal', phoneNumber: '+81355550000', agentLogin: null, queue: null },
      { endpointId: `${INSTANCE}/transfer-destination/old`, type: 'phone_number', name: 'Old style id', phoneNumber: 'sip:+15555550123@gw', agentLogin: null, queue: null },
      { endpointARN: null, type: 'phone_number', name: 'No ARN', phoneNumber: '+15555550100' },
      { endpointARN: `${INSTANCE}/transfer-destination/x`, type: 'sip', name: 'Unknown kind', phoneNumber: null },
    ];

    expect(mapQuickConnects(endpoints)).toEqual([
      { arn: `${INSTANCE}/transfer-destination/q`, name: 'Sales queue', kind: 'queue', phoneNumber: null },
      { arn: `${INSTANCE}/transfer-destination/a`, name: 'Kenji (agent2)', kind: 'agent', phoneNumber: null },
      { arn: `${INSTANCE}/transfer-destination/p`, name: 'Legal', kind: 'phone', phoneNumber: '+81355550000' },
      { arn: `${INSTANCE}/transfer-destination/old`, name: 'Old style id', kind: 'phone', phoneNumber: '+15555550123' },
    ]);
  });
});
