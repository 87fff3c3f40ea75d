// Which guide opens for a contact: the one its DefaultFlowForAgentUI attribute names (as Connect's handler flows
// set it: a guide id, or a flow ARN ending in it), else the most specific guide whose AppliesTo matches the
// contact's queue, channel and attributes. Among guides of one Topic, the one in the panel's language; guides from
// the admin's policy replace the contact center's of the same id.
import { DEFAULT_GUIDE_ATTRIBUTE, type GuideChannel, type GuideDocument, type GuideLanguage, type SourcedGuide } from './guide-format';

export interface GuideContact {
  channel: 'voice' | 'chat' | 'task';
  queueName: string | null;
  /** The queue's id, when known (AppliesTo.Queues may name either). */
  queueId?: string | null;
  attributes: Record<string, string>;
}

/** Policy first, then the contact center's guides whose id no policy guide has. */
export function mergeGuides(policy: GuideDocument[], contactCenter: GuideDocument[]): SourcedGuide[] {
  const ids = new Set(policy.map((g) => g.Id));
  return [...policy.map((guide) => ({ guide, source: 'policy' as const })), ...contactCenter.filter((g) => !ids.has(g.Id)).map((guide) => ({ guide, source: 'contact-center' as const }))];
}

const CHANNELS: Record<GuideContact['channel'], GuideChannel> = { voice: 'VOICE', chat: 'CHAT', task: 'TASK' };

/** How many conditions the guide sets and the contact meets, or -1 when one is not met. */
export function matchScore(guide: GuideDocument, contact: GuideContact): number {
  const applies = guide.AppliesTo;
  if (!applies) return -1; // a guide without AppliesTo opens only when a contact names it
  let score = 0;
  if (applies.Queues) {
    const names = [contact.queueName, contact.queueId].filter((n): n is string => !!n).map((n) => n.toLowerCase());
    if (!applies.Queues.some((q) => names.includes(q.toLowerCase()))) return -1;
    score++;
  }
  if (applies.Channels) {
    if (!applies.Channels.includes(CHANNELS[contact.channel])) return -1;
    score++;
  }
  for (const [name, wanted] of Object.entries(applies.Attributes ?? {})) {
    const value = contact.attributes[name];
    if (value === undefined || !([] as string[]).concat(wanted).includes(value)) return -1;
    score++;
  }
  return score;
}

const topicOf = (guide: GuideDocument) => guide.Topic ?? guide.Id;

/** The guide of `wanted`'s topic in `language`, else `wanted` itself. */
function inLanguage(wanted: SourcedGuide, guides: SourcedGuide[], language: GuideLanguage): SourcedGuide {
  if (wanted.guide.Language === language) return wanted;
  return guides.find((g) => topicOf(g.guide) === topicOf(wanted.guide) && g.guide.Language === language) ?? wanted;
}

/** The guide id a DefaultFlowForAgentUI value names (`router-keeps-dropping`, or `arn:…:contact-flow/router-keeps-dropping`). */
export const namedGuideId = (value: string): string => value.trim().replace(/^arn:.*\/contact-flow\//, '');

export function chooseGuide(guides: SourcedGuide[], contact: GuideContact, language: GuideLanguage): SourcedGuide | null {
  const named = contact.attributes[DEFAULT_GUIDE_ATTRIBUTE];
  if (named) {
    const id = namedGuideId(named);
    const found = guides.find((g) => g.guide.Id === id);
    if (found) return inLanguage(found, guides, language);
  }
  let best: { guide: SourcedGuide; score: number; index: number } | null = null;
  guides.forEach((candidate, index) => {
    const score = matchScore(candidate.guide, contact);
    if (score < 0) return;
    // More conditions met wins; then the panel's language; then the list order (policy first).
    const better =
      !best ||
      score > best.score ||
      (score === best.score && candidate.guide.Language === language && best.guide.guide.Language !== language);
    if (better) best = { guide: candidate, score, index };
  });
  const chosen = best as { guide: SourcedGuide } | null;
  return chosen ? inLanguage(chosen.guide, guides, language) : null;
}
