// The scripted lines a customer can pick on the /demo/ page (and training scripts can say) during a call, in English
// and Japanese: network trouble, billing complaints, a change of address, a late delivery, a happy thank-you.

export interface ScriptedLine {
  id: string;
  language: 'en' | 'ja';
  /** What the line is about, shown beside it on the demo page. */
  topic: 'network' | 'billing' | 'address' | 'delivery' | 'thanks';
  text: string;
}

export const SCRIPTED_LINES: readonly ScriptedLine[] = [
  { id: 'en-router-drops', language: 'en', topic: 'network', text: 'My router keeps dropping the connection.' },
  { id: 'en-internet-down', language: 'en', topic: 'network', text: 'The internet has been down since this morning and I work from home.' },
  { id: 'en-charged-twice', language: 'en', topic: 'billing', text: 'I was charged twice on my bill this month.' },
  { id: 'en-bill-wrong', language: 'en', topic: 'billing', text: 'This bill is wrong and I am really not happy about it.' },
  { id: 'en-new-address', language: 'en', topic: 'address', text: 'I moved last week and need to change my address.' },
  { id: 'en-late-delivery', language: 'en', topic: 'delivery', text: 'My delivery was due yesterday and it still has not arrived.' },
  { id: 'en-thanks', language: 'en', topic: 'thanks', text: 'Thank you so much, that fixed it! You have been very helpful.' },
  { id: 'ja-router-drops', language: 'ja', topic: 'network', text: 'ルーターの接続が頻繁に切れる' },
  { id: 'ja-internet-down', language: 'ja', topic: 'network', text: '今朝からインターネットに全然つながらないんです。' },
  { id: 'ja-charged-twice', language: 'ja', topic: 'billing', text: '今月の料金が二重に請求されています。' },
  { id: 'ja-bill-wrong', language: 'ja', topic: 'billing', text: '請求額が間違っていて、とても困っています。' },
  { id: 'ja-new-address', language: 'ja', topic: 'address', text: '先週引っ越したので、住所を変更したいです。' },
  { id: 'ja-late-delivery', language: 'ja', topic: 'delivery', text: '昨日届くはずの荷物がまだ届きません。' },
  { id: 'ja-thanks', language: 'ja', topic: 'thanks', text: 'ありがとうございました、本当に助かりました！' },
];
