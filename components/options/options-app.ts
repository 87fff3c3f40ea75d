// Starts the options page: Pinia, vue-i18n and the settings store, then mounts the page. The entrypoint only
// calls this.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { firstGuideProblem } from '@/lib/guides/validate-guide';
import { useFullGuideCheck } from '@/lib/settings/validate';
import { createI18nWith } from '@/locales/i18n';
import { likelyLanguage, loadMessages } from '@/locales/load-messages';
import { useSettingsStore } from '@/stores/settings';
import OptionsPage from './OptionsPage.vue';

export async function startOptionsPage(root: string | Element) {
  // The admin's guides are listed with the path of their first bad field (the validator stays out of other pages).
  useFullGuideCheck(firstGuideProblem);
  const pinia = createPinia();
  // The page shows "Loading settings…" until they arrive (the first policy read after the browser starts can
  // take seconds).
  void useSettingsStore(pinia).load();
  // Only the language the page will most likely show is loaded (the page switches if the settings say otherwise).
  const language = likelyLanguage();
  const app = createApp(OptionsPage).use(pinia).use(createI18nWith(language, { [language]: await loadMessages(language) }));
  app.mount(root);
  return app;
}
