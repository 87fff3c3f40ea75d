// What the guide component tests share: the seeded guides served as the local contact center serves them
// (ListContactFlows, DescribeContactFlow, UpdateContactAttributes), a fetch that answers those and records the
// attribute writes, a workspace engine with Taro's profile and the seeded Technical support template, and a mount.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { CommandResult } from '@/lib/session/commands';
import type { ContactView } from '@/lib/session/snapshot';
import type { CaseSummary, CaseTemplate, WorkspaceAnswer, WorkspaceRequest } from '@/lib/workspace/workspace-requests';
import ContactGuide from '@/components/workspace/guides/ContactGuide.vue';
import { voiceContact } from '../softphone-fixture';
import { HISTORY, mountLookedUp, TARO } from '../workspace/workspace-test-kit';

const SEED_DIR = join(__dirname, '../../../contact-center/seed/guides');
export const SEEDED = readdirSync(SEED_DIR).map((f) => JSON.parse(readFileSync(join(SEED_DIR, f), 'utf8')) as { Id: string; Name: string; Language: string; Topic: string; AppliesTo: unknown; Content: unknown });

export const FIELD = {
  account: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f01',
  priority: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f02',
  product: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f03',
  devices: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f04',
  callback: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f05',
};
export const TECH_TEMPLATE: CaseTemplate = {
  templateId: '7a2b9c40-1d3e-4f5a-8b6c-0d1e2f3a4b01',
  name: 'Technical support',
  fields: [
    { id: FIELD.account, name: 'Account number', type: 'Text', required: false, options: [] },
    { id: FIELD.priority, name: 'Priority', type: 'SingleSelect', required: true, options: [{ name: 'High', value: 'high' }] },
    { id: FIELD.product, name: 'Product or device', type: 'Text', required: false, options: [] },
    { id: FIELD.devices, name: 'Devices affected', type: 'Number', required: false, options: [] },
    { id: FIELD.callback, name: 'Callback requested', type: 'Boolean', required: false, options: [] },
    { id: 'summary', name: 'Summary', type: 'Text', required: false, options: [] },
  ],
  attributeMapping: { accountNumber: FIELD.account },
};

export interface GuideServer {
  /** The attribute writes (UpdateContactAttributes), in order. */
  writes: { contactId: string; attributes: Record<string, string> }[];
  /** How many times the guides were listed. */
  lists: number;
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Stubs fetch with the local contact center's guide and attribute routes. */
export function serveGuides(): GuideServer {
  const server: GuideServer = { writes: [], lists: 0 };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    if (path.startsWith('/contact-flows-summary/demo')) {
      server.lists++;
      return json({ ContactFlowSummaryList: SEEDED.map((g) => ({ Id: g.Id, Name: g.Name, ContactFlowType: 'CONTACT_FLOW' })) });
    }
    const described = /^\/contact-flows\/demo\/(.+)$/.exec(path);
    if (described) {
      const guide = SEEDED.find((g) => g.Id === decodeURIComponent(described[1]));
      if (!guide) return json({ message: 'no such flow' }, 404);
      const Tags = { 'switchboard:language': guide.Language, 'switchboard:topic': guide.Topic, 'switchboard:appliesTo': JSON.stringify(guide.AppliesTo) };
      return json({ ContactFlow: { Id: guide.Id, Name: guide.Name, Type: 'CONTACT_FLOW', Content: JSON.stringify(guide.Content), Tags } });
    }
    const attributes = /^\/api\/v1\/contacts\/([^/]+)\/attributes$/.exec(path);
    if (attributes && init?.method === 'POST') {
      server.writes.push({ contactId: decodeURIComponent(attributes[1]), attributes: (JSON.parse(String(init.body)) as { Attributes: Record<string, string> }).Attributes });
      return json({ ok: true });
    }
    return json({ message: `not served: ${path}` }, 404);
  });
  return server;
}

/** A workspace engine with Taro's profile and the template; case-create answers `caseResult` and lists the case. */
export function guideEngine(options: { caseResult?: CommandResult } = {}) {
  const requests: WorkspaceRequest[] = [];
  let created: CaseSummary[] = [];
  const answer = (request: WorkspaceRequest): WorkspaceAnswer | CommandResult => {
    requests.push(request);
    switch (request.op) {
      case 'customer-for-contact':
        return { profiles: [TARO], lookedUpBy: [{ key: '_phone', value: TARO.PhoneNumber }], history: HISTORY };
      case 'case-templates':
        return { templates: [TECH_TEMPLATE] };
      case 'case-create':
        if (options.caseResult) return options.caseResult;
        created = [{ caseId: 'case-new', referenceNumber: 'CASE-2026-0100', title: 'Router keeps dropping the connection', status: 'open', updatedAt: null }];
        return { caseId: 'case-new' };
      case 'cases-of-profile':
        return { cases: created };
      default:
        return {};
    }
  };
  return { answer, requests };
}

export const supportCall = (overrides: Partial<ContactView> = {}) =>
  voiceContact({ state: 'connected', queueName: 'Support', attributes: { accountNumber: 'AC-1001' }, ...overrides });

export async function mountGuide(options: { contact?: ContactView; language?: 'en' | 'ja'; engine?: ReturnType<typeof guideEngine>; closed?: boolean } = {}) {
  const contact = options.contact ?? supportCall();
  const engine = options.engine ?? guideEngine();
  const mounted = await mountLookedUp(ContactGuide, engine.answer, { contact, language: options.language, props: { contact, closed: options.closed ?? false } });
  return { ...mounted, engine };
}
