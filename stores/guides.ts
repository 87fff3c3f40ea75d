// The step-by-step guides in the panel (F25): the guides there are (the admin's policy, then the contact center's,
// read once per instance), each contact's run (chosen when the contact first shows, resumed from storage.session
// after the panel or the worker restarted), and the steps the agent takes. The interpreter decides; this store keeps
// the run, saves it after every step and carries out its side effects (attributes on the contact, the completion
// record, the Switchboard actions through guide-actions.ts).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { runGuideAction, type GuideActionContext } from '@/components/workspace/guides/guide-actions';
import { chooseGuide, mergeGuides } from '@/lib/guides/choose-guide';
import type { GuideDocument, GuideLanguage, GuideSource, SourcedGuide } from '@/lib/guides/guide-format';
import { cancelGuide, completeAction, retryAction, startGuide, submitView, type GuideRun, type GuideStep } from '@/lib/guides/guide-interpreter';
import { browserGuideProgress, type GuideProgressStorage } from '@/lib/guides/guide-progress';
import type { AnswerValue } from '@/lib/guides/guide-references';
import { fetchContactCenterGuides, instanceIdOfArn } from '@/lib/guides/guides-client';
import { validateGuide } from '@/lib/guides/validate-guide';
import { canWriteContactAttributes, updateContactAttributes } from '@/lib/session/contact-attributes';
import type { ContactView } from '@/lib/session/snapshot';
import { useChatContactsStore } from './chat-contacts';
import { useSessionStore } from './session';
import { useSettingsStore } from './settings';
import { useWorkspaceStore } from './workspace';

/** Where the contact record's attributes stand: written by the contact center, kept in the panel only (an
 *  instance Switchboard cannot write attributes on), or refused. */
export type AttributeWrite = 'written' | 'panel-only' | 'failed';

export interface GuideEntry {
  guide: GuideDocument;
  source: GuideSource;
  run: GuideRun;
  collapsed: boolean;
  /** A step is being carried out (an action runs): the view's buttons wait. */
  busy: boolean;
  attributes: AttributeWrite | null;
  completion: AttributeWrite | null;
}

/** What the panel gives the store: its language and words. */
export interface GuideUi {
  language: GuideLanguage;
  t: GuideActionContext['t'];
  errorText: GuideActionContext['errorText'];
}

/** How many contacts' runs the panel keeps in memory before it forgets those that left. */
const MAX_ENTRIES = 20;

type Catalogue = { status: 'idle' | 'loading' } | { status: 'ready'; guides: SourcedGuide[]; contactCenterFailed: boolean };

/** The instance id in the ARNs the session knows (its statuses and quick connects carry it). */
function instanceIdOf(contactsArns: string[]): string | null {
  for (const arn of contactsArns) {
    const id = instanceIdOfArn(arn);
    if (id) return id;
  }
  return null;
}

export const useGuidesStore = defineStore('guides', () => {
  const session = useSessionStore();
  const settings = useSettingsStore();
  const workspace = useWorkspaceStore();
  const chats = useChatContactsStore();
  const entries = ref<Record<string, GuideEntry | { none: true }>>({});
  const catalogue = ref<Catalogue>({ status: 'idle' });
  let catalogueFor: string | null = null;
  let loadingCatalogue: Promise<void> | null = null;
  let progress: GuideProgressStorage = browserGuideProgress();

  function policyGuides(): GuideDocument[] {
    return settings.value('workspace.guides').flatMap((text) => {
      try {
        const checked = validateGuide(JSON.parse(text));
        return checked.ok ? [checked.guide] : [];
      } catch {
        return [];
      }
    });
  }

  async function loadCatalogue(): Promise<void> {
    const instanceUrl = session.snapshot.instanceUrl;
    if (catalogue.value.status === 'ready' && catalogueFor === instanceUrl) return;
    if (loadingCatalogue) return loadingCatalogue;
    catalogue.value = { status: 'loading' };
    loadingCatalogue = (async () => {
      let fromContactCenter: GuideDocument[] = [];
      let failed = false;
      const arns = [...(session.snapshot.agent?.statuses.map((s) => s.arn) ?? []), ...session.snapshot.quickConnects.map((q) => q.arn)];
      const instanceId = instanceIdOf(arns);
      if (canWriteContactAttributes(instanceUrl) && instanceId) {
        try {
          fromContactCenter = (await fetchContactCenterGuides({ baseUrl: new URL(instanceUrl).origin, instanceId })).guides;
        } catch {
          failed = true;
        }
      }
      catalogueFor = instanceUrl;
      catalogue.value = { status: 'ready', guides: mergeGuides(policyGuides(), fromContactCenter), contactCenterFailed: failed };
    })().finally(() => {
      loadingCatalogue = null;
    });
    return loadingCatalogue;
  }

  const entryOf = (contactId: string): GuideEntry | null => {
    const entry = entries.value[contactId];
    return entry && !('none' in entry) ? entry : null;
  };

  const contactOf = (contactId: string): ContactView | null => session.snapshot.contacts.find((c) => c.id === contactId) ?? null;
  const attributesOf = (contactId: string) => contactOf(contactId)?.attributes ?? {};

  async function save(contactId: string): Promise<void> {
    const entry = entryOf(contactId);
    if (entry) await progress.write(contactId, { run: JSON.parse(JSON.stringify(entry.run)) as GuideRun, collapsed: entry.collapsed }).catch(() => undefined);
  }

  async function writeAttributes(contactId: string, attributes: Record<string, string>): Promise<AttributeWrite> {
    const instanceUrl = session.snapshot.instanceUrl;
    if (!canWriteContactAttributes(instanceUrl)) return 'panel-only';
    try {
      await updateContactAttributes(instanceUrl, contactId, attributes, (url, init) => fetch(url, init));
      return 'written';
    } catch {
      return 'failed';
    }
  }

  function actionContext(contact: ContactView, ui: GuideUi): GuideActionContext {
    return {
      contact,
      snapshot: () => session.snapshot,
      customer: () => workspace.customers[contact.id] ?? null,
      lookUp: (contactId) => workspace.lookUp(contactId),
      createProfile: (contactId, fields) => workspace.createProfile(contactId, fields),
      templates: () => workspace.templates,
      loadTemplates: () => workspace.loadTemplates(),
      createCase: (contactId, templateId, profileId, fields, link) => workspace.createCase(contactId, templateId, profileId, fields, link),
      run: (command) => session.run(command, { inline: true }),
      insertDraftText: (contactId, text) => chats.insertDraftText(contactId, text),
      openUrl: (url) => void window.open(url, '_blank', 'noopener'),
      t: ui.t,
      errorText: ui.errorText,
    };
  }

  /** Keeps the step's run, saves it, and carries out its effects (an action's outcome is a step of its own). */
  async function apply(contactId: string, step: GuideStep, ui: GuideUi): Promise<void> {
    const entry = entryOf(contactId);
    if (!entry) return;
    entry.run = step.run;
    await save(contactId);
    for (const effect of step.effects) {
      if (effect.kind === 'update-attributes') entry.attributes = await writeAttributes(contactId, effect.attributes);
      else if (effect.kind === 'record-completion') entry.completion = await writeAttributes(contactId, effect.attributes);
      else {
        const contact = contactOf(contactId);
        entry.busy = true;
        const outcome = contact ? await runGuideAction(effect.request, actionContext(contact, ui)) : { ok: false as const, message: ui.t('guides.errors.contactGone') };
        entry.busy = false;
        await apply(contactId, completeAction(entry.guide, entry.run, outcome, attributesOf(contactId), Date.now()), ui);
      }
    }
  }

  /** Forgets the runs of contacts that left the session once there are many (the worker drops their storage). */
  function forgetLeftContacts(): void {
    const ids = Object.keys(entries.value);
    if (ids.length <= MAX_ENTRIES) return;
    const live = new Set(session.snapshot.contacts.map((c) => c.id));
    for (const id of ids) if (!live.has(id)) delete entries.value[id];
  }

  /** Opens the contact's guide: its stored run, else the guide that applies to it (once per contact). */
  async function open(contact: ContactView, ui: GuideUi): Promise<void> {
    if (entries.value[contact.id]) return;
    forgetLeftContacts();
    const stored = await progress.read(contact.id).catch(() => null);
    await loadCatalogue();
    if (entries.value[contact.id] || catalogue.value.status !== 'ready') return;
    const guides = catalogue.value.guides;
    const resumed = stored ? guides.find((g) => g.guide.Id === stored.run.guideId) : undefined;
    if (stored && resumed) {
      // An action cut short by a restart may or may not have happened: the agent decides (Retry or Skip).
      const run = stored.run.status === 'action' ? { ...stored.run, status: 'failed' as const, failure: ui.t('guides.interrupted') } : stored.run;
      entries.value[contact.id] = { guide: resumed.guide, source: resumed.source, run, collapsed: stored.collapsed, busy: false, attributes: null, completion: null };
      return;
    }
    const chosen = chooseGuide(guides, { channel: contact.channel, queueName: contact.queueName, attributes: contact.attributes }, ui.language);
    if (!chosen) {
      entries.value[contact.id] = { none: true };
      return;
    }
    const step = startGuide(chosen.guide, contact.id, contact.attributes, Date.now());
    entries.value[contact.id] = { guide: chosen.guide, source: chosen.source, run: step.run, collapsed: false, busy: false, attributes: null, completion: null };
    await apply(contact.id, step, ui);
  }

  /** The agent's answer to the current view; the names of required fields left empty, if any. */
  async function submit(contactId: string, action: string, formData: Record<string, AnswerValue>, ui: GuideUi): Promise<string[]> {
    const entry = entryOf(contactId);
    if (!entry || entry.busy) return [];
    const step = submitView(entry.guide, entry.run, { action, formData }, attributesOf(contactId), Date.now());
    if (step.missing?.length) return step.missing;
    await apply(contactId, step, ui);
    return [];
  }

  async function retry(contactId: string, ui: GuideUi): Promise<void> {
    const entry = entryOf(contactId);
    if (entry && !entry.busy) await apply(contactId, retryAction(entry.guide, entry.run, attributesOf(contactId), Date.now()), ui);
  }

  /** Goes on past a failed action as if it had succeeded (the agent did it another way). */
  async function skip(contactId: string, ui: GuideUi): Promise<void> {
    const entry = entryOf(contactId);
    if (!entry || entry.busy || entry.run.status !== 'failed') return;
    const running = { ...entry.run, status: 'action' as const };
    await apply(contactId, completeAction(entry.guide, running, { ok: true }, attributesOf(contactId), Date.now()), ui);
  }

  async function close(contactId: string, ui: GuideUi): Promise<void> {
    const entry = entryOf(contactId);
    if (entry && !entry.busy) await apply(contactId, cancelGuide(entry.run, Date.now()), ui);
  }

  async function setCollapsed(contactId: string, collapsed: boolean): Promise<void> {
    const entry = entryOf(contactId);
    if (!entry) return;
    entry.collapsed = collapsed;
    await save(contactId);
  }

  return {
    entries,
    catalogue,
    entryOf,
    hasNone: (contactId: string) => !!entries.value[contactId] && 'none' in entries.value[contactId],
    open,
    submit,
    retry,
    skip,
    close,
    setCollapsed,
    /** Tests: another place to keep runs. */
    useProgressStorage: (storage: GuideProgressStorage) => (progress = storage),
  };
});

export type GuidesStore = ReturnType<typeof useGuidesStore>;
