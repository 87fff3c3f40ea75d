// @vitest-environment happy-dom
// The Transcript tab: lines as the worker sends them (who, when, sentiment in words, the segment id), the customer's
// sentiment trend in words, After Contact Work and a closed contact (read through Contact Lens when the panel holds
// nothing), no Contact Lens service, tasks, the polite announcement of a new line, Japanese.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TranscriptPane from '@/components/workspace/transcript/TranscriptPane.vue';
import { accessibleName, voiceContact } from '../softphone-fixture';
import { mountWithTranscripts, segment, transcriptRequests } from './transcript-test-kit';

enableAutoUnmount(afterEach);

describe('the Transcript tab during a call', () => {
  it('shows each line with its speaker, offset, sentiment in words and segment id, in the order said', async () => {
    const { wrapper, transcripts } = await mountWithTranscripts(TranscriptPane);
    expect(transcripts.followed()).toEqual(['contact-1']);
    expect(wrapper.get('[data-testid="transcript-status"]').text()).toBe('Waiting for the first words…');
    const greeting = segment({ role: 'AGENT', content: 'Thank you for calling.', atSeconds: 2, sentiment: 'POSITIVE' });
    const problem = segment({ content: 'My router keeps dropping the connection.', atSeconds: 65, sentiment: 'NEGATIVE' });
    transcripts.push('contact-1', { full: true, segments: [problem, greeting] });
    await flushPromises();
    const lines = wrapper.findAll('[data-testid="transcript-line"]');
    expect(lines.map((line) => line.attributes('data-segment-id'))).toEqual([greeting.id, problem.id]);
    // What a screen reader reads for each line's head (the visible short forms are hidden from it), then the words.
    expect(lines.map((line) => accessibleName(line.get('.line-head').element))).toEqual([
      'Agent, at 0:02, Sentiment: positive',
      'Customer, at 1:05, Sentiment: negative',
    ]);
    expect(lines.map((line) => line.get('.line-head').findAll('[aria-hidden="true"]').map((part) => part.text()))).toEqual([
      ['0:02', 'positive'],
      ['1:05', 'negative'],
    ]);
    expect(lines.map((line) => line.get('.content').text())).toEqual(['Thank you for calling.', 'My router keeps dropping the connection.']);
    expect(wrapper.get('[data-testid="transcript-status"]').text()).toBe('Live: lines appear as they are said.');
  });

  it('adds a new line as it arrives and announces it politely, not the lines already there', async () => {
    const { wrapper, transcripts } = await mountWithTranscripts(TranscriptPane);
    transcripts.push('contact-1', { full: true, segments: [segment({ content: 'Hello' }), segment({ content: 'Are you there?' })] });
    await flushPromises();
    const announcer = wrapper.get('[data-testid="transcript-announcer"]');
    expect(announcer.attributes('aria-live')).toBe('polite');
    expect(announcer.text()).toBe('');
    const next = segment({ content: 'It drops every evening.', sentiment: 'NEGATIVE' });
    transcripts.push('contact-1', { segments: [next] });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="transcript-line"]').at(-1)!.attributes('data-segment-id')).toBe(next.id);
    expect(announcer.text()).toBe('Customer: It drops every evening.');
  });

  it('says the customer’s sentiment trend in words, folding repeats and leaving the agent out', async () => {
    const { wrapper, transcripts } = await mountWithTranscripts(TranscriptPane);
    transcripts.push('contact-1', {
      full: true,
      segments: [
        segment({ sentiment: 'NEGATIVE', atSeconds: 1 }),
        segment({ sentiment: 'NEGATIVE', atSeconds: 2 }),
        segment({ role: 'AGENT', sentiment: 'POSITIVE', atSeconds: 3 }),
        segment({ sentiment: 'NEUTRAL', atSeconds: 4 }),
        segment({ sentiment: 'POSITIVE', atSeconds: 5 }),
      ],
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="sentiment-trend-text"]').text()).toBe('Customer sentiment: negative → neutral → positive');
    // The chart draws the customer's four lines and is hidden from screen readers (the words carry it).
    const chart = wrapper.get('[data-testid="sentiment-trend"] svg');
    expect(chart.attributes('aria-hidden')).toBe('true');
    expect(chart.findAll('rect').map((bar) => bar.classes()[0])).toEqual(['bar-negative', 'bar-negative', 'bar-neutral', 'bar-positive']);
  });

  it('says so when the instance has no Contact Lens service, and offers no line box', async () => {
    const contact = voiceContact({ state: 'connected' });
    const { wrapper, transcripts } = await mountWithTranscripts(TranscriptPane, { contact, snapshot: { instanceUrl: 'https://example.my.connect.aws' } });
    transcripts.push('contact-1', { full: true, source: 'not-configured' });
    await flushPromises();
    expect(wrapper.get('[data-testid="transcript-status"]').text()).toContain('no Contact Lens service');
    expect(wrapper.find('[data-testid="transcript-lines"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="agent-line-box"]').exists()).toBe(false);
  });

  it('tells a task has no transcript and follows nothing for it', async () => {
    const task = voiceContact({ id: 'task-1', channel: 'task', state: 'connected' });
    const { wrapper, transcripts } = await mountWithTranscripts(TranscriptPane, { contact: task });
    expect(wrapper.get('[data-testid="transcript-status"]').text()).toBe('Tasks have no transcript.');
    expect(transcripts.followed()).toEqual([]);
  });
});

describe('the Transcript tab after the call', () => {
  it('keeps the whole transcript in After Contact Work and after the contact closed', async () => {
    const contact = voiceContact({ state: 'connected' });
    const { wrapper, transcripts } = await mountWithTranscripts(TranscriptPane, { contact });
    const said = segment({ content: 'Thanks, it works now.', sentiment: 'POSITIVE' });
    transcripts.push('contact-1', { full: true, segments: [said] });
    await flushPromises();
    await wrapper.setProps({ contact: { ...contact, state: 'ended' }, closed: false });
    transcripts.push('contact-1', { completed: true });
    await flushPromises();
    expect(wrapper.get('[data-testid="transcript-status"]').text()).toContain('After Contact Work');
    expect(wrapper.get('[data-testid="transcript-line"]').attributes('data-segment-id')).toBe(said.id);
    expect(wrapper.find('[data-testid="agent-line-box"]').exists()).toBe(false);
    await wrapper.setProps({ contact: { ...contact, state: 'ended' }, closed: true });
    await flushPromises();
    expect(wrapper.get('[data-testid="transcript-status"]').text()).toBe('The contact is closed; this is its transcript.');
    expect(wrapper.get('[data-testid="transcript-line"]').text()).toContain('Thanks, it works now.');
    expect(wrapper.find('[data-testid="transcript-announcer"]').exists()).toBe(false);
  });

  it('reads a closed contact the panel holds nothing of through Contact Lens', async () => {
    const contact = voiceContact({ id: 'gone-1', state: 'ended' });
    const old = segment({ content: 'I moved last month.', sentiment: 'NEUTRAL' });
    const { wrapper, client } = await mountWithTranscripts(TranscriptPane, {
      contact,
      snapshot: { contacts: [] },
      props: { contact, closed: true },
      answer: () => ({ ok: true, value: { transcript: { available: true, segments: [old], completed: true } } }),
    });
    expect(transcriptRequests(client)).toEqual([{ op: 'segments', contactId: 'gone-1', channel: 'voice' }]);
    expect(wrapper.get('[data-testid="transcript-line"]').attributes('data-segment-id')).toBe(old.id);
    expect(wrapper.get('[data-testid="sentiment-trend-text"]').text()).toBe('Customer sentiment: neutral');
  });

  it('says in words when that read fails', async () => {
    const contact = voiceContact({ id: 'gone-2', state: 'ended' });
    const { wrapper } = await mountWithTranscripts(TranscriptPane, {
      contact,
      snapshot: { contacts: [] },
      props: { contact, closed: true },
      answer: () => ({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'contactLens' } } }),
    });
    expect(wrapper.get('[role="alert"]').text()).toContain('The transcript service (Contact Lens) could not be reached');
  });
});

describe('the Transcript tab in Japanese', () => {
  it('names speakers, sentiments and the trend in Japanese', async () => {
    const { wrapper, transcripts } = await mountWithTranscripts(TranscriptPane, { language: 'ja' });
    transcripts.push('contact-1', { full: true, segments: [segment({ content: 'ルーターの接続が頻繁に切れる', sentiment: 'NEGATIVE', atSeconds: 3 })] });
    await flushPromises();
    expect(wrapper.get('[data-testid="transcript-line"]').text()).toContain('お客様');
    expect(wrapper.get('[data-testid="line-sentiment"]').text()).toContain('ネガティブ');
    expect(wrapper.get('[data-testid="sentiment-trend-text"]').text()).toBe('お客様の感情の推移: ネガティブ');
  });
});
