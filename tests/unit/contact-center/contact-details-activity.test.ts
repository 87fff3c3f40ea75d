// The contact details page shows what the contact carries beyond its record: the transcript of a call or a chat (time,
// speaker, text and sentiment of each segment; the customer's sentiment first to last and counted), the agents'
// feedback on knowledge articles (title, rating, when, who) and the step-by-step guide recorded on the contact, in
// English and Japanese; hostile text stays text, a malformed guide record is shown as text, and a contact without
// any of them shows none of these sections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { formatOffset, parseGuideRecord } from '../../../contact-center/server/routes/contact-activity-sections';
import { upsertKnowledgeArticle } from '../../../contact-center/store/knowledge-repository';
import { QConnectRepository } from '../../../contact-center/store/qconnect-repository';
import { appendTranscriptSegment } from '../../../contact-center/store/transcript-repository';
import type { TranscriptRole, TranscriptSentiment } from '../../../contact-center/transcript/transcript-types';
import { endedRecord, saveContactRecord, T0 } from './customer-profiles-fixture';
import { injectFetch } from './inject-fetch';

let dataDir: string;
let cc: RunningContactCenter;
let session: string;
const inject = injectFetch(() => cc.app);
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-contact-activity-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', engine: { farEndAnswerMs: 50 } });
  session = cc.issueSession('agent1');
});

afterAll(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function details(contactId: string, language = 'en-US,en;q=0.9'): Promise<string> {
  return inject(`/contact-trace-records/details/${contactId}`, { headers: { Cookie: `sb_session=${session}`, 'Accept-Language': language } }).then((r) => r.text());
}

function say(contactId: string, channel: 'VOICE' | 'CHAT', role: TranscriptRole, atSeconds: number, content: string, sentiment: TranscriptSentiment, displayName: string | null = null): void {
  appendTranscriptSegment(cc.db, {
    id: `${contactId}-${atSeconds}`,
    contactId,
    channel,
    participantRole: role,
    participantId: role === 'CUSTOMER' ? 'customer' : 'agent1',
    displayName,
    content,
    beginOffsetMillis: atSeconds * 1000,
    endOffsetMillis: atSeconds * 1000 + 1500,
    absoluteTime: new Date(T0 + atSeconds * 1000).toISOString(),
    sentiment,
    sentimentScore: sentiment === 'POSITIVE' ? 0.8 : sentiment === 'NEGATIVE' ? -0.8 : 0,
  });
}

/** Feedback on an article by `agentId`, as QConnectService.putFeedback stores it (the content known first). */
function feedback(contactId: string, article: { id: string; title: string }, relevance: 'HELPFUL' | 'NOT_HELPFUL', agentId: string, atSeconds: number): void {
  upsertKnowledgeArticle(cc.db, { ...article, body: 'Body', language: 'en', tags: [], queues: [], updatedAt: '2026-11-01T00:00:00Z' }, T0);
  const repository = new QConnectRepository(cc.db);
  const contentId = `content-${article.id}`;
  repository.rememberContent({ contentId, knowledgeBaseId: 'kb-en', articleId: article.id });
  repository.putFeedback({ targetId: `result-${article.id}-${contactId}`, targetType: 'RESULT', relevance, contactId, sessionId: null, contentId, agentId, createdAt: T0 + atSeconds * 1000 });
}

/** The cells (tags removed) of each row of the last table in the section `sectionId`, row by row. */
function rowsOf(html: string, sectionId: string): string[][] {
  const section = new RegExp(`<section aria-labelledby="${sectionId}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  const body = [...section.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].at(-1)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

const guideRecord = (guide: string, at: string) => JSON.stringify({ guide, outcome: 'completed', at });

describe('a call with a transcript, knowledge feedback and a completed guide', () => {
  beforeAll(() => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'voice-carried', attributes: { switchboardGuideCompleted: guideRecord('billing-dispute', new Date(T0 + 200_000).toISOString()) } }));
    say('voice-carried', 'VOICE', 'CUSTOMER', 3, 'My invoice is wrong and I am upset.', 'NEGATIVE');
    say('voice-carried', 'VOICE', 'AGENT', 9, 'I am sorry, let me look at it.', 'NEUTRAL');
    say('voice-carried', 'VOICE', 'CUSTOMER', 65, 'It is on invoice INV-2026-0001.', 'NEUTRAL');
    say('voice-carried', 'VOICE', 'CUSTOMER', 130, 'Thank you, that fixes it!', 'POSITIVE');
    feedback('voice-carried', { id: 'kb-refunds', title: 'Refunds for a wrong invoice' }, 'HELPFUL', 'agent1', 60);
    feedback('voice-carried', { id: 'kb-router', title: 'Restarting the router' }, 'NOT_HELPFUL', 'agent1', 90);
  });

  it('shows each segment, the customer’s sentiment, the feedback and the guide in English', async () => {
    const html = await details('voice-carried');
    expect(html).toContain('<h2 id="transcript">Transcript</h2>');
    expect(html).toContain('<th scope="col">Time</th><th scope="col">Speaker</th><th scope="col">What was said</th><th scope="col">Sentiment</th>');
    expect(rowsOf(html, 'transcript')).toEqual([
      ['0:03', 'Customer', 'My invoice is wrong and I am upset.', 'Negative'],
      ['0:09', 'Agent', 'I am sorry, let me look at it.', 'Neutral'],
      ['1:05', 'Customer', 'It is on invoice INV-2026-0001.', 'Neutral'],
      ['2:10', 'Customer', 'Thank you, that fixes it!', 'Positive'],
    ]);
    expect(html).toContain('<th scope="row" class="offset"><time datetime="PT65S">1:05</time></th>');
    expect(html).toContain('<h3 id="customer-sentiment">Customer sentiment</h3>');
    expect(html).toContain('<th scope="row">First → last</th><td>Negative → Positive</td>');
    expect(html).toContain('<th scope="row">Across the transcript</th><td>1 positive, 1 neutral, 1 negative</td>');

    expect(html).toContain('<h2 id="knowledge-feedback">Feedback on knowledge articles</h2>');
    const feedbackRows = rowsOf(html, 'knowledge-feedback');
    expect(feedbackRows.map((row) => [row[0], row[1], row[2], row[4]])).toEqual([
      ['Refunds for a wrong invoice', 'Useful', 'Search result', 'Emily Carter (agent1)'],
      ['Restarting the router', 'Not useful', 'Search result', 'Emily Carter (agent1)'],
    ]);
    expect(html).toContain(`<td><time datetime="${new Date(T0 + 60_000).toISOString()}">`);

    expect(html).toContain('<h2 id="guide">Step-by-step guide</h2>');
    expect(html).toContain('<th scope="row">Guide</th><td>Billing dispute (billing-dispute)</td>');
    expect(html).toContain('<th scope="row">Outcome</th><td>Completed</td>');
    expect(html).toContain(`<th scope="row">Recorded at</th><td><time datetime="${new Date(T0 + 200_000).toISOString()}">`);
    expect(html).not.toContain('<script');
  });

  it('shows the same in Japanese', async () => {
    const html = await details('voice-carried', 'ja-JP,ja;q=0.9');
    expect(html).toContain('<h2 id="transcript">トランスクリプト</h2>');
    expect(rowsOf(html, 'transcript')[0]).toEqual(['0:03', 'お客様', 'My invoice is wrong and I am upset.', 'ネガティブ']);
    expect(rowsOf(html, 'transcript')[1]?.slice(1, 2)).toEqual(['エージェント']);
    expect(html).toContain('<th scope="row">最初 → 最後</th><td>ネガティブ → ポジティブ</td>');
    expect(html).toContain('<td>ポジティブ 1 件、ニュートラル 1 件、ネガティブ 1 件</td>');
    expect(html).toContain('<h2 id="knowledge-feedback">ナレッジ記事への評価</h2>');
    expect(rowsOf(html, 'knowledge-feedback').map((row) => row[1])).toEqual(['役に立った', '役に立たなかった']);
    expect(html).toContain('<th scope="col">エージェント</th>');
    expect(html).toContain('<h2 id="guide">ステップバイステップガイド</h2>');
    expect(html).toContain('<th scope="row">結果</th><td>完了</td>');
    expect(html).toMatch(/<th scope="row">記録日時<\/th><td><time datetime="[^"]+">2026年11月/);
  });
});

describe('a chat with a transcript', () => {
  it('shows who wrote each message by role and display name', async () => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'chat-carried', channel: 'chat', initiationMethod: 'api', customerEndpoint: null, systemEndpoint: null, attributes: {} }));
    say('chat-carried', 'CHAT', 'CUSTOMER', 1, 'Hello, my parcel has not arrived.', 'NEGATIVE', 'Sakura');
    say('chat-carried', 'CHAT', 'AGENT', 20, 'Let me check the tracking number.', 'NEUTRAL', 'Emily');
    const html = await details('chat-carried');
    expect(rowsOf(html, 'transcript')).toEqual([
      ['0:01', 'Customer (Sakura)', 'Hello, my parcel has not arrived.', 'Negative'],
      ['0:20', 'Agent (Emily)', 'Let me check the tracking number.', 'Neutral'],
    ]);
    expect(html).toContain('<td>Negative → Negative</td>');
    expect(html).not.toContain('id="knowledge-feedback"');
    expect(html).not.toContain('id="guide"');
  });
});

describe('hostile and malformed values', () => {
  it('keeps markup in segments, display names, article titles and the guide record as text', async () => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'voice-hostile', attributes: { switchboardGuideCompleted: JSON.stringify({ guide: HOSTILE, outcome: HOSTILE, at: HOSTILE }) } }));
    say('voice-hostile', 'VOICE', 'CUSTOMER', 2, HOSTILE, 'NEUTRAL', HOSTILE);
    feedback('voice-hostile', { id: 'kb-hostile', title: HOSTILE }, 'HELPFUL', 'agent1', 5);
    const html = await details('voice-hostile');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';
    expect(rowsOf(html, 'transcript')[0]).toEqual(['0:02', `Customer (${escaped})`, escaped, 'Neutral']);
    expect(rowsOf(html, 'knowledge-feedback')[0]?.[0]).toBe(escaped);
    expect(html).toContain(`<th scope="row">Guide</th><td>${escaped}</td>`);
    expect(html).toContain(`<th scope="row">Outcome</th><td>${escaped}</td>`);
    expect(html).toContain(`<th scope="row">Recorded at</th><td>${escaped}</td>`);
  });

  it('shows a guide record that is not JSON, or names no guide, as text and says so, in both languages', async () => {
    for (const [contactId, value] of [
      ['guide-broken', '{"guide": "billing-dispute", <b>oops'],
      ['guide-array', '["billing-dispute"]'],
      ['guide-nameless', '{"outcome":"completed"}'],
    ] as const) {
      saveContactRecord(cc.db, endedRecord({ contactId, attributes: { switchboardGuideCompleted: value } }));
      const html = await details(contactId);
      expect(html, contactId).toContain('<h2 id="guide">Step-by-step guide</h2>');
      expect(html, contactId).toContain('<p>The attribute switchboardGuideCompleted does not hold a guide record that can be read. Its value:</p>');
      expect(html, contactId).toContain(`<code>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</code>`);
      expect(html, contactId).not.toContain('<b>');
      const ja = await details(contactId, 'ja');
      expect(ja, contactId).toContain('属性 switchboardGuideCompleted の値はガイドの記録として読み取れません。');
    }
  });

  it('names a guide the contact center does not have by its id, and an article no longer known by its id', async () => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'guide-unknown', attributes: { switchboardGuideCompleted: JSON.stringify({ guide: 'retired-guide', outcome: 'cancelled', at: 'yesterday' }) } }));
    new QConnectRepository(cc.db).putFeedback({ targetId: 'r-gone', targetType: 'RECOMMENDATION', relevance: 'NOT_HELPFUL', contactId: 'guide-unknown', sessionId: null, contentId: 'content-never-seen', agentId: null, createdAt: T0 });
    const html = await details('guide-unknown');
    expect(html).toContain('<th scope="row">Guide</th><td>retired-guide</td>');
    expect(html).toContain('<th scope="row">Outcome</th><td>Cancelled</td>');
    expect(html).toContain('<th scope="row">Recorded at</th><td>yesterday</td>');
    expect(rowsOf(html, 'knowledge-feedback')[0]).toEqual(['Article no longer in the knowledge base (content-never-seen)', 'Not useful', 'Suggestion', expect.any(String), 'None']);
  });
});

describe('a contact that carries none of them', () => {
  it('shows no transcript, feedback or guide section, not even an empty one', async () => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'voice-plain', attributes: { reason: 'billing' } }));
    for (const language of ['en', 'ja']) {
      const html = await details('voice-plain', language);
      expect(html).toContain('<section aria-labelledby="attributes">');
      for (const id of ['transcript', 'customer-sentiment', 'knowledge-feedback', 'guide']) expect(html, `${language} ${id}`).not.toContain(`id="${id}"`);
    }
  });
});

describe('the pieces', () => {
  it('writes offsets as m:ss with minutes past an hour', () => {
    expect(formatOffset(0)).toBe('<time datetime="PT0S">0:00</time>');
    expect(formatOffset(59_999)).toBe('<time datetime="PT59S">0:59</time>');
    expect(formatOffset(3_725_000)).toBe('<time datetime="PT3725S">62:05</time>');
    expect(formatOffset(-5)).toBe('<time datetime="PT0S">0:00</time>');
  });

  it('reads a guide record, and refuses what is not one', () => {
    expect(parseGuideRecord('{"guide":"g","outcome":"completed","at":"2026-11-20T01:00:00.000Z"}')).toEqual({ guide: 'g', outcome: 'completed', at: T0, unreadableAt: null });
    expect(parseGuideRecord('{"guide":"g"}')).toEqual({ guide: 'g', outcome: '', at: null, unreadableAt: null });
    for (const bad of ['', 'null', '42', '"g"', '[]', '{"guide":""}', '{"guide":7}', '{']) expect(parseGuideRecord(bad), bad).toBeNull();
  });
});
