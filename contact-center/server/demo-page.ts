// The demo page (/demo/): a person plays the customer — places an inbound call to the signed-in agents,
// picks the queue and IVR attributes, says lines on each call (typed, or scripted ones in English and Japanese:
// the call's live transcript) and hangs up — using the control API from the same origin.

import { escapeHtml } from './http-kit';
import type { InstanceConfig } from '../model';
import { SCRIPTED_LINES, type ScriptedLine } from '../transcript/scripted-lines';
import { MAX_SEGMENT_TEXT_LENGTH } from '../transcript/transcript-service';

const TOPIC_NAMES: Record<ScriptedLine['topic'], { en: string; ja: string }> = {
  network: { en: 'Network', ja: '回線' },
  billing: { en: 'Billing', ja: '請求' },
  address: { en: 'Address', ja: '住所' },
  delivery: { en: 'Delivery', ja: '配送' },
  thanks: { en: 'Thanks', ja: 'お礼' },
};

function scriptedLineOptions(): string {
  const group = (language: ScriptedLine['language'], label: string) =>
    `<optgroup label="${label}" lang="${language}">${SCRIPTED_LINES.filter((line) => line.language === language)
      .map((line) => `<option value="${escapeHtml(line.text)}" lang="${language}">${escapeHtml(`${TOPIC_NAMES[line.topic][language]}: ${line.text}`)}</option>`)
      .join('')}</optgroup>`;
  return `<option value="">Pick a line / セリフを選ぶ</option>${group('en', 'English')}${group('ja', '日本語')}`;
}

/** One call's "say" panel; the script clones it per call and gives its ids a per-call suffix. */
function sayTemplate(): string {
  return `<template id="say-template"><section class="say">
<h3 class="say-heading"></h3>
<form class="say-form" novalidate>
<label class="say-line-label">Scripted line / 台本のセリフ</label><select class="say-line">${scriptedLineOptions()}</select>
<label class="say-text-label">What the customer says / お客様の発言</label><input class="say-text" type="text" maxlength="${MAX_SEGMENT_TEXT_LENGTH}" autocomplete="off">
<button type="submit" class="say-button">Say / 話す</button> <span class="say-status" role="status"></span>
</form>
<h4 class="conversation-heading">Conversation / 会話</h4>
<ol class="conversation" aria-live="polite"></ol>
</section></template>`;
}

export function demoPage(config: InstanceConfig): string {
  const queues = config.queues.map((q) => `<option value="${escapeHtml(q.id)}">${escapeHtml(q.name)} / ${escapeHtml(q.names.ja ?? q.name)}</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Call in · Switchboard local contact center</title>
<style>
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2733}
fieldset{border:1px solid #ccd4dd;border-radius:8px;padding:1rem 1.25rem}label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1rem;border-radius:4px;border:1px solid #0b6bcb;background:#0b6bcb;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b6bcb}button:disabled{opacity:.6;cursor:default}table{border-collapse:collapse;width:100%;margin-top:1rem}td,th{border-bottom:1px solid #e3e8ee;padding:.35rem;text-align:left;font-size:.9rem}
.error{color:#b00020}.say{border:1px solid #ccd4dd;border-radius:8px;padding:.5rem 1.25rem 1rem;margin-top:1rem}
.conversation{padding-left:1.25rem}.conversation .who{font-weight:600}.conversation .mood{color:#4a5868;font-size:.85rem}
:focus-visible{outline:3px solid #0b6bcb;outline-offset:2px}
</style></head><body>
<h1>Call in as a customer / お客様として発信</h1>
<p>Places an inbound call into the local contact center: it is routed to an Available agent whose routing profile serves the queue.</p>
<p><a href="/chat/">Chat as a customer instead / チャットでお問い合わせ</a></p>
<form id="call"><fieldset><legend>New call</legend>
<label for="from">Caller number (E.164) / 発信者番号</label><input id="from" name="from" value="+819012345678" required>
<label for="queue">Queue / キュー</label><select id="queue" name="queue">${queues}</select>
<label for="account">Account number gathered by the IVR / IVRで取得したお客様番号 (optional)</label><input id="account" name="account" placeholder="AC-1001">
<button type="submit">Call / 発信</button> <span id="message" role="status"></span>
</fieldset></form>
<h2>Agents / エージェント</h2><table id="agents"><thead><tr><th>Agent</th><th>State</th><th>Contacts</th></tr></thead><tbody></tbody></table>
<h2>My calls / 発信した通話</h2><table id="calls"><thead><tr><th>Contact</th><th>State</th><th></th></tr></thead><tbody></tbody></table>
<h2>Say on a call / 通話で話す</h2>
<p id="say-help">While a call is connected to an agent, pick a scripted line or type your own and choose Say: the agent sees it in the live transcript. / 通話がエージェントにつながったら、台本のセリフを選ぶか入力して「話す」を押すと、エージェントのライブ文字起こしに表示されます。</p>
<div id="say-panels"></div>
${sayTemplate()}
<script>
const calls=[];const rows=new Map();const panels=new Map();const seen=new Map();const done=new Set();
const json=(r)=>r.json().then((b)=>{if(!r.ok)throw new Error((b.error&&b.error.message)||r.status);return b;});
const post=(path,body)=>fetch(path,{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify(body||{})}).then(json);
const text=(v)=>document.createTextNode(v==null?'':String(v));
const japanese=/[\\u3040-\\u30ff\\u3400-\\u9fff]/;
const WHO={CUSTOMER:'You / お客様',AGENT:'Agent / エージェント',SYSTEM:'System / システム'};
const MOOD={POSITIVE:'positive / ポジティブ',NEGATIVE:'negative / ネガティブ',NEUTRAL:'neutral / ニュートラル'};
const STATE_NOTE={queued:'waiting in the queue / キューで待機中',ringing:'ringing / 呼び出し中',connected:'connected / 通話中',acw:'ended / 終了',ended:'ended / 終了'};
// Puts nodes in order without moving those already in place: a moved node would lose the keyboard focus.
function syncChildren(parent,nodes){nodes.forEach((n,i)=>{if(parent.children[i]!==n)parent.insertBefore(n,parent.children[i]||null);});while(parent.children.length>nodes.length)parent.lastElementChild.remove();}
function row(cells){const tr=document.createElement('tr');for(const c of cells){const td=document.createElement('td');td.append(c instanceof Node?c:text(c));tr.append(td);}return tr;}
document.getElementById('call').addEventListener('submit',async(e)=>{
  e.preventDefault();const msg=document.getElementById('message');msg.className='';
  const account=document.getElementById('account').value.trim();
  try{const r=await post('/api/v1/inbound-calls',{from:document.getElementById('from').value.trim(),queue:document.getElementById('queue').value,attributes:account?{accountNumber:account}:{}});
    calls.unshift(r.contactId);msg.textContent='Calling… / 呼び出し中…';refresh();}
  catch(err){msg.className='error';msg.textContent=err.message;}
});
function callRow(id){
  let r=rows.get(id);if(r)return r;
  const state=text('');const btn=document.createElement('button');
  btn.type='button';btn.textContent='Hang up / 切断';btn.className='secondary';btn.setAttribute('aria-label','Hang up call '+id.slice(0,8)+' / 切断');
  btn.onclick=()=>post('/api/v1/contacts/'+encodeURIComponent(id)+'/customer-hangup').then(refresh,refresh);
  r={tr:row([id.slice(0,8),state,btn]),state,btn};rows.set(id,r);return r;
}
function sayPanel(id){
  let p=panels.get(id);if(p)return p;
  const section=document.getElementById('say-template').content.firstElementChild.cloneNode(true);
  const suffix=id.replace(/[^A-Za-z0-9-]/g,'');const short=id.slice(0,8);
  const heading=section.querySelector('.say-heading');heading.id='say-heading-'+suffix;heading.textContent='Call '+short+' / 通話 '+short;
  section.setAttribute('aria-labelledby',heading.id);
  const select=section.querySelector('.say-line');const input=section.querySelector('.say-text');const status=section.querySelector('.say-status');
  select.id='say-line-'+suffix;section.querySelector('.say-line-label').htmlFor=select.id;
  input.id='say-text-'+suffix;section.querySelector('.say-text-label').htmlFor=input.id;
  input.setAttribute('aria-describedby','say-help');
  const list=section.querySelector('.conversation');const listHeading=section.querySelector('.conversation-heading');
  listHeading.id='conversation-'+suffix;list.setAttribute('aria-labelledby',listHeading.id);
  select.addEventListener('change',()=>{if(select.value)input.value=select.value;});
  section.querySelector('.say-form').addEventListener('submit',async(e)=>{
    e.preventDefault();status.className='say-status';
    const line=input.value.trim();
    if(!line){status.className='say-status error';status.textContent='Type a line or pick one first. / セリフを入力するか選んでください。';input.focus();return;}
    try{await post('/api/v1/contacts/'+encodeURIComponent(id)+'/transcript',{role:'CUSTOMER',text:line});
      input.value='';select.value='';status.textContent='Said. / 送信しました。';await conversation(id);}
    catch(err){status.className='say-status error';status.textContent=err.message;}
  });
  p={section,list,form:section.querySelector('.say-form'),note:heading};panels.set(id,p);return p;
}
async function conversation(id){
  const p=panels.get(id);if(!p)return;
  const t=await fetch('/api/v1/contacts/'+encodeURIComponent(id)+'/transcript?after='+(seen.get(id)||0)).then(json);
  for(const s of t.segments){
    const li=document.createElement('li');const who=document.createElement('span');who.className='who';who.textContent=WHO[s.participantRole]||s.participantRole;
    const said=document.createElement('span');said.textContent=s.content;said.lang=japanese.test(s.content)?'ja':'en';
    const mood=document.createElement('span');mood.className='mood';mood.textContent=' ('+(MOOD[s.sentiment]||s.sentiment)+')';
    li.append(who,text(': '),said,mood);p.list.append(li);seen.set(id,s.sequence);
  }
  if(t.ended)done.add(id);
}
async function refresh(){
  try{
    const {agents}=await fetch('/api/v1/agents').then(json);
    const tb=document.querySelector('#agents tbody');tb.replaceChildren(...agents.map((a)=>row([a.name+' ('+a.username+')',a.state,a.contacts.map((c)=>c.state).join(', ')])));
    const cb=document.querySelector('#calls tbody');const sayPanels=document.getElementById('say-panels');
    const shown=calls.slice(0,10);
    for(const [id,r] of rows)if(!shown.includes(id)){r.tr.remove();rows.delete(id);panels.get(id)?.section.remove();panels.delete(id);}
    for(const id of shown){
      const c=await fetch('/api/v1/contacts/'+encodeURIComponent(id)).then(json).catch(()=>null);
      const state=c?c.record.state:'unknown';const r=callRow(id);const p=sayPanel(id);
      if(r.state.textContent!==state)r.state.textContent=state;
      const over=!c||state==='ended'||state==='acw';r.btn.disabled=over;
      const heading='Call '+id.slice(0,8)+' / 通話 '+id.slice(0,8)+' · '+(STATE_NOTE[state]||state);
      if(p.note.textContent!==heading)p.note.textContent=heading;
      p.form.querySelector('.say-button').disabled=over;
      if(!done.has(id))await conversation(id).catch(()=>{});
    }
    syncChildren(cb,shown.map((id)=>rows.get(id).tr));
    syncChildren(sayPanels,shown.map((id)=>panels.get(id).section));
  }catch(err){/* the contact center stopped: keep the last view */}
}
refresh();setInterval(refresh,1500);
</script></body></html>`;
}
