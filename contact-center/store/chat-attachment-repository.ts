// Chat attachments in SQLite: the declared file, its upload progress and content verdict, and the URL tokens that
// stand in for S3's presigned URLs (an upload token accepts one PUT; a download token works until it expires).

import { chatStatement } from './chat-statements';
import type { Database } from './database';

export type UploadState = 'awaiting_upload' | 'uploaded' | 'completed';
export type AttachmentVerdict = 'APPROVED' | 'REJECTED';
export type AttachmentUrlPurpose = 'upload' | 'download';

export interface ChatAttachment {
  attachmentId: string;
  initialContactId: string;
  /** The participant who uploads it. */
  participantId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  uploadState: UploadState;
  status: AttachmentVerdict | null;
  rejectionReason: string | null;
}

export interface AttachmentUrlToken {
  token: string;
  attachmentId: string;
  purpose: AttachmentUrlPurpose;
  expiresAt: number;
  usedAt: number | null;
}

interface AttachmentRow {
  attachment_id: string;
  initial_contact_id: string;
  participant_id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  upload_state: UploadState;
  status: AttachmentVerdict | null;
  rejection_reason: string | null;
}

interface UrlRow {
  token: string;
  attachment_id: string;
  purpose: AttachmentUrlPurpose;
  expires_at: number;
  used_at: number | null;
}

const COLUMNS = 'attachment_id, initial_contact_id, participant_id, name, content_type, size_bytes, upload_state, status, rejection_reason';

const toAttachment = (row: AttachmentRow): ChatAttachment => ({
  attachmentId: row.attachment_id,
  initialContactId: row.initial_contact_id,
  participantId: row.participant_id,
  name: row.name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  uploadState: row.upload_state,
  status: row.status,
  rejectionReason: row.rejection_reason,
});

export function insertAttachment(db: Database, attachment: ChatAttachment, at: number): void {
  chatStatement(db, `INSERT INTO chat_attachments (${COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    attachment.attachmentId,
    attachment.initialContactId,
    attachment.participantId,
    attachment.name,
    attachment.contentType,
    attachment.sizeBytes,
    attachment.uploadState,
    attachment.status,
    attachment.rejectionReason,
    at,
  );
}

export function getAttachment(db: Database, attachmentId: string): ChatAttachment | undefined {
  const row = chatStatement<[string], AttachmentRow>(db, `SELECT ${COLUMNS} FROM chat_attachments WHERE attachment_id = ?`).get(attachmentId);
  return row ? toAttachment(row) : undefined;
}

export function countAttachmentsOfChat(db: Database, initialContactId: string): number {
  const row = chatStatement<[string], { count: number }>(db, 'SELECT COUNT(*) AS count FROM chat_attachments WHERE initial_contact_id = ?').get(initialContactId);
  return row?.count ?? 0;
}

export function recordUpload(db: Database, attachmentId: string, verdict: AttachmentVerdict, rejectionReason: string | null): void {
  chatStatement(db, "UPDATE chat_attachments SET upload_state = 'uploaded', status = ?, rejection_reason = ? WHERE attachment_id = ?").run(verdict, rejectionReason, attachmentId);
}

export function markCompleted(db: Database, attachmentId: string): void {
  chatStatement(db, "UPDATE chat_attachments SET upload_state = 'completed' WHERE attachment_id = ?").run(attachmentId);
}

export function insertUrlToken(db: Database, url: Omit<AttachmentUrlToken, 'usedAt'>): void {
  chatStatement(db, 'INSERT INTO chat_attachment_urls (token, attachment_id, purpose, expires_at) VALUES (?, ?, ?, ?)').run(url.token, url.attachmentId, url.purpose, url.expiresAt);
}

export function getUrlToken(db: Database, token: string): AttachmentUrlToken | undefined {
  const row = chatStatement<[string], UrlRow>(db, 'SELECT token, attachment_id, purpose, expires_at, used_at FROM chat_attachment_urls WHERE token = ?').get(token);
  return row ? { token: row.token, attachmentId: row.attachment_id, purpose: row.purpose, expiresAt: row.expires_at, usedAt: row.used_at } : undefined;
}

/** Marks a token used; false when another request used it first. */
export function useUrlToken(db: Database, token: string, at: number): boolean {
  return chatStatement(db, 'UPDATE chat_attachment_urls SET used_at = ? WHERE token = ? AND used_at IS NULL').run(at, token).changes === 1;
}

/** Forgets URL tokens that expired before `now`. */
export function deleteExpiredUrlTokens(db: Database, now: number): void {
  chatStatement(db, 'DELETE FROM chat_attachment_urls WHERE expires_at <= ?').run(now);
}
