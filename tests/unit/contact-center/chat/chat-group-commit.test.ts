// Group commit of the chat's frequent writes: SendMessage and SendEvent of one event-loop turn share one SQLite
// transaction, committed after the turn; durable() tells when; a failing call undoes only its own writes; a
// ClientToken retry in the same turn is still one message; and expired ClientTokens are still pruned.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { ChatGroupCommit } from '../../../../contact-center/store/chat-group-commit';
import { CLIENT_TOKEN_PRUNE_INTERVAL_MS, CLIENT_TOKEN_WINDOW_MS } from '../../../../contact-center/store/chat-transcript-repository';
import { DATABASE_FILE_NAME } from '../../../../contact-center/store/database';
import { openChatFixture, startedChat, type ChatFixture } from './chat-fixture';

let fixture: ChatFixture;
let customerToken: string;
let customerParticipantToken: string;

/** What another connection to the same file sees: only committed rows. */
function committedMessages(): string[] {
  const reader = new BetterSqlite3(join(fixture.folder, DATABASE_FILE_NAME), { readonly: true });
  try {
    return reader
      .prepare<[], { content: string }>("SELECT content FROM chat_items WHERE type = 'MESSAGE' ORDER BY seq")
      .all()
      .map((row) => row.content);
  } finally {
    reader.close();
  }
}

const countTokens = () => fixture.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM chat_client_tokens').get()?.n;

beforeEach(() => {
  fixture = openChatFixture();
  const chat = startedChat(fixture);
  customerToken = chat.customerToken;
  customerParticipantToken = chat.customer.participantToken;
});

afterEach(() => fixture.close());

describe('chat group commit', () => {
  it('commits the messages of one turn together, after the turn, and durable() resolves once they are', async () => {
    fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'one' });
    fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'two', ClientToken: 'two' });
    // Pushed at once, readable on this connection, not yet committed for anyone else.
    expect(fixture.deliveries.map((d) => d.item.Content).filter(Boolean)).toEqual(['one', 'two']);
    expect(fixture.chat.getTranscript(customerToken, { MaxResults: 100, SortOrder: 'ASCENDING' }).Transcript.map((i) => i.Content).filter(Boolean)).toEqual(['one', 'two']);
    expect(committedMessages()).toEqual([]);
    await fixture.chat.durable();
    expect(committedMessages()).toEqual(['one', 'two']);
    expect(fixture.db.inTransaction).toBe(false);
  });

  it('answers a ClientToken retry in the same turn with the first message, stored once', async () => {
    const first = fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'hello', ClientToken: 'c-1' });
    const retry = fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'hello', ClientToken: 'c-1' });
    expect(retry).toEqual(first);
    await fixture.chat.durable();
    expect(committedMessages()).toEqual(['hello']);
  });

  it('undoes only the call that failed; the others of the turn are committed', async () => {
    const group = new ChatGroupCommit(fixture.db);
    const insert = (content: string) =>
      fixture.db.prepare("INSERT INTO chat_client_tokens (participant_id, operation, client_token, result_json, created_at) SELECT participant_id, 'SendEvent', ?, '{}', 0 FROM chat_participants LIMIT 1").run(content);
    group.run(() => insert('kept'));
    expect(() =>
      group.run(() => {
        insert('undone');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    await group.durable();
    const tokens = fixture.db.prepare<[], { client_token: string }>("SELECT client_token FROM chat_client_tokens WHERE operation = 'SendEvent'").all();
    expect(tokens.map((t) => t.client_token)).toEqual(['kept']);
  });

  it('refuses durable() when the commit fails, and rolls the turn back', async () => {
    const errors: unknown[] = [];
    const group = new ChatGroupCommit(fixture.db, (error) => errors.push(error));
    group.run(() => fixture.db.prepare('CREATE TABLE scratch (x)').run());
    // A deferred foreign-key violation fails the COMMIT itself.
    fixture.db.pragma('defer_foreign_keys = ON');
    group.run(() => fixture.db.prepare("INSERT INTO chat_client_tokens (participant_id, operation, client_token, result_json, created_at) VALUES ('nobody', 'SendEvent', 'x', '{}', 0)").run());
    await expect(group.durable()).rejects.toThrow(/FOREIGN KEY/);
    expect(errors).toHaveLength(1);
    expect(fixture.db.inTransaction).toBe(false);
    expect(fixture.db.prepare("SELECT name FROM sqlite_master WHERE name = 'scratch'").get()).toBeUndefined();
  });

  it('still forgets ClientTokens past their window (pruned at most once a minute)', async () => {
    fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'old', ClientToken: 'old' });
    await fixture.chat.durable();
    expect(countTokens()).toBe(1);
    fixture.clock.advance(CLIENT_TOKEN_WINDOW_MS + CLIENT_TOKEN_PRUNE_INTERVAL_MS);
    // A week on, the customer's connection token has expired too: ChatJS asks for a new one.
    customerToken = fixture.chat.createParticipantConnection(customerParticipantToken, { Type: ['CONNECTION_CREDENTIALS'] }).ConnectionCredentials?.ConnectionToken ?? '';
    fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'new', ClientToken: 'new' });
    await fixture.chat.durable();
    expect(countTokens()).toBe(1);
    // The expired token no longer replays: the same ClientToken is a new message.
    const again = fixture.chat.sendMessage(customerToken, { ContentType: 'text/plain', Content: 'old', ClientToken: 'old' });
    await fixture.chat.durable();
    expect(committedMessages()).toEqual(['old', 'new', 'old']);
    expect(again.Id).toBeTruthy();
  });
});
