// Carries out a guide's Switchboard actions with what the panel already has: the workspace store (the customer's
// profile found or created, a case created from a template and linked to the contact), the session's commands
// (a task, a quick connect transfer, the CRM record the screen pop found), the chat's draft, and a new tab for a URL.
// Each answers ok with what it created, or a translated reason the panel shows (and the guide may branch on).
import type { ActionOutcome, ActionRequest } from '@/lib/guides/guide-interpreter';
import type { CommandError, CommandResult, SessionCommand } from '@/lib/session/commands';
import type { ContactView, QuickConnectView, SessionSnapshot } from '@/lib/session/snapshot';
import type { ProfileFields } from '@/lib/workspace/customer-profiles-client';
import type { CasePlainValue, CaseTemplate } from '@/lib/workspace/workspace-requests';
import type { ContactCustomer, Loadable } from '@/stores/workspace';

/** What the actions need of the panel (the stores, in the component; fakes in tests). */
export interface GuideActionContext {
  contact: ContactView;
  snapshot: () => SessionSnapshot;
  customer: () => ContactCustomer | null;
  lookUp(contactId: string): Promise<void>;
  createProfile(contactId: string, fields: ProfileFields): Promise<{ ok: true; profileId: string } | { ok: false; error: CommandError }>;
  templates: () => Loadable<CaseTemplate[]>;
  loadTemplates(): Promise<void>;
  createCase(contactId: string, templateId: string, profileId: string, fields: Record<string, CasePlainValue>, link: boolean): Promise<{ ok: true; caseId: string } | { ok: false; error: CommandError }>;
  run(command: SessionCommand): Promise<CommandResult>;
  /** stores/chat-contacts' insertDraftText: the chat's composer takes the text into its draft. */
  insertDraftText(contactId: string, text: string): void;
  openUrl(url: string): void;
  t(key: string, params?: Record<string, unknown>): string;
  errorText(error: CommandError): string;
  /** How long to wait for a customer look-up already under way (ms). */
  lookUpWaitMs?: number;
}

const fail = (message: string): ActionOutcome => ({ ok: false, message });
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Waits for the contact's customer look-up to finish (it may have started when the contact came in). */
async function customerLookedUp(ctx: GuideActionContext): Promise<ContactCustomer | null> {
  await ctx.lookUp(ctx.contact.id);
  const deadline = Date.now() + (ctx.lookUpWaitMs ?? 10_000);
  while (ctx.customer()?.profiles.status === 'loading' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return ctx.customer();
}

async function chosenProfile(ctx: GuideActionContext): Promise<string | null> {
  return (await customerLookedUp(ctx))?.chosenProfileId ?? null;
}

function quickConnectNamed(ctx: GuideActionContext, name: string): QuickConnectView | null {
  const wanted = name.trim().toLowerCase();
  return ctx.snapshot().quickConnects.find((q) => q.arn === name || q.name.toLowerCase() === wanted) ?? null;
}

const ADDRESS_FIELDS = new Set(['Address1', 'Address2', 'City', 'State', 'Province', 'PostalCode', 'Country']);
const PROFILE_FIELDS = new Set(['AccountNumber', 'FirstName', 'LastName', 'BirthDate', 'PhoneNumber', 'MobilePhoneNumber', 'EmailAddress']);

export function profileFieldsOf(values: Record<string, string>): ProfileFields {
  const fields: ProfileFields = {};
  const address: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  for (const [name, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (!value) continue;
    if (PROFILE_FIELDS.has(name)) (fields as Record<string, string>)[name] = value;
    else if (ADDRESS_FIELDS.has(name)) address[name] = value;
    else attributes[name] = value;
  }
  if (Object.keys(address).length) fields.Address = address;
  if (Object.keys(attributes).length) fields.Attributes = attributes;
  return fields;
}

/** A case's fields from the template's attribute mapping and the guide's values, typed as the template says;
 *  a value the field's type cannot take is a reason, not a guess. */
export function caseFieldsOf(template: CaseTemplate, values: Record<string, string>, attributes: Record<string, string>, t: GuideActionContext['t']): Record<string, CasePlainValue> | string {
  const fields: Record<string, CasePlainValue> = {};
  for (const [attribute, fieldId] of Object.entries(template.attributeMapping)) {
    if (attributes[attribute]) fields[fieldId] = attributes[attribute];
  }
  for (const [fieldId, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (fieldId === 'title' || fieldId === 'summary') {
      if (value) fields[fieldId] = value;
      continue;
    }
    const field = template.fields.find((f) => f.id === fieldId);
    if (!field) return t('guides.errors.unknownCaseField', { field: fieldId, template: template.name });
    if (!value) continue;
    if (field.type === 'Number') {
      const number = Number(value);
      if (!Number.isFinite(number)) return t('guides.errors.notANumber', { field: field.name, value });
      fields[fieldId] = number;
    } else if (field.type === 'Boolean') fields[fieldId] = value === 'true';
    else if (field.type === 'DateTime') {
      const time = new Date(value);
      if (Number.isNaN(time.getTime())) return t('guides.errors.notADate', { field: field.name, value });
      fields[fieldId] = time.toISOString();
    } else fields[fieldId] = value;
  }
  return fields;
}

async function createCase(p: Record<string, unknown>, ctx: GuideActionContext): Promise<ActionOutcome> {
  const profileId = await chosenProfile(ctx);
  if (!profileId) return fail(ctx.t('guides.errors.noProfile'));
  await ctx.loadTemplates();
  const templates = ctx.templates();
  if (templates.status === 'failed') return fail(ctx.errorText(templates.error));
  const template = templates.status === 'ready' ? templates.value.find((x) => x.templateId === p.TemplateId) : undefined;
  if (!template) return fail(ctx.t('guides.errors.noTemplate', { template: text(p.TemplateId) }));
  const fields = caseFieldsOf(template, p.Fields as Record<string, string>, ctx.contact.attributes, ctx.t);
  if (typeof fields === 'string') return fail(fields);
  const created = await ctx.createCase(ctx.contact.id, template.templateId, profileId, fields, p.LinkContact !== false);
  if (!created.ok) return fail(ctx.errorText(created.error));
  const cases = ctx.customer()?.cases;
  const summary = cases?.status === 'ready' ? cases.value.find((c) => c.caseId === created.caseId) : undefined;
  return { ok: true, results: { Case: { CaseId: created.caseId, ReferenceNumber: summary?.referenceNumber ?? created.caseId } } };
}

async function createTask(p: Record<string, unknown>, ctx: GuideActionContext): Promise<ActionOutcome> {
  const name = text(p.QuickConnect);
  const quickConnect = name ? quickConnectNamed(ctx, name) : null;
  if (name && !quickConnect) return fail(ctx.t('guides.errors.noQuickConnect', { name }));
  const references = Object.entries((p.References as Record<string, string> | undefined) ?? {})
    .filter(([, value]) => value.trim() !== '')
    .map(([refName, value]) => ({ name: refName, type: /^https?:\/\//.test(value) ? ('URL' as const) : ('STRING' as const), value: value.trim() }));
  const result = await ctx.run({
    type: 'task-create',
    task: { quickConnectArn: quickConnect?.arn ?? null, name: text(p.Name), description: text(p.Description), references, scheduledTime: null, relatedContactId: ctx.contact.id, templateId: null },
  });
  if (!result.ok) return fail(ctx.errorText(result.error));
  return { ok: true, results: { Task: { ContactId: result.value?.contactId ?? '' } } };
}

async function openCrmRecord(ctx: GuideActionContext): Promise<ActionOutcome> {
  const choices = ctx.snapshot().profileChoices[ctx.contact.id];
  const chosen = ctx.customer()?.chosenProfileId ?? choices?.chosenProfileId ?? null;
  const withRecord = choices?.profiles.filter((p) => p.recordUrl) ?? [];
  const profile = withRecord.find((p) => p.profileId === chosen) ?? (withRecord.length === 1 ? withRecord[0] : undefined);
  if (profile) {
    const result = await ctx.run({ type: 'choose-profile', contactId: ctx.contact.id, profileId: profile.profileId });
    return result.ok ? { ok: true } : fail(ctx.errorText(result.error));
  }
  const page = ctx.snapshot().pageContexts[ctx.contact.id]?.url;
  if (page && /^https?:\/\//.test(page)) {
    ctx.openUrl(page);
    return { ok: true };
  }
  return fail(ctx.t('guides.errors.noCrmRecord'));
}

async function transfer(p: Record<string, unknown>, ctx: GuideActionContext): Promise<ActionOutcome> {
  const quickConnect = quickConnectNamed(ctx, text(p.QuickConnect));
  if (!quickConnect) return fail(ctx.t('guides.errors.noQuickConnect', { name: text(p.QuickConnect) }));
  const command: SessionCommand =
    ctx.contact.channel === 'voice'
      ? { type: 'add-connection', contactId: ctx.contact.id, target: { quickConnectArn: quickConnect.arn } }
      : { type: 'transfer', contactId: ctx.contact.id, quickConnectArn: quickConnect.arn };
  const result = await ctx.run(command);
  return result.ok ? { ok: true } : fail(ctx.errorText(result.error));
}

function insertArticle(p: Record<string, unknown>, ctx: GuideActionContext): ActionOutcome {
  if (ctx.contact.channel !== 'chat') return fail(ctx.t('guides.errors.notChat'));
  const body = text(p.Text);
  if (!body) return fail(ctx.t('guides.errors.noArticleText', { article: text(p.ArticleId) }));
  ctx.insertDraftText(ctx.contact.id, body);
  return { ok: true };
}

/** Runs one Switchboard action; never throws (a failure is the outcome's message). */
export async function runGuideAction(request: ActionRequest, ctx: GuideActionContext): Promise<ActionOutcome> {
  const p = request.parameters;
  try {
    switch (request.type) {
      case 'Switchboard.LookUpProfile': {
        const profileId = await chosenProfile(ctx);
        return profileId ? { ok: true, results: { Profile: { ProfileId: profileId } } } : fail(ctx.t('guides.errors.noProfile'));
      }
      case 'Switchboard.CreateProfile': {
        const created = await ctx.createProfile(ctx.contact.id, profileFieldsOf(p.Fields as Record<string, string>));
        return created.ok ? { ok: true, results: { Profile: { ProfileId: created.profileId } } } : fail(ctx.errorText(created.error));
      }
      case 'Switchboard.CreateCase':
        return await createCase(p, ctx);
      case 'Switchboard.CreateTask':
        return await createTask(p, ctx);
      case 'Switchboard.OpenUrl': {
        const url = text(p.Url);
        if (!/^https?:\/\/[^\s]+$/.test(url)) return fail(ctx.t('guides.errors.badUrl', { url }));
        ctx.openUrl(url);
        return { ok: true };
      }
      case 'Switchboard.OpenCrmRecord':
        return await openCrmRecord(ctx);
      case 'Switchboard.TransferToQuickConnect':
        return await transfer(p, ctx);
      case 'Switchboard.InsertArticle':
        return insertArticle(p, ctx);
    }
  } catch (error) {
    return fail(ctx.t('guides.errors.actionFailed', { detail: error instanceof Error ? error.message : String(error) }));
  }
}
