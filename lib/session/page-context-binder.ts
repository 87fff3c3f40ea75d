// Binds a call dialed from a CRM page to the page (F31). Before the dial the worker notes the page, the number
// and the contacts it already has (storage.session, so a restarted worker carries on); the first new outbound
// voice contact to that number in a later snapshot is the dial's. Its page context then goes into the snapshot
// (the panel shows it) and, on the local contact center, onto the contact as attributes (the contact record
// keeps them; streams sees them). Elsewhere it stays in the panel: a real instance needs a backend calling
// UpdateContactAttributes. The page's URL and title are never logged.
//
//   expect(dial) ──► pending (storage.session) ──snapshot with a new outbound contact to the number──►
//   pageContexts[contact] (attributes 'pending') ──► write attributes ──► 'written' | 'panel-only' ──► not pending
import type { PendingPageDial } from '../settings/storage-items';
import type { SessionLogWriter } from '../session-log/session-log';
import { canWriteContactAttributes, ContactAttributesError, pageContextAttributes } from './contact-attributes';
import type { SessionStore } from './session-store';
import type { ContactPageContext, ContactView, PageContext, SessionSnapshot } from './snapshot';

/** How long a dial waits for its contact before its page context is dropped. */
export const PENDING_PAGE_DIAL_MS = 60_000;

export interface PendingPageDialStorage {
  getValue(): Promise<PendingPageDial[]>;
  setValue(value: PendingPageDial[]): Promise<void>;
}

export interface PageContextBinderDeps {
  store: Pick<SessionStore, 'ready' | 'update'>;
  pending: PendingPageDialStorage;
  /** Writes attributes on a contact of the local contact center (contact-attributes.ts); throws when refused. */
  writeAttributes(instanceUrl: string, contactId: string, attributes: Record<string, string>): Promise<void>;
  log: SessionLogWriter;
  now?: () => number;
}

const isOutboundVoice = (contact: ContactView) =>
  contact.channel === 'voice' && ['outbound', 'external_outbound'].includes(contact.initiationMethod.toLowerCase());

const customerNumberOf = (contact: ContactView) => contact.connections.find((c) => c.role === 'customer')?.phoneNumber ?? null;

/** Whether `contact` may be the one `dial` created: outbound voice, new since the dial, to the dialed number
 *  (a contact center that does not report the number yet is taken at its word). */
function mayBeContactOf(contact: ContactView, dial: PendingPageDial): boolean {
  if (!isOutboundVoice(contact) || dial.knownContactIds.includes(contact.id)) return false;
  const number = customerNumberOf(contact);
  return number === null || number === dial.phoneNumber;
}

export class PageContextBinder {
  private readonly now: () => number;
  /** Runs one after another, so a dial is bound and written once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PageContextBinderDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Notes a dial about to be placed from `page`; call before the dial command runs. */
  expect(dialId: string, phoneNumber: string, page: PageContext): Promise<void> {
    return this.serially(async () => {
      const snapshot = await this.deps.store.ready();
      const pending = await this.pendingDials();
      pending.push({ dialId, phoneNumber, page, knownContactIds: snapshot.contacts.map((c) => c.id), at: this.now() });
      await this.deps.pending.setValue(pending);
    });
  }

  /** The dial failed: no contact will come. */
  forget(dialId: string): Promise<void> {
    return this.serially(async () => {
      const pending = await this.pendingDials();
      const kept = pending.filter((dial) => dial.dialId !== dialId);
      if (kept.length !== pending.length) await this.deps.pending.setValue(kept);
    });
  }

  /** Looks at the current snapshot for the contacts of pending dials (call after every change, and on start). */
  bindPending(): Promise<void> {
    return this.serially(() => this.bindAll());
  }

  /** Runs after everything queued before; never rejects (a failure is logged: the call itself goes on). */
  private serially(run: () => Promise<void>): Promise<void> {
    const next = this.queue.then(run).catch((error: unknown) => {
      this.deps.log.append('page-context-failed', { detail: error instanceof Error ? error.message : String(error) });
    });
    this.queue = next;
    return next;
  }

  private async pendingDials(): Promise<PendingPageDial[]> {
    // A copy: the storage item hands out its fallback array itself when nothing is stored.
    return [...(await this.deps.pending.getValue())];
  }

  private async bindAll(): Promise<void> {
    const pending = await this.pendingDials();
    if (pending.length === 0) return;
    const snapshot = await this.deps.store.ready();
    const taken = new Set(Object.keys(snapshot.pageContexts));
    const done = new Set<string>();
    for (const dial of pending) {
      const boundId = Object.entries(snapshot.pageContexts).find(([, context]) => context.dialId === dial.dialId)?.[0];
      const contact = boundId ?? snapshot.contacts.find((c) => !taken.has(c.id) && mayBeContactOf(c, dial))?.id;
      if (contact === undefined) {
        if (this.now() - dial.at > PENDING_PAGE_DIAL_MS) {
          done.add(dial.dialId);
          this.deps.log.append('page-context-expired', { dialId: dial.dialId });
        }
        continue;
      }
      taken.add(contact);
      if (boundId === undefined) await this.bind(contact, dial);
      await this.writeAttributes(snapshot.instanceUrl, contact, dial);
      done.add(dial.dialId);
    }
    if (done.size > 0) {
      // Read again: a dial noted meanwhile must not be lost.
      const current = await this.pendingDials();
      await this.deps.pending.setValue(current.filter((dial) => !done.has(dial.dialId)));
    }
  }

  private async bind(contactId: string, dial: PendingPageDial): Promise<void> {
    const context: ContactPageContext = { ...dial.page, dialId: dial.dialId, attributes: 'pending' };
    await this.deps.store.update((current) =>
      current.contacts.some((c) => c.id === contactId) && !current.pageContexts[contactId]
        ? { ...current, pageContexts: { ...current.pageContexts, [contactId]: context } }
        : current,
    );
    this.deps.log.append('page-context-bound', { dialId: dial.dialId, contactId, hasRecordId: dial.page.recordId !== null });
  }

  private async writeAttributes(instanceUrl: string | null, contactId: string, dial: PendingPageDial): Promise<void> {
    let outcome: ContactPageContext['attributes'] = 'panel-only';
    if (!canWriteContactAttributes(instanceUrl)) {
      this.deps.log.append('page-context-panel-only', { contactId, reason: 'the instance takes attributes only through UpdateContactAttributes, from a backend' });
    } else {
      try {
        await this.deps.writeAttributes(instanceUrl, contactId, pageContextAttributes(dial.page));
        outcome = 'written';
        this.deps.log.append('page-context-written', { contactId });
      } catch (error) {
        this.deps.log.append('page-context-not-written', {
          contactId,
          ...(error instanceof ContactAttributesError ? { status: error.status } : { detail: error instanceof Error ? error.message : String(error) }),
        });
      }
    }
    await this.deps.store.update((current) => withAttributesOutcome(current, contactId, outcome));
  }
}

function withAttributesOutcome(snapshot: SessionSnapshot, contactId: string, outcome: ContactPageContext['attributes']): SessionSnapshot {
  const context = snapshot.pageContexts[contactId];
  if (!context || context.attributes === outcome) return snapshot;
  return { ...snapshot, pageContexts: { ...snapshot.pageContexts, [contactId]: { ...context, attributes: outcome } } };
}
