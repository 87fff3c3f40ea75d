// What the workspace's component tests share: Taro Suzuki's profile and history, a fake engine answering the
// panel's workspace requests, and a mount over a ready session whose workspace store already looked the contact up.
import { flushPromises } from '@vue/test-utils';
import type { Component } from 'vue';
import type { CommandResult, SessionCommand } from '@/lib/session/commands';
import type { ContactView, SessionSnapshot } from '@/lib/session/snapshot';
import type { WorkspaceAnswer, WorkspaceRequest } from '@/lib/workspace/workspace-requests';
import { useWorkspaceStore } from '@/stores/workspace';
import { FakeSessionClient, mountSoftphone, readySnapshot, voiceContact } from '../softphone-fixture';

export const TARO = {
  ProfileId: 'p-taro',
  FirstName: 'Taro',
  LastName: 'Suzuki',
  PhoneNumber: '+81355501234',
  EmailAddress: 'taro.suzuki@example.com',
  AccountNumber: 'AC-1001',
  BirthDate: '1980-04-01',
  Address: { City: 'Chiyoda-ku', State: 'Tokyo' },
};
export const SAKURA = { ProfileId: 'p-sakura', FirstName: 'Sakura', LastName: 'Ito', PhoneNumber: '+81355501234', AccountNumber: 'AC-1002' };
export const HISTORY = [
  { contactId: 'old-1', channel: 'VOICE', initiatedAt: '2026-11-01T01:00:00Z', disconnectedAt: null, queueName: 'BasicQueue', queueSeconds: 5, holdSeconds: 0, talkSeconds: 62, afterContactWorkSeconds: 10, agentUsername: 'agent1' },
  { contactId: 'old-2', channel: 'CHAT', initiatedAt: '2026-11-20T01:00:00Z', disconnectedAt: null, queueName: 'BasicQueue', queueSeconds: 12, holdSeconds: null, talkSeconds: 3725, afterContactWorkSeconds: 0, agentUsername: 'agent1' },
];

export type Answerer = (request: WorkspaceRequest) => WorkspaceAnswer | CommandResult;

/** The engine: `answer` decides each workspace request's result (an answer, or a whole CommandResult for a failure). */
export function fakeEngine(answer: Answerer): FakeSessionClient {
  const client = new FakeSessionClient();
  client.answer = (command: SessionCommand) => {
    if (command.type !== 'workspace') return { ok: true };
    const a = answer(command.request);
    return 'ok' in a ? (a as CommandResult) : { ok: true, value: { workspace: a as WorkspaceAnswer } };
  };
  return client;
}

export const requestsOf = (client: FakeSessionClient): WorkspaceRequest[] => client.commands.flatMap((c) => (c.type === 'workspace' ? [c.request] : []));

/** Mounts `component` for `contact` after the workspace looked its customer up through `answer`. */
export async function mountLookedUp(
  component: Component,
  answer: Answerer,
  options: { contact?: ContactView; language?: 'en' | 'ja'; snapshot?: Partial<SessionSnapshot>; props?: Record<string, unknown>; lookUp?: boolean } = {},
) {
  const contact = options.contact ?? voiceContact({ state: 'connected' });
  const client = fakeEngine(answer);
  const mounted = await mountSoftphone(component, readySnapshot({ contacts: [contact], ...options.snapshot }), {
    client,
    language: options.language,
    props: options.props ?? { contact },
  });
  const workspace = useWorkspaceStore(mounted.pinia);
  if (options.lookUp !== false) await workspace.lookUp(contact.id);
  await flushPromises();
  return { ...mounted, contact, workspace };
}
