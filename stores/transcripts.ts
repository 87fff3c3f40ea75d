// Live transcripts for the panel (F14): every live call's and chat's Contact Lens segments, followed from the
// worker (the whole kept transcript first, then increments) for as long as the contact is in the session, and
// kept a while after it leaves (the last few contacts) so After Contact Work and a closed contact still show it;
// past contacts' transcripts read on demand for the History tab; the agent's typed line.
//
// For other stores (e.g. knowledge recommendations when a customer segment arrives):
//   - `segments`: a reactive Record<contactId, Segment[]>, ordered as said; each contact's array is replaced
//     whole on every change (never changed in place), so `watch(() => store.segments[id], …)` fires per change;
//   - `segmentsOf(contactId)`: the same array for one contact ([] when none);
//   - `Segment` is TranscriptSegmentView (lib/transcript/transcript-segments.ts): id, role (CUSTOMER, AGENT,
//     SYSTEM), content, offsets, time, sentiment.
// The store follows as soon as it is first used (useTranscriptsStore()), whichever tab is open.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { CommandResult } from '@/lib/session/commands';
import type { ContactView } from '@/lib/session/snapshot';
import type { TranscriptChannel } from '@/lib/transcript/contact-lens-client';
import type { TranscriptUpdate } from '@/lib/transcript/transcript-protocol';
import type { TranscriptSource } from '@/lib/transcript/transcript-requests';
import { boundSegments, mergeSegments, type TranscriptSegmentView } from '@/lib/transcript/transcript-segments';
import { createBrowserTranscriptClient, type TranscriptViewClient } from '@/lib/transcript/transcript-view-client';
import { useSessionStore } from './session';

export type Segment = TranscriptSegmentView;

/** What the panel knows of a followed contact's transcript besides its segments. */
export interface TranscriptMeta {
  /** The worker's first (whole) copy has arrived. */
  received: boolean;
  completed: boolean;
  source: TranscriptSource | null;
}

export type PastTranscript =
  | { status: 'loading' }
  | { status: 'ready'; available: boolean; segments: Segment[] }
  | { status: 'failed'; error: Extract<CommandResult, { ok: false }>['error'] };

/** How many contacts that left the session keep their transcript in the panel. */
const KEPT_AFTER_LEAVING = 3;

let clientFactory: () => TranscriptViewClient = createBrowserTranscriptClient;

/** Tests (and a page without the worker) give the store their own transcript client; call before the store is
 *  first used. */
export function setTranscriptClientFactory(factory: () => TranscriptViewClient): void {
  clientFactory = factory;
}

/** The transcript channel of a contact, or null for a task. */
export const transcriptChannelOf = (contact: Pick<ContactView, 'channel'>): TranscriptChannel | null =>
  contact.channel === 'voice' || contact.channel === 'chat' ? contact.channel : null;

export const useTranscriptsStore = defineStore('transcripts', () => {
  const session = useSessionStore();
  const client = clientFactory();
  const segments = shallowRef<Record<string, Segment[]>>({});
  const meta = ref<Record<string, TranscriptMeta>>({});
  const past = ref<Record<string, PastTranscript>>({});
  const following = new Map<string, () => void>();
  /** Contacts that left the session, newest last, whose transcripts are still kept. */
  const departed: string[] = [];

  function apply(update: TranscriptUpdate): void {
    const id = update.contactId;
    const current = segments.value[id] ?? [];
    // A full copy is merged too (not replaced): a change may have crossed it on the way.
    const merged = mergeSegments(current, update.segments);
    if (merged.changed.length > 0) segments.value = { ...segments.value, [id]: boundSegments(merged.segments) };
    else if (!(id in segments.value)) segments.value = { ...segments.value, [id]: [] };
    const before = meta.value[id];
    const next: TranscriptMeta = { received: true, completed: update.completed || (before?.completed ?? false), source: update.source ?? before?.source ?? null };
    if (!before || before.received !== next.received || before.completed !== next.completed || before.source !== next.source) {
      meta.value = { ...meta.value, [id]: next };
    }
  }

  const followable = computed(() =>
    session.snapshot.contacts.filter((contact) => transcriptChannelOf(contact) !== null && contact.state !== 'incoming').map((contact) => contact.id),
  );

  watch(
    followable,
    (ids) => {
      for (const id of ids) {
        if (following.has(id)) continue;
        following.set(id, client.follow(id, apply));
        const at = departed.indexOf(id);
        if (at >= 0) departed.splice(at, 1);
      }
      for (const [id, stop] of following) {
        if (ids.includes(id)) continue;
        stop();
        following.delete(id);
        departed.push(id);
      }
      while (departed.length > KEPT_AFTER_LEAVING) forget(departed.shift()!);
    },
    { immediate: true },
  );

  function forget(id: string): void {
    const { [id]: _segments, ...restSegments } = segments.value;
    segments.value = restSegments;
    const { [id]: _meta, ...restMeta } = meta.value;
    meta.value = restMeta;
  }

  const segmentsOf = (contactId: string): Segment[] => segments.value[contactId] ?? [];
  const metaOf = (contactId: string): TranscriptMeta | null => meta.value[contactId] ?? null;
  /** Whether the panel holds this contact's transcript (followed now, or kept after it left). */
  const holds = (contactId: string): boolean => contactId in segments.value;

  /** A past contact's transcript, read through Contact Lens (the History tab); again only with `force`. */
  async function loadPast(contactId: string, channel: TranscriptChannel, force = false): Promise<void> {
    const known = past.value[contactId];
    if (known && known.status !== 'failed' && !force) return;
    past.value = { ...past.value, [contactId]: { status: 'loading' } };
    const result = await session.run({ type: 'transcript', request: { op: 'segments', contactId, channel } }, { inline: true });
    const answer = result.ok ? result.value?.transcript : undefined;
    past.value = {
      ...past.value,
      [contactId]: result.ok
        ? { status: 'ready', available: answer?.available !== false, segments: mergeSegments([], answer?.segments ?? []).segments }
        : { status: 'failed', error: result.error },
    };
  }

  const pastOf = (contactId: string): PastTranscript | null => past.value[contactId] ?? null;

  /** The agent's own line in a call (local contact center); shown at once when the contact center answers. */
  async function say(contactId: string, text: string): Promise<CommandResult> {
    const result = await session.run({ type: 'transcript', request: { op: 'say', contactId, text } }, { inline: true });
    const segment = result.ok ? result.value?.transcript?.segment : undefined;
    if (segment && holds(contactId)) apply({ contactId, full: false, segments: [segment], completed: false, source: null });
    return result;
  }

  return { segments, meta, segmentsOf, metaOf, holds, loadPast, pastOf, say };
});

export type TranscriptsStore = ReturnType<typeof useTranscriptsStore>;
