// ClientToken idempotency of the participant service's calls: a retry with the same ClientToken, by the same
// participant, for the same operation, within the window gets the first answer instead of acting twice. The
// frequent calls (SendMessage, SendEvent) run in the event-loop turn's group commit; the others in their own
// transaction.

import type { Clock } from '../clock';
import { ChatGroupCommit } from '../store/chat-group-commit';
import { findClientTokenResult, rememberClientTokenResult, type IdempotentOperation } from '../store/chat-transcript-repository';
import type { Database } from '../store/database';
import type { ChatParticipant } from './participants';

export class IdempotentCalls {
  constructor(
    private readonly db: Database,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly commits: ChatGroupCommit,
  ) {}

  /** Runs `act` once per (participant, operation, ClientToken) within the window, atomically. */
  once<T>(participant: ChatParticipant, operation: IdempotentOperation, clientToken: string | undefined, act: () => T): T {
    if (clientToken === undefined) return act();
    return this.db.transaction(() => this.replayOrAct(participant, operation, clientToken, act))();
  }

  /** once() for the frequent calls: atomic too (a savepoint), committed with the rest of the turn. */
  onceInGroupCommit<T>(participant: ChatParticipant, operation: IdempotentOperation, clientToken: string | undefined, act: () => T): T {
    return this.commits.run(() => (clientToken === undefined ? act() : this.replayOrAct(participant, operation, clientToken, act)));
  }

  /** Whether the participant already made this call with this ClientToken (within the window). */
  seen(participant: ChatParticipant, operation: IdempotentOperation, clientToken: string): boolean {
    return findClientTokenResult(this.db, key(participant, operation, clientToken), this.clock.now()) !== undefined;
  }

  remember(participant: ChatParticipant, operation: IdempotentOperation, clientToken: string, result: unknown): void {
    rememberClientTokenResult(this.db, key(participant, operation, clientToken), result, this.clock.now());
  }

  private replayOrAct<T>(participant: ChatParticipant, operation: IdempotentOperation, clientToken: string, act: () => T): T {
    const earlier = findClientTokenResult<T>(this.db, key(participant, operation, clientToken), this.clock.now());
    if (earlier !== undefined) return earlier;
    const result = act();
    this.remember(participant, operation, clientToken, result);
    return result;
  }
}

function key(participant: ChatParticipant, operation: IdempotentOperation, clientToken: string) {
  return { participantId: participant.participantId, operation, clientToken };
}
