// A chat contact as the session shows it (its two connections, the customer's display name, its features) and
// the contact commands on it: accept, end (the agent's connection), close after contact work, transfer.
import { describe, expect, it } from 'vitest';
import type { StreamsEndpoint } from '@/lib/streams/streams-api';
import { mapContact } from '@/lib/streams/snapshot-mapping';
import { isRinging } from '@/lib/session/session-transitions';
import { at, chatContact, executorHarness, fakeStreams, INSTANCE, rawAgent } from './streams-fakes';

const QUEUE_QC: StreamsEndpoint = { endpointARN: `${INSTANCE}/transfer-destination/billing`, type: 'queue', name: 'Billing', phoneNumber: null };

const harness = () => executorHarness([chatContact()], [QUEUE_QC]);

describe('chat contact', () => {
  it("maps an offered chat: both connections, the customer's name, the chat's features, and it rings", () => {
    const { streams } = harness();
    const view = mapContact(streams.agent.getContacts()[0], 0);
    expect(view).toMatchObject({
      id: 'chat-1',
      channel: 'chat',
      state: 'connecting',
      initiationMethod: 'api',
      customerName: 'Hana Sato',
      chatFeatures: { attachments: true, markdown: true },
      deskPhone: false,
      connections: [
        { id: 'chat-agent', role: 'agent', state: 'connecting', name: 'Emily Carter', phoneNumber: null },
        { id: 'chat-customer', role: 'customer', state: 'connected', name: 'Hana Sato', phoneNumber: null },
      ],
    });
    expect(isRinging(view!)).toBe(true);
  });

  it('has no customerName or chatFeatures on a voice contact', () => {
    const streams = fakeStreams(rawAgent({ contacts: [{ ...chatContact(), type: 'voice', contactFeatures: null }] }));
    const view = mapContact(streams.agent.getContacts()[0], 0);
    expect(view).not.toHaveProperty('customerName');
    expect(view).not.toHaveProperty('chatFeatures');
  });

  it('accepts, ends (the agent connection) and closes a chat with the same streams calls as a call', async () => {
    const h = harness();
    await h.execute({ type: 'accept', contactId: 'chat-1' });
    await h.execute({ type: 'hang-up', contactId: 'chat-1' });
    h.streams.data.snapshot.contacts[0].state = { type: 'ended', timestamp: at(30) };
    await h.execute({ type: 'clear', contactId: 'chat-1' });
    expect(h.streams.calls.map((c) => `${c.method}:${c.target}`)).toEqual(['contact.accept:chat-1', 'connection.destroy:chat-agent', 'contact.clear:chat-1']);
  });

  it("transfers to a quick connect with streams' contact.transfer", async () => {
    const h = harness();
    await expect(h.execute({ type: 'transfer', contactId: 'chat-1', quickConnectArn: QUEUE_QC.endpointARN as string })).resolves.toEqual({ ok: true });
    expect(h.streams.calls).toEqual([{ method: 'contact.transfer', target: 'chat-1', args: [QUEUE_QC] }]);
  });

  it('refuses a transfer to an unknown quick connect or of an unknown contact', async () => {
    const h = harness();
    await expect(h.execute({ type: 'transfer', contactId: 'chat-1', quickConnectArn: 'arn:nope' })).resolves.toMatchObject({ ok: false, error: { code: 'rejected' } });
    await expect(h.execute({ type: 'transfer', contactId: 'gone', quickConnectArn: QUEUE_QC.endpointARN as string })).resolves.toMatchObject({
      ok: false,
      error: { code: 'contact-not-found' },
    });
    expect(h.streams.calls).toEqual([]);
  });
});
