// The session owner, assembled: builds the store, log, router, supervisor, login window and browser chrome,
// registers every listener synchronously (a stopped worker is woken by exactly these events, and Chrome only
// delivers them to listeners registered in the first turn), then restores the session from storage.session.
import { browser } from 'wxt/browser';
import type { EngineMessage } from '../messaging/protocol';
import { BadgePainter } from '../browser-chrome/badge';
import { notifyDialFailure } from '../browser-chrome/dial-failure-notification';
import { IncomingNotifier } from '../browser-chrome/incoming-notification';
import { commandForShortcut, isShortcut } from '../browser-chrome/keyboard-commands';
import { autoAcceptedChatsItem, pendingPageDialsItem, snapshotItem } from '../settings/storage-items';
import { SessionLog } from '../session-log/session-log';
import { ChatAutoAccept } from './chat-auto-accept';
import { ChatTranscriptStore } from './chat-transcript-store';
import { browserChatTranscriptStorage } from './chat-transcript-storage';
import { dropGuideProgress } from '../guides/guide-progress';
import { ChatWaitingTracker } from './chat-waiting';
import { CommandRouter } from './command-router';
import { createEngineChannel } from './engine-channel';
import { createEngineDocument, ENGINE_DOCUMENT_PATH, instanceOfDocumentUrl } from './engine-document';
import { EngineSupervisor, WATCHDOG_ALARM } from './engine-supervisor';
import { updateContactAttributes } from './contact-attributes';
import { LoginWindow } from './login-window';
import { PageContextBinder } from './page-context-binder';
import { CALL_SELECTION_MENU_ID, createCallSelectionMenu, PageDial } from './page-dial';
import type { CountryCode } from '../click-to-dial/find-numbers';
import { getSetting, watchSettings } from '../settings/settings-store';
import { PhoneSettingsEnforcer } from './phone-settings';
import { loginUrlFor } from '../streams/instance-urls';
import { SessionStore } from './session-store';
import { startScreenPop } from '../screen-pop/start-screen-pop';
import { startCaseLinks } from '../case-links/start-case-links';
import { isExtensionPage, ViewHub, type ViewPort } from './view-hub';
import { createWorkspaceRoad } from './workspace-road';
import { UpdateDeferral } from './update-deferral';
import { contactLensUrlSetting, startWorkerTranscripts } from '../transcript/start-transcripts';

function isEngineMessage(message: unknown): message is EngineMessage {
  const candidate = message as Partial<EngineMessage> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.target === 'worker' &&
    candidate.type === 'engine-event' &&
    typeof candidate.event === 'object' &&
    candidate.event !== null
  );
}

const round = (ms: number) => Number(ms.toFixed(1));

export interface SessionWorker {
  store: SessionStore;
  log: SessionLog;
  router: CommandRouter;
  supervisor: EngineSupervisor;
  views: ViewHub;
  /** Resolves when the session is restored and the engine checked. */
  started: Promise<void>;
}

export function startSessionWorker(): SessionWorker {
  // The stored session is read first: restoring it is what a woken worker waits for (goal: well under 100 ms).
  const startedAtMs = performance.now();
  const store = new SessionStore(snapshotItem);
  const restoring = store.load();
  const log = new SessionLog();
  const channel = createEngineChannel();
  const loginWindow = new LoginWindow({
    log,
    loginUrl: async (instanceUrl) => (await getSetting('contactCenter.loginUrl')) || loginUrlFor(instanceUrl),
    opensByItself: async () => (await getSetting('signIn.openLoginWindow')) === 'automatically',
  });
  const engineDocument = createEngineDocument(undefined, () => getSetting('contactCenter.region'));
  // Chat transcripts (F16): kept per live chat in storage.session, streamed to the views that follow a chat.
  const chats = new ChatTranscriptStore(browserChatTranscriptStorage());
  // Which chats' customers wait for a reply (the badge counts them), kept in the snapshot.
  const chatWaiting = new ChatWaitingTracker({ store, chats }).start();
  // Live transcripts (F14): the engine follows each live call and chat; kept per contact like the chats.
  const transcripts = startWorkerTranscripts({ engine: channel, log, isOwnPage: (sender) => isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/')) });
  const supervisor = new EngineSupervisor({ store, document: engineDocument, channel, loginWindow, log, chats, transcripts: transcripts.keeper });
  // The admin's Cases service (settings), or null for the instance's own: attached to every workspace request.
  const casesEndpoint = async () => {
    const baseUrl = await getSetting('workspace.casesUrl');
    return baseUrl ? { baseUrl, domainId: await getSetting('workspace.casesDomainId') } : null;
  };
  // The worker's own workspace requests (screen pop, case links) to the engine, outside the views' commands.
  const workspace = createWorkspaceRoad({ store, engine: channel, casesEndpoint });
  // Screen pop (F29): the card on the active page and the CRM record tab, once per ringing contact; the
  // several-matches chooser in the panel goes through the router.
  const { screenPop } = startScreenPop({ store, log, workspace });
  const router = new CommandRouter({ store, engine: channel, session: supervisor, profiles: screenPop, log, casesEndpoint, contactLensUrl: contactLensUrlSetting });
  const badge = new BadgePainter();
  const notifier = new IncomingNotifier({ execute: (envelope) => router.execute(envelope), log });
  // CRM context (F31): a call dialed from a page carries the page (panel, and contact attributes where possible).
  const pageContexts = new PageContextBinder({
    store,
    pending: pendingPageDialsItem,
    writeAttributes: (instanceUrl, contactId, attributes) => updateContactAttributes(instanceUrl, contactId, attributes, (url, init) => fetch(url, init)),
    log,
  });
  const pageDial = new PageDial({
    extensionId: browser.runtime.id,
    execute: (envelope) => store.ready().then(() => router.execute(envelope)),
    log,
    defaultCountry: async () => (await getSetting('clickToDial.defaultCountry')) as CountryCode,
    pageContexts,
    selectionFailed: (error, selection) => notifyDialFailure(error, selection),
  });
  const extensionOrigin = browser.runtime.getURL('/');
  const engineUrl = `${extensionOrigin}${ENGINE_DOCUMENT_PATH}`;
  const views: ViewHub = new ViewHub({
    store,
    execute: (envelope) => router.execute(envelope),
    logLines: () => log.lines(),
    log,
    chats,
    isOwnPage: (sender) => isExtensionPage(sender, browser.runtime.id, extensionOrigin),
    onViewsChanged: (count) => {
      if (store.isReady) void notifier.update(store.snapshot, count > 0);
    },
  });

  // The admin's phone settings (F32) applied to the agent's configuration on the instance.
  const phoneSettings = new PhoneSettingsEnforcer({ execute: (envelope) => router.execute(envelope), log });
  // Chat auto-accept (setting chat.autoAccept): the worker accepts an offered chat once, across restarts.
  const chatAutoAccept = new ChatAutoAccept({ execute: (envelope) => router.execute(envelope), log, accepted: autoAcceptedChatsItem });
  watchSettings(
    (settings) => {
      phoneSettings.handleSettings(settings.values);
      void chatAutoAccept.handleSettings(settings.values['chat.autoAccept']);
    },
    { now: true },
  );
  // Case links (F30): content scripts on CRM pages ask for case pages, open-case counts and "link current call".
  const caseLinks = startCaseLinks({ store, log, workspace });

  store.subscribe((snapshot, previous) => {
    // A chat's transcript goes with its contact (closed after contact work, or signed out).
    const live = new Set(snapshot.contacts.map((contact) => contact.id));
    void chats.drop(previous.contacts.filter((contact) => !live.has(contact.id)).map((contact) => contact.id));
    // So does a guide's run (lib/guides/guide-progress.ts), kept until then across panel and worker restarts.
    void dropGuideProgress(previous.contacts.filter((contact) => !live.has(contact.id)).map((contact) => contact.id));
    transcripts.handleSnapshot(snapshot, previous);
    void pageContexts.bindPending();
    views.broadcast(snapshot);
    phoneSettings.handleSnapshot(snapshot);
    void chatAutoAccept.handleSnapshot(snapshot);
    void badge.paint(snapshot).catch((error: unknown) => console.error('Switchboard: could not paint the badge', error));
    void notifier.update(snapshot, views.count > 0);
  });

  // ── listeners, registered in the first turn ──────────────────────────────────────────────────────────────
  browser.runtime.onConnect.addListener((port) => {
    if (!views.attach(port as unknown as ViewPort)) transcripts.attach(port);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Click-to-dial content scripts ask for a call; the answer is the command's result.
    const pageDialAnswer = pageDial.handleMessage(message, sender);
    if (pageDialAnswer) return pageDialAnswer;
    const caseLinksAnswer = caseLinks.handleMessage(message, sender);
    if (caseLinksAnswer) return caseLinksAnswer;
    // Only the offscreen engine may report engine events; a content script could send the same shape.
    if (isEngineMessage(message) && sender.id === browser.runtime.id && sender.url?.startsWith(engineUrl)) {
      void supervisor.handleEngineEvent(message.event, instanceOfDocumentUrl(sender.url));
    }
    return undefined; // no answer: runtime messages between other contexts are not ours
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCHDOG_ALARM) void supervisor.checkEngine('alarm');
  });
  browser.commands.onCommand.addListener((name) => {
    if (!isShortcut(name)) return;
    void store.ready().then(async (snapshot) => {
      const command = commandForShortcut(name, snapshot);
      if (!command) {
        log.append('shortcut-ignored', { shortcut: name, connection: snapshot.connection.status });
        return;
      }
      const result = await router.execute({ id: `shortcut:${name}:${crypto.randomUUID()}`, command });
      log.append('shortcut', { shortcut: name, type: command.type, ok: result.ok });
    });
  });
  browser.notifications.onButtonClicked.addListener((notificationId, buttonIndex) => {
    void store.ready().then(() => notifier.handleButton(notificationId, buttonIndex));
  });
  // Firefox's notifications have no buttons: a click opens the softphone, in the click's turn (Chrome: ignored).
  browser.notifications.onClicked.addListener((notificationId) => {
    void notifier.handleClick(notificationId);
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (change.status !== 'complete' || tab.windowId === undefined) return;
    void loginWindow.handlePageLoaded(tab.windowId).then((submitted) => {
      if (submitted) void supervisor.retryAfterSignInPage();
    });
  });
  browser.windows.onRemoved.addListener((windowId) => {
    void loginWindow.handleWindowRemoved(windowId);
  });
  browser.runtime.onSuspend.addListener(() => {
    void log.flush();
  });
  // An extension update waits until the agent has no contact (an update applied at once would drop the call).
  new UpdateDeferral({ runtime: browser.runtime, store, log }).start();
  // Last, and guarded: without the contextMenus API (a browser or test double lacking it) the rest still works.
  try {
    browser.runtime.onInstalled.addListener(() => {
      createCallSelectionMenu(browser.contextMenus, browser.i18n.getMessage('context_menu_call', '%s'));
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === CALL_SELECTION_MENU_ID) void pageDial.handleSelection(info.selectionText, info.pageUrl, tab?.title);
    });
  } catch (error) {
    console.error('Switchboard: the "Call <selection>" menu is unavailable', error);
  }

  // ── restore ──────────────────────────────────────────────────────────────────────────────────────────────
  const started = (async () => {
    const restore = await restoring;
    // performance.now() counts from the worker's start (its script is fetched and run after that).
    const restoredAtMs = performance.now();
    await log.load();
    log.append('worker-started', {
      restored: restore.restored,
      scriptStartMs: round(startedAtMs),
      readMs: round(restore.readMs),
      restoredAtMs: round(restoredAtMs),
      sequence: restore.snapshot.sequence,
      connection: restore.snapshot.connection.status,
    });
    await badge.paint(restore.snapshot).catch(() => undefined);
    // Transcripts of chats closed while this worker was stopped.
    void chats.prune(new Set(restore.snapshot.contacts.map((contact) => contact.id)));
    // A dial noted by the worker before it stopped may have its contact in the restored snapshot already.
    void pageContexts.bindPending();
    await supervisor.start();
    transcripts.restored(store.snapshot);
    // A chat offered while this worker was stopped (the snapshot may not change again before the offer ends).
    void chatAutoAccept.handleSnapshot(store.snapshot);
    // The restored chats' waiting times, from their stored transcripts.
    void chatWaiting.handleSnapshot(store.snapshot);
    await notifier.update(store.snapshot, views.count > 0);
  })().catch((error: unknown) => {
    console.error('Switchboard: the session worker did not start cleanly', error);
    log.append('worker-start-failed', { detail: error instanceof Error ? error.message : String(error) });
  });

  return { store, log, router, supervisor, views, started };
}
