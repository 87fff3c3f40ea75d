// Server-rendered pages of the demo CRM ("Northwind CRM"): customer list, record pages (English and
// Japanese), case pages, an embedded panel and a live single-page-app board. They are the test bed of
// click-to-dial, screen pops and case links, so they carry phone numbers in many formats, numbers that are
// NOT phone numbers (dates, prices, order ids, postal codes), and machine-readable hooks for site rules:
// `data-record-id`, `data-field="phone"`, `data-field="email"`, `data-field="account"`, `data-case-reference`.

import { demoOrdersFor } from '../seed/demo-customers';
import { escapeHtml } from '../server/http-kit';
import type { ContactRelatedItem } from '../store/case-related-items-repository';
import type { CustomerCase, CustomerProfile, PhoneKind } from '../store/profile-repository';
import { formatPhone, type PhoneStyle } from './phone-formats';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;background:#f3f5f8;color:#1d2433}
header{background:#17324d;color:#fff;display:flex;align-items:center;gap:1.5rem;padding:.6rem 1.5rem}
header a{color:#cfe3ff;text-decoration:none}header strong{font-size:1.05rem;color:#fff}
main{max-width:72rem;margin:1.5rem auto;padding:0 1.5rem}
.card{background:#fff;border:1px solid #d9dee7;border-radius:6px;padding:1rem 1.25rem;margin-bottom:1rem}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.05rem;margin:0 0 .6rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e6e9ef;vertical-align:top}
th{font-weight:600;color:#4a5568;background:#f8fafc}dl{display:grid;grid-template-columns:11rem 1fr;gap:.35rem 1rem;margin:0}dt{color:#5a6577}dd{margin:0}
.status{display:inline-block;padding:0 .5rem;border-radius:9px;font-size:.8rem;background:#e6f4ea;color:#1e6b34}.status-closed{background:#eceff3;color:#556}.status-pending{background:#fff4d6;color:#7a5a00}
.grid{display:grid;grid-template-columns:2fr 1fr;gap:1rem}code,pre{background:#f1f3f6;padding:.15rem .35rem;border-radius:4px}
iframe{width:100%;height:14rem;border:1px solid #d9dee7;border-radius:6px;background:#fff}input,textarea{font:inherit;width:100%;padding:.3rem}
.muted{color:#6b7588;font-size:.85rem}`;

export interface CrmPage {
  status: number;
  html: string;
}

function layout(title: string, body: string, lang: 'en' | 'ja' = 'en'): string {
  const nav =
    lang === 'ja'
      ? '<a href="/">顧客一覧</a><a href="/app">ライブボード</a><a href="/?lang=en">English</a>'
      : '<a href="/">Customers</a><a href="/app">Live board</a>';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Northwind CRM</title><style>${STYLE}</style></head><body>
<header><strong>Northwind CRM</strong>${nav}<span class="muted" style="margin-left:auto;color:#9fb6d0">Demo data · Switchboard</span></header>
<main>${body}</main></body></html>`;
}

const fullName = (p: CustomerProfile) => `${p.firstName} ${p.lastName}`;
const telLink = (e164: string, text: string, field = '') => `<a href="tel:${escapeHtml(e164)}"${field ? ` data-field="${field}"` : ''}>${escapeHtml(text)}</a>`;
const phoneSpan = (e164: string, text: string) => `<span data-field="phone" data-e164="${escapeHtml(e164)}">${escapeHtml(text)}</span>`;
const caseLink = (c: CustomerCase) => `<a href="/cases/${encodeURIComponent(c.id)}" data-case-reference="${escapeHtml(c.reference)}">${escapeHtml(c.reference)}</a>`;
const statusBadge = (c: CustomerCase) => `<span class="status status-${c.status}">${c.status}</span>`;
const yen = (amount: number) => `¥${amount.toLocaleString('en-US')}`;
const KIND_LABEL: Record<PhoneKind, string> = { mobile: 'Mobile', business: 'Business', home: 'Home', other: 'Other' };
const KIND_LABEL_JA: Record<PhoneKind, string> = { mobile: '携帯電話', business: '会社電話', home: '自宅電話', other: 'その他' };

/** Styles per list row: [phone column, tel: link text, alternative column]; chosen so every format appears. */
const LIST_STYLES: readonly (readonly PhoneStyle[])[] = [
  ['international', 'national', 'parenthesized'],
  ['national', 'parenthesized', 'fullWidth'],
  ['international', 'national', 'fullWidth'],
  ['international', 'dotted', 'national'],
  ['parenthesized', 'international', 'japaneseBrackets'],
  ['dotted', 'international', 'national'],
  ['national', 'international', 'fullWidth'],
];

export function customerListPage(profiles: readonly CustomerProfile[], openCaseCounts: ReadonlyMap<string, number>): CrmPage {
  const rows = profiles
    .map((p, i) => {
      const styles = LIST_STYLES[i % LIST_STYLES.length] ?? ['national', 'international', 'fullWidth'];
      const [first] = p.phones;
      const phone = first ? phoneSpan(first.number, formatPhone(first.number, styles[0] ?? 'national')) : '';
      const call = first ? telLink(first.number, formatPhone(first.number, styles[1] ?? 'international')) : '';
      const alternative = first ? escapeHtml(formatPhone(first.number, styles[2] ?? 'national')) : '';
      const others = p.phones.slice(1).map((x) => phoneSpan(x.number, formatPhone(x.number, 'national'))).join('<br>');
      return `<tr data-record-id="${escapeHtml(p.id)}"><td><a href="/customers/${encodeURIComponent(p.id)}">${escapeHtml(fullName(p))}</a>${p.nameReading ? `<div class="muted">${escapeHtml(p.nameReading)}</div>` : ''}</td>
<td>${escapeHtml(p.company ?? '')}</td><td>${phone}</td><td>${call}</td><td>${alternative}</td><td>${others}</td>
<td>${p.email ? `<span data-field="email">${escapeHtml(p.email)}</span>` : ''}</td><td>${escapeHtml(p.accountNumber ?? '')}</td><td>${openCaseCounts.get(p.id) ?? 0}</td></tr>`;
    })
    .join('\n');
  return {
    status: 200,
    html: layout(
      'Customers',
      `<h1>Customers</h1><div class="card"><table id="customers"><thead><tr><th>Name</th><th>Company</th><th>Phone</th><th>Call</th><th>Also written</th><th>Other numbers</th><th>Email</th><th>Account</th><th>Open cases</th></tr></thead>
<tbody>${rows}</tbody></table></div><p class="muted">${profiles.length} customers · list generated 2026-11-25 09:00 JST</p>`,
    ),
  };
}

function casesTable(cases: readonly CustomerCase[], lang: 'en' | 'ja'): string {
  if (cases.length === 0) return `<p class="muted">${lang === 'ja' ? '対応中の案件はありません' : 'No open cases.'}</p>`;
  const head = lang === 'ja' ? '<tr><th>案件番号</th><th>件名</th><th>状態</th><th>更新日</th></tr>' : '<tr><th>Reference</th><th>Title</th><th>Status</th><th>Updated</th></tr>';
  return `<table class="cases"><thead>${head}</thead><tbody>${cases
    .map((c) => `<tr><td>${caseLink(c)}</td><td>${escapeHtml(c.title)}</td><td>${statusBadge(c)}</td><td>${escapeHtml(c.updatedAt.slice(0, 10))}</td></tr>`)
    .join('')}</tbody></table>`;
}

export function customerRecordPage(p: CustomerProfile, cases: readonly CustomerCase[]): CrmPage {
  const open = cases.filter((c) => c.status !== 'closed');
  const phones = p.phones
    .map((x) => `<dt>${KIND_LABEL[x.kind]}</dt><dd>${phoneSpan(x.number, formatPhone(x.number, 'national'))} · ${telLink(x.number, formatPhone(x.number, 'international'))}</dd>`)
    .join('');
  const address = p.address
    ? `〒${escapeHtml(p.address.postalCode)} ${escapeHtml([p.address.state, p.address.city, p.address.address1, p.address.address2 ?? ''].join(' ').trim())} (${p.address.country})`
    : '';
  const history = demoOrdersFor(p.id)
    .map((o) => `<tr><td>${o.date} ${o.time}</td><td>${escapeHtml(o.orderId)}</td><td>${escapeHtml(o.item)}</td><td>${yen(o.amountYen)}</td><td>00:${String(4 + (o.amountYen % 50)).padStart(2, '0')}:12</td></tr>`)
    .join('');
  const first = p.phones[0];
  const body = `<div data-record-id="${escapeHtml(p.id)}" class="record">
<h1><span data-field="name">${escapeHtml(fullName(p))}</span>${p.company ? ` <span class="muted">· ${escapeHtml(p.company)}</span>` : ''}</h1>
<p class="muted">Record ${escapeHtml(p.id)} · <a href="/ja/customers/${encodeURIComponent(p.id)}">日本語で表示</a></p>
<div class="grid"><div>
<section class="card"><h2>Profile</h2><dl>
<dt>Account number</dt><dd><span data-field="account">${escapeHtml(p.accountNumber ?? '')}</span></dd>
${p.nameReading ? `<dt>Name reading</dt><dd>${escapeHtml(p.nameReading)}</dd>` : ''}
${phones}
<dt>Email</dt><dd>${p.email ? `<a href="mailto:${escapeHtml(p.email)}" data-field="email">${escapeHtml(p.email)}</a>` : ''}</dd>
<dt>Birth date</dt><dd>${escapeHtml(p.birthDate ?? '')}</dd>
<dt>Address</dt><dd>${address}</dd>
<dt>Customer since</dt><dd>${escapeHtml(p.createdAt.slice(0, 10))}</dd>
</dl></section>
<section class="card"><h2>Open cases</h2>${casesTable(open, 'en')}
<p>Latest: ${open[0] ? `${escapeHtml(open[0].reference)} (${escapeHtml(open[0].title)})` : 'none'}. Closed cases: ${cases.length - open.length}.</p></section>
<section class="card"><h2>Contact history</h2><table class="history"><thead><tr><th>Date</th><th>Order</th><th>Item</th><th>Amount</th><th>Call length</th></tr></thead><tbody>${history}</tbody></table>
<p class="muted">Support PIN 4821 · invoice total ¥1,234,567 · firmware v2.10.3 · server 192.168.10.25 · ticket #20261125</p></section>
</div><div>
<section class="card"><h2>Call notes</h2>
<label>Callback number <input name="callback" value="${first ? escapeHtml(formatPhone(first.number, 'national')) : ''}"></label>
<label>Notes <textarea name="notes" rows="4">Customer asked to be called back on ${first ? escapeHtml(formatPhone(first.number, 'international')) : ''} after 18:00.</textarea></label>
<p>API reference: <code>${first ? escapeHtml(first.number) : ''}</code></p></section>
<section class="card"><h2>Related contacts</h2><iframe src="/customers/${encodeURIComponent(p.id)}/panel" title="Related contacts"></iframe></section>
</div></div></div>`;
  return { status: 200, html: layout(fullName(p), body) };
}

export function customerPanelPage(p: CustomerProfile): CrmPage {
  const rows = p.phones
    .map((x) => `<li>${KIND_LABEL[x.kind]}: ${phoneSpan(x.number, formatPhone(x.number, 'parenthesized'))} / ${escapeHtml(formatPhone(x.number, 'fullWidth'))} · ${telLink(x.number, 'call')}</li>`)
    .join('');
  return {
    status: 200,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Related contacts</title><style>body{font:13px system-ui,sans-serif;margin:.6rem}</style></head>
<body data-record-id="${escapeHtml(p.id)}"><ul>${rows}</ul><p>Front desk: <span data-field="phone">03-5550-0000</span> · Billing hotline <a href="tel:+815055500300">050-5550-0300</a> · Ref. 2026-11-25 / ¥3,980</p></body></html>`,
  };
}

export function japaneseRecordPage(p: CustomerProfile, cases: readonly CustomerCase[]): CrmPage {
  const open = cases.filter((c) => c.status !== 'closed');
  const styles: PhoneStyle[] = ['national', 'japaneseBrackets', 'fullWidth'];
  const phones = p.phones
    .map((x, i) => `<dt>${KIND_LABEL_JA[x.kind]}</dt><dd>${phoneSpan(x.number, formatPhone(x.number, styles[i % styles.length] ?? 'national'))} · ${telLink(x.number, formatPhone(x.number, 'fullWidth'))}</dd>`)
    .join('');
  const history = demoOrdersFor(p.id)
    .map((o) => {
      const [y, m, d] = o.date.split('-');
      return `<tr><td>${y}年${Number(m)}月${Number(d)}日 ${o.time}</td><td>${escapeHtml(o.orderId)}</td><td>${o.amountYen.toLocaleString('ja-JP')}円</td></tr>`;
    })
    .join('');
  const address = p.address ? `〒${escapeHtml(p.address.postalCode)} ${escapeHtml(`${p.address.state}${p.address.city}${p.address.address1}${p.address.address2 ?? ''}`)}` : '';
  const body = `<div data-record-id="${escapeHtml(p.id)}" class="record">
<h1><span data-field="name">${escapeHtml(`${p.lastName} ${p.firstName}`)}</span> 様</h1>
<section class="card"><h2>顧客情報</h2><dl>
<dt>お客様番号</dt><dd><span data-field="account">${escapeHtml(p.accountNumber ?? '')}</span></dd>
${p.nameReading ? `<dt>フリガナ</dt><dd>${escapeHtml(p.nameReading)}</dd>` : ''}
${p.company ? `<dt>会社名</dt><dd>${escapeHtml(p.company)}</dd>` : ''}
${phones}
<dt>メール</dt><dd>${p.email ? `<a href="mailto:${escapeHtml(p.email)}" data-field="email">${escapeHtml(p.email)}</a>` : ''}</dd>
<dt>生年月日</dt><dd>${escapeHtml(p.birthDate ?? '')}</dd>
<dt>住所</dt><dd>${address}</dd>
</dl></section>
<section class="card"><h2>対応中の案件</h2>${casesTable(open, 'ja')}</section>
<section class="card"><h2>注文履歴</h2><table><thead><tr><th>日時</th><th>注文番号</th><th>金額</th></tr></thead><tbody>${history}</tbody></table>
<p class="muted">受付時間 9:00〜18:00 · 代表 <span data-field="phone">03-5550-0000</span> · フリーダイヤル 0120-555-123</p></section></div>`;
  return { status: 200, html: layout(`${p.lastName} ${p.firstName} 様`, body, 'ja') };
}

function relatedContactsSection(related: readonly ContactRelatedItem[]): string {
  if (related.length === 0) return '<section class="card" id="related-items"><h2>Related contacts</h2><p class="muted">No contact is linked to this case.</p></section>';
  const rows = related
    .map((r) => `<tr data-contact-id="${escapeHtml(r.contactId)}"><td><code>${escapeHtml(r.contactId)}</code></td><td>${escapeHtml(r.channel)}</td><td>${escapeHtml(r.associatedAt.replace('T', ' ').slice(0, 16))}</td></tr>`)
    .join('');
  return `<section class="card" id="related-items"><h2>Related contacts</h2><table><thead><tr><th>Contact</th><th>Channel</th><th>Linked (UTC)</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function casePage(c: CustomerCase, p: CustomerProfile | null, related: readonly ContactRelatedItem[] = []): CrmPage {
  const fields = Object.entries(c.fields)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('');
  const activity = c.activity.map((a) => `<tr><td>${escapeHtml(a.at.replace('T', ' ').slice(0, 16))}</td><td>${escapeHtml(a.author)}</td><td>${escapeHtml(a.body)}</td></tr>`).join('');
  const first = p?.phones[0];
  const body = `<div data-record-id="${escapeHtml(c.profileId)}" data-case-id="${escapeHtml(c.id)}">
<h1><span data-case-reference="${escapeHtml(c.reference)}">${escapeHtml(c.reference)}</span> · ${escapeHtml(c.title)} ${statusBadge(c)}</h1>
<section class="card"><h2>Case</h2><dl>
<dt>Customer</dt><dd>${p ? `<a href="/customers/${encodeURIComponent(p.id)}">${escapeHtml(fullName(p))}</a>` : escapeHtml(c.profileId)}</dd>
<dt>Phone</dt><dd>${first ? `${phoneSpan(first.number, formatPhone(first.number, 'national'))} · ${telLink(first.number, formatPhone(first.number, 'international'))}` : ''}</dd>
<dt>Email</dt><dd>${p?.email ? `<span data-field="email">${escapeHtml(p.email)}</span>` : ''}</dd>
<dt>Summary</dt><dd>${escapeHtml(c.summary)}</dd>${fields}
<dt>Opened</dt><dd>${escapeHtml(c.createdAt.slice(0, 10))}</dd><dt>Updated</dt><dd>${escapeHtml(c.updatedAt.slice(0, 10))}</dd>
</dl></section>
<section class="card"><h2>Activity</h2>${activity ? `<table><thead><tr><th>When (UTC)</th><th>Who</th><th>What</th></tr></thead><tbody>${activity}</tbody></table>` : '<p class="muted">No activity yet.</p>'}</section>
${relatedContactsSection(related)}</div>`;
  return { status: 200, html: layout(`${c.reference} ${c.title}`, body) };
}

/** The live board: a shell whose customer list the client script re-renders every second. */
export function liveBoardPage(profiles: readonly CustomerProfile[]): CrmPage {
  const data = profiles.map((p) => ({
    id: p.id,
    name: fullName(p),
    e164: p.phones[0]?.number ?? '',
    formats: p.phones[0] ? (['national', 'international', 'parenthesized', 'dotted'] as const).map((s) => formatPhone(p.phones[0]?.number ?? '', s)) : [],
  }));
  // JSON in a data block is not executed; `<` is escaped so no value can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const body = `<h1>Live board</h1><div class="card"><p class="muted">Callers waiting for a callback; refreshed every second. <span id="tick">0</span></p>
<table><thead><tr><th>Customer</th><th>Number</th><th>Call</th><th>Waiting</th></tr></thead><tbody id="live-list"></tbody></table></div>
<script type="application/json" id="crm-data">${json}</script><script src="/assets/live-board.js"></script>`;
  return { status: 200, html: layout('Live board', body) };
}

/** The live board's client script: replaces every row's DOM nodes each second, like a SPA re-render. */
export const LIVE_BOARD_SCRIPT = `// Northwind CRM live board: re-renders the customer list every second with new DOM nodes.
(function () {
  var data = JSON.parse(document.getElementById('crm-data').textContent);
  var list = document.getElementById('live-list');
  var tick = 0;
  function cell(text) { var td = document.createElement('td'); td.textContent = text; return td; }
  function render() {
    var rows = document.createDocumentFragment();
    for (var i = 0; i < data.length; i++) {
      var c = data[(i + tick) % data.length];
      var tr = document.createElement('tr');
      tr.setAttribute('data-record-id', c.id);
      var name = document.createElement('td');
      var link = document.createElement('a');
      link.href = '/customers/' + encodeURIComponent(c.id);
      link.textContent = c.name;
      name.appendChild(link);
      tr.appendChild(name);
      var number = cell(c.formats[(i + tick) % c.formats.length] || '');
      number.setAttribute('data-field', 'phone');
      tr.appendChild(number);
      var call = document.createElement('td');
      var tel = document.createElement('a');
      tel.href = 'tel:' + c.e164;
      tel.textContent = 'Call';
      call.appendChild(tel);
      tr.appendChild(call);
      tr.appendChild(cell(((tick + i * 7) % 60) + ' s'));
      rows.appendChild(tr);
    }
    list.replaceChildren(rows);
    document.getElementById('tick').textContent = 'refresh #' + tick;
    tick++;
  }
  render();
  setInterval(render, 1000);
})();
`;

export function notFoundPage(path: string): CrmPage {
  return { status: 404, html: layout('Not found', `<h1>Not found</h1><p>There is no page at <code>${escapeHtml(path)}</code>.</p><p><a href="/">Back to the customer list</a></p>`) };
}
