// The recommender: while a contact is live, what its customer says (segments of calls, messages of chats, from
// TranscriptEvents) and the contact's attributes and queue are matched against the knowledge articles in the
// contact's language (the knowledge base's matchText: enough distinct words must match, articles of the contact's
// queue rank higher); articles tagged with words of the attributes rank higher still; the best new matches are queued
// as Amazon Q in Connect recommendations of the contact's session, each with a trigger whose data.query.text names
// the words that matched, and the long polls are woken. An article is recommended at most once per session. It runs
// in the segment's own turn (a match takes milliseconds), so a recommendation is ready as soon as the segment is.
import { randomUUID } from 'node:crypto';
import type { KnowledgeSearchHit } from '../knowledge/knowledge-types';
import { termsOf } from '../knowledge/text-tokens';
import type { ContactRecord, QueueDef } from '../model';
import type { RelevanceLevel, StoredRecommendation, TriggerSource } from '../store/qconnect-repository';
import type { TranscriptEvents, TranscriptSegment } from '../transcript/transcript-types';
import { isLanguageAttribute, languageForWords } from './contact-language';
import { documentOf } from './qconnect-documents';
import type { QConnectService } from './qconnect-service';

export interface RecommenderOptions {
  service: QConnectService;
  /** The instance's queues: an article meant for the contact's queue (by name or id) ranks higher. */
  queues: readonly QueueDef[];
  log: (line: string) => void;
}

/** How a match is judged (tuned on the seeded articles; see docs/knowledge-api.md). */
export const RECOMMENDER_RULES = {
  /** Articles matched per sentence before reranking. */
  candidates: 8,
  /** At most this many new recommendations per sentence. */
  perSentence: 3,
  /** Distinct words of the text an article must match (matchText lowers it to 1 for a one-word text). */
  minMatchedWords: 2,
  /** Kept only when at least this share of the best article's score. */
  minShareOfBest: 0.5,
  /** Per attribute word (at most two) among an article's tags. */
  tagBoost: 0.15,
  /** When a sentence alone brings nothing, it is matched with the customer's previous one (a thought often spans two). */
  sentencesInWindow: 2,
} as const;

/** Remembered per live contact. */
interface ContactMemory {
  sessionId: string;
  recentSentences: string[];
  recommended: Set<string>;
  attributesMatched: boolean;
}

const MAX_REMEMBERED_CONTACTS = 2000;
const TEXT_VALUE = /\p{L}{2,}/u;
const NOT_WORDS = /^(\+?[\d\s().-]+|[\w.+-]+@[\w.-]+|https?:\/\/\S+|[0-9a-f]{8}-[0-9a-f-]{27,}|[A-Z]{2}-?\d+)$/i;

/** The attribute values that are words (not numbers, phone numbers, e-mail addresses, URLs, ids or the language). */
export function attributeWords(attributes: Readonly<Record<string, string>>): string[] {
  return Object.entries(attributes)
    .filter(([key, value]) => !isLanguageAttribute(key) && value.length <= 200 && TEXT_VALUE.test(value) && !NOT_WORDS.test(value.trim()))
    .map(([, value]) => value.trim());
}

/** Sentences that make the knowledge base ready (its Japanese word splitter and first excerpts take a few hundred
 *  milliseconds the first time), matched once when the first contact arrives, before its customer speaks. */
const WARM_UP = [
  ['my internet connection keeps dropping', 'en'],
  ['インターネットの接続が切れる', 'ja'],
] as const;

export class Recommender {
  private readonly contacts = new Map<string, ContactMemory>();
  private warmedUp = false;

  constructor(private readonly options: RecommenderOptions) {}

  /** Listens to the transcript's segments; returns the unsubscribe function. */
  listen(events: TranscriptEvents): () => void {
    return events.onSegment((segment) => this.onSegment(segment));
  }

  /** A new segment: the customer's words are matched (the agent's and the system's are not). */
  onSegment(segment: TranscriptSegment): StoredRecommendation[] {
    if (segment.participantRole !== 'CUSTOMER' || segment.content.trim().length === 0) return [];
    try {
      return this.recommendFromWords(segment.contactId, segment.content, 'ISSUE_DETECTION');
    } catch (error) {
      this.options.log(`recommender: segment ${segment.id} of ${segment.contactId} not matched: ${(error as Error).message}`);
      return [];
    }
  }

  /** A contact record changed: its attributes are matched once it is connected; it is forgotten once it ended. */
  contactChanged(record: ContactRecord): StoredRecommendation[] {
    if (!this.warmedUp) this.warmUp();
    if (record.state === 'ended') {
      this.contacts.delete(record.contactId);
      return [];
    }
    if (record.state !== 'connected' || this.contacts.get(record.contactId)?.attributesMatched) return [];
    const memory = this.memoryOf(record.contactId);
    memory.attributesMatched = true;
    const words = attributeWords(record.attributes);
    if (words.length === 0) return [];
    try {
      return this.recommend(record, memory, words.join('. '), 'RULE_EVALUATION');
    } catch (error) {
      this.options.log(`recommender: attributes of ${record.contactId} not matched: ${(error as Error).message}`);
      return [];
    }
  }

  private warmUp(): void {
    this.warmedUp = true;
    setImmediate(() => {
      try {
        for (const [text, language] of WARM_UP) this.options.service.knowledge.matchText(text, { language });
      } catch {
        // The server closed meanwhile: nothing to make ready.
      }
    });
  }

  /** Matches a customer's sentence (with the one before it) for a live contact and queues what is new. */
  recommendFromWords(contactId: string, sentence: string, source: TriggerSource): StoredRecommendation[] {
    const record = this.options.service.contacts.record(contactId);
    // Once the customer has gone (after contact work, or ended), a late line brings nothing.
    if (record === null || record.state === 'ended' || record.state === 'acw' || record.disconnectedAt !== null) return [];
    const memory = this.memoryOf(contactId);
    memory.recentSentences.push(sentence.trim());
    if (memory.recentSentences.length > RECOMMENDER_RULES.sentencesInWindow) memory.recentSentences.shift();
    const alone = this.recommend(record, memory, sentence, source);
    if (alone.length > 0 || memory.recentSentences.length < 2) return alone;
    return this.recommend(record, memory, memory.recentSentences.join('\n'), source);
  }

  private memoryOf(contactId: string): ContactMemory {
    let memory = this.contacts.get(contactId);
    if (memory === undefined) {
      const { sessionId } = this.options.service.sessionOfContact(contactId);
      memory = { sessionId, recentSentences: [], recommended: this.options.service.repository.recommendedContents(sessionId), attributesMatched: false };
      this.contacts.set(contactId, memory);
      if (this.contacts.size > MAX_REMEMBERED_CONTACTS) this.contacts.delete(this.contacts.keys().next().value as string);
    }
    return memory;
  }

  private recommend(record: ContactRecord, memory: ContactMemory, words: string, source: TriggerSource): StoredRecommendation[] {
    const { service } = this.options;
    const language = languageForWords(words, record.attributes);
    const queue = this.options.queues.find((q) => q.id === record.queueId)?.name;
    const hits = service.knowledge.matchText(words, { language, queue, limit: RECOMMENDER_RULES.candidates, minMatchedTerms: RECOMMENDER_RULES.minMatchedWords });
    const ranked = this.rerank(hits, record);
    const best = ranked[0]?.score ?? 0;
    const now = service.now();
    const chosen: StoredRecommendation[] = [];
    for (const { hit, score, contextWords } of ranked) {
      if (chosen.length >= RECOMMENDER_RULES.perSentence) break;
      const matched = distinct(hit.matchedTerms);
      if (score < best * RECOMMENDER_RULES.minShareOfBest || !isAbout(hit)) continue;
      const document = documentOf(service.ids, hit);
      const contentId = service.contentOf(document, hit.article);
      if (memory.recommended.has(contentId)) continue;
      const share = best > 0 ? score / best : 0;
      chosen.push({
        recommendationId: randomUUID(),
        sessionId: memory.sessionId,
        contactId: record.contactId,
        contentId,
        relevanceScore: Math.round(share * (matched.length / (matched.length + 1)) * 1000) / 1000,
        relevanceLevel: levelOf(matched.length, hit.titleHighlights.length > 0, share),
        triggerId: randomUUID(),
        triggerSource: source,
        triggerText: distinct([...matched, ...contextWords]).join(', '),
        documentJson: JSON.stringify(document),
        createdAt: now,
        notifiedAt: null,
      });
    }
    const queued = service.queueRecommendations(chosen);
    for (const r of queued) memory.recommended.add(r.contentId);
    return queued;
  }

  /** Boosts articles tagged with words of the contact's attributes (the queue was weighed by matchText). */
  private rerank(hits: readonly KnowledgeSearchHit[], record: ContactRecord) {
    const attributeText = attributeWords(record.attributes).join(' ').toLowerCase();
    return hits
      .map((hit) => {
        const contextWords = attributeText.length === 0 ? [] : hit.article.tags.filter((tag) => tag.length > 1 && attributeText.includes(tag.toLowerCase()));
        return { hit, score: hit.score * (1 + RECOMMENDER_RULES.tagBoost * Math.min(2, contextWords.length)), contextWords };
      })
      .sort((a, b) => b.score - a.score);
  }
}

/** Whether the article is about the matched words: one is in its title or among its tags (words only in the
 *  body, such as "call" in "thanks for taking my call", are not enough). */
function isAbout(hit: KnowledgeSearchHit): boolean {
  if (hit.titleHighlights.length > 0) return true;
  const tagTerms = new Set(termsOf(hit.article.tags.join(' ')));
  return hit.matchedTerms.some((word) => termsOf(word).some((term) => tagTerms.has(term)));
}

function distinct(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function levelOf(matchedWords: number, inTitle: boolean, shareOfBest: number): RelevanceLevel {
  if (shareOfBest >= 0.8 && (matchedWords >= 3 || inTitle)) return 'HIGH';
  return shareOfBest >= 0.6 ? 'MEDIUM' : 'LOW';
}
