// The extension's own Cases client (lib/workspace/cases-client.ts) and its answers to the panel's case requests
// (answerCaseRequest) against the local contact center, sent with the signed-in agent's session cookie from the
// extension's origin: a customer's cases, the templates with their fields, options and attribute mapping, a case
// created (once, for a command sent again) with the call linked, read with its activity, commented, updated, and a
// refusal kept as the service's exception.
import { describe, expect, it } from 'vitest';
import { CASES_BASE_PATH } from '../../../contact-center/cases/cases-model';
import { customerProfilesDomainName } from '../../../contact-center/profiles/profile-model';
import { answerCaseRequest, type CaseRequest, type CaseRequestContext } from '../../../lib/workspace/case-requests';
import { CasesCallError, CasesClient } from '../../../lib/workspace/cases-client';
import { DEMO_CASE_FIELD_IDS, DEMO_CASE_TEMPLATE_IDS, TARO, useCasesFixture } from './cases-fixture';

const f = useCasesFixture();
const JA = DEMO_CASE_FIELD_IDS.ja;
const EXTENSION = `chrome-extension://${'ponmlkjihgfedcba'.repeat(2)}`;

function context(commandId?: string): CaseRequestContext {
  const { cc, domainId, cookie, arns } = f();
  const client = new CasesClient({ baseUrl: `${cc.url}${CASES_BASE_PATH}`, domainId, fetch: globalThis.fetch, headers: { Cookie: cookie, Origin: EXTENSION } });
  return { client, instanceArn: arns.instance, profilesDomain: async () => customerProfilesDomainName(cc.engine.instance), commandId };
}

const ask = (request: CaseRequest, commandId?: string) => answerCaseRequest(request, context(commandId));

/** agent1's connected call from Taro Suzuki. */
function connectedCall(): string {
  const { engine } = f().cc;
  engine.setStatus('agent1', 'available');
  const contactId = engine.startInboundCall({ from: '+819012345678', queueId: 'basic', attributes: { accountNumber: 'AC-1001' } });
  engine.acceptContact('agent1', contactId);
  return contactId;
}

describe('the extension’s Cases client against the local contact center', () => {
  it("lists a customer's cases, most recently updated first", async () => {
    expect((await ask({ op: 'cases-of-profile', profileId: TARO })).cases).toEqual([
      { caseId: 'case-2026-0042', referenceNumber: 'CASE-2026-0042', title: 'Router keeps dropping the connection', status: 'open', updatedAt: '2026-11-25T05:30:00.000Z' },
      { caseId: 'case-2026-0043', referenceNumber: 'CASE-2026-0043', title: 'Change of billing address', status: 'closed', updatedAt: '2026-06-03T03:00:00.000Z' },
    ]);
  });

  it('reads the templates with their fields, options, required fields and attribute mapping', async () => {
    const { templates } = await ask({ op: 'case-templates' });
    expect(templates?.map((t) => t.name)).toEqual(['Technical support', '技術サポート', 'Billing inquiry', '請求に関するお問い合わせ']);
    const ja = templates!.find((t) => t.templateId === DEMO_CASE_TEMPLATE_IDS.technicalSupportJa)!;
    expect(ja.attributeMapping).toEqual({ accountNumber: JA.accountNumber });
    // In the order of the template's layout (GetLayout: the top panel, then More info), as Connect shows a case.
    expect(ja.fields.map((x) => [x.name, x.type, x.required])).toEqual([
      ['お客様番号', 'Text', false],
      ['優先度', 'SingleSelect', true],
      ['製品・機器', 'Text', false],
      ['影響台数', 'Number', false],
      ['折り返し希望', 'Boolean', false],
      ['対応期限', 'DateTime', false],
      ['Summary', 'Text', false],
    ]);
    expect(ja.fields[1]!.options).toEqual([
      { name: '低', value: 'low' },
      { name: '中', value: 'medium' },
      { name: '高', value: 'high' },
    ]);
  });

  it('creates a case with the call linked, once for a command sent again, then reads, comments and closes it', async () => {
    const contactId = connectedCall();
    const create: CaseRequest = {
      op: 'case-create',
      templateId: DEMO_CASE_TEMPLATE_IDS.technicalSupportJa,
      profileId: TARO,
      fields: { title: '光回線が夜に切れる', [JA.priority]: 'high', [JA.accountNumber]: 'AC-1001', [JA.devicesAffected]: 2, [JA.callbackRequested]: true },
      linkContactId: contactId,
    };
    const { caseId } = await ask(create, 'command-1');
    expect((await ask(create, 'command-1')).caseId).toBe(caseId);

    const first = (await ask({ op: 'case-get', caseId: caseId! })).case!;
    expect(first).toMatchObject({
      caseId,
      title: '光回線が夜に切れる',
      status: 'open',
      templateId: DEMO_CASE_TEMPLATE_IDS.technicalSupportJa,
      fields: { [JA.priority]: 'high', [JA.accountNumber]: 'AC-1001', [JA.devicesAffected]: 2, [JA.callbackRequested]: true },
    });
    expect(first.referenceNumber).toMatch(/^CASE-\d{4}-\d{4,}$/);
    expect(first.activity).toEqual([{ kind: 'contact', at: expect.any(String), contactId, channel: 'VOICE' }]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await ask({ op: 'case-comment', caseId: caseId!, body: '  ルーターを交換予定  ' });
    await ask({ op: 'case-update', caseId: caseId!, fields: { status: 'closed', [JA.devicesAffected]: null } });
    const after = (await ask({ op: 'case-get', caseId: caseId! })).case!;
    expect(after.status).toBe('closed');
    expect(after.fields).not.toHaveProperty(JA.devicesAffected);
    expect(after.activity.map((a) => [a.kind, a.body ?? a.contactId])).toEqual([
      ['comment', 'ルーターを交換予定'],
      ['contact', contactId],
    ]);
    f().cc.engine.customerHangUp(contactId);
    f().cc.engine.clearContact('agent1', contactId);
  });

  it("links another contact to a case and lists it in the case's activity", async () => {
    const contactId = connectedCall();
    await ask({ op: 'case-link-contact', caseId: 'case-2026-0057', contactId });
    const detail = (await ask({ op: 'case-get', caseId: 'case-2026-0057' })).case!;
    expect(detail.activity[0]).toMatchObject({ kind: 'contact', contactId, channel: 'VOICE' });
    f().cc.engine.customerHangUp(contactId);
    f().cc.engine.clearContact('agent1', contactId);
  });

  it("keeps the service's refusal: its type and message", async () => {
    const refused = await ask({ op: 'case-create', templateId: DEMO_CASE_TEMPLATE_IDS.technicalSupportEn, profileId: TARO, fields: { title: 'No priority' }, linkContactId: null }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CasesCallError);
    expect(refused).toMatchObject({ operation: 'CreateCase', status: 400, type: 'ValidationException', message: expect.stringContaining(DEMO_CASE_FIELD_IDS.en.priority) });
  });
});
