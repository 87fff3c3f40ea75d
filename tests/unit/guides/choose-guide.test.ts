// Choosing the guide for a contact: DefaultFlowForAgentUI first (an id or a flow ARN), else the most specific
// AppliesTo match; the panel's language among a topic's guides; the admin's policy guides replace the contact
// center's of the same id.
import { describe, expect, it } from 'vitest';
import { chooseGuide, matchScore, mergeGuides, type GuideContact } from '../../../lib/guides/choose-guide';
import type { GuideDocument } from '../../../lib/guides/guide-format';
import { seedFiles, seededGuide } from './guide-fixtures';

const seeded = seedFiles().map(seededGuide);
const all = mergeGuides([], seeded);
const call = (queueName: string | null, attributes: Record<string, string> = {}): GuideContact => ({ channel: 'voice', queueName, attributes });
const chosenId = (contact: GuideContact, language: 'en' | 'ja' = 'en', guides = all) => chooseGuide(guides, contact, language)?.guide.Id ?? null;

describe('choosing a guide', () => {
  it('opens each queue’s guide in the panel’s language', () => {
    expect(chosenId(call('Support'))).toBe('router-keeps-dropping');
    expect(chosenId(call('Support'), 'ja')).toBe('ja-router-keeps-dropping');
    expect(chosenId(call('BasicQueue'))).toBe('change-of-address');
    expect(chosenId(call('Billing'), 'ja')).toBe('ja-billing-dispute');
    expect(chosenId(call('Sales'))).toBeNull();
    expect(chosenId(call(null))).toBeNull();
  });

  it('follows DefaultFlowForAgentUI, by id or ARN, and then the panel’s language', () => {
    expect(chosenId(call('Support', { DefaultFlowForAgentUI: 'billing-dispute' }))).toBe('billing-dispute');
    expect(chosenId(call(null, { DefaultFlowForAgentUI: 'arn:aws:connect:ap-northeast-1:1:instance/x/contact-flow/billing-dispute' }), 'ja')).toBe('ja-billing-dispute');
    // A name no guide has: the queue's guide still opens.
    expect(chosenId(call('Support', { DefaultFlowForAgentUI: 'nope' }))).toBe('router-keeps-dropping');
  });

  it('prefers the guide whose AppliesTo says more, and checks channel and attributes', () => {
    const vip: GuideDocument = { ...seeded[0], Id: 'vip', Topic: 'vip', Language: 'en', AppliesTo: { Queues: ['support'], Channels: ['VOICE'], Attributes: { tier: ['gold', 'platinum'] } } };
    const guides = mergeGuides([vip], seeded);
    expect(chosenId(call('Support', { tier: 'gold' }), 'en', guides)).toBe('vip');
    expect(chosenId(call('Support', { tier: 'silver' }), 'en', guides)).toBe('router-keeps-dropping');
    expect(chosenId({ channel: 'chat', queueName: 'Support', attributes: { tier: 'gold' } }, 'en', guides)).toBe('router-keeps-dropping');
    expect(matchScore(vip, call('Support', { tier: 'platinum' }))).toBe(3);
    expect(matchScore({ ...vip, AppliesTo: undefined }, call('Support'))).toBe(-1);
  });

  it('lets a policy guide replace the contact center’s guide of the same id', () => {
    const mine: GuideDocument = { ...seeded.find((g) => g.Id === 'router-keeps-dropping')!, Name: 'Ours' };
    const merged = mergeGuides([mine], seeded);
    expect(merged.filter((g) => g.guide.Id === 'router-keeps-dropping')).toEqual([{ guide: mine, source: 'policy' }]);
    expect(chooseGuide(merged, call('Support'), 'en')).toEqual({ guide: mine, source: 'policy' });
  });
});
