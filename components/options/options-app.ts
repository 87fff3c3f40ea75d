// Starts the options page: Pinia, vue-i18n and the settings store, then mounts the page. The entrypoint only
// calls this.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { firstGuideProblem } from '@/lib/guides/validate-guide';
import { useFullGuideCheck } from '@/lib/settings/validate';
import { createPanelI18n, languageFromTag } from '@/locales/i18n';
import { useSettingsStore } from '@/stores/settings';
import OptionsPage from './OptionsPage.vue';

export async function startOptionsPage(root: string | Element) {
  // The admin's guides are listed with the path of their first bad field (the validator stays out of other pages).
  useFullGuideCheck(firstGuideProblem);
  const pinia = createPinia();
  const i18n = createPanelI18n(languageFromTag(navigator.language) ?? 'en');
  const app = createApp(OptionsPage).use(pinia).use(i18n);
  // The page shows "Loading settings…" until they arrive (the first policy read after the browser starts can
  // take seconds).
  void useSettingsStore(pinia).load();
  app.mount(root);
  return app;
}
