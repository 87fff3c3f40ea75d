// Case links (F30), the worker's side: answers the case-links content script's two messages. Only this
// extension's content script on a page a CRM site rule matches is heard (checked like page-dial.ts does), and
// every value is checked again. A lookup resolves case references to their case pages (the rule's `case`
// template) and counts the open cases of the customers with a phone number or email address; "link current
// call" adds the agent's current voice contact to a case as a related item (Cases' CreateRelatedItem). Both go
// through the engine's workspace (Customer Profiles on the instance's agent-app API, Cases at the configured Cases
// URL or the local contact center's own); without a Cases service a lookup finds nothing and linking is
// unavailable. The log gets the page's origin only.
import type { CrmSiteRule } from '../crm-rules/crm-rule';
import { matchesAnyPattern } from '../crm-rules/match-pattern';
import { caseUrl } from '../crm-rules/record-urls';
import { findCaseByReference, lookUpProfiles, type ProfileLookupKey } from '../screen-pop/profile-lookup';
import type { ContactView, SessionSnapshot } from '../session/snapshot';
import type { WorkspaceRoad } from '../session/workspace-road';
import { originOf } from '../session-log/redaction';
import {
  isCaseLinksLinkRequest,
  isCaseLinksLookupRequest,
  isCaseLinksMessage,
  type CaseLinksError,
  type CaseLinksLinkAnswer,
  type CaseLinksLookupAnswer,
  type CaseLinkTarget,
  type IdentifierOpenCases,
} from './case-links-message';

/** The parts of runtime.MessageSender this needs. */
export interface CaseLinksSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface CaseLinksDeps {
  /** This extension's id (runtime.id). */
  extensionId: string;
  /** The session snapshot once restored (store.ready()). */
  snapshot(): Promise<SessionSnapshot>;
  /** The CRM site rules in force (crm-rules/active-rules.ts: the admin's, then the built-in ones). */
  rules(): Promise<readonly CrmSiteRule[]>;
  /** Extra values for the rules' URL templates (the screen-pop setting, e.g. the demo CRM's port). */
  templateValues(): Promise<Record<string, string>>;
  /** The engine's workspace (lib/session/workspace-road.ts): profiles, cases, linking a contact. */
  workspace: WorkspaceRoad;
  log: { append(event: string, data?: Record<string, unknown>): void };
}

/** Whether the agent works on this call: talking, dialing out, or in after call work (not while it rings). */
const isCurrentCall = (c: ContactView): boolean =>
  c.channel === 'voice' && (c.state === 'connected' || c.state === 'ended' || (c.state === 'connecting' && c.initiationMethod === 'outbound'));

const fail = (code: CaseLinksError['code'], detail?: string): { ok: false; error: CaseLinksError } => ({ ok: false, error: detail ? { code, detail } : { code } });

/** The agent's current voice contact: a connected one first, else one being dialed or in after call work. */
export function currentVoiceContact(snapshot: SessionSnapshot): ContactView | null {
  const voice = snapshot.contacts.filter(isCurrentCall);
  return voice.find((c) => c.state === 'connected') ?? voice[0] ?? null;
}

/** Whether `reference` is one whole match of the rule's case reference pattern. */
export function isCaseReference(rule: CrmSiteRule, reference: string): boolean {
  return new RegExp(`^(?:${rule.caseReferencePattern})$`).test(reference);
}

export class CaseLinks {
  constructor(private readonly deps: CaseLinksDeps) {}

  /**
   * The runtime.onMessage handler: a promise of the answer for a case-links message, undefined for any other
   * message (left to the other handlers).
   */
  handleMessage(message: unknown, sender: CaseLinksSender): Promise<CaseLinksLookupAnswer | CaseLinksLinkAnswer> | undefined {
    if (!isCaseLinksMessage(message)) return undefined;
    const origin = originOf(sender.url);
    const refuse = (reason: string) => {
      this.deps.log.append('case-links-refused', { origin, reason });
      return Promise.resolve(fail('refused', reason));
    };
    // Content scripts of this extension send with our id and a tab; extension pages have no tab.
    if (sender.id !== this.deps.extensionId || sender.tab === undefined || !/^https?:\/\//.test(sender.url ?? '')) return refuse('sender');
    return this.deps.rules().then((rules): Promise<CaseLinksLookupAnswer | CaseLinksLinkAnswer> => {
      const rule = rules.find((r) => matchesAnyPattern(r.matches, sender.url ?? ''));
      if (!rule) return refuse('no-site-rule');
      if (isCaseLinksLookupRequest(message)) {
        if (!message.references.every((reference) => isCaseReference(rule, reference))) return refuse('not-a-case-reference');
        return this.lookUp(rule, message.references, message.phones, message.emails);
      }
      if (isCaseLinksLinkRequest(message)) {
        if (!isCaseReference(rule, message.reference)) return refuse('not-a-case-reference');
        return this.linkCurrentCall(message.reference, origin);
      }
      return refuse('malformed');
    });
  }

  private async lookUp(rule: CrmSiteRule, references: string[], phones: string[], emails: string[]): Promise<CaseLinksLookupAnswer> {
    const snapshot = await this.deps.snapshot();
    const instanceUrl = snapshot.instanceUrl;
    if (!instanceUrl || snapshot.connection.status === 'signed-out') return fail('not-signed-in');
    if (!(await this.deps.workspace.hasCases(instanceUrl))) return { ok: true, cases: [], identifiers: [] };
    const { ask } = this.deps.workspace;
    const extraValues = await this.deps.templateValues();
    try {
      const cases = await Promise.all(
        [...new Set(references)].map(async (reference): Promise<CaseLinkTarget | null> => {
          const found = await findCaseByReference(ask, reference);
          if (!found) return null;
          return { reference, url: caseUrl(rule, { instanceUrl, extraValues, caseId: found.caseId }), title: found.title, status: found.status };
        }),
      );
      const count = async (kind: 'phone' | 'email', key: ProfileLookupKey, value: string): Promise<IdentifierOpenCases> => {
        const profiles = await lookUpProfiles(ask, key, value);
        // Two profiles may share a number; a case belongs to one profile, so case ids are counted once anyway.
        const caseIds = new Set(profiles.flatMap((p) => p.openCases.map((c) => c.caseId)));
        return { kind, value, openCases: caseIds.size };
      };
      const identifiers = await Promise.all([
        ...[...new Set(phones)].map((phone) => count('phone', '_phone', phone)),
        ...[...new Set(emails)].map((email) => count('email', '_email', email)),
      ]);
      return { ok: true, cases: cases.filter((c): c is CaseLinkTarget => c !== null), identifiers };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.deps.log.append('case-links-lookup-failed', { detail });
      return fail('contact-center-error', detail);
    }
  }

  private async linkCurrentCall(reference: string, origin: string): Promise<CaseLinksLinkAnswer> {
    const answer = await this.link(reference);
    this.deps.log.append('case-link-contact', { origin, ok: answer.ok, ...(answer.ok ? {} : { code: answer.error.code }) });
    return answer;
  }

  private async link(reference: string): Promise<CaseLinksLinkAnswer> {
    const snapshot = await this.deps.snapshot();
    const instanceUrl = snapshot.instanceUrl;
    if (!instanceUrl || snapshot.connection.status === 'signed-out') return fail('not-signed-in');
    if (!(await this.deps.workspace.hasCases(instanceUrl))) return fail('not-available');
    const contact = currentVoiceContact(snapshot);
    if (!contact) return fail('no-current-call');
    try {
      const found = await findCaseByReference(this.deps.workspace.ask, reference);
      if (!found) return fail('case-not-found');
      const linked = await this.deps.workspace.ask({ op: 'case-link-contact', caseId: found.caseId, contactId: contact.id });
      if (linked.ok) return { ok: true, reference: found.reference };
      return fail('contact-center-error', `${linked.error.code}: ${linked.error.detail ?? ''}`.slice(0, 300));
    } catch (error) {
      return fail('contact-center-error', error instanceof Error ? error.message : String(error));
    }
  }
}
