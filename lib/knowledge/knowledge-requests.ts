// What the panel asks the engine about knowledge, as workspace requests (workspace-requests.ts carries them):
// a search, an article, a contact's suggested articles and the agent's feedback on one; their shapes, checked in
// the worker like every command, and which of them only read.

export type KnowledgeRequest =
  | { op: 'knowledge-search'; contactId: string | null; text: string } // natural language, any language
  | { op: 'knowledge-article'; knowledgeBaseId: string; contentId: string }
  | { op: 'knowledge-recommendations'; contactId: string; waitSeconds?: number } // all suggestions so far
  | { op: 'knowledge-feedback'; contactId: string; recommendationId: string; helpful: boolean };

export type KnowledgeOp = KnowledgeRequest['op'];

/** Longest search text (characters): Q in Connect's QueryAssistant takes at most 1,024. */
export const MAX_SEARCH_TEXT = 1_024;

const isText = (value: unknown, max = 1000): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

export const KNOWLEDGE_REQUEST_SHAPES: Record<KnowledgeOp, (r: Record<string, unknown>) => boolean> = {
  'knowledge-search': (r) => (r.contactId === null || isText(r.contactId)) && isText(r.text, MAX_SEARCH_TEXT) && r.text.trim() !== '',
  'knowledge-article': (r) => isText(r.knowledgeBaseId) && isText(r.contentId),
  'knowledge-recommendations': (r) =>
    isText(r.contactId) && (r.waitSeconds === undefined || (typeof r.waitSeconds === 'number' && r.waitSeconds >= 0 && r.waitSeconds <= 20)),
  'knowledge-feedback': (r) => isText(r.contactId) && isText(r.recommendationId) && typeof r.helpful === 'boolean',
};

/** Searching, reading and collecting suggestions change nothing the agent would mind repeating (collected
 *  suggestions are kept by the engine); feedback is recorded with the contact. */
export const KNOWLEDGE_READS: Record<KnowledgeOp, boolean> = {
  'knowledge-search': true,
  'knowledge-article': true,
  'knowledge-recommendations': true,
  'knowledge-feedback': false,
};

export const isKnowledgeRequest = (request: { op: string }): request is KnowledgeRequest => Object.hasOwn(KNOWLEDGE_REQUEST_SHAPES, request.op);
