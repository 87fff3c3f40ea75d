// The word lists the sentiment scorer (sentiment.ts) reads: polarity of English words and Japanese stems as a
// contact center hears them (thanks, complaints, outages, billing), negators, intensifiers and dampeners.
// Weights run from -3 (very negative) to +3 (very positive); a multiplier above 1 strengthens the next term.

/** English words (lower case) and their polarity. A phrase of two words is matched before its single words. */
export const ENGLISH_POLARITY: ReadonlyMap<string, number> = new Map([
  // thanks and satisfaction
  ['thank you', 2.5], ['thanks', 2], ['thank', 2], ['appreciate', 2], ['appreciated', 2], ['grateful', 2.5],
  ['happy', 2], ['glad', 2], ['pleased', 2], ['satisfied', 2], ['delighted', 3], ['love', 2.5], ['loved', 2.5],
  ['great', 2.5], ['excellent', 3], ['perfect', 3], ['wonderful', 3], ['amazing', 3], ['awesome', 3], ['fantastic', 3],
  ['good', 1.5], ['nice', 1.5], ['fine', 0.8], ['helpful', 2], ['kind', 1.5], ['friendly', 1.5], ['quick', 1],
  ['fast', 1], ['easy', 1], ['works', 1], ['working', 0.8], ['fixed', 1.5], ['solved', 2], ['resolved', 2],
  ['sorted', 1.2], ['better', 1.2], ['best', 2], ['brilliant', 3], ['reliable', 1.5], ['smooth', 1.2],
  ['no problem', 1.5], ['well done', 2], ['works now', 2],
  // complaints, trouble, anger
  ['bad', -2], ['terrible', -3], ['awful', -3], ['horrible', -3], ['worst', -3], ['worse', -2], ['poor', -2],
  ['angry', -3], ['furious', -3], ['annoyed', -2], ['annoying', -2], ['frustrated', -2.5], ['frustrating', -2.5],
  ['upset', -2], ['disappointed', -2.5], ['disappointing', -2.5], ['unhappy', -2.5], ['unacceptable', -3],
  ['ridiculous', -2.5], ['useless', -2.5], ['rude', -2.5], ['slow', -1.5], ['late', -1.2], ['delayed', -1.5],
  ['broken', -2], ['broke', -1.5], ['fail', -2], ['fails', -2], ['failed', -2], ['failing', -2], ['failure', -2],
  ['problem', -1.2], ['problems', -1.2], ['issue', -0.8], ['issues', -0.8], ['error', -1.2], ['errors', -1.2],
  ['wrong', -1.5], ['overcharged', -2.5], ['overcharge', -2.5], ['complaint', -2], ['complain', -2], ['refund', -0.8],
  ['dropping', -1.5], ['drops', -1.5], ['dropped', -1.5], ['disconnects', -1.5], ['disconnected', -1.2],
  ['keeps dropping', -2], ['not arrived', -2], ["hasn't arrived", -2], ['never arrived', -2.5], ['outage', -2], ['down', -1], ['cancel', -1], ['mistake', -1.5], ['charged twice', -2.5],
  ['waste', -2], ['wasted', -2], ['hate', -3], ['never works', -2.5], ['confusing', -1.5], ['confused', -1.2],
  ['expensive', -1.5], ['lost', -1.2], ['missing', -1.2], ['damaged', -2], ['unfortunately', -1], ['sorry', -0.5],
]);

/** Words that turn the polarity of the next few words around ("not happy"). */
export const ENGLISH_NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without', 'hardly', 'barely',
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't", "couldn't", "won't", "wouldn't",
  "shouldn't", "haven't", "hasn't", "hadn't", 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'cant', 'wont',
]);

/** Words that strengthen (above 1) or soften (below 1) the next polar word. */
export const ENGLISH_INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.5], ['really', 1.4], ['so', 1.4], ['extremely', 1.8], ['totally', 1.6], ['absolutely', 1.7],
  ['completely', 1.6], ['incredibly', 1.8], ['super', 1.5], ['truly', 1.4], ['terribly', 1.6], ['too', 1.3],
  ['most', 1.3], ['highly', 1.5], ['utterly', 1.8], ['deeply', 1.5], ['constantly', 1.4], ['always', 1.2],
  ['slightly', 0.5], ['somewhat', 0.6], ['bit', 0.6], ['little', 0.6], ['kinda', 0.6], ['fairly', 0.8], ['quite', 1.1],
]);

/** Words after which the sentence's weight shifts to what follows ("it works, but it is slow"). */
export const ENGLISH_CONTRAST: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet']);

/**
 * Japanese stems and their polarity. A stem matches where a word segment starts and ends at a segment boundary or
 * before the kana that inflect it (良|く, 嬉|しく, 助|か|り all match their stems).
 */
export const JAPANESE_POLARITY: ReadonlyMap<string, number> = new Map([
  // thanks and satisfaction
  ['ありがとう', 2.5], ['ありがた', 2], ['有難', 2], ['感謝', 2.5], ['助か', 2], ['助かり', 2], ['嬉', 2], ['うれし', 2],
  ['良', 1.5], ['よか', 1.5], ['素晴らし', 3], ['すばらし', 3], ['最高', 3], ['満足', 2],
  ['安心', 1.5], ['丁寧', 1.5], ['親切', 2], ['便利', 1.5], ['快適', 2], ['解決', 2], ['直', 1], ['直り', 1.5],
  ['直っ', 1.5], ['つなが', 0.8], ['繋が', 0.8], ['使え', 0.8], ['分かりやす', 1.5],
  ['わかりやす', 1.5], ['楽', 1], ['好き', 2], ['大好き', 3], ['完璧', 3], ['スムーズ', 1.2], ['問題ない', 1.5],
  ['ばっちり', 2], ['届きませ', -2], ['届い', 1], ['大丈夫', 0.8], ['順調', 1.5],
  // complaints, trouble, anger
  ['悪', -2], ['最悪', -3], ['ひど', -3], ['酷', -3], ['困', -2], ['困っ', -2], ['不満', -2.5], ['不便', -2],
  ['不安', -1.5], ['不具合', -2], ['故障', -2], ['壊れ', -2], ['切れ', -1.5], ['途切れ', -1.5], ['落ち', -1.2],
  ['遅', -1.5], ['遅れ', -1.5], ['高すぎ', -2], ['高い', -1], ['間違', -1.8], ['誤', -1.5], ['二重', -1.5],
  ['怒', -3], ['腹が立', -3], ['頭にく', -3], ['イライラ', -2.5], ['いらいら', -2.5], ['がっかり', -2.5], ['残念', -2],
  ['迷惑', -2.5], ['面倒', -1.5], ['めんどう', -1.5], ['問題', -1.2], ['エラー', -1.5], ['トラブル', -1.5],
  ['使いにく', -2], ['分かりにく', -1.5], ['わかりにく', -1.5], ['届かな', -2], ['納得', 1.2], ['クレーム', -2],
  ['返金', -0.8], ['解約', -1], ['嫌', -2.5], ['つらい', -2], ['辛', -1.5], ['申し訳', -0.5],
  ['ふざけ', -3], ['使えな', -1.5], ['できな', -1.2], ['申し訳ありません', -0.5], ['申し訳ございません', -0.5], ['無駄', -2], ['おかしい', -1.5], ['失礼', -2.5], ['繋がらな', -2], ['つながらな', -2],
]);

/** Segments that turn the polarity of the term just before them around (良く|ない, 満足|し|てい|ま|せん). */
export const JAPANESE_NEGATORS: readonly string[] = ['ない', 'なく', 'なかっ', 'なし', 'ません', 'ませ', 'せん', 'ず', 'ぬ', 'ねー', 'ねえ'];

/** Segments that strengthen or soften the next polar term. */
export const JAPANESE_INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['とても', 1.5], ['すごく', 1.6], ['凄く', 1.6], ['すごい', 1.4], ['非常', 1.7], ['本当に', 1.5], ['ほんとうに', 1.5],
  ['ほんとに', 1.4], ['めちゃくちゃ', 1.8], ['めちゃ', 1.6], ['かなり', 1.4], ['大変', 1.5], ['たいへん', 1.5],
  ['全く', 1.6], ['まったく', 1.6], ['全然', 1.6], ['ぜんぜん', 1.6], ['超', 1.6], ['極めて', 1.8], ['頻繁', 1.3],
  ['何度も', 1.4], ['いつも', 1.2], ['毎日', 1.2], ['少し', 0.6], ['ちょっと', 0.6], ['やや', 0.6], ['若干', 0.6],
]);

/** Segments after which the weight shifts to what follows (直ったけど、また切れる). */
export const JAPANESE_CONTRAST: readonly string[] = ['けど', 'けれど', 'けれども', 'しかし', 'でも', 'だが', 'ところが'];

/** Segments after a term that strengthen it (遅|すぎる, 高|すぎ|ます). */
export const JAPANESE_EXCESS: readonly string[] = ['すぎ', 'すぎる', '過ぎ', '過ぎる'];
