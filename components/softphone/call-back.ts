// "End call and call back" for a call whose audio was lost when the softphone restarted: ends the agent's
// connection, waits until the worker's snapshot shows the call ended, closes the contact if it is left in after
// call work (Amazon Connect, like the local contact center, places no outbound call while the agent still has a
// voice contact), then dials the customer's number with the ordinary dial command. Each command's error is
// recorded by the session store and shown in the panel's error notice; a call that does not end in time is
// reported to the caller so the view can say so.
import { watch } from 'vue';
import type { SessionStore } from '@/stores/session';

export type CallBackOutcome =
  | 'called' // the customer's number was dialed
  | 'not-ended' // the contact center did not end the call in time: nothing else was done
  | 'failed'; // a command failed (its error is in the session store's notice)

/** How long to wait for the snapshot to show the call ended after the hang-up was accepted. */
export const CALL_END_WAIT_MS = 10_000;

/** Resolves true once `done()` holds for the session store's snapshot, false after `timeoutMs`. */
function snapshotWhere(session: SessionStore, done: () => boolean, timeoutMs: number): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (result: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(result);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    const stop = watch(
      () => session.snapshot,
      () => {
        if (done()) finish(true);
      },
    );
  });
}

/** Ends `contactId`, closes it, and calls `phoneNumber` (E.164, as the snapshot gives the customer's number). */
export async function endAndCallBack(
  session: SessionStore,
  contactId: string,
  phoneNumber: string,
  endWaitMs = CALL_END_WAIT_MS,
): Promise<CallBackOutcome> {
  const contactNow = () => session.snapshot.contacts.find((contact) => contact.id === contactId) ?? null;
  const hungUp = await session.hangUp(contactId);
  if (!hungUp.ok) return 'failed';
  const ended = await snapshotWhere(session, () => contactNow()?.state !== 'connected', endWaitMs);
  if (!ended) return 'not-ended';
  if (contactNow() !== null) {
    const closed = await session.clear(contactId);
    if (!closed.ok) return 'failed';
  }
  const dialed = await session.dial({ phoneNumber });
  return dialed.ok ? 'called' : 'failed';
}
