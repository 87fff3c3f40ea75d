// The CRM site rules in force: the admin's (setting `crm.rules`) first, then the built-in ones unless the
// admin switched them off (`crm.builtInRules`); and which of them serves a given page.
import type { CrmRuleSetting, Settings } from '../settings/schema';
import { BUILT_IN_RULES } from './built-in-rules';
import type { CrmSiteRule } from './crm-rule';
import { matchesAnyPattern } from './match-pattern';

/** A rule as settings give it, in the runtime shape (policy rules have no context function: their extra
 *  template values come from `screenPop.templateValues`). */
export const ruleFromSetting = (rule: CrmRuleSetting): CrmSiteRule => ({
  id: rule.id,
  name: rule.name,
  matches: [...rule.matches],
  recordSelectors: { ...rule.recordSelectors },
  urlTemplates: { ...rule.urlTemplates },
  caseReferencePattern: rule.caseReferencePattern,
});

export function activeRules(settings: Pick<Settings, 'crm.rules' | 'crm.builtInRules'>): CrmSiteRule[] {
  const fromSettings = settings['crm.rules'].map(ruleFromSetting);
  const builtIn = settings['crm.builtInRules'] ? BUILT_IN_RULES.filter((rule) => !fromSettings.some((own) => own.id === rule.id)) : [];
  return [...fromSettings, ...builtIn];
}

/** The rule whose pages include `url`, if any. */
export function ruleForPage(rules: readonly CrmSiteRule[], url: string | undefined): CrmSiteRule | null {
  if (!url) return null;
  return rules.find((rule) => matchesAnyPattern(rule.matches, url)) ?? null;
}

/** The rule to open records with: the one of the page the agent is on, else the first in force. */
export const ruleForScreenPop = (rules: readonly CrmSiteRule[], activeUrl: string | undefined): CrmSiteRule | null =>
  ruleForPage(rules, activeUrl) ?? rules[0] ?? null;
