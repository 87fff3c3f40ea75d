// What a CRM site rule is: where a CRM lives (URL match patterns), how to find the record on its pages
// (selectors) and how to open a record or a search (URL templates). One rule per file under rules/ (in the
// spirit of refined-github's one feature per file); admins will add theirs by policy in the same shape.

/** Selectors that find the record shown on a CRM page. */
export interface RecordSelectors {
  /** Elements holding the customer's phone numbers (their `data-e164` or text). */
  phone: string;
  email: string;
  /** The element carrying the record id; its `data-record-id` attribute is the id. */
  recordId: string;
}

/** URL templates. Placeholders: `{phone}`, `{email}`, `{profileId}`, `{contactId}`, `{attributes.X}`, plus
 *  the rule's own context values (such as `{crmPort}`); every value is URL-encoded (see url-template.ts). */
export interface RecordUrlTemplates {
  /** Opens one customer record. */
  record: string;
  /** Searches the CRM for a number when no single record is known. */
  search: string;
  /** Opens one case (`{caseId}`); optional. */
  case?: string;
}

export interface CrmSiteRule {
  /** Stable id ('demo-crm'), used in settings and logs. */
  id: string;
  /** Shown to agents. */
  name: string;
  /** Chrome match patterns ('http://localhost/customers/*') of the CRM's pages. */
  matches: string[];
  recordSelectors: RecordSelectors;
  urlTemplates: RecordUrlTemplates;
  /** Source of a RegExp (global) that finds case references in page text, e.g. 'CS-\\d{4,}'. */
  caseReferencePattern: string;
  /** Values the templates may use besides the contact's, derived from the session (e.g. the CRM's port). */
  context?: (session: CrmRuleSession) => Record<string, string>;
}

/** What a rule's context may derive values from. */
export interface CrmRuleSession {
  /** The contact center the agent is signed in to ('http://127.0.0.1:8080'). */
  instanceUrl: string | null;
}
