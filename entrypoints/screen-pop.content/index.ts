// Content script on http(s) pages: shows the screen-pop card the worker sends for a ringing or accepted call or chat
// (lib/screen-pop/card.ts draws it in a closed shadow root). Only messages from this extension are heard.
import { showCard, type CardTexts, type ShownCard } from '@/lib/screen-pop/card';
import { isScreenPopMessage } from '@/lib/screen-pop/card-message';

function cardTexts(): CardTexts {
  type MessageName = Parameters<typeof browser.i18n.getMessage>[0];
  const t = (key: MessageName, substitutions?: string) => browser.i18n.getMessage(key, substitutions);
  return {
    title: t('screen_pop_title'),
    chatTitle: t('screen_pop_chat_title'),
    close: t('screen_pop_close'),
    expand: t('screen_pop_expand'),
    unknownCaller: t('screen_pop_unknown_caller'),
    queue: t('screen_pop_queue'),
    openRecord: t('screen_pop_open_record'),
    openCases: t('screen_pop_open_cases'),
    noOpenCases: t('screen_pop_no_open_cases'),
    search: t('screen_pop_search'),
    severalMatches: (count) => t('screen_pop_several_matches', String(count)),
  };
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let shown: ShownCard | null = null;
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // From the worker only: not another extension, not a tab.
      if (sender.id !== browser.runtime.id || sender.tab !== undefined || !isScreenPopMessage(message)) return undefined;
      shown?.remove();
      shown = showCard(document, message.card, cardTexts(), {
        setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
        clearTimeout: (id) => clearTimeout(id),
      });
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      shown?.remove();
    });
  },
});
