// The demo page (/demo/): a person plays the customer — places an inbound call to the signed-in agents,
// picks the queue and IVR attributes, and hangs up — using the control API from the same origin.

import { escapeHtml } from './http-kit';
import type { InstanceConfig } from '../model';

export function demoPage(config: InstanceConfig): string {
  const queues = config.queues.map((q) => `<option value="${escapeHtml(q.id)}">${escapeHtml(q.name)} / ${escapeHtml(q.names.ja ?? q.name)}</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Call in · Switchboard local contact center</title>
<style>
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2733}
fieldset{border:1px solid #ccd4dd;border-radius:8px;padding:1rem 1.25rem}label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1rem;border-radius:4px;border:1px solid #0b6bcb;background:#0b6bcb;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b6bcb}table{border-collapse:collapse;width:100%;margin-top:1rem}td,th{border-bottom:1px solid #e3e8ee;padding:.35rem;text-align:left;font-size:.9rem}
.error{color:#b00020}
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
<script>
const calls=[];
const json=(r)=>r.json().then((b)=>{if(!r.ok)throw new Error((b.error&&b.error.message)||r.status);return b;});
const post=(path,body)=>fetch(path,{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify(body||{})}).then(json);
const text=(v)=>document.createTextNode(v==null?'':String(v));
function row(cells){const tr=document.createElement('tr');for(const c of cells){const td=document.createElement('td');td.append(c instanceof Node?c:text(c));tr.append(td);}return tr;}
document.getElementById('call').addEventListener('submit',async(e)=>{
  e.preventDefault();const msg=document.getElementById('message');msg.className='';
  const account=document.getElementById('account').value.trim();
  try{const r=await post('/api/v1/inbound-calls',{from:document.getElementById('from').value.trim(),queue:document.getElementById('queue').value,attributes:account?{accountNumber:account}:{}});
    calls.unshift(r.contactId);msg.textContent='Calling… / 呼び出し中…';refresh();}
  catch(err){msg.className='error';msg.textContent=err.message;}
});
async function refresh(){
  try{
    const {agents}=await fetch('/api/v1/agents').then(json);
    const tb=document.querySelector('#agents tbody');tb.replaceChildren(...agents.map((a)=>row([a.name+' ('+a.username+')',a.state,a.contacts.map((c)=>c.state).join(', ')])));
    const cb=document.querySelector('#calls tbody');const rows=[];
    for(const id of calls.slice(0,10)){
      const c=await fetch('/api/v1/contacts/'+encodeURIComponent(id)).then(json).catch(()=>null);
      const state=c?c.record.state:'unknown';const btn=document.createElement('button');
      btn.textContent='Hang up / 切断';btn.className='secondary';btn.disabled=!c||state==='ended'||state==='acw';
      btn.onclick=()=>post('/api/v1/contacts/'+encodeURIComponent(id)+'/customer-hangup').then(refresh,refresh);
      rows.push(row([id.slice(0,8),state,btn]));
    }
    cb.replaceChildren(...rows);
  }catch(err){/* the contact center stopped: keep the last view */}
}
refresh();setInterval(refresh,1500);
</script></body></html>`;
}
