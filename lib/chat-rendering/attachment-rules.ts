// What Amazon Connect accepts as a chat attachment (its file types and its 20 MB limit), checked in the panel
// before an upload starts so the agent gets a clear error instead of a refused upload.

/** The MIME type Connect expects for each allowed extension, and the other types browsers report for it. */
const ALLOWED_TYPES: Readonly<Record<string, { contentType: string; alsoReportedAs: readonly string[] }>> = {
  csv: { contentType: 'text/csv', alsoReportedAs: ['application/vnd.ms-excel', 'text/plain', 'application/csv'] },
  doc: { contentType: 'application/msword', alsoReportedAs: [] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', alsoReportedAs: [] },
  jpeg: { contentType: 'image/jpeg', alsoReportedAs: ['image/pjpeg'] },
  jpg: { contentType: 'image/jpeg', alsoReportedAs: ['image/pjpeg'] },
  png: { contentType: 'image/png', alsoReportedAs: [] },
  pdf: { contentType: 'application/pdf', alsoReportedAs: [] },
  ppt: { contentType: 'application/vnd.ms-powerpoint', alsoReportedAs: [] },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', alsoReportedAs: [] },
  txt: { contentType: 'text/plain', alsoReportedAs: [] },
  wav: { contentType: 'audio/wav', alsoReportedAs: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'] },
  xls: { contentType: 'application/vnd.ms-excel', alsoReportedAs: [] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', alsoReportedAs: [] },
};

/** The allowed extensions, lower case, in the order Amazon Connect's documentation lists them. */
export const ALLOWED_ATTACHMENT_EXTENSIONS: readonly string[] = Object.keys(ALLOWED_TYPES);

/** Amazon Connect's size limit for one chat attachment: 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The file input's `accept` attribute: the allowed extensions. */
export const ATTACHMENT_ACCEPT = ALLOWED_ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** What the check needs from a File (so it can be unit-tested without one). */
export interface AttachmentCandidate {
  name: string;
  /** The type the browser reports ('' when it does not know). */
  type: string;
  size: number;
}

export type AttachmentCheck =
  | { ok: true; contentType: string }
  | { ok: false; reason: 'type' | 'size' | 'empty' };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Whether a file may be sent as a chat attachment, and the content type to send it as. The extension must be
 * one Connect allows and the type the browser reports, when it reports one, must agree with it (a renamed
 * `.exe` reported as application/x-msdownload is refused); the size must be 1 byte to 20 MB.
 */
export function checkAttachment(file: AttachmentCandidate): AttachmentCheck {
  const allowed = ALLOWED_TYPES[extensionOf(file.name)];
  if (!allowed) return { ok: false, reason: 'type' };
  const reported = file.type.toLowerCase().split(';')[0]?.trim() ?? '';
  const typeAgrees =
    reported === '' || reported === 'application/octet-stream' || reported === allowed.contentType || allowed.alsoReportedAs.includes(reported);
  if (!typeAgrees) return { ok: false, reason: 'type' };
  if (file.size <= 0) return { ok: false, reason: 'empty' };
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'size' };
  return { ok: true, contentType: allowed.contentType };
}

/** True for the image types the transcript previews (from a blob URL it is given). */
export function isPreviewableImage(contentType: string): boolean {
  return contentType === 'image/png' || contentType === 'image/jpeg';
}

/** Size of a file for people: "820 B", "14.2 KB", "3.4 MB" (1 KB = 1,024 bytes), with the locale's digits. */
export function formatFileSize(bytes: number, locale: string): string {
  const number = (value: number, digits: number) => value.toLocaleString(locale, { maximumFractionDigits: digits });
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 1)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
