// Turns a rule and a contact into CRM URLs: the rule's context values (e.g. the demo CRM's port), the
// configured extra values, then the contact's phone, email, profile id, contact id and attributes.
import type { CrmSiteRule } from './crm-rule';
import { fillUrlTemplate } from './url-template';

export interface RecordTemplateInput {
  instanceUrl: string | null;
  /** Extra template values from settings (override the rule's context). */
  extraValues?: Record<string, string>;
  phone?: string | null;
  email?: string | null;
  profileId?: string | null;
  contactId?: string | null;
  caseId?: string | null;
  attributes?: Record<string, string>;
}

function valuesFor(rule: CrmSiteRule, input: RecordTemplateInput): Record<string, string | null | undefined> {
  return {
    ...(rule.context?.({ instanceUrl: input.instanceUrl }) ?? {}),
    ...(input.extraValues ?? {}),
    phone: input.phone,
    email: input.email,
    profileId: input.profileId,
    contactId: input.contactId,
    caseId: input.caseId,
  };
}

/** The record URL; throws UnknownPlaceholderError when a value it needs is missing. */
export function recordUrl(rule: CrmSiteRule, input: RecordTemplateInput): string {
  return fillUrlTemplate(rule.urlTemplates.record, { values: valuesFor(rule, input), attributes: input.attributes });
}

/** The search URL; throws UnknownPlaceholderError when a value it needs is missing. */
export function searchUrl(rule: CrmSiteRule, input: RecordTemplateInput): string {
  return fillUrlTemplate(rule.urlTemplates.search, { values: valuesFor(rule, input), attributes: input.attributes });
}

/** The case URL, or null when the rule has no case template or a value is missing. */
export function caseUrl(rule: CrmSiteRule, input: RecordTemplateInput): string | null {
  if (!rule.urlTemplates.case) return null;
  try {
    return fillUrlTemplate(rule.urlTemplates.case, { values: valuesFor(rule, input), attributes: input.attributes });
  } catch {
    return null;
  }
}
