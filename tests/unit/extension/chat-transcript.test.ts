// The transcript rules every holder applies (merge by id, time order, receipts never go back, bounds) and the
// checks made before a message or an attachment is sent.
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@/lib/chat-rendering/attachment-rules';
import { base64DecodedSize, chatTextProblem, checkChatAttachment } from '@/lib/session/chat-attachments';
import { boundChatItems, mergeChatItems } from '@/lib/session/chat-transcript';
import { chatItemView } from './session-test-kit';

const item = chatItemView;

describe('chat transcript merge', () => {
  it('orders by time whatever the arrival order, and reports only what is new', () => {
    const first = mergeChatItems([], [item('b', 20), item('a', 10)]);
    expect(first.items.map((i) => i.id)).toEqual(['a', 'b']);

    const second = mergeChatItems(first.items, [item('c', 15), item('a', 10)]);
    expect(second.items.map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(second.changed.map((i) => i.id)).toEqual(['c']);
  });

  it('keeps one copy per id; a later version replaces the earlier one and counts as a change', () => {
    const { items } = mergeChatItems([], [item('a', 10, { receipt: 'sent', own: true, role: 'AGENT' })]);
    const next = mergeChatItems(items, [item('a', 10, { receipt: 'delivered', own: true, role: 'AGENT' }), item('a', 10, { receipt: 'delivered', own: true, role: 'AGENT' })]);
    expect(next.items).toHaveLength(1);
    expect(next.items[0].receipt).toBe('delivered');
    expect(next.changed).toHaveLength(1);
  });

  it('never moves a receipt back (a late delivered after read stays read)', () => {
    const { items } = mergeChatItems([], [item('a', 10, { receipt: 'read' })]);
    const next = mergeChatItems(items, [item('a', 10, { receipt: 'delivered' })]);
    expect(next.items[0].receipt).toBe('read');
    expect(next.changed).toEqual([]);
  });

  it('bounds a transcript by count and by text, keeping the newest', () => {
    const many = Array.from({ length: 12 }, (_, i) => item(`m${i}`, i));
    expect(boundChatItems(many, 5).map((i) => i.id)).toEqual(['m7', 'm8', 'm9', 'm10', 'm11']);
    const long = [item('old', 1, { content: 'x'.repeat(60) }), item('new', 2, { content: 'y'.repeat(60) })];
    expect(boundChatItems(long, 500, 100).map((i) => i.id)).toEqual(['new']);
  });
});

describe('chat send checks', () => {
  it('accepts the allowed types within 20 MB, whatever the case of the extension', () => {
    expect(checkChatAttachment(' invoice.PDF', 'application/pdf', 1000)).toEqual({ name: 'invoice.PDF', contentType: 'application/pdf' });
    expect(checkChatAttachment('photo.jpg', 'image/jpeg', MAX_ATTACHMENT_BYTES)).toEqual({ name: 'photo.jpg', contentType: 'image/jpeg' });
    // Sent as the type Amazon Connect expects for the extension, whatever variant the browser reported.
    expect(checkChatAttachment('call.wav', 'audio/x-wav', 10)).toEqual({ name: 'call.wav', contentType: 'audio/wav' });
  });

  it('refuses other types, a type that does not match the extension, empty and oversized files', () => {
    expect(checkChatAttachment('tool.exe', 'application/octet-stream', 10)).toMatchObject({ code: 'attachment-type-not-allowed' });
    expect(checkChatAttachment('image.svg', 'image/svg+xml', 10)).toMatchObject({ code: 'attachment-type-not-allowed' });
    expect(checkChatAttachment('fake.pdf', 'text/html', 10)).toMatchObject({ code: 'attachment-type-not-allowed' });
    expect(checkChatAttachment('../secret.txt', 'text/plain', 10)).toMatchObject({ code: 'attachment-type-not-allowed' });
    expect(checkChatAttachment('empty.txt', 'text/plain', 0)).toMatchObject({ code: 'attachment-type-not-allowed' });
    expect(checkChatAttachment('big.pdf', 'application/pdf', MAX_ATTACHMENT_BYTES + 1)).toMatchObject({ code: 'attachment-too-large', params: { maxMb: '20' } });
  });

  it('measures base64 without decoding it, and refuses what is not base64', () => {
    expect(base64DecodedSize(btoa('hello'))).toBe(5);
    expect(base64DecodedSize(btoa('hell'))).toBe(4);
    expect(base64DecodedSize('not base64!')).toBeNull();
  });

  it('accepts plain and Markdown text up to 1024 characters', () => {
    expect(chatTextProblem('hello', 'text/plain')).toBeNull();
    expect(chatTextProblem('**hi**', 'text/markdown')).toBeNull();
    expect(chatTextProblem('x'.repeat(1025), 'text/plain')).toMatchObject({ code: 'chat-message-too-long', params: { max: '1024' } });
    expect(chatTextProblem('   ', 'text/plain')?.code).toBe('bad-command');
    expect(chatTextProblem('<b>hi</b>', 'text/html')?.code).toBe('bad-command');
  });
});
