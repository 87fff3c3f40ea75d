// Starts the side panel: Pinia, vue-i18n, the session client (the port to the background worker) and the
// stored preferences, then mounts the softphone. The entrypoint only calls this.

import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import { loadChatWorkspace, preloadChatWorkspaceIfLikely, rememberWhetherChatsOpen } from '@/components/chat/chat-workspace-loader';
import { createBrowserSessionClient, type SessionClient } from '@/lib/messaging/session-client';
import { createI18nWith } from '@/locales/i18n';
import { likelyLanguage, loadMessages } from '@/locales/load-messages';
import { useChatContactsStore } from '@/stores/chat-contacts';
import { usePreferencesStore } from '@/stores/preferences';
import { useSessionStore } from '@/stores/session';
import SoftphonePanel from './SoftphonePanel.vue';

/** How long the panel waits for the stored preferences before showing itself anyway. */
const SETTINGS_WAIT_MS = 400;

export async function startSidePanel(root: string | Element, client: SessionClient = createBrowserSessionClient()) {
  preloadChatWorkspaceIfLikely();
  // Only the language the panel will most likely show is loaded (the other one when the agent switches).
  const language = likelyLanguage();
  const messages = loadMessages(language);
  const pinia = createPinia();
  const session = useSessionStore(pinia);
  session.attach(client);
  watch(
    () => session.snapshot.contacts.some((contact) => contact.channel === 'chat'),
    (hasChats) => {
      rememberWhetherChatsOpen(hasChats);
      if (!hasChats) return;
      loadChatWorkspace().catch(() => undefined); // the async component shows a failure when it renders
      // The chats' store follows their transcripts from now on: they are on their way while the workspace loads.
      useChatContactsStore(pinia);
    },
    { immediate: true },
  );
  // Usually a few milliseconds, worth it so the panel opens in the agent's language, not English first. Just
  // after the browser starts, Chrome answers the first managed-storage (policy) read only once its policy
  // service is up (2-3 s measured): the panel does not wait that long; the settings apply when they arrive.
  const preferences = usePreferencesStore(pinia);
  await Promise.race([preferences.load(), new Promise((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))]);
  performance.mark('switchboard:panel-settings');
  // The guess was wrong when the agent chose another language since (or the instance says another one): load that.
  const shown = preferences.effectiveLanguage(session.agent?.language, navigator.language);
  const app = createApp(SoftphonePanel)
    .use(pinia)
    .use(createI18nWith(shown, { [shown]: await (shown === language ? messages : loadMessages(shown)) }));
  app.mount(root);
  performance.mark('switchboard:panel-mounted');
  window.addEventListener('pagehide', () => client.close(), { once: true });
  return app;
}
