// @vitest-environment happy-dom
// The agent's typed line: only in a connected call on the local contact center; an empty or too long line is
// refused in words without a command; Enter sends it through the engine and the recorded line shows at once;
// the contact center's refusal is shown; Shift+Enter does not send.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TranscriptPane from '@/components/workspace/transcript/TranscriptPane.vue';
import { AGENT_LINE_MAX } from '@/lib/transcript/transcript-requests';
import { accessibleName, button, voiceContact } from '../softphone-fixture';
import { mountWithTranscripts, segment, transcriptRequests } from './transcript-test-kit';

enableAutoUnmount(afterEach);

describe('the agent’s line box', () => {
  it('is labelled, and refuses an empty line in words without sending anything', async () => {
    const { wrapper, client } = await mountWithTranscripts(TranscriptPane);
    const input = wrapper.get('[data-testid="agent-line-input"]');
    expect(accessibleName(input.element)).toBe('Your line');
    expect(button(wrapper, 'Add line').attributes('type')).toBe('submit');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="agent-line-error"]').text()).toBe('Type a line first.');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(transcriptRequests(client)).toEqual([]);
  });

  it('refuses a line longer than the limit', async () => {
    const { wrapper, client } = await mountWithTranscripts(TranscriptPane);
    await wrapper.get('[data-testid="agent-line-input"]').setValue('a'.repeat(AGENT_LINE_MAX + 1));
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="agent-line-error"]').text()).toBe(`A line can have at most ${AGENT_LINE_MAX} characters.`);
    expect(transcriptRequests(client)).toEqual([]);
  });

  it('sends the line with Enter and shows the recorded segment at once', async () => {
    const recorded = segment({ role: 'AGENT', content: 'Let me check your router.', sentiment: 'NEUTRAL' });
    const { wrapper, client, transcripts } = await mountWithTranscripts(TranscriptPane, {
      answer: (request) => (request.op === 'say' ? { ok: true, value: { transcript: { segment: recorded } } } : { ok: true }),
    });
    transcripts.push('contact-1', { full: true, segments: [] });
    await flushPromises();
    const input = wrapper.get('[data-testid="agent-line-input"]');
    await input.setValue('  Let me check your router.  ');
    await input.trigger('keydown', { key: 'Enter', shiftKey: true });
    await flushPromises();
    expect(transcriptRequests(client)).toEqual([]);
    await input.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(transcriptRequests(client)).toEqual([{ op: 'say', contactId: 'contact-1', text: 'Let me check your router.' }]);
    expect((input.element as HTMLTextAreaElement).value).toBe('');
    expect(wrapper.get('[data-testid="transcript-line"]').attributes('data-segment-id')).toBe(recorded.id);
  });

  it('shows the contact center’s refusal and keeps the text', async () => {
    const { wrapper } = await mountWithTranscripts(TranscriptPane, {
      answer: () => ({ ok: false, error: { code: 'contact-not-found' } }),
    });
    const input = wrapper.get('[data-testid="agent-line-input"]');
    await input.setValue('Hello?');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="agent-line-error"]').text()).toBe('That contact has already ended.');
    expect((input.element as HTMLTextAreaElement).value).toBe('Hello?');
  });

  it('is not offered on a real instance or in a chat', async () => {
    const real = await mountWithTranscripts(TranscriptPane, { snapshot: { instanceUrl: 'https://example.my.connect.aws' } });
    expect(real.wrapper.find('[data-testid="agent-line-box"]').exists()).toBe(false);
    real.wrapper.unmount();
    const chat = voiceContact({ id: 'chat-1', channel: 'chat', state: 'connected' });
    const chatPane = await mountWithTranscripts(TranscriptPane, { contact: chat });
    expect(chatPane.wrapper.find('[data-testid="agent-line-box"]').exists()).toBe(false);
  });
});
