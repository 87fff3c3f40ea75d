// Fills CRM URL templates ('http://crm/customers/{profileId}?q={phone}'): every value is URL-encoded with
// encodeURIComponent (a hostile value such as 'a&b=c/../' cannot add parameters or walk up the path), and a
// placeholder without a value is an error, never silently left empty. The one exception is a placeholder that
// starts the template ('{crmBase}/customers/{profileId}'): it is the CRM's base URL, from settings, inserted as
// is but only when it is an http(s) URL.

export class UnknownPlaceholderError extends Error {
  constructor(
    readonly placeholder: string,
    readonly template: string,
  ) {
    super(`the URL template "${template}" uses {${placeholder}}, which has no value here`);
    this.name = 'UnknownPlaceholderError';
  }
}

export interface TemplateInput {
  /** Plain values: phone, email, profileId, contactId and the rule's context values. */
  values: Record<string, string | null | undefined>;
  /** Contact attributes, reachable as `{attributes.X}`. */
  attributes?: Record<string, string>;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The names the template uses, in order ('attributes.X' for attributes). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** `value` as a base URL without its trailing slashes, or null when it is not an http(s) URL. */
function baseUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

/** Fills `template`; throws UnknownPlaceholderError for a placeholder without a value (or a base that is not
 *  an http(s) URL). */
export function fillUrlTemplate(template: string, input: TemplateInput): string {
  return template.replace(PLACEHOLDER, (_whole, name: string, offset: number) => {
    let value: string | null | undefined;
    if (name.startsWith('attributes.')) {
      const key = name.slice('attributes.'.length);
      value = input.attributes && Object.hasOwn(input.attributes, key) ? input.attributes[key] : undefined;
    } else if (Object.hasOwn(input.values, name)) {
      value = input.values[name];
    }
    if (value === undefined || value === null || value === '') throw new UnknownPlaceholderError(name, template);
    if (offset === 0) {
      const base = baseUrl(value);
      if (base === null) throw new UnknownPlaceholderError(name, template);
      return base;
    }
    return encodeURIComponent(value);
  });
}
