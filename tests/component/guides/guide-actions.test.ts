// The guide's Switchboard actions over a fake panel: which session command or workspace call each makes (a task
// for the quick connect named, a transfer that is a consult on a call and a transfer on a chat, the CRM record the
// screen pop found), the case's fields typed by the template, the profile's fields placed, the chat's draft, and
// the reasons given when an action cannot run.
import { describe, expect, it } from 'vitest';
import { caseFieldsOf, profileFieldsOf, runGuideAction, type GuideActionContext } from '@/components/workspace/guides/guide-actions';
import type { ActionRequest } from '@/lib/guides/guide-interpreter';
import type { SessionCommand } from '@/lib/session/commands';
import { emptySnapshot, type ContactView } from '@/lib/session/snapshot';
import type { CaseTemplate } from '@/lib/workspace/workspace-requests';
import type { ContactCustomer } from '@/stores/workspace';

const TEMPLATE: CaseTemplate = {
  templateId: 'tpl',
  name: 'Technical support',
  fields: [
    { id: 'f-n', name: 'Devices', type: 'Number', required: false, options: [] },
    { id: 'f-b', name: 'Callback', type: 'Boolean', required: false, options: [] },
    { id: 'f-d', name: 'Follow up', type: 'DateTime', required: false, options: [] },
    { id: 'f-t', name: 'Account', type: 'Text', required: false, options: [] },
  ],
  attributeMapping: { accountNumber: 'f-t' },
};

const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? ` ${JSON.stringify(params)}` : ''}`;

function context(channel: ContactView['channel'] = 'voice', customer: Partial<ContactCustomer> = { chosenProfileId: 'p-1' }) {
  const commands: SessionCommand[] = [];
  const opened: string[] = [];
  const drafts: string[] = [];
  const created: unknown[] = [];
  const contact = { id: 'c-1', channel, attributes: { accountNumber: 'AC-1' } } as unknown as ContactView;
  const snapshot = {
    ...emptySnapshot(0),
    quickConnects: [{ arn: 'arn:qc/esc', name: 'Escalation desk', kind: 'phone' as const, phoneNumber: '+81355500123' }],
    profileChoices: { 'c-1': { profiles: [{ profileId: 'p-1', name: 'Taro', accountNumber: null, openCases: 0, recordUrl: 'https://crm.example/p-1' }], chosenProfileId: null } },
  };
  const ctx: GuideActionContext = {
    contact,
    snapshot: () => snapshot,
    customer: () => ({ profiles: { status: 'ready', value: { found: [], lookedUpBy: [] } }, history: { status: 'idle' }, cases: { status: 'ready', value: [{ caseId: 'k-9', referenceNumber: 'CASE-9', title: '', status: 'open', updatedAt: null }] }, lookup: { status: 'absent' }, chosenProfileId: null, ...customer }),
    lookUp: async () => undefined,
    createProfile: async (_c, fields) => (created.push(fields), { ok: true, profileId: 'p-new' }),
    templates: () => ({ status: 'ready', value: [TEMPLATE] }),
    loadTemplates: async () => undefined,
    createCase: async (...args) => (created.push(args), { ok: true, caseId: 'k-9' }),
    run: async (command) => (commands.push(command), command.type === 'task-create' ? { ok: true, value: { contactId: 'task-1' } } : { ok: true }),
    insertDraftText: (_c, text) => drafts.push(text),
    openUrl: (url) => opened.push(url),
    t,
    errorText: (error) => `error ${error.code}`,
    lookUpWaitMs: 0,
  };
  return { ctx, commands, opened, drafts, created };
}

const action = (type: ActionRequest['type'], parameters: Record<string, unknown> = {}): ActionRequest => ({ actionId: 'a', type, parameters });

describe('the guide’s actions', () => {
  it('creates the case with the template’s mapping and typed fields, linked to the contact', async () => {
    const { ctx, created } = context();
    const outcome = await runGuideAction(action('Switchboard.CreateCase', { TemplateId: 'tpl', Fields: { title: 'T', 'f-n': '3', 'f-b': 'true', 'f-d': '2026-12-24' }, LinkContact: true }), ctx);
    expect(outcome).toEqual({ ok: true, results: { Case: { CaseId: 'k-9', ReferenceNumber: 'CASE-9' } } });
    expect(created).toEqual([['c-1', 'tpl', 'p-1', { title: 'T', 'f-t': 'AC-1', 'f-n': 3, 'f-b': true, 'f-d': '2026-12-24T00:00:00.000Z' }, true]]);
  });

  it('refuses a case without a chosen profile, of an unknown template, or with a value its field cannot take', async () => {
    expect(await runGuideAction(action('Switchboard.CreateCase', { TemplateId: 'tpl', Fields: { title: 'T' } }), context('voice', { chosenProfileId: null }).ctx)).toEqual({ ok: false, message: 'guides.errors.noProfile' });
    expect(await runGuideAction(action('Switchboard.CreateCase', { TemplateId: 'other', Fields: { title: 'T' } }), context().ctx)).toEqual({ ok: false, message: 'guides.errors.noTemplate {"template":"other"}' });
    expect(caseFieldsOf(TEMPLATE, { 'f-n': 'two' }, {}, t)).toBe('guides.errors.notANumber {"field":"Devices","value":"two"}');
    expect(caseFieldsOf(TEMPLATE, { 'f-x': '1' }, {}, t)).toBe('guides.errors.unknownCaseField {"field":"f-x","template":"Technical support"}');
    expect(caseFieldsOf(TEMPLATE, { 'f-n': '', summary: ' ' }, {}, t)).toEqual({});
  });

  it('creates a task for the quick connect named, following up the contact', async () => {
    const { ctx, commands } = context();
    const outcome = await runGuideAction(action('Switchboard.CreateTask', { Name: 'Letter', Description: 'Send it', QuickConnect: 'escalation desk', References: { Postcode: '100-0001', Page: 'https://x.example/a', Empty: '' } }), ctx);
    expect(outcome).toEqual({ ok: true, results: { Task: { ContactId: 'task-1' } } });
    expect(commands).toEqual([
      {
        type: 'task-create',
        task: {
          quickConnectArn: 'arn:qc/esc',
          name: 'Letter',
          description: 'Send it',
          references: [
            { name: 'Postcode', type: 'STRING', value: '100-0001' },
            { name: 'Page', type: 'URL', value: 'https://x.example/a' },
          ],
          scheduledTime: null,
          relatedContactId: 'c-1',
          templateId: null,
        },
      },
    ]);
    expect(await runGuideAction(action('Switchboard.CreateTask', { Name: 'x', QuickConnect: 'Nobody' }), ctx)).toEqual({ ok: false, message: 'guides.errors.noQuickConnect {"name":"Nobody"}' });
  });

  it('transfers a call as a consult and a chat as a transfer', async () => {
    const call = context('voice');
    await runGuideAction(action('Switchboard.TransferToQuickConnect', { QuickConnect: 'Escalation desk' }), call.ctx);
    expect(call.commands).toEqual([{ type: 'add-connection', contactId: 'c-1', target: { quickConnectArn: 'arn:qc/esc' } }]);
    const chat = context('chat');
    await runGuideAction(action('Switchboard.TransferToQuickConnect', { QuickConnect: 'arn:qc/esc' }), chat.ctx);
    expect(chat.commands).toEqual([{ type: 'transfer', contactId: 'c-1', quickConnectArn: 'arn:qc/esc' }]);
  });

  it('opens the CRM record through the screen pop’s choice, and http(s) URLs only', async () => {
    const { ctx, commands, opened } = context();
    expect(await runGuideAction(action('Switchboard.OpenCrmRecord'), ctx)).toEqual({ ok: true });
    expect(commands).toEqual([{ type: 'choose-profile', contactId: 'c-1', profileId: 'p-1' }]);
    expect(await runGuideAction(action('Switchboard.OpenUrl', { Url: 'https://billing.example.com/i/1' }), ctx)).toEqual({ ok: true });
    expect(await runGuideAction(action('Switchboard.OpenUrl', { Url: 'javascript:alert(1)' }), ctx)).toMatchObject({ ok: false });
    expect(opened).toEqual(['https://billing.example.com/i/1']);
  });

  it('puts the article’s text in a chat’s draft, and refuses on a call', async () => {
    const chat = context('chat');
    expect(await runGuideAction(action('Switchboard.InsertArticle', { ArticleId: 'router-keeps-dropping', Text: 'Restart it.' }), chat.ctx)).toEqual({ ok: true });
    expect(chat.drafts).toEqual(['Restart it.']);
    expect(await runGuideAction(action('Switchboard.InsertArticle', { Text: 'x' }), context('voice').ctx)).toEqual({ ok: false, message: 'guides.errors.notChat' });
  });

  it('looks the profile up and creates one with its fields in their places', async () => {
    expect(await runGuideAction(action('Switchboard.LookUpProfile'), context().ctx)).toEqual({ ok: true, results: { Profile: { ProfileId: 'p-1' } } });
    const { ctx, created } = context();
    expect(await runGuideAction(action('Switchboard.CreateProfile', { Fields: { FirstName: 'Hanako', City: 'Osaka', PostalCode: '530-0001', favouriteColour: 'blue', LastName: ' ' } }), ctx)).toEqual({ ok: true, results: { Profile: { ProfileId: 'p-new' } } });
    expect(created).toEqual([{ FirstName: 'Hanako', Address: { City: 'Osaka', PostalCode: '530-0001' }, Attributes: { favouriteColour: 'blue' } }]);
    expect(profileFieldsOf({})).toEqual({});
  });
});
