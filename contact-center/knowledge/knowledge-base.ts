// The knowledge base of the local contact center: its articles (kept in SQLite, store/knowledge-repository.ts) and
// their full-text search in memory, in English and Japanese. The index is MiniSearch (BM25+ ranking, per-field
// boosts, fuzzy and prefix matching) fed with our own tokeniser (text-tokens.ts); it is built from the table at
// start, updated on upsert, and catches up with what another process (`npm run knowledge:import`) wrote.
// Hits say which query words matched and where (title highlights, an excerpt of the body with its highlights).

import MiniSearch, { type SearchResult } from 'minisearch';
import type { Database } from '../store/database';
import { listKnowledgeArticles, upsertKnowledgeArticles, type UpsertOutcome } from '../store/knowledge-repository';
import { compactTokens, TermDictionary, tokensMatching, type CompactTokens } from './compact-tokens';
import { excerptAround, highlightsOf } from './excerpt';
import type { ArticleLanguage, KnowledgeArticle, KnowledgeSearch, KnowledgeSearchHit, KnowledgeSearchOptions } from './knowledge-types';
import { markdownToPlainText } from './markdown-text';
import { synonymsOf } from './synonyms';
import { detectLanguage, isLatinTerm, termsOf, tokenize, type TextToken } from './text-tokens';

/** Field boosts: a word in the title counts three times one in the body; a tag twice. */
export const FIELD_BOOSTS = { title: 3, tags: 2, body: 1 } as const;
/** A synonym of a query word (synonyms.ts) counts this much of the word itself. */
const SYNONYM_WEIGHT = 0.5;
/** Articles in another language than the query's (when the search names none) keep this share of their score. */
const OTHER_LANGUAGE_FACTOR = 0.5;
/** Articles meant for the contact's queue (or for any queue) in matchText get this much more. */
const QUEUE_FACTOR = 1.25;
/** Excerpt lengths: Japanese says more per character. */
const EXCERPT_LENGTH: Record<ArticleLanguage, number> = { en: 200, ja: 100 };
const DEFAULT_LIMIT = 10;

/** What matchText accepts: the search's options, and what a suggestion must reach. */
export interface TextMatchOptions extends KnowledgeSearchOptions {
  /** The contact's queue name: articles meant for it (or for any queue) rank higher; others are not hidden. */
  queue?: string;
  /** A hit must match at least this many distinct words of the text (default 2; 1 when the text has only one). */
  minMatchedTerms?: number;
  /** A hit's score must reach this (default 0: any). Scores grow with the number and rarity of matched words. */
  minScore?: number;
}

interface IndexedArticle {
  article: KnowledgeArticle;
  titleTokens: TextToken[];
  /** The body as plain text (markdown-text.ts) and its tokens, for excerpts. */
  plainBody: string;
  bodyTokens: CompactTokens;
}

/** What MiniSearch indexes: each field as its terms, space-separated (the tokeniser ran once, in indexAll). */
interface IndexDocument {
  id: string;
  title: string;
  tags: string;
  body: string;
}

const joinTerms = (tokens: readonly TextToken[]) => tokens.map((token) => token.term).join(' ');

function newIndex(): MiniSearch<IndexDocument> {
  return new MiniSearch<IndexDocument>({
    idField: 'id',
    fields: ['title', 'tags', 'body'],
    tokenize: (terms) => terms.split(' '),
    processTerm: (term) => term,
    searchOptions: {
      boost: { ...FIELD_BOOSTS },
      // Typos are forgiven in Latin words of five letters or more (one edit in 5, at most 2: shorter words have
      // too many neighbours, bill/fill/till); a Japanese term is a word already (and one kanji off is another
      // word), so it must match exactly. Only the last word, the one perhaps still being typed, matches as a prefix.
      fuzzy: (term) => (isLatinTerm(term) && term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
      prefix: (term, index, terms) => index === terms.length - 1 && isLatinTerm(term) && term.length >= 3,
      combineWith: 'OR',
    },
  });
}

export class KnowledgeBase implements KnowledgeSearch {
  private readonly index = newIndex();
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly dictionary = new TermDictionary();
  private dataVersion = 0;

  private constructor(
    private readonly db: Database | null,
    private readonly now: () => number,
  ) {}

  /** The knowledge base of a contact center's database: every stored article, indexed now. */
  static fromDatabase(db: Database, now: () => number = Date.now): KnowledgeBase {
    const base = new KnowledgeBase(db, now);
    base.dataVersion = db.pragma('data_version', { simple: true }) as number;
    base.indexAll(listKnowledgeArticles(db));
    return base;
  }

  /** A knowledge base of these articles only, without a database (tests, benchmarks). */
  static inMemory(articles: readonly KnowledgeArticle[]): KnowledgeBase {
    const base = new KnowledgeBase(null, Date.now);
    base.indexAll(articles);
    return base;
  }

  get(id: string): KnowledgeArticle | null {
    this.catchUp();
    return this.articles.get(id)?.article ?? null;
  }

  count(): number {
    this.catchUp();
    return this.articles.size;
  }

  /** Every article (of one language when given), by id. */
  list(language?: ArticleLanguage): KnowledgeArticle[] {
    this.catchUp();
    return [...this.articles.values()]
      .map((entry) => entry.article)
      .filter((article) => language === undefined || article.language === language)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Stores the articles (in the database, when there is one) and indexes them; how many were created, updated or the same. */
  upsert(articles: readonly KnowledgeArticle[]): Record<UpsertOutcome, number> {
    this.catchUp();
    const counts = this.db
      ? upsertKnowledgeArticles(this.db, articles, this.now())
      : { created: articles.filter((a) => !this.articles.has(a.id)).length, updated: articles.filter((a) => this.articles.has(a.id)).length, unchanged: 0 };
    this.indexAll(articles);
    return counts;
  }

  /**
   * Natural-language search (the panel's search box, Q in Connect's QueryAssistant and SearchContent). The text is
   * tokenised like the articles; with `language` only articles in it are searched, without it both, the articles
   * in the query's own language (kana or kanji → Japanese) first.
   */
  search(text: string, options: KnowledgeSearchOptions = {}): KnowledgeSearchHit[] {
    return this.rankedHits(text, options, undefined, options.limit ?? DEFAULT_LIMIT, () => true);
  }

  /**
   * For the recommender (Amazon Q in Connect's recommendations, contact-center/qconnect): matches a free text — a
   * customer's sentence from the transcript or a chat message, with words of the contact's attributes appended as
   * the caller likes — against the articles and keeps only the hits that match enough of it. Each hit's
   * matchedTerms lists the words of the text that matched, as the customer wrote them (for the suggestion's
   * "matched: router, dropping"). Default: the 3 best hits matching at least 2 distinct words of the text (1 when
   * the text has only one), in the text's language unless `language` says otherwise; `queue` favours the articles
   * meant for the contact's queue.
   */
  matchText(text: string, options: TextMatchOptions = {}): KnowledgeSearchHit[] {
    const queryTerms = new Set(termsOf(text));
    if (queryTerms.size === 0) return [];
    const minMatched = Math.min(options.minMatchedTerms ?? 2, queryTerms.size);
    const minScore = options.minScore ?? 0;
    return this.rankedHits(text, { language: options.language ?? detectLanguage(text) }, options.queue, options.limit ?? 3, (matchedWords, score) => matchedWords >= minMatched && score >= minScore);
  }

  /** The best `limit` hits among the results that `keep` accepts (given how many query words they match, and their score). */
  private rankedHits(text: string, options: KnowledgeSearchOptions, queue: string | undefined, limit: number, keep: (matchedWords: number, score: number) => boolean): KnowledgeSearchHit[] {
    this.catchUp();
    const queryTokens = tokenize(text);
    if (queryTokens.length === 0) return [];
    // The words as the query wrote them, by term (the first writing of each).
    const surfaces = new Map<string, string>();
    for (const token of queryTokens) if (!surfaces.has(token.term)) surfaces.set(token.term, token.surface);
    // Each word's synonyms are searched too, at a lower weight; a hit through one is said to match the word.
    const wordOfSynonym = new Map<string, string>();
    for (const term of surfaces.keys()) {
      for (const synonym of synonymsOf(term)) if (!surfaces.has(synonym) && !wordOfSynonym.has(synonym)) wordOfSynonym.set(synonym, term);
    }
    const words = surfaces.size;
    const preferred = options.language ?? detectLanguage(text);
    const results = this.index.search([...surfaces.keys(), ...wordOfSynonym.keys()].join(' '), {
      tokenize: (query) => query.split(' '),
      boostTerm: (_term, index) => (index < words ? 1 : SYNONYM_WEIGHT),
      // Only the query's last word (perhaps still being typed) matches as a prefix; see newIndex.
      prefix: (term, index) => index === words - 1 && isLatinTerm(term) && term.length >= 3,
      filter: options.language === undefined ? undefined : (result) => this.articles.get(result.id as string)?.article.language === options.language,
      boostDocument: (id) => {
        const article = this.articles.get(id as string)?.article;
        if (!article) return 0;
        const language = article.language === preferred ? 1 : OTHER_LANGUAGE_FACTOR;
        const forQueue = queue !== undefined && (article.queues.length === 0 || article.queues.includes(queue)) ? QUEUE_FACTOR : 1;
        return language * forQueue;
      },
    });
    // Hits (with their excerpts) are made for the results kept, best first, until there are enough.
    const hits: KnowledgeSearchHit[] = [];
    for (const result of results) {
      if (hits.length >= limit) break;
      const matchedWords = new Set(result.queryTerms.map((term) => wordOfSynonym.get(term) ?? term));
      const entry = this.articles.get(result.id as string);
      if (entry && keep(matchedWords.size, result.score)) hits.push(this.hitOf(entry, result, matchedWords, surfaces));
    }
    return hits;
  }

  private hitOf(entry: IndexedArticle, result: SearchResult, matchedQueryTerms: ReadonlySet<string>, surfaces: ReadonlyMap<string, string>): KnowledgeSearchHit {
    const matchedTerms = [...surfaces].filter(([term]) => matchedQueryTerms.has(term)).map(([, surface]) => surface);
    const documentTerms = new Set(result.terms);
    const bodyMatches = tokensMatching(entry.plainBody, entry.bodyTokens, documentTerms, this.dictionary);
    const excerpt = excerptAround(entry.plainBody, bodyMatches, documentTerms, EXCERPT_LENGTH[entry.article.language]);
    return {
      article: entry.article,
      score: result.score,
      matchedTerms,
      titleHighlights: highlightsOf(entry.titleTokens, documentTerms),
      excerpt: excerpt.text,
      excerptHighlights: excerpt.highlights,
    };
  }

  private indexAll(articles: readonly KnowledgeArticle[]): void {
    for (const article of articles) {
      if (this.articles.has(article.id)) this.index.discard(article.id);
      const titleTokens = tokenize(article.title);
      const plainBody = markdownToPlainText(article.body);
      const bodyTokens = tokenize(plainBody);
      const tags = article.tags.flatMap((tag) => tokenize(tag));
      this.index.add({ id: article.id, title: joinTerms(titleTokens), tags: joinTerms(tags), body: joinTerms(bodyTokens) });
      this.articles.set(article.id, { article, titleTokens, plainBody, bodyTokens: compactTokens(bodyTokens, this.dictionary) });
    }
  }

  /** Another connection (the import command) changed the database: index what changed in the table. */
  private catchUp(): void {
    if (!this.db) return;
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    const stored = listKnowledgeArticles(this.db);
    const storedIds = new Set(stored.map((article) => article.id));
    for (const id of [...this.articles.keys()].filter((known) => !storedIds.has(known))) {
      this.index.discard(id);
      this.articles.delete(id);
    }
    this.indexAll(stored.filter((article) => JSON.stringify(this.articles.get(article.id)?.article) !== JSON.stringify(article)));
  }
}
