// @vitest-environment happy-dom
// A past contact's transcript from the History tab: a call's and a chat's rows have a toggle (a task's has none)
// that says whether it is open; opening reads the transcript through Contact Lens for that contact id and shows
// its lines and trend; no transcript and no service are said in words.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import ContactHistoryTable from '@/components/workspace/ContactHistoryTable.vue';
import type { CommandResult } from '@/lib/session/commands';
import type { TranscriptRequest } from '@/lib/transcript/transcript-requests';
import { useWorkspaceStore } from '@/stores/workspace';
import { accessibleName, mountSoftphone, readySnapshot, voiceContact } from '../softphone-fixture';
import { fakeEngine, HISTORY, TARO } from '../workspace/workspace-test-kit';
import { FakeTranscriptClient, segment, transcriptRequests } from './transcript-test-kit';
import { setTranscriptClientFactory } from '@/stores/transcripts';

enableAutoUnmount(afterEach);
// The table imports it lazily; compiled once here so a first opening does not wait for the compiler.
beforeAll(() => import('@/components/workspace/transcript/HistoryTranscript.vue'));

const TASK_ROW = { ...HISTORY[0]!, contactId: 'old-task', channel: 'TASK', initiatedAt: '2026-10-01T01:00:00Z' };

async function mountHistory(answer: (request: TranscriptRequest) => CommandResult) {
  setTranscriptClientFactory(() => new FakeTranscriptClient());
  const contact = voiceContact({ state: 'connected' });
  const client = fakeEngine((r) => (r.op === 'customer-for-contact' ? { profiles: [TARO], lookedUpBy: [], history: [...HISTORY, TASK_ROW] } : { cases: [] }));
  const workspaceAnswer = client.answer;
  client.answer = (command) => (command.type === 'transcript' ? answer(command.request) : workspaceAnswer(command));
  const mounted = await mountSoftphone(ContactHistoryTable, readySnapshot({ contacts: [contact] }), { client, props: { contactId: contact.id } });
  await useWorkspaceStore(mounted.pinia).lookUp(contact.id);
  await flushPromises();
  return mounted;
}

const toggleOf = (wrapper: Awaited<ReturnType<typeof mountHistory>>['wrapper'], contactId: string) =>
  wrapper.find(`[data-testid="history-row"][data-contact-id="${contactId}"] [data-testid="history-transcript-toggle"]`);

/** The transcript component loads on first use (a dynamic import): waits until it has read and rendered. */
async function loaded(wrapper: Awaited<ReturnType<typeof mountHistory>>['wrapper']) {
  await vi.waitFor(() => expect(wrapper.find('[data-testid="history-transcript"]').exists()).toBe(true), { timeout: 5_000 });
  await flushPromises();
}

describe('a past contact’s transcript in the History tab', () => {
  it('opens below a call’s row, read through Contact Lens for that contact, and closes again', async () => {
    const said = [segment({ content: 'The bill is wrong.', sentiment: 'NEGATIVE', atSeconds: 4 }), segment({ content: 'Thanks for fixing it.', sentiment: 'POSITIVE', atSeconds: 90 })];
    const { wrapper, client } = await mountHistory(() => ({ ok: true, value: { transcript: { available: true, segments: said, completed: true } } }));
    expect(toggleOf(wrapper, 'old-task').exists()).toBe(false);
    const toggle = toggleOf(wrapper, 'old-1');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(accessibleName(toggle.element)).toMatch(/^Show the transcript of the contact of /);
    await toggle.trigger('click');
    await loaded(wrapper);
    expect(transcriptRequests(client)).toEqual([{ op: 'segments', contactId: 'old-1', channel: 'voice' }]);
    expect(toggle.attributes('aria-expanded')).toBe('true');
    const panel = wrapper.get(`#${toggle.attributes('aria-controls')}`);
    expect(panel.findAll('[data-testid="transcript-line"]').map((line) => line.attributes('data-segment-id'))).toEqual(said.map((s) => s.id));
    expect(panel.get('[data-testid="sentiment-trend-text"]').text()).toBe('Customer sentiment: negative → positive');
    expect(panel.get('[data-testid="transcript-lines"]').attributes('aria-label')).toMatch(/^Transcript of the contact of /);
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(wrapper.find('[data-testid="history-transcript"]').exists()).toBe(false);
  });

  it('reads a chat as a chat, and says when it has no transcript', async () => {
    const { wrapper, client } = await mountHistory(() => ({ ok: true, value: { transcript: { available: true, segments: [], completed: true } } }));
    await toggleOf(wrapper, 'old-2').trigger('click');
    await loaded(wrapper);
    expect(transcriptRequests(client)).toEqual([{ op: 'segments', contactId: 'old-2', channel: 'chat' }]);
    expect(wrapper.get('[data-testid="history-transcript"]').text()).toBe('This contact has no transcript.');
  });

  it('says when the instance has no Contact Lens service', async () => {
    const { wrapper } = await mountHistory(() => ({ ok: true, value: { transcript: { available: false, segments: [] } } }));
    await toggleOf(wrapper, 'old-1').trigger('click');
    await loaded(wrapper);
    expect(wrapper.get('[data-testid="history-transcript"]').text()).toContain('no Contact Lens service');
  });
});
