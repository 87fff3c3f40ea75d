// The transcript's sentiment scorer on labelled English and Japanese lines a contact center hears: thanks,
// complaints, outages, billing, neutral questions; negation ("not happy", 良くない), intensifiers and contrast.
import { describe, expect, it } from 'vitest';
import { scoreSentiment, SENTIMENT_THRESHOLD } from '../../../contact-center/transcript/sentiment';
import type { TranscriptSentiment } from '../../../contact-center/transcript/transcript-types';

const ENGLISH: [string, TranscriptSentiment][] = [
  ['My router keeps dropping the connection', 'NEGATIVE'],
  ['Thank you so much, that fixed it!', 'POSITIVE'],
  ['I am not happy with this bill', 'NEGATIVE'],
  ['This is not bad at all', 'POSITIVE'],
  ['I was charged twice this month and nobody helps', 'NEGATIVE'],
  ['The delivery is late again, this is unacceptable', 'NEGATIVE'],
  ['Can you tell me my account number?', 'NEUTRAL'],
  ['I would like to change my address', 'NEUTRAL'],
  ['It works, but it is very slow', 'NEGATIVE'],
  ['It was slow at first, but now it works great', 'POSITIVE'],
  ['You have been extremely helpful, I really appreciate it', 'POSITIVE'],
  ['The internet is down and I am really frustrated', 'NEGATIVE'],
  ['That is not very good', 'NEGATIVE'],
  ['No problem, have a nice day', 'POSITIVE'],
  ['I cannot log in, it never works', 'NEGATIVE'],
  ['Perfect, everything is working now', 'POSITIVE'],
  ['My package arrived damaged', 'NEGATIVE'],
  ['What time do you open on Saturday?', 'NEUTRAL'],
  ['I am calling about my order number 12345', 'NEUTRAL'],
  ['This is the worst service I have ever had!', 'NEGATIVE'],
  ['I’m not angry, just confused', 'NEUTRAL'],
  ['Great, thanks for sorting that out so quickly', 'POSITIVE'],
  ['The bill is wrong and way too expensive', 'NEGATIVE'],
  ['I am not disappointed at all', 'POSITIVE'],
];

const JAPANESE: [string, TranscriptSentiment][] = [
  ['ルーターの接続が頻繁に切れる', 'NEGATIVE'],
  ['良くない', 'NEGATIVE'],
  ['とても良かったです', 'POSITIVE'],
  ['ありがとうございました、本当に助かりました！', 'POSITIVE'],
  ['請求額が間違っていて、とても困っています', 'NEGATIVE'],
  ['全然つながらないし、最悪です', 'NEGATIVE'],
  ['満足していません', 'NEGATIVE'],
  ['使えない', 'NEGATIVE'],
  ['嬉しくない', 'NEGATIVE'],
  ['問題なく使えています', 'POSITIVE'],
  ['対応が遅すぎる', 'NEGATIVE'],
  ['悪くないです', 'POSITIVE'],
  ['料金が高すぎます', 'NEGATIVE'],
  ['丁寧に対応していただき感謝しています', 'POSITIVE'],
  ['二重に請求されている', 'NEGATIVE'],
  ['住所を変更したいです', 'NEUTRAL'],
  ['注文番号を教えてください', 'NEUTRAL'],
  ['直ったけど、また切れる', 'NEGATIVE'],
  ['切れていたけど、今は快適です', 'POSITIVE'],
  ['荷物が届かないので困っています', 'NEGATIVE'],
  ['すぐに解決してくれて、嬉しいです', 'POSITIVE'],
  ['土曜日は何時から営業していますか', 'NEUTRAL'],
  ['本当に最高の対応でした', 'POSITIVE'],
  ['何度もエラーが出て、イライラします', 'NEGATIVE'],
];

describe.each([
  ['English', ENGLISH],
  ['Japanese', JAPANESE],
])('%s lines', (_language, lines) => {
  it('has at least 20 labelled lines of each sentiment mix', () => {
    expect(lines.length).toBeGreaterThanOrEqual(20);
    for (const label of ['POSITIVE', 'NEGATIVE', 'NEUTRAL']) expect(lines.some(([, l]) => l === label)).toBe(true);
  });

  it.each(lines)('%s → %s', (text, expected) => {
    const result = scoreSentiment(text);
    expect(result.sentiment).toBe(expected);
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
    if (expected === 'NEUTRAL') expect(Math.abs(result.score)).toBeLessThan(SENTIMENT_THRESHOLD);
  });
});

describe('what moves the score', () => {
  it('negation turns a term around, in both languages', () => {
    expect(scoreSentiment('happy').score).toBeGreaterThan(0);
    expect(scoreSentiment('not happy').score).toBeLessThan(0);
    expect(scoreSentiment('良いです').score).toBeGreaterThan(0);
    expect(scoreSentiment('良くないです').score).toBeLessThan(0);
  });

  it('an intensifier strengthens and a dampener softens', () => {
    expect(scoreSentiment('very slow').score).toBeLessThan(scoreSentiment('slow').score);
    expect(scoreSentiment('slightly slow').score).toBeGreaterThan(scoreSentiment('slow').score);
    expect(scoreSentiment('とても困っています').score).toBeLessThan(scoreSentiment('困っています').score);
    expect(scoreSentiment('少し困っています').score).toBeGreaterThan(scoreSentiment('困っています').score);
  });

  it('says which terms counted', () => {
    expect(scoreSentiment('全然つながらないし、最悪です').terms).toEqual(['つながらな', '最悪']);
    expect(scoreSentiment('Thank you, that fixed it').terms).toEqual(['thank you', 'fixed']);
  });

  it('a line with no polar words is neutral at 0', () => {
    expect(scoreSentiment('')).toEqual({ sentiment: 'NEUTRAL', score: 0, terms: [] });
    expect(scoreSentiment('1234 5678')).toMatchObject({ sentiment: 'NEUTRAL', score: 0 });
  });
});
