// Ranking quality of the knowledge search on the seeded articles: the labelled query set (K-CONTENT's
// labelled-queries.json: a query, its language and the articles that answer it) gives MRR and recall@3 per language,
// printed as a table; recall@3 must reach 0.9 in English and in Japanese. Queries are searched as the panel and the
// recommender do, without naming a language (the query's own language is found from its text).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticleFolder } from '../../../contact-center/knowledge/article-files';
import { KnowledgeBase } from '../../../contact-center/knowledge/knowledge-base';
import type { ArticleLanguage } from '../../../contact-center/knowledge/knowledge-types';
import { SEED_KNOWLEDGE_FOLDER } from '../../../contact-center/knowledge/seed-articles';

interface LabelledQuery {
  query: string;
  language: ArticleLanguage;
  relevant: string[];
}

const LABELLED_QUERIES = join(import.meta.dirname, 'labelled-queries.json');
const RECALL_AT_3_GOAL = 0.9;
const LANGUAGES: ArticleLanguage[] = ['en', 'ja'];

interface QueryOutcome {
  query: LabelledQuery;
  /** 1-based rank of the first relevant article in the hits, or null. */
  firstRelevantRank: number | null;
  recallAt3: number;
  top3: string[];
}

function outcomeOf(base: KnowledgeBase, query: LabelledQuery): QueryOutcome {
  const hits = base.search(query.query, { limit: 10 }).map((hit) => hit.article.id);
  const rank = hits.findIndex((id) => query.relevant.includes(id));
  const top3 = hits.slice(0, 3);
  // recall@3: the share of the query's relevant articles in the first three hits (of at most three that could be).
  const found = query.relevant.filter((id) => top3.includes(id)).length;
  return { query, firstRelevantRank: rank === -1 ? null : rank + 1, recallAt3: found / Math.min(3, query.relevant.length), top3 };
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe.runIf(existsSync(LABELLED_QUERIES))('ranking quality on the labelled queries', () => {
  let queries: LabelledQuery[];
  let base: KnowledgeBase;
  const outcomes = new Map<ArticleLanguage, QueryOutcome[]>();

  beforeAll(() => {
    queries = JSON.parse(readFileSync(LABELLED_QUERIES, 'utf8')) as LabelledQuery[];
    const seed = readArticleFolder(SEED_KNOWLEDGE_FOLDER);
    base = KnowledgeBase.inMemory(seed.articles);
    for (const language of LANGUAGES) outcomes.set(language, queries.filter((q) => q.language === language).map((q) => outcomeOf(base, q)));
    const rows = LANGUAGES.map((language) => {
      const list = outcomes.get(language) ?? [];
      return {
        language,
        queries: list.length,
        MRR: Number(mean(list.map((o) => (o.firstRelevantRank === null ? 0 : 1 / o.firstRelevantRank))).toFixed(3)),
        'recall@3': Number(mean(list.map((o) => o.recallAt3)).toFixed(3)),
        'first hit relevant': Number(mean(list.map((o) => (o.firstRelevantRank === 1 ? 1 : 0))).toFixed(3)),
      };
    });
    console.log('\nKnowledge search on the labelled queries (seeded articles):');
    console.table(rows);
    const misses = [...outcomes.values()].flat().filter((o) => o.recallAt3 < 1);
    if (misses.length > 0) console.log(`Not all relevant articles in the top 3:\n${misses.map((o) => `  ${o.query.query} → ${o.top3.join(', ')} (wanted ${o.query.relevant.join(', ')})`).join('\n')}`);
  });

  it('has at least 60 queries, in both languages, naming seeded articles only', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const language of LANGUAGES) expect(queries.filter((q) => q.language === language).length).toBeGreaterThan(0);
    const unknown = queries.flatMap((q) => q.relevant).filter((id) => base.get(id) === null);
    expect(unknown).toEqual([]);
  });

  it.each(LANGUAGES)(`reaches recall@3 ≥ ${RECALL_AT_3_GOAL} in %s`, (language) => {
    const recall = mean((outcomes.get(language) ?? []).map((o) => o.recallAt3));
    expect(recall).toBeGreaterThanOrEqual(RECALL_AT_3_GOAL);
  });
});
