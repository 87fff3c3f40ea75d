// CreateParticipantConnection: one connection token per participant for as long as it lives (customer sessions
// call again on every socket re-init, so the call is idempotent), a fresh short-lived WebSocket URL each time,
// and "connected" when the caller asks for it.

import { getParticipant, markConnected, setConnectionToken } from '../store/chat-participant-repository';
import type { Database } from '../store/database';
import { accessDenied, invalidInput } from './chat-errors';
import { isoTime } from './chat-items';
import { CONNECTION_TOKEN_LIFETIME_MS, WEBSOCKET_URL_LIFETIME_MS, isActive, mintToken, type ChatParticipant } from './participants';

export type ConnectionType = 'WEBSOCKET' | 'CONNECTION_CREDENTIALS';

export interface CreateParticipantConnectionRequest {
  Type?: unknown;
  ConnectParticipant?: unknown;
}

export interface CreateParticipantConnectionResponse {
  Websocket?: { Url: string; ConnectionExpiry: string };
  ConnectionCredentials?: { ConnectionToken: string; Expiry: string };
}

const CONNECTION_TYPES: readonly string[] = ['WEBSOCKET', 'CONNECTION_CREDENTIALS'];

export class ParticipantConnections {
  /** Socket token → participant and expiry. Kept in memory: a URL lives 100 s, and ChatJS asks for a new one
   *  whenever it reconnects, so a server restart costs nothing. */
  private readonly sockets = new Map<string, { participantId: string; expiresAt: number }>();

  constructor(
    private readonly db: Database,
    private readonly websocketUrl: (socketToken: string) => string,
  ) {}

  create(participant: ChatParticipant, request: CreateParticipantConnectionRequest, now: number): CreateParticipantConnectionResponse {
    const types = validTypes(request.Type);
    const connect = request.ConnectParticipant;
    if (connect !== undefined && connect !== null && typeof connect !== 'boolean') throw invalidInput('ConnectParticipant must be a boolean.');

    let token = participant.connectionToken;
    let expiresAt = participant.connectionExpiresAt;
    if (token === null || expiresAt === null || expiresAt <= now) {
      token = mintToken();
      expiresAt = now + CONNECTION_TOKEN_LIFETIME_MS;
      setConnectionToken(this.db, participant.participantId, token, expiresAt);
    }
    // The model: pass CONNECTION_CREDENTIALS in Type "if you need CONNECTION_CREDENTIALS along with marking
    // participant as connected"; ConnectParticipant marks it connected on its own.
    if (connect === true || types.includes('CONNECTION_CREDENTIALS')) markConnected(this.db, participant.participantId, now);

    const response: CreateParticipantConnectionResponse = {};
    if (types.includes('WEBSOCKET')) response.Websocket = this.websocketFor(participant.participantId, now);
    if (types.includes('CONNECTION_CREDENTIALS')) response.ConnectionCredentials = { ConnectionToken: token, Expiry: isoTime(expiresAt) };
    return response;
  }

  participantForSocket(socketToken: string, now: number): ChatParticipant {
    const socket = this.sockets.get(socketToken);
    if (!socket || socket.expiresAt <= now) throw accessDenied('The WebSocket URL is not valid or has expired.');
    const participant = getParticipant(this.db, socket.participantId);
    if (!participant || !isActive(participant)) throw accessDenied('The participant is no longer part of this chat.');
    return participant;
  }

  private websocketFor(participantId: string, now: number): { Url: string; ConnectionExpiry: string } {
    for (const [key, socket] of this.sockets) if (socket.expiresAt <= now) this.sockets.delete(key);
    const socketToken = mintToken();
    const expiresAt = now + WEBSOCKET_URL_LIFETIME_MS;
    const url = this.websocketUrl(socketToken);
    // ChatJS refuses any other socket URL (websocket-manager utils: ^wss:// or ^ws://127.0.0.1:).
    if (!/^(wss:\/\/|ws:\/\/127\.0\.0\.1:)/.test(url)) throw new Error(`ChatJS would refuse the WebSocket URL ${url}: use ws://127.0.0.1:<port>/…`);
    this.sockets.set(socketToken, { participantId, expiresAt });
    return { Url: url, ConnectionExpiry: isoTime(expiresAt) };
  }
}

function validTypes(value: unknown): ConnectionType[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidInput('Type must be a list of connection types.');
  for (const type of value) {
    if (typeof type !== 'string' || !CONNECTION_TYPES.includes(type)) throw invalidInput(`Type ${String(type)} is not supported; use WEBSOCKET or CONNECTION_CREDENTIALS.`);
  }
  return value as ConnectionType[];
}
