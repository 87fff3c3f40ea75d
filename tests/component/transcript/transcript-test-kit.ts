// What the transcript component tests share: a fake transcript port client (the worker's side is played by
// `push`), segments in the panel's shape, and a mount over a ready session with the fake client installed.
import type { Component } from 'vue';
import type { CommandResult, SessionCommand } from '@/lib/session/commands';
import type { ContactView, SessionSnapshot } from '@/lib/session/snapshot';
import type { TranscriptUpdate } from '@/lib/transcript/transcript-protocol';
import type { TranscriptRequest } from '@/lib/transcript/transcript-requests';
import type { TranscriptSegmentView } from '@/lib/transcript/transcript-segments';
import type { TranscriptFollower, TranscriptViewClient } from '@/lib/transcript/transcript-view-client';
import { setTranscriptClientFactory } from '@/stores/transcripts';
import { FakeSessionClient, mountSoftphone, readySnapshot, voiceContact } from '../softphone-fixture';

export class FakeTranscriptClient implements TranscriptViewClient {
  readonly followers = new Map<string, Set<TranscriptFollower>>();

  follow(contactId: string, listener: TranscriptFollower) {
    const set = this.followers.get(contactId) ?? new Set<TranscriptFollower>();
    set.add(listener);
    this.followers.set(contactId, set);
    return () => void set.delete(listener);
  }

  close() {}

  /** The worker sends an update for a contact. */
  push(contactId: string, update: Partial<Omit<TranscriptUpdate, 'contactId'>>) {
    const full: TranscriptUpdate = { contactId, full: false, segments: [], completed: false, source: 'stream', ...update };
    for (const listener of this.followers.get(contactId) ?? []) listener(full);
  }

  followed(): string[] {
    return [...this.followers].filter(([, set]) => set.size > 0).map(([id]) => id);
  }
}

let counter = 0;
/** A segment said `atSeconds` into the contact. */
export function segment(overrides: Partial<TranscriptSegmentView> & { atSeconds?: number } = {}): TranscriptSegmentView {
  counter += 1;
  const { atSeconds = counter, ...rest } = overrides;
  return {
    id: `seg-${counter}`,
    role: 'CUSTOMER',
    displayName: null,
    content: `line ${counter}`,
    beginOffsetMillis: atSeconds * 1000,
    endOffsetMillis: atSeconds * 1000 + 900,
    time: Date.UTC(2026, 11, 4, 1, 0, atSeconds),
    sentiment: 'NEUTRAL',
    ...rest,
  };
}

export type TranscriptAnswerer = (request: TranscriptRequest) => CommandResult;

/** Mounts `component` over a ready session with `contact`; transcript commands are answered by `answer`. */
export async function mountWithTranscripts(
  component: Component,
  options: { contact?: ContactView; props?: Record<string, unknown>; answer?: TranscriptAnswerer; language?: 'en' | 'ja'; snapshot?: Partial<SessionSnapshot> } = {},
) {
  const contact = options.contact ?? voiceContact({ state: 'connected' });
  const transcripts = new FakeTranscriptClient();
  setTranscriptClientFactory(() => transcripts);
  const client = new FakeSessionClient();
  client.answer = (command: SessionCommand) => (command.type === 'transcript' && options.answer ? options.answer(command.request) : { ok: true });
  const mounted = await mountSoftphone(component, readySnapshot({ contacts: [contact], ...options.snapshot }), {
    client,
    language: options.language,
    props: options.props ?? { contact, closed: false },
  });
  return { ...mounted, contact, transcripts };
}

export const transcriptRequests = (client: FakeSessionClient): TranscriptRequest[] =>
  client.commands.flatMap((command) => (command.type === 'transcript' ? [command.request] : []));
