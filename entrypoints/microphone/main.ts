// One-time microphone permission page for real Amazon Connect instances: the softphone's audio runs in the
// offscreen engine, which cannot show a permission prompt, so the agent grants the extension the microphone
// here once (Chrome then remembers it for the extension's origin, and the CCP frame inherits it).
import { browser } from 'wxt/browser';

type MessageKey = 'mic_title' | 'mic_why' | 'mic_allow' | 'mic_granted' | 'mic_denied' | 'mic_missing';
const message = (key: MessageKey) => browser.i18n.getMessage(key);

const title = document.getElementById('title') as HTMLElement;
const why = document.getElementById('why') as HTMLElement;
const allow = document.getElementById('allow') as HTMLButtonElement;
const result = document.getElementById('result') as HTMLElement;

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = message('mic_title');
title.textContent = message('mic_title');
why.textContent = message('mic_why');
allow.textContent = message('mic_allow');

function show(kind: 'ok' | 'error', text: string): void {
  result.className = kind;
  result.textContent = text;
}

allow.addEventListener('click', async () => {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) track.stop();
    show('ok', message('mic_granted'));
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    show('error', name === 'NotFoundError' ? message('mic_missing') : message('mic_denied'));
  }
});
