// Unit tests of the chat attachment rules (Amazon Connect's allowed types and 20 MB limit), the file size wording
// and the outgoing message rules.
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_ATTACHMENT_EXTENSIONS,
  ATTACHMENT_ACCEPT,
  checkAttachment,
  formatFileSize,
  isPreviewableImage,
  MAX_ATTACHMENT_BYTES,
} from '../../../lib/chat-rendering/attachment-rules';
import { checkOutgoingMessage, MAX_OUTGOING_MESSAGE_LENGTH } from '../../../lib/chat-rendering/outgoing-message';

describe('checkAttachment', () => {
  it('allows exactly the types Amazon Connect allows', () => {
    expect(ALLOWED_ATTACHMENT_EXTENSIONS).toEqual(['csv', 'doc', 'docx', 'jpeg', 'jpg', 'png', 'pdf', 'ppt', 'pptx', 'txt', 'wav', 'xls', 'xlsx']);
    expect(ATTACHMENT_ACCEPT).toBe('.csv,.doc,.docx,.jpeg,.jpg,.png,.pdf,.ppt,.pptx,.txt,.wav,.xls,.xlsx');
  });

  it('accepts an allowed file and names the content type to upload it as', () => {
    expect(checkAttachment({ name: 'receipt.PDF', type: 'application/pdf', size: 2_000 })).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkAttachment({ name: 'photo.jpg', type: '', size: 10 })).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkAttachment({ name: 'orders.csv', type: 'application/vnd.ms-excel', size: 10 })).toEqual({ ok: true, contentType: 'text/csv' });
    expect(checkAttachment({ name: 'call.wav', type: 'audio/x-wav', size: 10 })).toEqual({ ok: true, contentType: 'audio/wav' });
  });

  it('refuses other extensions, files without one, and a type that contradicts the extension', () => {
    expect(checkAttachment({ name: 'setup.exe', type: 'application/x-msdownload', size: 10 })).toEqual({ ok: false, reason: 'type' });
    expect(checkAttachment({ name: 'page.html', type: 'text/html', size: 10 })).toEqual({ ok: false, reason: 'type' });
    expect(checkAttachment({ name: 'README', type: '', size: 10 })).toEqual({ ok: false, reason: 'type' });
    expect(checkAttachment({ name: '.png', type: 'image/png', size: 10 })).toEqual({ ok: false, reason: 'type' });
    expect(checkAttachment({ name: 'setup.exe.pdf', type: 'application/x-msdownload', size: 10 })).toEqual({ ok: false, reason: 'type' });
    expect(checkAttachment({ name: 'vector.png', type: 'image/svg+xml', size: 10 })).toEqual({ ok: false, reason: 'type' });
  });

  it('allows up to 20 MB and refuses a byte more, and empty files', () => {
    expect(checkAttachment({ name: 'a.pdf', type: 'application/pdf', size: MAX_ATTACHMENT_BYTES }).ok).toBe(true);
    expect(checkAttachment({ name: 'a.pdf', type: 'application/pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toEqual({ ok: false, reason: 'size' });
    expect(checkAttachment({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toEqual({ ok: false, reason: 'empty' });
  });

  it('previews PNG and JPEG images only', () => {
    expect(['image/png', 'image/jpeg', 'image/svg+xml', 'application/pdf'].map(isPreviewableImage)).toEqual([true, true, false, false]);
  });
});

describe('formatFileSize', () => {
  it('speaks bytes, KB and MB', () => {
    expect(formatFileSize(820, 'en')).toBe('820 B');
    expect(formatFileSize(14_540, 'en')).toBe('14.2 KB');
    expect(formatFileSize(25 * 1024 * 1024 + 300_000, 'en')).toBe('25.3 MB');
    expect(formatFileSize(MAX_ATTACHMENT_BYTES, 'ja')).toBe('20 MB');
  });
});

describe('checkOutgoingMessage', () => {
  it('drops leading blank lines and trailing white space but keeps the inner layout', () => {
    expect(checkOutgoingMessage('\n\n  - one\n  - two  \n')).toEqual({ ok: true, text: '  - one\n  - two' });
  });

  it('refuses an empty message and one over Connect\'s 1,024 characters', () => {
    expect(checkOutgoingMessage(' \n\t')).toEqual({ ok: false, reason: 'empty' });
    expect(checkOutgoingMessage('a'.repeat(MAX_OUTGOING_MESSAGE_LENGTH)).ok).toBe(true);
    expect(checkOutgoingMessage('a'.repeat(MAX_OUTGOING_MESSAGE_LENGTH + 1))).toEqual({ ok: false, reason: 'too-long' });
  });
});
