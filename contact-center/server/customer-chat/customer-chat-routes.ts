// The customer chat page (/chat/), the browser scripts it loads (its own and the pinned amazon-connect-chatjs,
// markdown-it and DOMPurify builds from node_modules), and POST /api/v1/chat/start: the same-origin backend that
// starts the page's chat, as a customer-facing Lambda behind API Gateway calls StartChatContact for a web page
// that cannot sign AWS requests. It goes through the same chat bridge as StartChatContact.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ChatRoutingBridge } from '../../chat/chat-routing-bridge';
import type { InstanceConfig } from '../../model';
import { HttpError, sendHtml } from '../http-kit';
import { engineToHttp } from '../routes/control';
import { CUSTOMER_CHAT_CSP, customerChatPage } from './customer-chat-page';

const requireFromHere = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** What /chat/assets/<name> serves: each name to its file (nothing else is reachable through this route). */
const ASSET_FILES: Readonly<Record<string, () => string>> = {
  'amazon-connect-chat.js': () => requireFromHere.resolve('amazon-connect-chatjs'),
  'markdown-it.mjs': () => join(dirname(requireFromHere.resolve('markdown-it')), 'browser', 'markdown-it.esm.min.mjs'),
  'purify.mjs': () => join(dirname(requireFromHere.resolve('dompurify')), 'purify.es.mjs'),
  'customer-chat-script.js': () => join(here, 'customer-chat-script.js'),
  'customer-chat-strings.js': () => join(here, 'customer-chat-strings.js'),
  'customer-chat-render.js': () => join(here, 'customer-chat-render.js'),
  'customer-chat-composer.js': () => join(here, 'customer-chat-composer.js'),
};

/** The customer's language; also kept on the contact as the `customerLocale` attribute for the agent. */
const Locale = Type.Union([Type.Literal('en'), Type.Literal('ja')], { errorMessage: '"locale" must be "en" or "ja"' });

const StartCustomerChat = Type.Object(
  {
    displayName: Type.String({ minLength: 1, maxLength: 256, errorMessage: '"displayName" must be the customer\'s name, 1 to 256 characters' }),
    queueId: Type.String({ minLength: 1, errorMessage: '"queueId" must be a queue id (GET /api/v1/instance lists them)' }),
    initialMessage: Type.Optional(Type.String({ maxLength: 1024, errorMessage: '"initialMessage" must be text of at most 1,024 characters' })),
    attributes: Type.Optional(
      Type.Record(Type.String(), Type.String({ maxLength: 32767, errorMessage: 'attribute "{key}" must have a string value' }), { errorMessage: '"attributes" must be an object of attribute names and string values' }),
    ),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export interface CustomerChatOptions {
  config: InstanceConfig;
  bridge: ChatRoutingBridge;
  log: (line: string) => void;
}

/** POST /api/v1/chat/start: register it in the control API's scope (same origin only). */
export const customerChatStartRoute: FastifyPluginAsyncTypebox<CustomerChatOptions> = async (app, { config, bridge, log }) => {
  app.post('/api/v1/chat/start', { schema: { body: StartCustomerChat } }, async (request, reply) => {
    const { displayName, queueId, initialMessage, attributes, locale } = request.body;
    const queue = config.queues.find((q) => q.id === queueId);
    if (!queue) throw new HttpError(404, `queue ${queueId} does not exist`, 'ResourceNotFoundException');
    const message = initialMessage?.trim();
    try {
      const started = bridge.startChatContact({
        queueId: queue.id,
        displayName,
        attributes: { ...attributes, ...(locale ? { customerLocale: locale } : {}) },
        initialMessage: message ? { ContentType: 'text/plain', Content: message } : undefined,
      });
      log(`chat ${started.contactId} started from the customer chat page in ${queue.name}`);
      return reply.code(201).send({ ContactId: started.contactId, ParticipantId: started.participantId, ParticipantToken: started.participantToken });
    } catch (error) {
      return engineToHttp(error);
    }
  });
};

/** GET /chat/ and its scripts. */
export const customerChatPageRoutes: FastifyPluginAsyncTypebox<Pick<CustomerChatOptions, 'config'>> = async (app, { config }) => {
  const loaded = new Map<string, string>();
  app.get('/chat', async (_request, reply) => sendHtml(reply, 200, customerChatPage(config), { 'Content-Security-Policy': CUSTOMER_CHAT_CSP }));
  app.get('/chat/assets/:name', { schema: { params: Type.Object({ name: Type.String() }) } }, async (request, reply) => {
    const { name } = request.params;
    const file = Object.hasOwn(ASSET_FILES, name) ? ASSET_FILES[name] : undefined;
    if (!file) throw new HttpError(404, `nothing at /chat/assets/${name}`, 'NotFound');
    let text = loaded.get(name);
    if (text === undefined) {
      text = readFileSync(file(), 'utf8');
      loaded.set(name, text);
    }
    return reply.type('text/javascript; charset=utf-8').send(text);
  });
};
