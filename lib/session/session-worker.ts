// The session owner, assembled: builds the store, log, router, supervisor, login window and browser chrome,
// registers every listener synchronously (a stopped worker is woken by exactly these events, and Chrome only
// delivers them to listeners registered in the first turn), then restores the session from storage.session.
import { browser } from 'wxt/browser';
import type { EngineMessage } from '../messaging/protocol';
import { BadgePainter } from '../browser-chrome/badge';
import { IncomingNotifier } from '../browser-chrome/incoming-notification';
import { commandForShortcut, isShortcut } from '../browser-chrome/keyboard-commands';
import { snapshotItem } from '../settings/storage-items';
import { SessionLog } from '../session-log/session-log';
import { CommandRouter } from './command-router';
import { createEngineChannel } from './engine-channel';
import { createEngineDocument, ENGINE_DOCUMENT_PATH, instanceOfDocumentUrl } from './engine-document';
import { EngineSupervisor, WATCHDOG_ALARM } from './engine-supervisor';
import { LoginWindow } from './login-window';
import { CALL_SELECTION_MENU_ID, createCallSelectionMenu, PageDial } from './page-dial';
import { defaultCountryItem } from '../click-to-dial/settings';
import { SessionStore } from './session-store';
import { startScreenPop } from '../screen-pop/start-screen-pop';
import { startCaseLinks } from '../case-links/start-case-links';
import { isExtensionPage, ViewHub, type ViewPort } from './view-hub';

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
  const loginWindow = new LoginWindow({ log });
  const supervisor = new EngineSupervisor({ store, document: createEngineDocument(), channel, loginWindow, log });
  const router = new CommandRouter({ store, engine: channel, session: supervisor, log });
  const badge = new BadgePainter();
  const notifier = new IncomingNotifier({ execute: (envelope) => router.execute(envelope), log });
  const pageDial = new PageDial({
    extensionId: browser.runtime.id,
    execute: (envelope) => store.ready().then(() => router.execute(envelope)),
    log,
    defaultCountry: () => defaultCountryItem.getValue(),
  });
  const extensionOrigin = browser.runtime.getURL('/');
  const engineUrl = `${extensionOrigin}${ENGINE_DOCUMENT_PATH}`;
  const views: ViewHub = new ViewHub({
    store,
    execute: (envelope) => router.execute(envelope),
    logLines: () => log.lines(),
    log,
    isOwnPage: (sender) => isExtensionPage(sender, browser.runtime.id, extensionOrigin),
    onViewsChanged: (count) => {
      if (store.isReady) void notifier.update(store.snapshot, count > 0);
    },
  });

  // Screen pop (F29): the card on the active page and the CRM record tab, once per ringing contact.
  startScreenPop({ store, log });
  // Case links (F30): content scripts on CRM pages ask for case pages, open-case counts and "link current call".
  const caseLinks = startCaseLinks({ store, log });

  store.subscribe((snapshot) => {
    views.broadcast(snapshot);
    void badge.paint(snapshot).catch((error: unknown) => console.error('Switchboard: could not paint the badge', error));
    void notifier.update(snapshot, views.count > 0);
  });

  // ── listeners, registered in the first turn ──────────────────────────────────────────────────────────────
  browser.runtime.onConnect.addListener((port) => {
    views.attach(port as unknown as ViewPort);
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
  // Last, and guarded: without the contextMenus API (a browser or test double lacking it) the rest still works.
  try {
    browser.runtime.onInstalled.addListener(() => {
      createCallSelectionMenu(browser.contextMenus, browser.i18n.getMessage('context_menu_call', '%s'));
    });
    browser.contextMenus.onClicked.addListener((info) => {
      if (info.menuItemId === CALL_SELECTION_MENU_ID) void pageDial.handleSelection(info.selectionText, info.pageUrl);
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
    await supervisor.start();
    await notifier.update(store.snapshot, views.count > 0);
  })().catch((error: unknown) => {
    console.error('Switchboard: the session worker did not start cleanly', error);
    log.append('worker-start-failed', { detail: error instanceof Error ? error.message : String(error) });
  });

  return { store, log, router, supervisor, views, started };
}
