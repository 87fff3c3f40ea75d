// Bench: the knowledge base's search over 5,000 articles (`npm run bench -- knowledge-search`). The articles are
// generated from the seeded ones (contact-center/seed/knowledge, English and Japanese in the seed's mix): each copy
// gets a model name in its title, its sections shuffled and sentences of other articles of its language mixed in,
// so the vocabulary and the posting lists grow as a real knowledge base's would. Then 2,000 searches (after a
// warm-up) of the labelled queries and of customer-like sentences are timed through KnowledgeBase.search (hits with
// excerpts and highlights, as the panel gets them) and 1,000 through matchText (as the recommender calls it).
// Goal: search p95 under 20 ms. KNOWLEDGE_BENCH_ARTICLES sets another number of articles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readArticleFolder } from '../../contact-center/knowledge/article-files';
import { KnowledgeBase } from '../../contact-center/knowledge/knowledge-base';
import type { ArticleLanguage, KnowledgeArticle } from '../../contact-center/knowledge/knowledge-types';
import { SEED_KNOWLEDGE_FOLDER } from '../../contact-center/knowledge/seed-articles';
import { type BenchRow, ms, summarize } from './stats';

const ARTICLES = Number(process.env.KNOWLEDGE_BENCH_ARTICLES ?? 5_000);
const SEARCHES = 2_000;
const MATCHES = 1_000;
const WARM_UP = 200;
const GOAL_MS = 20;

/** A deterministic pseudo-random sequence (mulberry32), so that every run searches the same articles. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function sentencesOf(article: KnowledgeArticle): string[] {
  return article.body.split(article.language === 'ja' ? /(?<=。)/ : /(?<=\.)\s+/).filter((s) => s.trim().length > 20 && !s.includes('\n#'));
}

/** `count` articles made from the seed ones, cycling through them. */
export function generatedArticles(seed: readonly KnowledgeArticle[], count: number): KnowledgeArticle[] {
  const next = random(20261204);
  const sentences: Record<ArticleLanguage, string[]> = { en: [], ja: [] };
  for (const article of seed) sentences[article.language].push(...sentencesOf(article));
  return Array.from({ length: count }, (_, n) => {
    const original = seed[n % seed.length] as KnowledgeArticle;
    const model = `SB-${String.fromCharCode(65 + (n % 26))}${100 + (n % 900)}`;
    const sections = shuffled(original.body.split(/\n(?=## )/), next);
    const mixed = Array.from({ length: 3 }, () => pick(sentences[original.language], next)).join(original.language === 'ja' ? '' : ' ');
    const note = original.language === 'ja' ? `対象機種: ${model}。${mixed}` : `Applies to model ${model}. ${mixed}`;
    return {
      ...original,
      id: `${original.id}-${n}`,
      title: original.language === 'ja' ? `${original.title}(${model})` : `${original.title} (${model})`,
      body: `${sections.join('\n')}\n\n${note}`,
    };
  });
}

interface LabelledQuery {
  query: string;
  language: ArticleLanguage;
}

export async function knowledgeSearchBench(): Promise<BenchRow[]> {
  const seed = readArticleFolder(SEED_KNOWLEDGE_FOLDER).articles;
  const labelled = JSON.parse(readFileSync(join(import.meta.dirname, '../unit/knowledge/labelled-queries.json'), 'utf8')) as LabelledQuery[];
  const sentences = [
    'hi, my router keeps dropping the connection every evening and I work from home',
    'I was charged twice for the same invoice this month, can you refund it',
    'ルーターの接続が頻繁に切れるので困っています',
    '先月の請求金額が二重になっているようです',
    'the parcel says delivered but nothing arrived at my flat',
    '荷物が届かないのですが、いつ届きますか',
  ];
  const queries = [...labelled.map((q) => q.query), ...sentences];
  const articles = generatedArticles(seed, ARTICLES);
  const japanese = articles.filter((article) => article.language === 'ja').length;

  const buildStarted = performance.now();
  const base = KnowledgeBase.inMemory(articles);
  const buildMs = performance.now() - buildStarted;

  const next = random(7);
  for (let i = 0; i < WARM_UP; i++) base.search(pick(queries, next));
  let empty = 0;
  const searchTimes: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const query = pick(queries, next);
    const started = performance.now();
    const hits = base.search(query, { limit: 10 });
    searchTimes.push(performance.now() - started);
    if (hits.length === 0) empty++;
  }
  const matchTimes: number[] = [];
  for (let i = 0; i < MATCHES; i++) {
    const text = pick(sentences, next);
    const started = performance.now();
    base.matchText(text, { queue: 'Support' });
    matchTimes.push(performance.now() - started);
  }
  const upsertStarted = performance.now();
  base.upsert([{ ...(articles[0] as KnowledgeArticle), title: `${(articles[0] as KnowledgeArticle).title} (revised)` }]);
  const upsertMs = performance.now() - upsertStarted;

  const search = summarize(searchTimes);
  const match = summarize(matchTimes);
  return [
    { measure: 'articles (en / ja)', value: `${ARTICLES - japanese} / ${japanese}`, goal: '', ok: null },
    { measure: 'index build (in memory)', value: ms(buildMs), goal: '', ok: null },
    { measure: `search p50 (${SEARCHES} searches, ${queries.length} queries, top 10 with excerpts)`, value: ms(search.p50), goal: '', ok: null },
    { measure: 'search p95', value: ms(search.p95), goal: `< ${GOAL_MS} ms`, ok: search.p95 < GOAL_MS },
    { measure: 'search p99 / max', value: `${ms(search.p99)} / ${ms(search.max)}`, goal: '', ok: null },
    { measure: 'searches without a hit', value: String(empty), goal: '', ok: null },
    { measure: `matchText p50 / p95 (${MATCHES} customer sentences)`, value: `${ms(match.p50)} / ${ms(match.p95)}`, goal: '', ok: null },
    { measure: 'upsert of one article (re-index, in memory)', value: ms(upsertMs), goal: '', ok: null },
  ];
}
