// The engine's chat commands against a fake ChatJS session: what each sends, the ClientToken that makes a resent
// message count once, and every refusal as a typed error (checked before anything reaches the service).
import { describe, expect, it } from 'vitest';
import type { SessionCommand } from '@/lib/session/commands';
import { createChatCommands } from '@/lib/streams/chat-commands';
import { ChatSessions } from '@/lib/streams/chat-sessions';
import { AGENT_PARTICIPANT, chatItem, FakeChatSession } from './chatjs-fakes';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function harness(options: { attachmentsEnabled?: boolean; tracked?: boolean } = {}) {
  const session = new FakeChatSession();
  session.transcript = [chatItem('m1', 1), chatItem('m2', 2)];
  const chats = new ChatSessions({ report: () => undefined, log: () => undefined });
  if (options.tracked !== false) {
    chats.track({ contactId: 'chat-1', participantId: AGENT_PARTICIPANT, attachmentsEnabled: options.attachmentsEnabled ?? true, connected: true, session: async () => session });
    await flush();
    await flush();
  }
  const commands = createChatCommands(chats, { callTimeoutMs: 200 });
  return { session, chats, run: (command: SessionCommand, id = 'cmd-1') => commands.execute(id, command as Parameters<typeof commands.execute>[1]) };
}

const pdf = btoa('%PDF-1.4 tiny');

describe('chat commands', () => {
  it('sends a message with the command id as its ClientToken and shows it at once', async () => {
    const h = await harness();
    await expect(h.run({ type: 'chat-send', contactId: 'chat-1', text: '**Hello**', contentType: 'text/markdown' }, 'id-42')).resolves.toEqual({ ok: true });
    expect(h.session.sentMessages).toEqual([{ message: '**Hello**', contentType: 'text/markdown', clientToken: 'id-42' }]);
    expect(h.chats.items('chat-1').at(-1)).toMatchObject({ role: 'AGENT', own: true, content: '**Hello**', receipt: 'sent' });
  });

  it('refuses a message that is too long, empty or of another type, before sending anything', async () => {
    const h = await harness();
    await expect(h.run({ type: 'chat-send', contactId: 'chat-1', text: 'x'.repeat(1025), contentType: 'text/plain' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'chat-message-too-long', params: { max: '1024' } },
    });
    await expect(h.run({ type: 'chat-send', contactId: 'chat-1', text: ' ', contentType: 'text/plain' })).resolves.toMatchObject({ error: { code: 'bad-command' } });
    await expect(h.run({ type: 'chat-send', contactId: 'chat-1', text: 'hi', contentType: 'text/html' as 'text/plain' })).resolves.toMatchObject({
      error: { code: 'bad-command' },
    });
    expect(h.session.sentMessages).toEqual([]);
  });

  it('answers chat-not-connected for a chat without a session, and for ChatJS "No active connection"', async () => {
    const none = await harness({ tracked: false });
    await expect(none.run({ type: 'chat-typing', contactId: 'chat-1' })).resolves.toMatchObject({ error: { code: 'chat-not-connected' } });

    const h = await harness();
    h.session.failWith = 'Failed to call sendMessage, No active connection';
    await expect(h.run({ type: 'chat-send', contactId: 'chat-1', text: 'hi', contentType: 'text/plain' })).resolves.toMatchObject({
      error: { code: 'chat-not-connected' },
    });
  });

  it('turns a participant-service refusal into rejected with its message', async () => {
    const h = await harness();
    h.session.failWith = { type: 'ThrottlingException', message: 'Rate exceeded', statusCode: 429 };
    await expect(h.run({ type: 'chat-typing', contactId: 'chat-1' })).resolves.toMatchObject({ error: { code: 'rejected', params: { detail: 'Rate exceeded' } } });
  });

  it('sends typing, and a read receipt after marking the message read', async () => {
    const h = await harness();
    await expect(h.run({ type: 'chat-typing', contactId: 'chat-1' })).resolves.toEqual({ ok: true });
    await expect(h.run({ type: 'chat-read', contactId: 'chat-1', messageId: 'm2' })).resolves.toEqual({ ok: true });
    expect(h.session.sentEvents.map((e) => e.contentType.split('.').pop())).toContain('typing');
    expect(h.session.sentEvents.at(-1)).toEqual({ contentType: 'application/vnd.amazonaws.connect.event.message.read', content: '{"messageId":"m2"}' });
    expect(h.chats.items('chat-1').map((i) => i.receipt)).toEqual(['read', 'read']);
  });

  it('sends no second read receipt for messages already read (a panel reopening on the chat asks again)', async () => {
    const h = await harness();
    await h.run({ type: 'chat-read', contactId: 'chat-1', messageId: 'm2' });
    const sent = h.session.sentEvents.length;
    await expect(h.run({ type: 'chat-read', contactId: 'chat-1', messageId: 'm2' })).resolves.toEqual({ ok: true });
    expect(h.session.sentEvents.length).toBe(sent);
  });

  it('uploads an allowed attachment as a File of the expected type', async () => {
    const h = await harness();
    await expect(h.run({ type: 'chat-attach', contactId: 'chat-1', name: 'invoice.pdf', contentType: 'application/pdf', dataBase64: pdf })).resolves.toEqual({ ok: true });
    const [file] = h.session.sentAttachments;
    expect({ name: file.name, type: file.type, size: file.size, text: await file.text() }).toEqual({ name: 'invoice.pdf', type: 'application/pdf', size: 13, text: '%PDF-1.4 tiny' });
  });

  it('refuses attachments of other types, too large, not base64, or where the chat does not allow them', async () => {
    const h = await harness();
    const attach = (name: string, contentType: string, dataBase64: string) => h.run({ type: 'chat-attach', contactId: 'chat-1', name, contentType, dataBase64 });
    await expect(attach('run.exe', 'application/x-msdownload', pdf)).resolves.toMatchObject({ error: { code: 'attachment-type-not-allowed', params: { name: 'run.exe' } } });
    const tooBig = 'A'.repeat(4 * Math.ceil((20 * 1024 * 1024 + 1) / 3)); // one byte over 20 MB once decoded
    await expect(attach('big.pdf', 'application/pdf', tooBig)).resolves.toMatchObject({ error: { code: 'attachment-too-large' } });
    await expect(attach('x.pdf', 'application/pdf', '%%%')).resolves.toMatchObject({ error: { code: 'bad-command' } });
    expect(h.session.sentAttachments).toEqual([]);

    const disabled = await harness({ attachmentsEnabled: false });
    await expect(disabled.run({ type: 'chat-attach', contactId: 'chat-1', name: 'a.pdf', contentType: 'application/pdf', dataBase64: pdf })).resolves.toMatchObject({
      error: { code: 'attachments-disabled' },
    });
  });

  it("answers an attachment's download URL as the command's value", async () => {
    const h = await harness();
    await expect(h.run({ type: 'chat-attachment-url', contactId: 'chat-1', attachmentId: 'att-9' })).resolves.toEqual({
      ok: true,
      value: { url: 'http://127.0.0.1:8790/participant/attachments/att-9?sig=x' },
    });
  });
});
