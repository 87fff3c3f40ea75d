// Amazon Q in Connect as the local contact center serves it: one assistant, one knowledge base per article language
// and one session per contact, each with a UUID-shaped id derived from the instance id (or the contact id), so they
// are the same on every start; the ARNs Q in Connect (service name "wisdom") gives them; the refusals in its
// exception names; and what GET /api/v1/instance lists.
import { createHash } from 'node:crypto';
import type { ArticleLanguage } from '../knowledge/knowledge-types';
import type { InstanceConfig } from '../model';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';

/** Where the public REST routes are: the AWS SDK's endpoint `<baseUrl>/qconnect` reaches `/qconnect/assistants/…`. */
export const QCONNECT_BASE_PATH = '/qconnect';

export const ARTICLE_LANGUAGES: readonly ArticleLanguage[] = ['en', 'ja'];

type InstanceIds = Pick<InstanceConfig, 'instanceId' | 'region' | 'accountId'>;

/** A UUID-shaped id (version 4 and variant bits set) that is always the same for `seed`. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-9${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The ids and ARNs of the instance's assistant, knowledge bases, sessions and contents. */
export class QConnectIds {
  readonly assistantId: string;
  readonly assistantArn: string;
  private readonly knowledgeBases: Record<ArticleLanguage, string>;

  constructor(private readonly config: InstanceIds) {
    this.assistantId = stableUuid(`${config.instanceId}/qconnect/assistant`);
    this.assistantArn = this.arn(`assistant/${this.assistantId}`);
    this.knowledgeBases = { en: stableUuid(`${config.instanceId}/qconnect/knowledge-base/en`), ja: stableUuid(`${config.instanceId}/qconnect/knowledge-base/ja`) };
  }

  private arn(resource: string): string {
    return `arn:aws:wisdom:${this.config.region}:${this.config.accountId}:${resource}`;
  }

  knowledgeBaseId(language: ArticleLanguage): string {
    return this.knowledgeBases[language];
  }

  /** The language of a knowledge base id of this instance, or null when it is none of them. */
  languageOfKnowledgeBase(knowledgeBaseId: string): ArticleLanguage | null {
    return ARTICLE_LANGUAGES.find((language) => this.knowledgeBases[language] === knowledgeBaseId) ?? null;
  }

  knowledgeBaseIds(): string[] {
    return ARTICLE_LANGUAGES.map((language) => this.knowledgeBases[language]);
  }

  knowledgeBaseArn(knowledgeBaseId: string): string {
    return this.arn(`knowledge-base/${knowledgeBaseId}`);
  }

  contentId(knowledgeBaseId: string, articleId: string): string {
    return stableUuid(`${this.config.instanceId}/qconnect/content/${knowledgeBaseId}/${articleId}`);
  }

  contentArn(knowledgeBaseId: string, contentId: string): string {
    return this.arn(`content/${knowledgeBaseId}/${contentId}`);
  }

  /** A contact's session id: the same for the contact on every start. */
  sessionId(contactId: string): string {
    return stableUuid(`${this.config.instanceId}/qconnect/session/${contactId}`);
  }

  sessionArn(sessionId: string): string {
    return this.arn(`session/${this.assistantId}/${sessionId}`);
  }

  /** Accepts the assistant's id or ARN (the API takes either); anything else is not this instance's assistant. */
  assertAssistant(assistantId: string): void {
    if (assistantId !== this.assistantId && assistantId !== this.assistantArn) {
      throw notFound(`Assistant ${assistantId} does not exist (this instance's assistant is ${this.assistantId}; GET /api/v1/instance lists it).`, assistantId);
    }
  }

  /** The language of a knowledge base given by id or ARN, refusing others. */
  assertKnowledgeBase(knowledgeBaseId: string): { knowledgeBaseId: string; language: ArticleLanguage } {
    const id = knowledgeBaseId.startsWith('arn:') ? (knowledgeBaseId.split('/').at(-1) ?? '') : knowledgeBaseId;
    const language = this.languageOfKnowledgeBase(id);
    if (language === null) {
      throw notFound(`Knowledge base ${knowledgeBaseId} does not exist (this instance's are ${this.knowledgeBaseIds().join(' (English) and ')} (Japanese)).`, knowledgeBaseId);
    }
    return { knowledgeBaseId: id, language };
  }
}

/** What GET /api/v1/instance lists for Amazon Q in Connect (the extension reads these names). */
export function qconnectDescription(config: InstanceIds) {
  const ids = new QConnectIds(config);
  return {
    assistantId: ids.assistantId,
    assistantArn: ids.assistantArn,
    knowledgeBaseIds: ids.knowledgeBaseIds(),
    knowledgeBases: ARTICLE_LANGUAGES.map((language) => ({ knowledgeBaseId: ids.knowledgeBaseId(language), language })),
    basePath: QCONNECT_BASE_PATH,
    helperPage: '/wisdom-v2',
  };
}

/** Q in Connect's refusals. ResourceNotFoundException names the resource (resourceName). */
export class QConnectError extends AwsRequestError {
  constructor(
    status: number,
    type: string,
    message: string,
    readonly resourceName?: string,
  ) {
    super(status, type, message);
  }
}

export const validation = (message: string) => new QConnectError(400, 'ValidationException', message);
export const notFound = (message: string, resourceName?: string) => new QConnectError(404, 'ResourceNotFoundException', message, resourceName);
