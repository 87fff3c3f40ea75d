// GetContent's `url`: like Q in Connect's presigned link, a URL of this contact center that serves the article's
// Markdown without credentials until it expires (5 minutes). The signature is an HMAC with a key made at each start,
// so a URL cannot be forged and does not outlive the server that made it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { QCONNECT_BASE_PATH } from './qconnect-model';

export const CONTENT_URL_LIFETIME_SECONDS = 300;

/** The route of a content's body, below the base path. */
export const CONTENT_BODY_ROUTE = '/knowledgeBases/:knowledgeBaseId/contents/:contentId/body';

export class ContentUrls {
  private readonly key = randomBytes(32);

  constructor(
    private readonly baseUrl: () => string,
    private readonly nowMs: () => number,
  ) {}

  private signature(knowledgeBaseId: string, contentId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${knowledgeBaseId}/${contentId}/${expires}`).digest('hex');
  }

  /** A URL to the body of a content, and when it expires (epoch seconds). */
  sign(knowledgeBaseId: string, contentId: string): { url: string; expiresAtSeconds: number } {
    const expires = Math.floor(this.nowMs() / 1000) + CONTENT_URL_LIFETIME_SECONDS;
    const path = `${QCONNECT_BASE_PATH}/knowledgeBases/${encodeURIComponent(knowledgeBaseId)}/contents/${encodeURIComponent(contentId)}/body`;
    return { url: `${this.baseUrl()}${path}?expires=${expires}&signature=${this.signature(knowledgeBaseId, contentId, expires)}`, expiresAtSeconds: expires };
  }

  /** Why a body URL may not be served ('expired' or 'forged'), or null when it may. */
  refusal(knowledgeBaseId: string, contentId: string, expires: unknown, signature: unknown): 'expired' | 'forged' | null {
    if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) return 'forged';
    const expected = Buffer.from(this.signature(knowledgeBaseId, contentId, Number(expires)), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return 'forged';
    return Number(expires) * 1000 < this.nowMs() ? 'expired' : null;
  }
}
