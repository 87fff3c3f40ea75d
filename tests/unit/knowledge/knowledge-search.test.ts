// Tests for the knowledge base's search on the fixture articles: ranking (title boost, typo tolerance, language),
// what a hit says (matched words as written, title and excerpt highlights at the right offsets), the recommender's
// matchText, and the index following the table (upsert, and another connection's import).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readArticleFolder } from '../../../contact-center/knowledge/article-files';
import { KnowledgeBase } from '../../../contact-center/knowledge/knowledge-base';
import type { KnowledgeArticle, KnowledgeSearchHit, TextHighlight } from '../../../contact-center/knowledge/knowledge-types';
import { openDatabase } from '../../../contact-center/store/database';
import { countKnowledgeArticles, getKnowledgeArticle, listKnowledgeArticles, seedKnowledgeArticlesIfEmpty, upsertKnowledgeArticle } from '../../../contact-center/store/knowledge-repository';

let articles: KnowledgeArticle[];
let base: KnowledgeBase;

beforeAll(() => {
  articles = readArticleFolder(join(import.meta.dirname, 'fixtures', 'articles')).articles;
  base = KnowledgeBase.inMemory(articles);
});

const ids = (hits: KnowledgeSearchHit[]) => hits.map((hit) => hit.article.id);
const marked = (text: string, highlights: TextHighlight[]) => highlights.map((h) => text.slice(h.begin, h.end));

const article = (id: string, title: string, body: string, language: 'en' | 'ja' = 'en'): KnowledgeArticle => ({ id, title, body, language, tags: [], queues: [], updatedAt: '2026-10-01T00:00:00.000Z' });

describe('ranking', () => {
  it('finds the right article for a customer sentence in either language', () => {
    expect(ids(base.search('my router keeps dropping the connection'))[0]).toBe('router-drops');
    expect(ids(base.search('ルーターの接続が頻繁に切れる'))[0]).toBe('ja-router-drops');
    expect(ids(base.search('I was charged twice'))[0]).toBe('refund-duplicate-charge');
    expect(ids(base.search('荷物が届かない'))[0]).toBe('ja-delivery-late');
  });

  it('ranks a title match above the same word in a body', () => {
    const boosted = KnowledgeBase.inMemory([
      article('in-body', 'Account settings', 'How to change the modem password and other settings of the account page.'),
      article('in-title', 'Modem lights', 'What the lights on the front mean and when to call.'),
    ]);
    expect(ids(boosted.search('modem'))).toEqual(['in-title', 'in-body']);
  });

  it('forgives typos in English words', () => {
    const hits = base.search('routr disconects');
    expect(ids(hits)[0]).toBe('router-drops');
    expect(hits[0]?.matchedTerms).toEqual(['routr', 'disconects']);
    expect(ids(base.search('refnd'))[0]).toBe('refund-duplicate-charge');
  });

  it('does not match unrelated words or an empty query', () => {
    expect(base.search('zebra giraffe')).toEqual([]);
    expect(base.search('the of and')).toEqual([]);
    expect(base.search('   ')).toEqual([]);
  });

  it('searches one language when told, both otherwise (the query language first)', () => {
    expect(base.search('router', { language: 'ja' }).every((hit) => hit.article.language === 'ja')).toBe(true);
    const twins = KnowledgeBase.inMemory([article('wifi-en', 'Wi-Fi', 'Wi-Fi setup.'), article('wifi-ja', 'Wi-Fi', 'Wi-Fi setup.', 'ja')]);
    expect(ids(twins.search('Wi-Fi setup'))).toEqual(['wifi-en', 'wifi-ja']);
    expect(ids(twins.search('Wi-Fiのsetup'))).toEqual(['wifi-ja', 'wifi-en']);
    expect(ids(twins.search('Wi-Fi setup', { language: 'ja' }))).toEqual(['wifi-ja']);
  });

  it('keeps to the limit', () => {
    expect(base.search('router', { limit: 1 })).toHaveLength(1);
  });
});

describe('hits', () => {
  it('say which query words matched, as written, and highlight them in the title', () => {
    const hit = base.search('My ROUTER keeps Dropping')[0] as KnowledgeSearchHit;
    expect(hit.matchedTerms).toEqual(['ROUTER', 'keeps', 'Dropping']);
    expect(marked(hit.article.title, hit.titleHighlights)).toEqual(['Router', 'keeps', 'dropping']);
  });

  it('give a plain-text excerpt around the matches with exact highlights', () => {
    const hit = base.search('microwaves cordless')[0] as KnowledgeSearchHit;
    expect(hit.article.id).toBe('router-drops');
    expect(hit.excerpt).not.toMatch(/[*#]/);
    expect(marked(hit.excerpt, hit.excerptHighlights)).toEqual(['microwaves', 'cordless']);
  });

  it('highlight Japanese words in the title and the excerpt', () => {
    const hit = base.search('ルーターの接続が頻繁に切れる')[0] as KnowledgeSearchHit;
    expect(hit.matchedTerms).toEqual(['ルーター', '接続', '頻繁', '切れる']);
    expect(marked(hit.article.title, hit.titleHighlights)).toEqual(['ルーター', '接続', '頻繁', '切れる']);
    expect(marked(hit.excerpt, hit.excerptHighlights)).toEqual(expect.arrayContaining(['切れ', 'ルーター']));
  });

  it('cut a long body around the best passage, marked with …', () => {
    const long = article('long', 'Long article', `${'Filler sentence about nothing in particular. '.repeat(30)}The fibre splitter is here. ${'More filler text follows. '.repeat(30)}`);
    const hit = KnowledgeBase.inMemory([long]).search('splitter')[0] as KnowledgeSearchHit;
    expect(hit.excerpt.startsWith('…') && hit.excerpt.endsWith('…')).toBe(true);
    expect(hit.excerpt.length).toBeLessThanOrEqual(203);
    expect(marked(hit.excerpt, hit.excerptHighlights)).toEqual(['splitter']);
  });
});

describe('matchText (recommendations)', () => {
  it('suggests the articles matching enough words of what the customer said', () => {
    const hits = base.matchText('hi, my router keeps dropping the connection every evening');
    expect(ids(hits)[0]).toBe('router-drops');
    expect(hits.every((hit) => hit.matchedTerms.length >= 2)).toBe(true);
    expect(base.matchText('ルーターの接続が頻繁に切れる').map((hit) => hit.article.language)).toEqual(['ja']);
  });

  it('needs two matched words unless the text has only one', () => {
    expect(base.matchText('the router is new', { minMatchedTerms: 2 })).toEqual([]);
    expect(ids(base.matchText('refund'))).toEqual(['refund-duplicate-charge']);
  });

  it('favours the articles of the contact queue', () => {
    const tied = KnowledgeBase.inMemory([
      { ...article('support-one', 'Router reset', 'Reset the router.'), queues: ['Support'] },
      { ...article('billing-one', 'Router reset', 'Reset the router.'), queues: ['Billing'] },
    ]);
    expect(ids(tied.matchText('router reset', { queue: 'Billing' }))[0]).toBe('billing-one');
    expect(ids(tied.matchText('router reset', { queue: 'Support' }))[0]).toBe('support-one');
  });

  it('applies a score threshold', () => {
    const best = base.matchText('router keeps dropping')[0] as KnowledgeSearchHit;
    expect(base.matchText('router keeps dropping', { minScore: best.score + 1 })).toEqual([]);
  });
});

describe('with the database', () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = undefined;
  });

  it('stores, lists, counts and seeds only an empty table', () => {
    const db = openDatabase(':memory:');
    expect(seedKnowledgeArticlesIfEmpty(db, articles, 1)).toBe(true);
    expect(seedKnowledgeArticlesIfEmpty(db, [article('later', 'Later', 'x')], 2)).toBe(false);
    expect(countKnowledgeArticles(db)).toBe(articles.length);
    expect(listKnowledgeArticles(db, 'ja').map((a) => a.id)).toEqual(['ja-delivery-late', 'ja-router-drops']);
    expect(getKnowledgeArticle(db, 'router-drops')).toEqual(articles.find((a) => a.id === 'router-drops'));
    const edited = { ...(articles[0] as KnowledgeArticle), title: 'Edited' };
    expect(upsertKnowledgeArticle(db, edited, 3)).toBe('updated');
    expect(upsertKnowledgeArticle(db, edited, 4)).toBe('unchanged');
    expect(upsertKnowledgeArticle(db, article('new-one', 'New', 'x'), 5)).toBe('created');
    db.close();
  });

  it('indexes the table at start and follows upserts', () => {
    const db = openDatabase(':memory:');
    seedKnowledgeArticlesIfEmpty(db, articles, 1);
    const stored = KnowledgeBase.fromDatabase(db, () => 10);
    expect(stored.count()).toBe(articles.length);
    expect(stored.search('quantum entanglement')).toEqual([]);
    expect(stored.upsert([article('router-drops', 'Quantum entanglement of routers', 'Physics.')])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(ids(stored.search('quantum entanglement'))).toEqual(['router-drops']);
    expect(stored.search('microwaves')).toEqual([]);
    expect(getKnowledgeArticle(db, 'router-drops')?.title).toBe('Quantum entanglement of routers');
    db.close();
  });

  it('picks up what another connection (the import command) wrote', () => {
    scratch = mkdtempSync(join(tmpdir(), 'sb-knowledge-'));
    const serverDb = openDatabase(scratch);
    const stored = KnowledgeBase.fromDatabase(serverDb);
    expect(stored.search('splitter')).toEqual([]);
    const importDb = openDatabase(scratch);
    upsertKnowledgeArticle(importDb, article('fibre-splitter', 'Fibre splitter', 'Where the splitter is.'), 1);
    importDb.close();
    expect(ids(stored.search('splitter'))).toEqual(['fibre-splitter']);
    expect(stored.count()).toBe(1);
    serverDb.close();
  });
});
