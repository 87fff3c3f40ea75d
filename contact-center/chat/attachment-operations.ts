// The attachment half of the participant service: StartAttachmentUpload (a one-time upload URL), the PUT that
// stores and checks the file, CompleteAttachmentUpload (the ATTACHMENT item) and GetAttachment (a download URL).

import { randomUUID } from 'node:crypto';
import {
  countAttachmentsOfChat,
  deleteExpiredUrlTokens,
  getAttachment,
  getUrlToken,
  insertAttachment,
  insertUrlToken,
  markCompleted,
  recordUpload,
  useUrlToken,
  type ChatAttachment,
} from '../store/chat-attachment-repository';
import type { Database } from '../store/database';
import {
  ATTACHMENTS_PER_CHAT,
  ATTACHMENT_ID_MAX_LENGTH,
  AttachmentFiles,
  DOWNLOAD_URL_EXPIRY_DEFAULT_SECONDS,
  DOWNLOAD_URL_EXPIRY_MAX_SECONDS,
  DOWNLOAD_URL_EXPIRY_MIN_SECONDS,
  UPLOAD_URL_LIFETIME_MS,
  checkAttachmentContent,
  validAttachmentDeclaration,
} from './attachments';
import { accessDenied, conflict, invalidInput, quotaExceeded } from './chat-errors';
import { isoTime, type AttachmentItem } from './chat-items';
import { requireString } from './chat-validation';
import { mintToken, type ChatParticipant } from './participants';

export interface AttachmentUrls {
  /** The URL a PUT of the file goes to; the server's attachment route passes the token to acceptUpload. */
  upload(token: string): string;
  /** The URL a GET of the file goes to; the server's attachment route passes the token to openDownload. */
  download(token: string): string;
}

export interface StartAttachmentUploadResponse {
  AttachmentId: string;
  UploadMetadata: { Url: string; UrlExpiry: string; HeadersToInclude: Record<string, string> };
}

export interface GetAttachmentResponse {
  Url: string;
  UrlExpiry: string;
  AttachmentSizeInBytes: number;
}

export interface DownloadedAttachment {
  bytes: Buffer;
  contentType: string;
  name: string;
}

export class AttachmentOperations {
  constructor(
    private readonly db: Database,
    private readonly files: AttachmentFiles,
    private readonly urls: AttachmentUrls,
  ) {}

  start(participant: ChatParticipant, request: { ContentType?: unknown; AttachmentName?: unknown; AttachmentSizeInBytes?: unknown }, now: number): StartAttachmentUploadResponse {
    const declared = validAttachmentDeclaration(request);
    if (countAttachmentsOfChat(this.db, participant.initialContactId) >= ATTACHMENTS_PER_CHAT) {
      throw quotaExceeded(`This chat already has ${ATTACHMENTS_PER_CHAT} attachments, the most it may have.`);
    }
    const attachmentId = randomUUID();
    insertAttachment(
      this.db,
      {
        attachmentId,
        initialContactId: participant.initialContactId,
        participantId: participant.participantId,
        name: declared.name,
        contentType: declared.contentType,
        sizeBytes: declared.sizeBytes,
        uploadState: 'awaiting_upload',
        status: null,
        rejectionReason: null,
      },
      now,
    );
    deleteExpiredUrlTokens(this.db, now);
    const token = mintToken();
    const expiresAt = now + UPLOAD_URL_LIFETIME_MS;
    insertUrlToken(this.db, { token, attachmentId, purpose: 'upload', expiresAt });
    return {
      AttachmentId: attachmentId,
      // ChatJS sends these headers verbatim with its PUT; the upload route compares Content-Type.
      UploadMetadata: { Url: this.urls.upload(token), UrlExpiry: isoTime(expiresAt), HeadersToInclude: { 'Content-Type': declared.contentType } },
    };
  }

  /** Stores the PUT body of an upload URL (once), and judges it against the declared type and size. */
  acceptUpload(token: string, body: Uint8Array, contentTypeHeader: string | undefined, now: number): ChatAttachment {
    const url = getUrlToken(this.db, token);
    if (!url || url.purpose !== 'upload') throw accessDenied('The upload URL is not valid.');
    if (url.expiresAt <= now) throw accessDenied('The upload URL has expired.');
    const attachment = getAttachment(this.db, url.attachmentId);
    if (!attachment) throw accessDenied('The upload URL is not valid.');
    if (contentTypeHeader !== undefined && contentTypeHeader.split(';')[0]?.trim().toLowerCase() !== attachment.contentType) {
      throw accessDenied(`The upload must be sent with Content-Type ${attachment.contentType}, as in HeadersToInclude.`);
    }
    if (body.byteLength !== attachment.sizeBytes) {
      throw invalidInput(`The upload has ${body.byteLength} bytes; StartAttachmentUpload declared ${attachment.sizeBytes}.`);
    }
    if (!useUrlToken(this.db, token, now)) throw accessDenied('The upload URL has already been used.');
    const check = checkAttachmentContent(attachment.contentType, body);
    // A rejected file is never served, so it is not kept either.
    if (check.ok) this.files.write(attachment.attachmentId, body);
    recordUpload(this.db, attachment.attachmentId, check.ok ? 'APPROVED' : 'REJECTED', check.ok ? null : check.reason);
    return { ...attachment, uploadState: 'uploaded', status: check.ok ? 'APPROVED' : 'REJECTED', rejectionReason: check.ok ? null : check.reason };
  }

  /** CompleteAttachmentUpload: the attachment as the ATTACHMENT item will show it. */
  complete(participant: ChatParticipant, request: { AttachmentIds?: unknown }): AttachmentItem {
    const ids = request.AttachmentIds;
    if (!Array.isArray(ids) || ids.length !== 1) throw invalidInput('AttachmentIds must hold exactly one attachment id.');
    const attachmentId = requireString(ids[0], 'AttachmentIds[0]', 1, ATTACHMENT_ID_MAX_LENGTH);
    const attachment = getAttachment(this.db, attachmentId);
    if (!attachment || attachment.participantId !== participant.participantId) {
      throw invalidInput(`Attachment ${attachmentId} was not started by this participant.`);
    }
    if (attachment.uploadState === 'awaiting_upload') throw invalidInput(`Attachment ${attachmentId} has not been uploaded.`);
    if (attachment.uploadState === 'completed') throw conflict(`Attachment ${attachmentId} has already been completed.`);
    markCompleted(this.db, attachmentId);
    return {
      AttachmentId: attachmentId,
      AttachmentName: attachment.name,
      ContentType: attachment.contentType,
      Status: attachment.status ?? 'REJECTED',
    };
  }

  /** GetAttachment: a download URL for a completed, approved attachment of the participant's chat. */
  downloadUrl(participant: ChatParticipant, request: { AttachmentId?: unknown; UrlExpiryInSeconds?: unknown }, now: number): GetAttachmentResponse {
    const attachmentId = requireString(request.AttachmentId, 'AttachmentId', 1, ATTACHMENT_ID_MAX_LENGTH);
    const seconds = request.UrlExpiryInSeconds ?? DOWNLOAD_URL_EXPIRY_DEFAULT_SECONDS;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < DOWNLOAD_URL_EXPIRY_MIN_SECONDS || seconds > DOWNLOAD_URL_EXPIRY_MAX_SECONDS) {
      throw invalidInput(`UrlExpiryInSeconds must be an integer between ${DOWNLOAD_URL_EXPIRY_MIN_SECONDS} and ${DOWNLOAD_URL_EXPIRY_MAX_SECONDS}.`);
    }
    const attachment = getAttachment(this.db, attachmentId);
    if (!attachment || attachment.initialContactId !== participant.initialContactId || attachment.uploadState !== 'completed') {
      throw invalidInput(`Attachment ${attachmentId} is not a completed attachment of this chat.`);
    }
    if (attachment.status !== 'APPROVED') throw invalidInput(`Attachment ${attachmentId} was rejected: ${attachment.rejectionReason ?? 'its content was not accepted'}.`);
    deleteExpiredUrlTokens(this.db, now);
    const token = mintToken();
    const expiresAt = now + seconds * 1000;
    insertUrlToken(this.db, { token, attachmentId, purpose: 'download', expiresAt });
    return { Url: this.urls.download(token), UrlExpiry: isoTime(expiresAt), AttachmentSizeInBytes: attachment.sizeBytes };
  }

  /** The file behind a download URL, as long as the URL has not expired. */
  openDownload(token: string, now: number): DownloadedAttachment {
    const url = getUrlToken(this.db, token);
    if (!url || url.purpose !== 'download') throw accessDenied('The download URL is not valid.');
    if (url.expiresAt <= now) throw accessDenied('The download URL has expired.');
    const attachment = getAttachment(this.db, url.attachmentId);
    if (!attachment) throw accessDenied('The download URL is not valid.');
    return { bytes: this.files.read(attachment.attachmentId), contentType: attachment.contentType, name: attachment.name };
  }
}
