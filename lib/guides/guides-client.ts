// Reads the contact center's guides the way Amazon Connect's flows are read: ListContactFlows, then
// DescribeContactFlow for each (its Content is the flow JSON; language, topic and AppliesTo travel in Tags), with
// the signed-in agent's session (cookies), as the extension reads Cases. Every guide is checked again here: one
// the validator refuses is left out and reported with its problems, the others still load.
import type { GuideDocument } from './guide-format';
import { validateGuide, type GuideProblem } from './validate-guide';

export type GuideFetch = (url: string, init: RequestInit) => Promise<Response>;

export const GUIDE_TAGS = { language: 'switchboard:language', topic: 'switchboard:topic', appliesTo: 'switchboard:appliesTo' } as const;

export class GuidesCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GuidesCallError';
  }
}

export interface ContactCenterGuides {
  guides: GuideDocument[];
  /** Guides the contact center serves that this version refuses, by id. */
  refused: { id: string; problems: GuideProblem[] }[];
}

/** The instance id in any ARN of the instance (`arn:aws:connect:<region>:<account>:instance/<id>/…`), or null. */
export function instanceIdOfArn(arn: string | undefined | null): string | null {
  return /^arn:aws[\w-]*:connect:[^:]*:[^:]*:instance\/([^/]+)/.exec(arn ?? '')?.[1] ?? null;
}

interface ContactFlow {
  Id?: string;
  Name?: string;
  Description?: string;
  Content?: string;
  Tags?: Record<string, string>;
}

/** A DescribeContactFlow answer as a guide document (not yet checked). */
export function guideFromContactFlow(flow: ContactFlow): unknown {
  const tags = flow.Tags ?? {};
  let appliesTo: unknown;
  try {
    appliesTo = tags[GUIDE_TAGS.appliesTo] === undefined ? undefined : (JSON.parse(tags[GUIDE_TAGS.appliesTo]) as unknown);
  } catch {
    appliesTo = tags[GUIDE_TAGS.appliesTo]; // the validator says what is wrong with it
  }
  return {
    Id: flow.Id,
    Name: flow.Name,
    ...(flow.Description ? { Description: flow.Description } : {}),
    Language: tags[GUIDE_TAGS.language],
    ...(tags[GUIDE_TAGS.topic] ? { Topic: tags[GUIDE_TAGS.topic] } : {}),
    ...(appliesTo === undefined ? {} : { AppliesTo: appliesTo }),
    Content: flow.Content,
  };
}

export interface GuidesClientOptions {
  /** The instance's base URL (the local contact center's origin). */
  baseUrl: string;
  instanceId: string;
  fetch?: GuideFetch;
  /** Extra headers (tests: the session cookie and the extension's Origin, which a browser sets itself). */
  headers?: Record<string, string>;
}

export async function fetchContactCenterGuides(options: GuidesClientOptions): Promise<ContactCenterGuides> {
  const fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  const base = options.baseUrl.replace(/\/+$/, '');
  const instance = encodeURIComponent(options.instanceId);
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetchImpl(`${base}${path}`, { credentials: 'include', headers: { Accept: 'application/json', ...options.headers } });
    const body = (await response.json().catch(() => null)) as (T & { message?: string }) | null;
    if (!response.ok || body === null) throw new GuidesCallError(response.status, body?.message ?? `the contact center answered ${response.status}`);
    return body;
  };
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await get<{ ContactFlowSummaryList?: { Id?: string }[]; NextToken?: string }>(
      `/contact-flows-summary/${instance}?contactFlowTypes=CONTACT_FLOW${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`,
    );
    for (const summary of page.ContactFlowSummaryList ?? []) if (summary.Id) ids.push(summary.Id);
    token = page.NextToken;
  } while (token && ids.length < 1000);
  const described = await Promise.all(ids.map((id) => get<{ ContactFlow?: ContactFlow }>(`/contact-flows/${instance}/${encodeURIComponent(id)}`)));
  const result: ContactCenterGuides = { guides: [], refused: [] };
  described.forEach((answer, index) => {
    const checked = validateGuide(guideFromContactFlow(answer.ContactFlow ?? {}));
    if (checked.ok) result.guides.push(checked.guide);
    else result.refused.push({ id: ids[index], problems: checked.problems });
  });
  return result;
}
