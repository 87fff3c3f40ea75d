// Chat attachments: Connect's types, names and 20 MB limit, the content check by magic bytes, and the whole
// StartAttachmentUpload → PUT → CompleteAttachmentUpload → GetAttachment path with its one-time and expiring URLs.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_CHAT, checkAttachmentContent, validAttachmentDeclaration } from '../../../../contact-center/chat/attachments';
import { openChatFixture, startedChat, type ChatFixture } from './chat-fixture';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR....');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n');
const WAV = bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ');
const AVI = bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST');
const ole = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'compound');
const ooxml = (folder: string) => bytes('PK', [3, 4, 20, 0], '[Content_Types].xml', 'PK', [3, 4, 20, 0], `${folder}document.xml`);
const SHIFT_JIS_CSV = Buffer.from([0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x93, 0x64, 0x98, 0x62, 0x0d, 0x0a]); // 名前,電話

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const refusal = (code: string, message?: RegExp) => expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });

describe('attachment declarations', () => {
  it.each([
    ['text/csv', 'list.csv'],
    ['application/msword', 'a.doc'],
    [DOCX, 'a.docx'],
    ['image/jpeg', 'photo.jpg'],
    ['image/jpeg', 'photo.JPEG'],
    ['application/pdf', '見積書.pdf'],
    ['image/png', 'screen.png'],
    ['application/vnd.ms-powerpoint', 'a.ppt'],
    [PPTX, 'a.pptx'],
    ['text/plain', 'notes.txt'],
    ['audio/wav', 'voice.wav'],
    ['audio/x-wav', 'voice.wav'],
    ['application/vnd.ms-excel', 'a.xls'],
    [XLSX, 'a.xlsx'],
    ['IMAGE/PNG', 'screen.png'],
  ])('accepts %s named %s', (contentType, name) => {
    expect(validAttachmentDeclaration({ ContentType: contentType, AttachmentName: name, AttachmentSizeInBytes: 10 }).contentType).toBe(contentType.toLowerCase());
  });

  it.each([
    [{ ContentType: 'image/gif', AttachmentName: 'a.gif', AttachmentSizeInBytes: 10 }, /not a supported attachment type/],
    [{ ContentType: 'application/zip', AttachmentName: 'a.zip', AttachmentSizeInBytes: 10 }, /not a supported attachment type/],
    [{ ContentType: 'image/png', AttachmentName: 'a.exe', AttachmentSizeInBytes: 10 }, /extension/],
    [{ ContentType: 'image/png', AttachmentName: 'png', AttachmentSizeInBytes: 10 }, /extension/],
    [{ ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: 0 }, /at least 1/],
    [{ ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: ATTACHMENT_MAX_BYTES + 1 }, /20 MB/],
    [{ ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: '10' }, /integer/],
    [{ ContentType: 'image/png', AttachmentName: `${'a'.repeat(253)}.png`, AttachmentSizeInBytes: 10 }, /at most 256/],
    [{ ContentType: '', AttachmentName: 'a.png', AttachmentSizeInBytes: 10 }, /must not be empty/],
  ])('refuses %j', (request, message) => {
    expect(() => validAttachmentDeclaration(request)).toThrow(refusal('ValidationException', message));
  });

  it('accepts exactly 20 MB', () => {
    expect(validAttachmentDeclaration({ ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: ATTACHMENT_MAX_BYTES }).sizeBytes).toBe(20 * 1024 * 1024);
  });
});

describe('attachment content check', () => {
  it.each([
    ['image/png', PNG, true],
    ['image/png', JPEG, false],
    ['image/jpeg', JPEG, true],
    ['image/jpeg', PNG, false],
    ['application/pdf', PDF, true],
    ['application/pdf', bytes('<html>not a pdf</html>'), false],
    ['audio/wav', WAV, true],
    ['audio/wav', AVI, false],
    [DOCX, ooxml('word/'), true],
    [DOCX, ooxml('xl/'), false],
    [XLSX, ooxml('xl/'), true],
    [PPTX, ooxml('ppt/'), true],
    [PPTX, bytes('PK', [3, 4], 'just a zip'), false],
    ['application/msword', ole, true],
    ['application/vnd.ms-excel', ole, true],
    ['application/vnd.ms-excel', ooxml('xl/'), false],
    ['text/plain', bytes('hello\r\nworld\n'), true],
    ['text/csv', SHIFT_JIS_CSV, true],
    ['text/csv', bytes('a,b', [0], 'c'), false],
    ['text/plain', PNG, false],
    ['text/plain', bytes([0x4d, 0x5a, 0x90]), false],
  ])('judges %s content (case %#) as %s', (contentType, content, ok) => {
    expect(checkAttachmentContent(contentType, content).ok).toBe(ok);
  });
});

describe('attachment upload and download', () => {
  let fixture: ChatFixture;
  let customerToken: string;
  let agentToken: string;

  beforeEach(() => {
    fixture = openChatFixture();
    ({ customerToken, agentToken } = startedChat(fixture));
  });

  afterEach(() => fixture.close());

  const tokenOf = (url: string) => url.split('/').at(-1) ?? '';
  const start = (content: Buffer, contentType = 'image/png', name = 'screen.png', clientToken = `start-${Math.random()}`) =>
    fixture.chat.startAttachmentUpload(customerToken, { ContentType: contentType, AttachmentName: name, AttachmentSizeInBytes: content.length, ClientToken: clientToken });

  it('takes a PNG from start to download, pushing an APPROVED ATTACHMENT item', () => {
    const started = start(PNG);
    expect(started.UploadMetadata).toEqual({
      Url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:8123\/participant\/attachments\/upload\//),
      UrlExpiry: '2026-01-05T09:05:00.000Z',
      HeadersToInclude: { 'Content-Type': 'image/png' },
    });
    fixture.chat.acceptAttachmentUpload(tokenOf(started.UploadMetadata.Url), PNG, 'image/png');
    fixture.deliveries.length = 0;
    expect(fixture.chat.completeAttachmentUpload(customerToken, { AttachmentIds: [started.AttachmentId], ClientToken: 'done' })).toEqual({});
    expect(fixture.deliveries[0]?.item).toMatchObject({
      Type: 'ATTACHMENT',
      ContentType: 'image/png',
      ParticipantRole: 'CUSTOMER',
      Attachments: [{ AttachmentId: started.AttachmentId, AttachmentName: 'screen.png', ContentType: 'image/png', Status: 'APPROVED' }],
    });
    expect(fixture.deliveries[0]?.recipients).toHaveLength(2);
    expect(fixture.chat.getTranscript(agentToken, { MaxResults: 1 }).Transcript[0]?.Type).toBe('ATTACHMENT');

    const download = fixture.chat.getAttachment(agentToken, { AttachmentId: started.AttachmentId, UrlExpiryInSeconds: 60 });
    expect(download).toEqual({ Url: expect.stringMatching(/\/download\//), UrlExpiry: '2026-01-05T09:01:00.000Z', AttachmentSizeInBytes: PNG.length });
    const file = fixture.chat.openAttachmentDownload(tokenOf(download.Url));
    expect(file).toEqual({ bytes: PNG, contentType: 'image/png', name: 'screen.png' });
    expect(fixture.chat.openAttachmentDownload(tokenOf(download.Url)).bytes).toEqual(PNG);
    fixture.clock.advance(60_000);
    expect(() => fixture.chat.openAttachmentDownload(tokenOf(download.Url))).toThrow(refusal('AccessDeniedException', /expired/));
  });

  it('accepts an upload URL once, before it expires, with the declared Content-Type and size', () => {
    const started = start(PNG);
    const token = tokenOf(started.UploadMetadata.Url);
    expect(() => fixture.chat.acceptAttachmentUpload(token, PNG, 'image/jpeg')).toThrow(refusal('AccessDeniedException', /Content-Type image\/png/));
    expect(() => fixture.chat.acceptAttachmentUpload(token, PNG.subarray(1), 'image/png')).toThrow(refusal('ValidationException', /declared/));
    fixture.chat.acceptAttachmentUpload(token, PNG, 'image/png');
    expect(() => fixture.chat.acceptAttachmentUpload(token, PNG, 'image/png')).toThrow(refusal('AccessDeniedException', /already been used/));

    const late = start(PNG);
    fixture.clock.advance(5 * 60_000);
    expect(() => fixture.chat.acceptAttachmentUpload(tokenOf(late.UploadMetadata.Url), PNG)).toThrow(refusal('AccessDeniedException', /expired/));
    expect(() => fixture.chat.acceptAttachmentUpload('made-up', PNG)).toThrow(refusal('AccessDeniedException'));
  });

  it('rejects a file whose bytes are not its declared type: REJECTED item, no file kept, no download', () => {
    const started = start(PDF, 'image/png', 'not-really.png');
    fixture.chat.acceptAttachmentUpload(tokenOf(started.UploadMetadata.Url), PDF, 'image/png');
    fixture.chat.completeAttachmentUpload(customerToken, { AttachmentIds: [started.AttachmentId], ClientToken: 'done' });
    expect(fixture.deliveries.at(-1)?.item.Attachments?.[0]?.Status).toBe('REJECTED');
    expect(existsSync(join(fixture.folder, 'chat-attachments', started.AttachmentId))).toBe(false);
    expect(() => fixture.chat.getAttachment(agentToken, { AttachmentId: started.AttachmentId })).toThrow(refusal('ValidationException', /rejected: the content is not a PNG file/));
  });

  it('replays StartAttachmentUpload and CompleteAttachmentUpload by ClientToken, and refuses a second completion', () => {
    const started = start(PNG, 'image/png', 'screen.png', 'same-start');
    expect(start(PNG, 'image/png', 'screen.png', 'same-start')).toEqual(started);
    fixture.chat.acceptAttachmentUpload(tokenOf(started.UploadMetadata.Url), PNG);
    const complete = (clientToken: string) => fixture.chat.completeAttachmentUpload(customerToken, { AttachmentIds: [started.AttachmentId], ClientToken: clientToken });
    complete('done');
    const pushed = fixture.deliveries.length;
    expect(complete('done')).toEqual({});
    expect(fixture.deliveries).toHaveLength(pushed);
    expect(() => complete('another')).toThrow(refusal('ConflictException'));
  });

  it('refuses completing what was not uploaded, was started by someone else, or more than one id at once', () => {
    const started = start(PNG);
    const complete = (token: string, ids: unknown) => fixture.chat.completeAttachmentUpload(token, { AttachmentIds: ids, ClientToken: `c-${Math.random()}` });
    expect(() => complete(customerToken, [started.AttachmentId])).toThrow(refusal('ValidationException', /not been uploaded/));
    expect(() => complete(agentToken, [started.AttachmentId])).toThrow(refusal('ValidationException', /not started by this participant/));
    expect(() => complete(customerToken, [started.AttachmentId, 'x'])).toThrow(refusal('ValidationException', /exactly one/));
    expect(() => complete(customerToken, [])).toThrow(refusal('ValidationException', /exactly one/));
    expect(() => fixture.chat.completeAttachmentUpload(customerToken, { AttachmentIds: [started.AttachmentId] })).toThrow(refusal('ValidationException', /ClientToken is required/));
  });

  it('refuses StartAttachmentUpload without a ClientToken and past the per-chat quota', () => {
    expect(() => fixture.chat.startAttachmentUpload(customerToken, { ContentType: 'image/png', AttachmentName: 'a.png', AttachmentSizeInBytes: 8 })).toThrow(
      refusal('ValidationException', /ClientToken is required/),
    );
    for (let n = 0; n < ATTACHMENTS_PER_CHAT; n += 1) start(PNG);
    expect(() => start(PNG)).toThrow(refusal('ServiceQuotaExceededException'));
  });

  it('refuses GetAttachment outside the chat, before completion, and with an expiry outside 5..300 s', () => {
    const started = start(PNG);
    fixture.chat.acceptAttachmentUpload(tokenOf(started.UploadMetadata.Url), PNG);
    expect(() => fixture.chat.getAttachment(agentToken, { AttachmentId: started.AttachmentId })).toThrow(refusal('ValidationException', /not a completed attachment/));
    fixture.chat.completeAttachmentUpload(customerToken, { AttachmentIds: [started.AttachmentId], ClientToken: 'done' });
    const stranger = startedChat(fixture, 'contact-9');
    expect(() => fixture.chat.getAttachment(stranger.agentToken, { AttachmentId: started.AttachmentId })).toThrow(refusal('ValidationException'));
    expect(() => fixture.chat.getAttachment(agentToken, { AttachmentId: started.AttachmentId, UrlExpiryInSeconds: 4 })).toThrow(refusal('ValidationException', /between 5 and 300/));
    expect(() => fixture.chat.getAttachment(agentToken, { AttachmentId: started.AttachmentId, UrlExpiryInSeconds: 301 })).toThrow(refusal('ValidationException', /between 5 and 300/));
  });
});
