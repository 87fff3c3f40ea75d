// CreateRelatedItem and SearchRelatedItems through the real @aws-sdk/client-connectcases: a contact of the instance
// linked to a case once (its channel and start as Cases' ContactContent), comments in plain text by the caller,
// the case's activity newest first, filtered by type, channel or contact and paged; and the automatic activity: when
// a linked call ends, its related item gains the end and the durations and the case's last_updated_datetime moves
// to that end.
import {
  CreateRelatedItemCommand,
  GetCaseCommand,
  ResourceNotFoundException,
  SearchRelatedItemsCommand,
  ValidationException,
} from '@aws-sdk/client-connectcases';
import { describe, expect, it } from 'vitest';
import { getContactRecord } from '../../../contact-center/store/contact-record-repository';
import { fieldsOf, refusal, useCasesFixture } from './cases-fixture';

const f = useCasesFixture();

/** agent1 takes an inbound call from Taro Suzuki's number; returns its contact id. */
function connectedCall(): string {
  const { engine } = f().cc;
  engine.setStatus('agent1', 'available');
  const contactId = engine.startInboundCall({ from: '+819012345678', queueId: 'basic' });
  engine.acceptContact('agent1', contactId);
  return contactId;
}

const link = (caseId: string, contactId: string) =>
  f().cases.send(new CreateRelatedItemCommand({ domainId: f().domainId, caseId, type: 'Contact', content: { contact: { contactArn: f().arns.contact(contactId) } } }));
const comment = (caseId: string, body: string, performedBy?: { userArn: string } | { customEntity: string }) =>
  f().cases.send(new CreateRelatedItemCommand({ domainId: f().domainId, caseId, type: 'Comment', content: { comment: { body, contentType: 'Text/Plain' } }, performedBy }));

interface RawItem {
  relatedItemId: string;
  type: string;
  associationTime: string;
  content: { contact?: Record<string, unknown>; comment?: Record<string, unknown> };
  performedBy?: Record<string, string>;
}

/** SearchRelatedItems as sent raw, with the signed-in agent's session: the whole answer, extra members included. */
async function rawItems(caseId: string, body: Record<string, unknown> = {}): Promise<{ relatedItems: RawItem[]; nextToken?: string }> {
  const { request, domainId, cookie } = f();
  const answer = await request(`/domains/${domainId}/cases/${caseId}/related-items-search`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  });
  expect(answer.status).toBe(200);
  return (await answer.json()) as { relatedItems: RawItem[]; nextToken?: string };
}

describe('CreateRelatedItem', () => {
  it('links a call in progress once, with its channel and start, and answers the same item again', async () => {
    const contactId = connectedCall();
    const first = await link('case-2026-0048', contactId);
    expect(first.relatedItemArn).toBe(f().arns.relatedItem('case-2026-0048', first.relatedItemId!));
    const again = await link('case-2026-0048', contactId);
    expect(again.relatedItemId).toBe(first.relatedItemId);
    const found = await f().cases.send(new SearchRelatedItemsCommand({ domainId: f().domainId, caseId: 'case-2026-0048' }));
    const contact = found.relatedItems!.filter((item) => item?.type === 'Contact');
    expect(contact).toHaveLength(1);
    const content = contact[0]!.content as { contact: { contactArn: string; channel: string; connectedToSystemTime: Date } };
    expect(content.contact.contactArn).toBe(f().arns.contact(contactId));
    expect(content.contact.channel).toBe('VOICE');
    expect(content.contact.connectedToSystemTime.getTime()).toBe(f().cc.engine.getContact(contactId).record.initiatedAt);
    f().cc.engine.customerHangUp(contactId);
    f().cc.engine.clearContact('agent1', contactId);
  });

  it('refuses a contact of another instance, one that does not exist, a case that does not exist, and other types', async () => {
    const { cases, domainId } = f();
    const foreign = await refusal(cases.send(new CreateRelatedItemCommand({ domainId, caseId: 'case-2026-0048', type: 'Contact', content: { contact: { contactArn: 'arn:aws:connect:us-east-1:1:instance/x/contact/y' } } })));
    expect(foreign).toBeInstanceOf(ValidationException);
    const missing = await refusal(link('case-2026-0048', 'no-such-contact'));
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', resourceType: 'Contact' });
    expect(await refusal(comment('no-such-case', 'Hello'))).toBeInstanceOf(ResourceNotFoundException);
    const file = await refusal(cases.send(new CreateRelatedItemCommand({ domainId, caseId: 'case-2026-0048', type: 'File', content: { file: { fileArn: 'arn:x' } } })));
    expect(file?.message).toMatch(/Contact or Comment/);
    const mismatched = await refusal(cases.send(new CreateRelatedItemCommand({ domainId, caseId: 'case-2026-0048', type: 'Comment', content: { contact: { contactArn: 'arn:x' } } })));
    expect(mismatched?.message).toMatch(/matching type Comment/);
  });

  it('keeps comments of 1 to 3,000 characters in plain text, made by the given performer or the signed-in agent', async () => {
    const { request, domainId, cookie, arns } = f();
    await comment('case-2026-0050', 'Backend note', { customEntity: 'billing-bot' });
    await comment('case-2026-0050', 'x'.repeat(3000));
    const byAgent = await request(`/domains/${domainId}/cases/case-2026-0050/related-items/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ type: 'Comment', content: { comment: { body: 'お客様へ折り返し済み', contentType: 'Text/Plain' } } }),
    });
    expect(byAgent.status).toBe(200);
    const items = (await rawItems('case-2026-0050', { filters: [{ comment: {} }] })).relatedItems;
    expect(items.map((i) => [i.content.comment?.body, i.performedBy])).toEqual([
      ['お客様へ折り返し済み', { userArn: arns.agent('agent1') }],
      ['x'.repeat(3000), undefined],
      ['Backend note', { customEntity: 'billing-bot' }],
    ]);
    expect(await refusal(comment('case-2026-0050', 'x'.repeat(3001)))).toBeInstanceOf(ValidationException);
    expect(await refusal(comment('case-2026-0050', '   '))).toBeInstanceOf(ValidationException);
  });
});

describe('SearchRelatedItems', () => {
  it("lists a demo case's activity newest first: its past contacts with their durations and its notes as comments", async () => {
    const items = (await rawItems('case-2026-0049')).relatedItems;
    expect(items.map((i) => [i.type, i.associationTime])).toEqual([
      ['Contact', '2026-11-25T16:54:12.000Z'],
      ['Contact', '2026-11-22T01:30:00.000Z'],
      ['Contact', '2026-11-19T16:04:55.000Z'],
      ['Comment', '2026-11-19T16:00:00.000Z'],
    ]);
    expect(items[2]!.content.contact).toMatchObject({ channel: 'VOICE', connectedToSystemTime: '2026-11-19T15:55:00.000Z', disconnectTime: '2026-11-19T16:04:55.000Z', queueDuration: 95, customerHoldDuration: 120 });
    expect(items[3]).toMatchObject({ content: { comment: { body: 'Customs broker contacted.' } }, performedBy: { userArn: f().arns.agent('agent4') } });
  });

  it('filters by type, channel and contact, and pages', async () => {
    const { cases, domainId } = f();
    const only = async (filters: unknown[]) => (await rawItems('case-2026-0049', { filters })).relatedItems.map((i) => (i.type === 'Comment' ? 'comment' : String(i.content.contact?.channel)));
    expect(await only([{ comment: {} }])).toEqual(['comment']);
    expect(await only([{ contact: { channel: ['TASK'] } }])).toEqual(['TASK']);
    expect(await only([{ contact: { channel: ['task'] } }, { comment: {} }])).toEqual(['TASK', 'comment']);
    expect(await only([{ file: {} }])).toEqual([]);
    const all = (await rawItems('case-2026-0049')).relatedItems;
    const arn = all[0]!.content.contact!.contactArn as string;
    expect(await only([{ contact: { contactArn: arn } }])).toEqual(['VOICE']);

    const first = await cases.send(new SearchRelatedItemsCommand({ domainId, caseId: 'case-2026-0049', maxResults: 3 }));
    const second = await cases.send(new SearchRelatedItemsCommand({ domainId, caseId: 'case-2026-0049', maxResults: 3, nextToken: first.nextToken }));
    expect([...first.relatedItems!, ...second.relatedItems!].map((i) => i?.relatedItemId)).toEqual(all.map((i) => i.relatedItemId));
    expect(second.nextToken).toBeUndefined();
    expect(await refusal(cases.send(new SearchRelatedItemsCommand({ domainId, caseId: 'case-2026-0049', maxResults: 26 })))).toBeInstanceOf(ValidationException);
    expect(await refusal(cases.send(new SearchRelatedItemsCommand({ domainId, caseId: 'nope' })))).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('automatic activity', () => {
  it('gives a linked call its end and durations when it ends, and moves the case’s last update to that end', async () => {
    const { cases, domainId, cc } = f();
    const lastUpdated = async () => fieldsOf((await cases.send(new GetCaseCommand({ domainId, caseId: 'case-2026-0052', fields: [{ id: 'last_updated_datetime' }] }))).fields).last_updated_datetime;
    const before = await lastUpdated();
    const contactId = connectedCall();
    await link('case-2026-0052', contactId);
    const linked = (await rawItems('case-2026-0052', { filters: [{ contact: {} }] })).relatedItems[0]!;
    expect(linked.content.contact).not.toHaveProperty('disconnectTime');
    expect(await lastUpdated()).toBe(before);

    await new Promise((resolve) => setTimeout(resolve, 20));
    cc.engine.customerHangUp(contactId);
    cc.engine.clearContact('agent1', contactId);
    const record = getContactRecord(cc.db, contactId)!;
    expect(record.state).toBe('ended');
    const ended = (await rawItems('case-2026-0052', { filters: [{ contact: {} }] })).relatedItems[0]!.content.contact!;
    expect(ended).toMatchObject({
      channel: 'VOICE',
      connectedToSystemTime: new Date(record.initiatedAt).toISOString(),
      disconnectTime: new Date(record.disconnectedAt!).toISOString(),
      queueDuration: record.queueDurationMs / 1000,
      agentInteractionDuration: record.talkDurationMs / 1000,
      customerHoldDuration: 0,
    });
    expect(record.talkDurationMs).toBeGreaterThanOrEqual(20);
    expect(await lastUpdated()).toBe(new Date(record.disconnectedAt!).toISOString());
  });

  it('gives a call linked in After Contact Work its end at once', async () => {
    const { cases, domainId, cc } = f();
    const contactId = connectedCall();
    cc.engine.customerHangUp(contactId);
    expect(cc.engine.getContact(contactId).state).toBe('acw');
    await link('case-2026-0054', contactId);
    const disconnectedAt = getContactRecord(cc.db, contactId)!.disconnectedAt!;
    const item = (await rawItems('case-2026-0054', { filters: [{ contact: {} }] })).relatedItems[0]!;
    expect(item.content.contact).toMatchObject({ disconnectTime: new Date(disconnectedAt).toISOString() });
    const updated = fieldsOf((await cases.send(new GetCaseCommand({ domainId, caseId: 'case-2026-0054', fields: [{ id: 'last_updated_datetime' }] }))).fields);
    expect(updated.last_updated_datetime).toBe(new Date(disconnectedAt).toISOString());
    cc.engine.clearContact('agent1', contactId);
  });
});
