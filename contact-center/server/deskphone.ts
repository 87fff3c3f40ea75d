// An agent's desk phone in desk phone mode (/deskphone/<number>, server/routes/deskphone.ts): its page, which rings
// when a contact is delivered to the agent and whose Answer button picks up, and the event streams that tell
// open pages about every change.

import type { ServerResponse } from 'node:http';
import type { RoutingEngine } from '../routing/engine';
import { escapeHtml, SECURITY_HEADERS } from './http-kit';

export class DeskPhones {
  private readonly listeners = new Map<string, Set<ServerResponse>>();

  constructor(readonly engine: RoutingEngine) {
    engine.observe({ deskPhoneChanged: (n) => this.push(n) });
  }

  /** Streams the desk phone's state to `res` (Server-Sent Events) until the client goes away. */
  stream(number: string, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(`data: ${JSON.stringify(this.engine.deskPhone(number))}\n\n`);
    let set = this.listeners.get(number);
    if (!set) this.listeners.set(number, (set = new Set()));
    set.add(res);
    res.on('close', () => set.delete(res));
  }

  closeAll(): void {
    for (const set of this.listeners.values()) for (const res of set) res.end();
    this.listeners.clear();
  }

  private push(number: string): void {
    const set = this.listeners.get(number);
    if (!set) return;
    const line = `data: ${JSON.stringify(this.engine.deskPhone(number))}\n\n`;
    for (const res of set) res.write(line);
  }
}

export function deskPhonePage(number: string): string {
  const n = escapeHtml(number);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Desk phone ${n}</title>
<style>
body{font-family:system-ui,"Hiragino Sans",sans-serif;background:#222;color:#eee;display:grid;place-items:center;min-height:100vh;margin:0}
.phone{background:#333;border-radius:16px;padding:2rem;width:18rem;text-align:center;box-shadow:0 4px 20px #0008}
.display{background:#9db89a;color:#112;border-radius:6px;padding:1rem;min-height:4rem;font-family:ui-monospace,monospace}
.ringing .display{animation:blink 1s infinite}@keyframes blink{50%{background:#cde8c9}}
button{margin-top:1.25rem;font-size:1.1rem;padding:.7rem 2rem;border-radius:999px;border:0;background:#2e7d32;color:#fff;cursor:pointer}
button:disabled{background:#555;cursor:default}
</style></head><body>
<main class="phone" id="phone"><h1>Desk phone</h1><p>${n}</p>
<div class="display" role="status" aria-live="assertive" id="display">Idle</div>
<button id="answer" type="button" disabled>Answer</button></main>
<script>
const number=${JSON.stringify(number)};
const display=document.getElementById('display'),answer=document.getElementById('answer'),phone=document.getElementById('phone');
function render(s){
  phone.classList.toggle('ringing',!!s.ringing);
  answer.disabled=!s.ringing;
  if(s.ringing){display.textContent='Ringing: '+(s.ringing.caller||'unknown')+(s.ringing.queueName?' ('+s.ringing.queueName+')':'');}
  else if(s.inCall){display.textContent='In call';}
  else if(!s.agentId){display.textContent='Not assigned to an agent in desk phone mode';}
  else{display.textContent='Idle';}
}
new EventSource(location.pathname+'/events').onmessage=function(e){render(JSON.parse(e.data));};
answer.onclick=async function(){
  answer.disabled=true;
  const r=await fetch(location.pathname+'/answer',{method:'POST',headers:{'Content-Type':'application/json'},body:'{}'});
  if(!r.ok){const b=await r.json().catch(function(){return {};});display.textContent=(b.error&&b.error.message)||'Could not answer';}
};
</script></body></html>`;
}
