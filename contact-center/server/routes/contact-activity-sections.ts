// The contact details page's sections for what a contact carries beyond its record: the transcript (each segment's
// time, speaker, text and sentiment, and the customer's sentiment first to last and counted), the agents' feedback on
// knowledge articles, and the step-by-step guide recorded on the contact (attribute switchboardGuideCompleted; a
// value that is not a guide record is shown as text). Every value is escaped; a contact without any shows none.
import { COMPLETED_GUIDE_ATTRIBUTE } from '../../../lib/guides/guide-format';
import type { StoredTranscriptSegment } from '../../store/transcript-repository';
import type { TranscriptSentiment } from '../../transcript/transcript-types';
import { escapeHtml } from '../http-kit';
import type { ContactActivitySource, ContactTranscript, KnowledgeFeedbackEntry } from './contact-activity';
import { type ContactDetailsStrings, formatDateTime, type PageLanguage } from './contact-details-strings';

export interface ActivityPage {
  language: PageLanguage;
  text: ContactDetailsStrings;
  timeZone: string | undefined;
}

/** A guide record as the extension writes it: `{"guide":"<id>","outcome":"completed"|"cancelled","at":"<ISO time>"}`. */
export interface GuideRecord {
  guide: string;
  outcome: string;
  /** Epoch ms, or null when `at` is missing or not a time. */
  at: number | null;
  /** `at` as written when it is text but not a time (shown as it is), else null. */
  unreadableAt: string | null;
}

/** The guide record an attribute value holds, or null when it is not JSON or names no guide. */
export function parseGuideRecord(value: string): GuideRecord | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { guide, outcome, at } = parsed as Record<string, unknown>;
  if (typeof guide !== 'string' || guide.trim() === '') return null;
  const time = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  const readable = Number.isFinite(time);
  return { guide, outcome: typeof outcome === 'string' ? outcome : '', at: readable ? time : null, unreadableAt: !readable && typeof at === 'string' && at !== '' ? at : null };
}

/** An offset from the contact's start as m:ss (minutes unbounded), in a <time> with its ISO 8601 duration. */
export function formatOffset(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `<time datetime="PT${seconds}S">${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}</time>`;
}

function dateTime(page: ActivityPage, epochMs: number): string {
  return `<time datetime="${new Date(epochMs).toISOString()}">${escapeHtml(formatDateTime(page.language, epochMs, page.timeZone))}</time>`;
}

function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>\n${body}</section>`;
}

function rowTable(labelledBy: string, rows: [label: string, valueHtml: string][]): string {
  const body = rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('\n');
  return `<table aria-labelledby="${labelledBy}"><tbody>\n${body}\n</tbody></table>`;
}

function columnHeads(labels: string[]): string {
  return `<thead><tr>${labels.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}</tr></thead>`;
}

function speaker(page: ActivityPage, segment: StoredTranscriptSegment): string {
  const role = page.text.activity.transcript.speakers[segment.participantRole] ?? segment.participantRole;
  const name = segment.displayName?.trim();
  return escapeHtml(name && name !== role ? `${role} (${name})` : role);
}

function customerSentiment(page: ActivityPage, segments: StoredTranscriptSegment[]): string {
  const words = page.text.activity.transcript;
  const customer = segments.filter((s) => s.participantRole === 'CUSTOMER');
  if (customer.length === 0) return '';
  const counts: Record<TranscriptSentiment, number> = { POSITIVE: 0, NEUTRAL: 0, NEGATIVE: 0 };
  for (const segment of customer) counts[segment.sentiment] = (counts[segment.sentiment] ?? 0) + 1;
  const first = words.sentiments[customer[0]!.sentiment];
  const last = words.sentiments[customer.at(-1)!.sentiment];
  return `<h3 id="customer-sentiment">${escapeHtml(words.customerSentiment)}</h3>
${rowTable('customer-sentiment', [
  [words.firstToLast, escapeHtml(`${first} → ${last}`)],
  [words.counted, escapeHtml(words.counts(counts))],
])}\n`;
}

export function transcriptSection(page: ActivityPage, transcript: ContactTranscript): string {
  const { segments } = transcript;
  if (segments.length === 0) return '';
  const words = page.text.activity.transcript;
  const rows = segments
    .map(
      (s) =>
        `<tr><th scope="row" class="offset">${formatOffset(s.beginOffsetMillis)}</th><td class="speaker">${speaker(page, s)}</td><td class="prose">${escapeHtml(s.content)}</td><td>${escapeHtml(words.sentiments[s.sentiment] ?? s.sentiment)}</td></tr>`,
    )
    .join('\n');
  const cut = transcript.truncated ? `<p>${escapeHtml(words.truncated(segments.length))}</p>\n` : '';
  return section(
    'transcript',
    words.heading,
    `${customerSentiment(page, segments)}<table aria-labelledby="transcript">${columnHeads([words.columns.offset, words.columns.speaker, words.columns.text, words.columns.sentiment])}<tbody>
${rows}
</tbody></table>\n${cut}`,
  );
}

export function feedbackSection(page: ActivityPage, entries: KnowledgeFeedbackEntry[], agentName: (agentId: string | null) => string): string {
  if (entries.length === 0) return '';
  const words = page.text.activity.feedback;
  const rows = entries
    .map(
      (e) =>
        `<tr><th scope="row">${escapeHtml(e.articleTitle ?? words.unknownArticle(e.articleRef))}</th><td>${escapeHtml(words.ratings[e.relevance] ?? e.relevance)}</td><td>${escapeHtml(words.sources[e.targetType] ?? e.targetType)}</td><td>${dateTime(page, e.at)}</td><td>${agentName(e.agentId)}</td></tr>`,
    )
    .join('\n');
  return section(
    'knowledge-feedback',
    words.heading,
    `<table aria-labelledby="knowledge-feedback">${columnHeads([words.columns.article, words.columns.rating, words.columns.source, words.columns.when, words.columns.agent])}<tbody>
${rows}
</tbody></table>\n`,
  );
}

export function guideSection(page: ActivityPage, attributes: Record<string, string>, guideName: (guideId: string) => string | null): string {
  const value = attributes[COMPLETED_GUIDE_ATTRIBUTE];
  if (value === undefined) return '';
  const words = page.text.activity.guide;
  const record = parseGuideRecord(value);
  if (record === null) return section('guide', words.heading, `<p>${escapeHtml(words.unreadable(COMPLETED_GUIDE_ATTRIBUTE))}</p>\n<p class="prose"><code>${escapeHtml(value)}</code></p>\n`);
  const name = guideName(record.guide);
  const outcome = record.outcome === 'completed' || record.outcome === 'cancelled' ? words.outcomes[record.outcome] : record.outcome;
  const rows: [string, string][] = [[words.fields.guide, escapeHtml(name === null ? record.guide : `${name} (${record.guide})`)]];
  if (outcome !== '') rows.push([words.fields.outcome, escapeHtml(outcome)]);
  if (record.at !== null) rows.push([words.fields.recordedAt, dateTime(page, record.at)]);
  else if (record.unreadableAt !== null) rows.push([words.fields.recordedAt, escapeHtml(record.unreadableAt)]);
  return section('guide', words.heading, `${rowTable('guide', rows)}\n`);
}

/** The sections for what the contact carries, in page order; empty ones are left out. */
export function activitySections(
  page: ActivityPage,
  source: ContactActivitySource,
  contact: { contactId: string; attributes: Record<string, string> },
  agentName: (agentId: string | null) => string,
): string[] {
  return [
    transcriptSection(page, source.transcript(contact.contactId)),
    feedbackSection(page, source.knowledgeFeedback(contact.contactId), agentName),
    guideSection(page, contact.attributes, source.guideName),
  ].filter((html) => html !== '');
}
