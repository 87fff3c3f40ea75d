// The worker decides whose transcript the engine follows: every call and chat from when the agent is connected
// to it until it leaves the session (After Contact Work included, so the last lines and the end arrive), unless
// its transcript has completed. Asked again whenever the session becomes ready (a new engine follows nothing yet,
// and a restarted worker does not know what the engine follows: following twice is harmless). A contact that
// leaves the session is unfollowed and its kept transcript dropped.
import type { EngineChannel } from '../session/engine-channel';
import type { ContactView, SessionSnapshot } from '../session/snapshot';
import type { SessionLogWriter } from '../session-log/session-log';
import type { TranscriptChannel } from './contact-lens-client';
import type { TranscriptKeeper } from './transcript-keeper';
import type { TranscriptRequest } from './transcript-requests';

export interface TranscriptFollowingDeps {
  engine: Pick<EngineChannel, 'sendCommand'>;
  keeper: Pick<TranscriptKeeper, 'isCompleted' | 'drop'>;
  /** The admin's Contact Lens backend (setting workspace.contactLensUrl), '' for the instance's own. */
  contactLensUrl(): Promise<string>;
  log: SessionLogWriter;
  timeoutMs?: number;
  newId?: () => string;
}

/** The transcript channel of a contact the engine should follow now, or null. */
export function followableChannel(contact: ContactView): TranscriptChannel | null {
  if (contact.channel !== 'voice' && contact.channel !== 'chat') return null;
  return contact.state === 'connected' || contact.state === 'ended' ? contact.channel : null;
}

export class TranscriptFollowing {
  /** Contacts the current engine was asked to follow (or whose transcript completed). */
  private readonly followed = new Set<string>();
  private readonly timeoutMs: number;
  private readonly newId: () => string;

  constructor(private readonly deps: TranscriptFollowingDeps) {
    this.timeoutMs = deps.timeoutMs ?? 15_000;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** Every snapshot change (and the restored snapshot on worker start, with `previous` null). */
  handleSnapshot(snapshot: SessionSnapshot, previous: SessionSnapshot | null): void {
    const present = new Set(snapshot.contacts.map((contact) => contact.id));
    const gone = (previous?.contacts ?? []).map((contact) => contact.id).filter((id) => !present.has(id));
    if (gone.length > 0) void this.deps.keeper.drop(gone);
    if (snapshot.connection.status !== 'ready') {
      // The engine may be lost or restarting: everything is asked again once it is ready.
      this.followed.clear();
      return;
    }
    const live = new Map<string, TranscriptChannel>();
    for (const contact of snapshot.contacts) {
      const channel = followableChannel(contact);
      if (channel) live.set(contact.id, channel);
    }
    for (const [contactId, channel] of live) {
      if (this.followed.has(contactId)) continue;
      this.followed.add(contactId);
      void this.follow(contactId, channel);
    }
    for (const contactId of [...this.followed]) {
      if (live.has(contactId)) continue;
      this.followed.delete(contactId);
      void this.send({ op: 'unfollow', contactId });
    }
  }

  private async follow(contactId: string, channel: TranscriptChannel): Promise<void> {
    if (await this.deps.keeper.isCompleted(contactId)) return;
    const result = await this.send({ op: 'follow', contactId, channel });
    // Not followed (the engine did not answer): asked again with the next snapshot.
    if (!result) this.followed.delete(contactId);
  }

  /** Sends one request; returns whether the engine took it. */
  private async send(request: TranscriptRequest): Promise<boolean> {
    const contactLens = (await this.deps.contactLensUrl()) || null;
    const result = await this.deps.engine.sendCommand({ id: `transcript:${this.newId()}`, command: { type: 'transcript', request, contactLens } }, this.timeoutMs);
    if (!result.ok) this.deps.log.append('transcript-follow-failed', { op: request.op, contactId: request.contactId, code: result.error.code, detail: result.error.detail ?? null });
    return result.ok;
  }
}
