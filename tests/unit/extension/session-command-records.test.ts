// The command router's records in storage.session: only commands that change something are recorded. A read's
// answer (profiles, contact histories, case and task templates) is large, and every record write rewrites the
// whole list, so recording reads made each command slower than the one before (calls in a row took seconds).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CommandRouter, type CommandRecordStorage } from '@/lib/session/command-router';
import type { CommandEnvelope, CommandResult, SessionCommand } from '@/lib/session/commands';
import { SessionStore } from '@/lib/session/session-store';
import type { CommandRecord } from '@/lib/settings/storage-items';
import { snapshotItem } from '@/lib/settings/storage-items';
import type { WorkspaceRequest } from '@/lib/workspace/workspace-requests';
import { FakeEngineChannel, readySnapshot, RecordingLog } from './session-test-kit';

/** The records' storage, counting its writes (what storage.session would be sent). */
class CountingRecords implements CommandRecordStorage {
  value: CommandRecord[] = [];
  writes = 0;
  async getValue(): Promise<CommandRecord[]> {
    return structuredClone(this.value);
  }
  async setValue(value: CommandRecord[]): Promise<void> {
    this.writes += 1;
    this.value = structuredClone(value);
  }
}

async function readyStore(): Promise<SessionStore> {
  const store = new SessionStore(snapshotItem);
  await store.load();
  await store.update(() => readySnapshot());
  return store;
}

const routerOver = (store: SessionStore, engine: FakeEngineChannel, records: CountingRecords) =>
  new CommandRouter({ store, engine, session: { signIn: vi.fn(), signOut: vi.fn() }, log: new RecordingLog(), records });

const workspace = (id: string, request: WorkspaceRequest): CommandEnvelope => ({ id, command: { type: 'workspace', request } });

/** An answer as large as a customer's profile with a long contact history. */
const largeAnswer = (): CommandResult => ({
  ok: true,
  value: {
    workspace: {
      history: Array.from({ length: 40 }, (_, n) => ({
        contactId: `contact-${n}`,
        channel: 'VOICE',
        initiatedAt: '2026-01-05T09:00:00Z',
        disconnectedAt: '2026-01-05T09:04:00Z',
        queueName: 'BasicQueue',
        queueSeconds: 12,
        holdSeconds: 0,
        talkSeconds: 228,
        afterContactWorkSeconds: 30,
        agentUsername: 'agent1',
      })),
    },
  },
});

const READS: [string, SessionCommand][] = [
  ['customer-for-contact', { type: 'workspace', request: { op: 'customer-for-contact', contactId: 'c-1' } }],
  ['profile-search', { type: 'workspace', request: { op: 'profile-search', key: '_phone', value: '+819012345678' } }],
  ['profile-history', { type: 'workspace', request: { op: 'profile-history', profileId: 'p-1' } }],
  ['cases-of-profile', { type: 'workspace', request: { op: 'cases-of-profile', profileId: 'p-1' } }],
  ['case-get', { type: 'workspace', request: { op: 'case-get', caseId: 'case-1' } }],
  ['case-templates', { type: 'workspace', request: { op: 'case-templates' } }],
  ['cases-by-reference', { type: 'workspace', request: { op: 'cases-by-reference', referenceNumber: 'CASE-1' } }],
  ['task-templates', { type: 'task-templates' }],
  ['task-template', { type: 'task-template', templateId: 't-1' }],
  ['chat-attachment-url', { type: 'chat-attachment-url', contactId: 'c-1', attachmentId: 'a-1' }],
];

describe('command records', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each(READS)('keeps no record of a read (%s): nothing is written, and the engine still answers', async (_name, command) => {
    const engine = new FakeEngineChannel();
    engine.answer = async () => largeAnswer();
    const records = new CountingRecords();
    const router = routerOver(await readyStore(), engine, records);

    expect(await router.execute({ id: 'read-1', command })).toEqual(largeAnswer());
    expect(records.writes).toBe(0);
    expect(records.value).toEqual([]);
  });

  it('writes nothing for a stream of reads, so the last one costs what the first did', async () => {
    const engine = new FakeEngineChannel();
    engine.answer = async () => largeAnswer();
    const records = new CountingRecords();
    const router = routerOver(await readyStore(), engine, records);

    for (let n = 0; n < 50; n++) {
      await router.execute(workspace(`history-${n}`, { op: 'profile-history', profileId: 'p-1' }));
      await router.execute(workspace(`templates-${n}`, { op: 'case-templates' }));
    }

    expect(engine.commands).toHaveLength(100);
    expect(records.writes).toBe(0);
  });

  it('runs a read again when it is retried after a worker restart (reading twice changes nothing)', async () => {
    const records = new CountingRecords();
    const before = new FakeEngineChannel();
    await routerOver(await readyStore(), before, records).execute(workspace('read-again', { op: 'case-templates' }));

    const restored = new SessionStore(snapshotItem);
    await restored.load();
    const after = new FakeEngineChannel();
    await routerOver(restored, after, records).execute(workspace('read-again', { op: 'case-templates' }));

    expect(after.commands).toHaveLength(1);
  });

  it('still records a workspace change, and answers its retry after a worker restart without running it again', async () => {
    const records = new CountingRecords();
    const before = new FakeEngineChannel();
    before.answer = async () => ({ ok: true, value: { workspace: { caseId: 'case-9' } } });
    const create = workspace('create-1', { op: 'case-create', templateId: 't-1', profileId: 'p-1', fields: { title: 'Router' }, linkContactId: null });
    await routerOver(await readyStore(), before, records).execute(create);

    const restored = new SessionStore(snapshotItem);
    await restored.load();
    const after = new FakeEngineChannel();
    const retried = await routerOver(restored, after, records).execute(create);

    expect(retried).toEqual({ ok: true, value: { workspace: { caseId: 'case-9' } } });
    expect(after.commands).toHaveLength(0);
    expect(records.value.map((record) => record.id)).toEqual(['create-1']);
  });
});
