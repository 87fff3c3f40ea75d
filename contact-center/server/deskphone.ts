// The desk-phone page (/deskphone/<number>): an agent's desk phone in desk phone mode. It rings when a
// contact is delivered to the agent, and its Answer button picks up, so a person or a test can answer.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RoutingEngine } from '../routing/engine';
import { EngineError } from '../routing/errors';
import { escapeHtml, HttpError, readJsonObject, sendHtml, sendJson } from './http-kit';

export class DeskPhones {
  private readonly listeners = new Map<string, Set<ServerResponse>>();

  constructor(private readonly engine: RoutingEngine) {
    engine.observe({ deskPhoneChanged: (n) => this.push(n) });
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const m = /^\/deskphone\/([^/]+)(\/events|\/answer|\/state)?$/.exec(url.pathname);
    if (!m) return false;
    const number = decodeURIComponent(m[1]);
    if (!/^\+[1-9]\d{6,14}$/.test(number)) throw new HttpError(400, `${number} is not a phone number in E.164 format (+81312345678)`);
    const action = m[2];
    if (!action) {
      sendHtml(res, 200, page(number));
    } else if (action === '/state') {
      sendJson(res, 200, this.engine.deskPhone(number));
    } else if (action === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify(this.engine.deskPhone(number))}\n\n`);
      let set = this.listeners.get(number);
      if (!set) this.listeners.set(number, (set = new Set()));
      set.add(res);
      req.on('close', () => set.delete(res));
    } else {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST', 'MethodNotAllowed');
      await readJsonObject(req);
      try {
        this.engine.answerDeskPhone(number);
      } catch (e) {
        if (e instanceof EngineError) throw new HttpError(e.code === 'ResourceNotFoundException' ? 404 : 409, e.message, e.code);
        throw e;
      }
      sendJson(res, 200, this.engine.deskPhone(number));
    }
    return true;
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

function page(number: string): string {
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
