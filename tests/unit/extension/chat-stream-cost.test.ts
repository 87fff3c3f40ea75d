// What the per-contact transcript stream costs against pushing transcripts in every session snapshot: bytes on
// the port per new message, and the worker's time to merge, announce and serialize it (printed for the issue's
// note; the assertions hold the design's point: an increment is a small, constant fraction of a snapshot).
import { describe, expect, it } from 'vitest';
import { ChatTranscriptStore, type ChatTranscriptStorage } from '@/lib/session/chat-transcript-store';
import type { ChatItemView } from '@/lib/session/chat-transcript';
import type { ContactView } from '@/lib/session/snapshot';
import { readySnapshot, ringingCall } from './session-test-kit';

const CHATS = 10;
const MESSAGES = 100;

const message = (chat: number, i: number): ChatItemView => ({
  id: `c${chat}-m${i}-${'0'.repeat(24)}`, // Connect's ids are 36-character UUIDs
  kind: 'message',
  role: i % 2 === 0 ? 'CUSTOMER' : 'AGENT',
  own: i % 2 === 1,
  displayName: i % 2 === 0 ? 'Hana Sato' : 'Emily Carter',
  time: 1_772_442_000_000 + i * 15_000,
  contentType: 'text/plain',
  content: 'Thanks, could you check the order I placed last week? It has not arrived yet.'.slice(0, 40 + (i % 40)),
  receipt: 'read',
});

class NullStorage implements ChatTranscriptStorage {
  bytesWritten = 0;
  async read() {
    return null;
  }
  async write(_id: string, items: ChatItemView[]) {
    this.bytesWritten += JSON.stringify(items).length;
  }
  async remove() {}
  async contactIds() {
    return [];
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

describe('chat transcript stream: cost', () => {
  it('sends a new message as a small increment instead of a snapshot carrying every transcript', async () => {
    const contacts: ContactView[] = Array.from({ length: CHATS }, (_, chat) => ({ ...ringingCall(`chat-${chat}`), channel: 'chat', customerName: 'Hana Sato' }));
    const transcripts = Array.from({ length: CHATS }, (_, chat) => Array.from({ length: MESSAGES }, (_, i) => message(chat, i)));
    const snapshot = readySnapshot({ contacts });
    const snapshotBytes = JSON.stringify({ type: 'snapshot', snapshot }).length;
    const embeddedBytes = JSON.stringify({ type: 'snapshot', snapshot: { ...snapshot, transcripts } }).length;

    const storage = new NullStorage();
    const chats = new ChatTranscriptStore(storage);
    for (let chat = 0; chat < CHATS; chat += 1) await chats.handleEngineEvent({ type: 'chat-items', contactId: `chat-${chat}`, items: transcripts[chat], full: true });
    await chats.flushed();
    const posted: string[] = [];
    chats.subscribe((change) => posted.push(JSON.stringify(change.type === 'items' ? { type: 'chat-transcript', contactId: change.contactId, items: change.items, full: false } : change)));

    const times: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const started = performance.now();
      await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-3', items: [message(3, MESSAGES + i)] });
      times.push(performance.now() - started);
    }
    await chats.flushed();
    const incrementBytes = Math.max(...posted.map((p) => p.length));
    const fullTranscriptBytes = JSON.stringify({ type: 'chat-transcript', contactId: 'chat-3', items: await chats.items('chat-3'), full: true }).length;
    const serializeStarted = performance.now();
    JSON.stringify(await chats.items('chat-3'));
    const serializeMs = performance.now() - serializeStarted;

    console.info(
      `chat stream cost: increment ${incrementBytes} B (merge+announce p50 ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms); ` +
        `snapshot without transcripts ${snapshotBytes} B; snapshot with ${CHATS}×${MESSAGES} messages ${embeddedBytes} B; ` +
        `full transcript on subscribe (${(await chats.items('chat-3')).length} items) ${fullTranscriptBytes} B; storage write of that chat ${serializeMs.toFixed(2)} ms to serialize`,
    );
    expect(posted).toHaveLength(200);
    expect(incrementBytes).toBeLessThan(600);
    expect(incrementBytes * 100).toBeLessThan(embeddedBytes);
  });
});
