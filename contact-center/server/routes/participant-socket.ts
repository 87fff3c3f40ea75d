// The customer's chat WebSocket (the URL CreateParticipantConnection hands out), in the framing ChatJS's
// WebSocket manager speaks: aws/subscribe answered with the topics, aws/heartbeat echoed, aws/ping answered with
// status 200, and each chat item for this participant pushed on aws/chat once it has subscribed.

import '@fastify/websocket';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ChatService } from '../../chat/chat-service';
import type { ChatItem } from '../../chat/chat-items';
import type { ChatParticipant } from '../../chat/participants';

export interface ParticipantSocketOptions {
  chat: ChatService;
  log: (line: string) => void;
}

const SocketQuery = Type.Object({ token: Type.String({ minLength: 1, errorMessage: 'the socket URL needs its token' }) });

/** The aws/chat frame of an item, serialised once however many sockets push it (the item's JSON is the content). */
const chatFrames = new WeakMap<ChatItem, string>();

function chatFrame(item: ChatItem): string {
  let frame = chatFrames.get(item);
  if (frame === undefined) {
    frame = JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(item) });
    chatFrames.set(item, frame);
  }
  return frame;
}

/** What a client frame asks for; anything unreadable is ignored, as the real gateway does. */
function topicOf(data: unknown): { topic: string; topics: string[] } | null {
  try {
    const frame = JSON.parse(String(data)) as { topic?: unknown; content?: { topics?: unknown } };
    if (typeof frame.topic !== 'string') return null;
    const topics = Array.isArray(frame.content?.topics) ? frame.content.topics.filter((t): t is string => typeof t === 'string') : [];
    return { topic: frame.topic, topics };
  } catch {
    return null;
  }
}

export const participantSocketRoute: FastifyPluginAsyncTypebox<ParticipantSocketOptions> = async (app, { chat }) => {
  app.get('/participant/socket', { websocket: true, schema: { querystring: SocketQuery } }, (socket, request) => {
    let participant: ChatParticipant;
    try {
      participant = chat.participantForWebsocket(request.query.token);
    } catch (error) {
      socket.send(JSON.stringify({ message: (error as Error).message }));
      socket.close(4003, 'not authorized');
      return;
    }
    const sendText = (text: string) => {
      if (socket.readyState === socket.OPEN) socket.send(text);
    };
    const send = (frame: unknown) => sendText(JSON.stringify(frame));
    let subscribed = false;
    const unsubscribe = chat.subscribe(participant.initialContactId, ({ item, recipients }) => {
      if (!subscribed || !recipients.some((r) => r.participantId === participant.participantId)) return;
      sendText(chatFrame(item));
    });
    socket.on('message', (data) => {
      const frame = topicOf(data);
      if (!frame) return;
      switch (frame.topic) {
        case 'aws/subscribe':
          subscribed = frame.topics.includes('aws/chat');
          send({ topic: 'aws/subscribe', content: { status: 'success', topics: frame.topics } });
          break;
        case 'aws/unsubscribe':
          subscribed = false;
          send({ topic: 'aws/unsubscribe', content: { status: 'success', topics: frame.topics } });
          break;
        case 'aws/heartbeat':
          send({ topic: 'aws/heartbeat' });
          break;
        case 'aws/ping':
          send({ topic: 'aws/ping', statusCode: 200 });
          break;
        default:
          break;
      }
    });
    socket.on('close', unsubscribe);
  });
};
