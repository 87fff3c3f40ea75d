// Chat attachments as Amazon Connect allows them: the file types and 20 MB limit ChatJS documents, a check of the
// uploaded bytes against the declared type (magic bytes, not the file name), and where the files are kept.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput } from './chat-errors';
import { requireString } from './chat-validation';

/** "max size: 20MB" (amazon-connect-chatjs README, sendAttachment; Connect's feature specifications), in MiB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Shape AttachmentName: 1..256. */
export const ATTACHMENT_NAME_MAX_LENGTH = 256;
/** Shape ContentType (StartAttachmentUpload): 1..255. */
export const ATTACHMENT_CONTENT_TYPE_MAX_LENGTH = 255;
/** Shape ArtifactId: 1..256. */
export const ATTACHMENT_ID_MAX_LENGTH = 256;
/** Attachments one chat may hold before StartAttachmentUpload answers ServiceQuotaExceededException ("The number
 *  of attachments per contact exceeds the quota"). Connect does not publish the number; this is ours. */
export const ATTACHMENTS_PER_CHAT = 100;
/** How long the upload URL from StartAttachmentUpload accepts its one PUT. */
export const UPLOAD_URL_LIFETIME_MS = 5 * 60 * 1000;
/** GetAttachment's UrlExpiryInSeconds range (5..300 in the published SDKs' validation) and our default. */
export const DOWNLOAD_URL_EXPIRY_MIN_SECONDS = 5;
export const DOWNLOAD_URL_EXPIRY_MAX_SECONDS = 300;
export const DOWNLOAD_URL_EXPIRY_DEFAULT_SECONDS = 300;

type FileKind = 'csv' | 'doc' | 'docx' | 'jpeg' | 'pdf' | 'png' | 'ppt' | 'pptx' | 'txt' | 'wav' | 'xls' | 'xlsx';

/** Supported files: .csv .doc .docx .jpeg .jpg .pdf .png .ppt .pptx .txt .wav .xls .xlsx (ChatJS README), with
 *  the MIME types ChatJS declares for them (index.d.ts ChatMessageContentType; audio/x-wav is Firefox's). */
const KIND_BY_CONTENT_TYPE: Readonly<Record<string, FileKind>> = {
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'image/jpeg': 'jpeg',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'text/plain': 'txt',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const EXTENSIONS: Readonly<Record<FileKind, readonly string[]>> = {
  csv: ['csv'],
  doc: ['doc'],
  docx: ['docx'],
  jpeg: ['jpeg', 'jpg'],
  pdf: ['pdf'],
  png: ['png'],
  ppt: ['ppt'],
  pptx: ['pptx'],
  txt: ['txt'],
  wav: ['wav'],
  xls: ['xls'],
  xlsx: ['xlsx'],
};

export const ATTACHMENT_CONTENT_TYPES: readonly string[] = Object.keys(KIND_BY_CONTENT_TYPE);

export interface AttachmentDeclaration {
  contentType: string;
  name: string;
  sizeBytes: number;
}

/** Checks StartAttachmentUpload's ContentType, AttachmentName and AttachmentSizeInBytes; the content type is
 *  case-insensitive (AttachmentItem's doc) and comes back lower-cased. */
export function validAttachmentDeclaration(request: { ContentType?: unknown; AttachmentName?: unknown; AttachmentSizeInBytes?: unknown }): AttachmentDeclaration {
  const contentType = requireString(request.ContentType, 'ContentType', 1, ATTACHMENT_CONTENT_TYPE_MAX_LENGTH).toLowerCase();
  const name = requireString(request.AttachmentName, 'AttachmentName', 1, ATTACHMENT_NAME_MAX_LENGTH);
  const size = request.AttachmentSizeInBytes;
  if (typeof size !== 'number' || !Number.isInteger(size)) throw invalidInput('AttachmentSizeInBytes must be an integer.');
  if (size < 1) throw invalidInput('AttachmentSizeInBytes must be at least 1.');
  if (size > ATTACHMENT_MAX_BYTES) throw invalidInput(`The attachment is larger than ${ATTACHMENT_MAX_BYTES} bytes (20 MB).`);
  const kind = KIND_BY_CONTENT_TYPE[contentType];
  if (kind === undefined) throw invalidInput(`ContentType ${contentType} is not a supported attachment type.`);
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === undefined || !EXTENSIONS[kind].includes(extension)) {
    throw invalidInput(`AttachmentName ${name} does not end in an extension of ${contentType} (${EXTENSIONS[kind].map((e) => `.${e}`).join(', ')}).`);
  }
  return { contentType, name, sizeBytes: size };
}

export type ContentCheck = { ok: true } | { ok: false; reason: string };

const SIGNATURES = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  zip: [0x50, 0x4b, 0x03, 0x04], // PK\3\4: the OOXML container
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // compound file: .doc, .xls, .ppt
  riff: [0x52, 0x49, 0x46, 0x46], // RIFF
  wave: [0x57, 0x41, 0x56, 0x45], // WAVE at offset 8
  elf: [0x7f, 0x45, 0x4c, 0x46],
  exe: [0x4d, 0x5a], // MZ
  gzip: [0x1f, 0x8b],
} as const;

/** The folder an OOXML package keeps its main part in, which tells a .docx from an .xlsx or .pptx. */
const OOXML_PART_FOLDER: Partial<Record<FileKind, string>> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' };

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

/** Whether the bytes are what the declared content type says, judged by their signature, not the file name. */
export function checkAttachmentContent(contentType: string, bytes: Uint8Array): ContentCheck {
  const kind = KIND_BY_CONTENT_TYPE[contentType.toLowerCase()];
  if (kind === undefined) return { ok: false, reason: `${contentType} is not a supported attachment type` };
  const mismatch: ContentCheck = { ok: false, reason: `the content is not a ${kind.toUpperCase()} file` };
  switch (kind) {
    case 'png':
    case 'jpeg':
    case 'pdf':
      return startsWith(bytes, SIGNATURES[kind]) ? { ok: true } : mismatch;
    case 'wav':
      return startsWith(bytes, SIGNATURES.riff) && startsWith(bytes, SIGNATURES.wave, 8) ? { ok: true } : mismatch;
    case 'docx':
    case 'xlsx':
    case 'pptx':
      return startsWith(bytes, SIGNATURES.zip) && containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, OOXML_PART_FOLDER[kind] ?? '')
        ? { ok: true }
        : mismatch;
    case 'doc':
    case 'xls':
    case 'ppt':
      return startsWith(bytes, SIGNATURES.ole) ? { ok: true } : mismatch;
    case 'txt':
    case 'csv':
      return looksLikeText(bytes) ? { ok: true } : mismatch;
  }
}

/** Text in any ASCII-compatible encoding (UTF-8, Shift_JIS…): no NUL bytes and no binary file signature. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  const binary = [SIGNATURES.png, SIGNATURES.jpeg, SIGNATURES.pdf, SIGNATURES.zip, SIGNATURES.ole, SIGNATURES.riff, SIGNATURES.elf, SIGNATURES.exe, SIGNATURES.gzip];
  return !binary.some((signature) => startsWith(bytes, signature));
}

/** The folder that keeps uploaded attachment files, one file per attachment id. */
export class AttachmentFiles {
  constructor(readonly folder: string) {}

  pathOf(attachmentId: string): string {
    if (!/^[A-Za-z0-9-]+$/.test(attachmentId)) throw new Error(`Not an attachment id: ${attachmentId}`);
    return join(this.folder, attachmentId);
  }

  write(attachmentId: string, bytes: Uint8Array): void {
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(this.pathOf(attachmentId), bytes);
  }

  read(attachmentId: string): Buffer {
    return readFileSync(this.pathOf(attachmentId));
  }

  remove(attachmentId: string): void {
    rmSync(this.pathOf(attachmentId), { force: true });
  }
}
