// `GET /contact-trace-records/details/:contactId`: the contact's record on the path Amazon Connect's console uses
// (the workspace History tab links there), server-rendered in English or Japanese by Accept-Language: ids,
// channel, queue, agent, times, durations, attributes, a task's or chat's own details, and what the contact carries
// (transcript, knowledge feedback, the guide record: contact-activity-sections.ts). Only the signed-in agent
// sees it (no session: to the login page, which returns here); every value is escaped; a strict CSP allows no
// script and only this page's own style; an unknown or malformed id gets a 404 page that says so.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ContactRecord, InstanceConfig, TaskReference } from '../../model';
import { escapeHtml, redirect, sendHtml } from '../http-kit';
import type { SessionStore } from '../sessions';
import type { ContactActivitySource } from './contact-activity';
import { activitySections } from './contact-activity-sections';
import { type ContactDetailsStrings, formatCount, formatDateTime, languageFromAcceptLanguage, type PageLanguage, stringsFor } from './contact-details-strings';

export const CONTACT_DETAILS_BASE_PATH = '/contact-trace-records/details';

/** Amazon Connect's contact ids: 1 to 256 characters; here letters, digits, hyphens and underscores (UUIDs). */
const CONTACT_ID = /^[A-Za-z0-9_-]{1,256}$/;

export interface ContactDetailsPageOptions {
  config: InstanceConfig;
  records: { getRecord(contactId: string): ContactRecord | null };
  sessions: SessionStore;
  /** The time zone the page's times are shown in; the contact center's own when absent. */
  timeZone?: string;
  /** The contact's transcript, knowledge feedback and guide names (contact-activity.ts); without it, none are shown. */
  activity?: ContactActivitySource;
}

/** The URL of a contact's details page. */
export const contactDetailsPath = (contactId: string) => `${CONTACT_DETAILS_BASE_PATH}/${encodeURIComponent(contactId)}`;

const STYLE = `body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;color:#1d2733;line-height:1.5;margin:0 auto;padding:1rem;max-width:48rem}
.site{margin:0;color:#4a5866;font-size:.9rem}h1{font-size:1.5rem;margin:.25rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #dde3ea;overflow-wrap:break-word}td{overflow-wrap:anywhere}td.type{overflow-wrap:normal}td.type,thead th{word-break:keep-all}
tbody th{width:40%;font-weight:600}thead th{background:#f3f5f7}.prose{white-space:pre-wrap}h3{font-size:1rem;margin:1rem 0 .25rem}tbody th.offset{width:auto;white-space:nowrap}td.speaker{word-break:keep-all}a{color:#0b5cad}a:focus-visible{outline:2px solid #0b5cad;outline-offset:2px}`;

/** No script at all; the one inline style by its hash; never framed; no form, no base, nothing fetched. */
export const CONTACT_DETAILS_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Page {
  language: PageLanguage;
  text: ContactDetailsStrings;
  timeZone: string | undefined;
}

type Row = [label: string, valueHtml: string];

function document(page: Page, title: string, body: string): string {
  return `<!doctype html>
<html lang="${page.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(page.text.siteName)}</title>
<style>${STYLE}</style></head>
<body><main>
<p class="site">${escapeHtml(page.text.siteName)}</p>
${body}
</main></body></html>`;
}

function send(reply: FastifyReply, page: Page, status: number, html: string): FastifyReply {
  return sendHtml(reply, status, html, { 'Content-Security-Policy': CONTACT_DETAILS_CSP, 'Content-Language': page.language, Vary: 'Accept-Language, Cookie' });
}

const none = (page: Page) => escapeHtml(page.text.none);

function dateTime(page: Page, epochMs: number | null): string {
  if (epochMs === null) return none(page);
  return `<time datetime="${new Date(epochMs).toISOString()}">${escapeHtml(formatDateTime(page.language, epochMs, page.timeZone))}</time>`;
}

/** A duration as h:mm:ss (hours padded to two digits), in a <time> with its ISO 8601 duration. */
function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const shown = [hours, minutes, rest].map((n) => String(n).padStart(2, '0')).join(':');
  return `<time datetime="PT${seconds}S">${shown}</time>`;
}

const contactLink = (contactId: string) => `<a href="${escapeHtml(contactDetailsPath(contactId))}">${escapeHtml(contactId)}</a>`;

function table(id: string, heading: string, rows: Row[]): string {
  const body = rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('\n');
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>
<table aria-labelledby="${id}"><tbody>
${body}
</tbody></table></section>`;
}

function queueName(page: Page, config: InstanceConfig, queueId: string | null): string {
  if (queueId === null) return none(page);
  const queue = config.queues.find((q) => q.id === queueId);
  return escapeHtml(queue ? (queue.names[page.language] ?? queue.name) : queueId);
}

function agentName(page: Page, config: InstanceConfig, agentId: string | null): string {
  if (agentId === null) return none(page);
  const agent = config.agents.find((a) => a.id === agentId);
  return escapeHtml(agent ? `${agent.firstName} ${agent.lastName} (${agent.username})` : agentId);
}

function contactSection(page: Page, config: InstanceConfig, record: ContactRecord): string {
  const { fields } = page.text;
  const rows: Row[] = [
    [fields.contactId, escapeHtml(record.contactId)],
    [fields.channel, escapeHtml(page.text.channels[record.channel] ?? record.channel)],
    [fields.initiationMethod, escapeHtml(page.text.initiationMethods[record.initiationMethod] ?? record.initiationMethod)],
    [fields.state, escapeHtml(page.text.states[record.state] ?? record.state)],
    [fields.queue, queueName(page, config, record.queueId)],
    [fields.agent, agentName(page, config, record.agentId)],
  ];
  if (record.customerEndpoint !== null) rows.push([fields.customerEndpoint, escapeHtml(record.customerEndpoint)]);
  if (record.systemEndpoint !== null) rows.push([fields.systemEndpoint, escapeHtml(record.systemEndpoint)]);
  if (record.disconnectReason !== null) rows.push([fields.disconnectReason, escapeHtml(page.text.disconnectReasons[record.disconnectReason] ?? record.disconnectReason)]);
  if (record.previousContactId !== null) rows.push([fields.previousContact, contactLink(record.previousContactId)]);
  if (record.nextContactId !== null) rows.push([fields.nextContact, contactLink(record.nextContactId)]);
  return table('contact', page.text.sections.contact, rows);
}

function timesSection(page: Page, record: ContactRecord): string {
  const { fields } = page.text;
  return table('times', page.text.sections.times, [
    [fields.initiated, dateTime(page, record.initiatedAt)],
    [fields.connectedToAgent, dateTime(page, record.connectedToAgentAt)],
    [fields.disconnected, dateTime(page, record.disconnectedAt)],
  ]);
}

function durationsSection(page: Page, record: ContactRecord): string {
  const { fields } = page.text;
  const rows: Row[] = [
    [fields.queueDuration, duration(record.queueDurationMs)],
    [fields.holdDuration, duration(record.holdDurationMs)],
  ];
  if (record.channel === 'voice') rows.push([fields.holdCount, escapeHtml(formatCount(page.language, record.holdCount))]);
  rows.push([fields.talkDuration(record.channel), duration(record.talkDurationMs)], [fields.acwDuration, duration(record.acwDurationMs)]);
  return table('durations', page.text.sections.durations, rows);
}

function attributesSection(page: Page, attributes: Record<string, string>): string {
  const heading = `<h2 id="attributes">${escapeHtml(page.text.sections.attributes)}</h2>`;
  const entries = Object.entries(attributes);
  if (entries.length === 0) return `<section aria-labelledby="attributes">${heading}<p>${escapeHtml(page.text.noAttributes)}</p></section>`;
  const rows = entries.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n');
  return `<section aria-labelledby="attributes">${heading}
<table aria-labelledby="attributes"><thead><tr><th scope="col">${escapeHtml(page.text.fields.attributeName)}</th><th scope="col">${escapeHtml(page.text.fields.attributeValue)}</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

/** A reference's value: an http(s) URL as a link, a DATE (epoch seconds) as a date, anything else as text. */
function referenceValue(page: Page, reference: TaskReference): string {
  if (reference.type === 'URL') {
    let protocol: string | null = null;
    try {
      protocol = new URL(reference.value).protocol;
    } catch {
      protocol = null;
    }
    if (protocol === 'http:' || protocol === 'https:') return `<a href="${escapeHtml(reference.value)}" rel="noopener noreferrer">${escapeHtml(reference.value)}</a>`;
  }
  if (reference.type === 'DATE' && /^\d{1,12}$/.test(reference.value.trim())) return dateTime(page, Number(reference.value.trim()) * 1000);
  return escapeHtml(reference.value);
}

function taskSection(page: Page, task: NonNullable<ContactRecord['task']>): string {
  const { fields } = page.text;
  const rows: Row[] = [
    [fields.taskName, escapeHtml(task.name)],
    [fields.taskDescription, task.description === '' ? none(page) : `<span class="prose">${escapeHtml(task.description)}</span>`],
  ];
  if (task.templateId !== null) rows.push([fields.taskTemplate, escapeHtml(task.templateId)]);
  if (task.scheduledTime !== null) rows.push([fields.scheduledFor, dateTime(page, task.scheduledTime)]);
  rows.push([fields.taskExpires, dateTime(page, task.expiresAt)]);
  const references = Object.entries(task.references);
  const referencesHtml =
    references.length === 0
      ? `<p>${escapeHtml(page.text.noReferences)}</p>`
      : `<table aria-labelledby="references"><thead><tr><th scope="col">${escapeHtml(fields.referenceName)}</th><th scope="col">${escapeHtml(fields.referenceType)}</th><th scope="col">${escapeHtml(fields.referenceValue)}</th></tr></thead><tbody>
${references.map(([name, reference]) => `<tr><th scope="row">${escapeHtml(name)}</th><td class="type">${escapeHtml(page.text.referenceTypes[reference.type] ?? reference.type)}</td><td>${referenceValue(page, reference)}</td></tr>`).join('\n')}
</tbody></table>`;
  return `${table('task', page.text.sections.task, rows)}
<section aria-labelledby="references"><h2 id="references">${escapeHtml(page.text.sections.references)}</h2>
${referencesHtml}</section>`;
}

function chatSection(page: Page, chat: NonNullable<ContactRecord['chat']>): string {
  const { fields } = page.text;
  return table('chat', page.text.sections.chat, [
    [fields.customerDisplayName, escapeHtml(chat.customerDisplayName)],
    [fields.chatMaximumDuration, escapeHtml(page.text.minutes(chat.durationMinutes))],
    [fields.chatEnds, dateTime(page, chat.expiresAt)],
    [fields.agentFirstResponse, chat.agentFirstResponseMs === null ? none(page) : duration(chat.agentFirstResponseMs)],
  ]);
}

function detailsPage(page: Page, config: InstanceConfig, record: ContactRecord, activity: ContactActivitySource | undefined): string {
  const sections = [contactSection(page, config, record), timesSection(page, record), durationsSection(page, record), attributesSection(page, record.attributes)];
  if (record.channel === 'task' && record.task) sections.push(taskSection(page, record.task));
  if (record.channel === 'chat' && record.chat) sections.push(chatSection(page, record.chat));
  if (activity) sections.push(...activitySections(page, activity, record, (agentId) => agentName(page, config, agentId)));
  return document(page, `${page.text.heading} ${record.contactId}`, `<h1>${escapeHtml(page.text.heading)}</h1>\n${sections.join('\n')}`);
}

function notFoundPage(page: Page, message: string): string {
  const { notFound } = page.text;
  return document(page, notFound.title, `<h1>${escapeHtml(notFound.title)}</h1>\n<p>${escapeHtml(message)}</p>\n<p><a href="/">${escapeHtml(notFound.back)}</a></p>`);
}

export const contactDetailsPageRoutes: FastifyPluginAsyncTypebox<ContactDetailsPageOptions> = async (app, { config, records, sessions, timeZone, activity }) => {
  const pageFor = (acceptLanguage: string | string[] | undefined): Page => {
    const language = languageFromAcceptLanguage(acceptLanguage);
    return { language, text: stringsFor(language), timeZone };
  };

  // The base path alone (with or without a trailing slash) names no contact.
  app.get(CONTACT_DETAILS_BASE_PATH, async (request, reply) => {
    if (sessions.agentFor(request) === null) return redirect(reply, `/connect/login?destination=${encodeURIComponent(request.url)}`);
    const page = pageFor(request.headers['accept-language']);
    return send(reply, page, 404, notFoundPage(page, page.text.notFound.empty));
  });

  app.get(`${CONTACT_DETAILS_BASE_PATH}/:contactId`, { schema: { params: Type.Object({ contactId: Type.String() }) } }, async (request, reply) => {
    // Who is not signed in goes to the login page, which brings them back here; nothing is said about the contact.
    if (sessions.agentFor(request) === null) return redirect(reply, `/connect/login?destination=${encodeURIComponent(request.url)}`);
    const page = pageFor(request.headers['accept-language']);
    const { contactId } = request.params;
    if (!CONTACT_ID.test(contactId)) return send(reply, page, 404, notFoundPage(page, page.text.notFound.malformed));
    const record = records.getRecord(contactId);
    if (record === null) return send(reply, page, 404, notFoundPage(page, page.text.notFound.unknown(contactId)));
    return send(reply, page, 200, detailsPage(page, config, record, activity));
  });
};
