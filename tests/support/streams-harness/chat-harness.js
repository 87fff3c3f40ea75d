// Chat part of the streams harness (chat.html): points the real amazon-connect-chatjs at the CCP's origin (the
// local contact center serves Amazon Connect's participant routes there) before any chat exists, as Switchboard's
// engine does, and exposes `window.chatHarness` over streams' chat media controller (the agent's ChatJS session).
/* global window, location, connect */
'use strict';

(() => {
  const ccpUrl = new URLSearchParams(location.search).get('ccp');
  connect.ChatSession.setGlobalConfig({ endpoint: new URL(ccpUrl).origin, region: 'ap-northeast-1', loggerConfig: { useDefaultLogger: false } });

  const received = []; // {contactId, item} for every item an agent session heard
  const sessions = new Map();

  function agentConnection(contactId) {
    const contact = new connect.Agent().getContacts().find((c) => c.getContactId() === contactId);
    if (!contact) throw new Error(`no contact ${contactId}`);
    return contact.getAgentConnection();
  }

  /** The agent's ChatJS session for a chat contact (streams makes it as soon as the contact rings). */
  async function session(contactId) {
    if (sessions.has(contactId)) return sessions.get(contactId);
    const chat = await agentConnection(contactId).getMediaController();
    const record = (kind) => (event) => received.push({ contactId, kind, item: JSON.parse(JSON.stringify(event.data ?? null)) });
    chat.onMessage(record('message'));
    chat.onTyping(record('typing'));
    chat.onEnded(record('ended'));
    chat.onConnectionEstablished(record('established'));
    sessions.set(contactId, chat);
    return chat;
  }

  window.chatHarness = {
    received,
    session: async (contactId) => {
      const chat = await session(contactId);
      return { participantId: chat.getChatDetails().participantId, initialContactId: chat.getChatDetails().initialContactId };
    },
    send: async (contactId, text, contentType = 'text/plain') => {
      const response = await (await session(contactId)).sendMessage({ message: text, contentType });
      return { id: response.data.Id };
    },
    typing: async (contactId) => {
      await (await session(contactId)).sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
      return true;
    },
    transcript: async (contactId) => {
      const response = await (await session(contactId)).getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
      return response.data.Transcript.map((i) => ({ Type: i.Type, ContentType: i.ContentType, Content: i.Content, ParticipantRole: i.ParticipantRole }));
    },
    /** streams' contact.transfer to the quick connect named `name` (how a chat is transferred). */
    transfer: (contactId, name) =>
      new Promise((resolve, reject) => {
        const agent = new connect.Agent();
        agent.getEndpoints(agent.getAllQueueARNs(), {
          success: (data) => {
            const endpoint = data.endpoints.find((e) => e.name === name);
            if (!endpoint) return reject(new Error(`no quick connect ${name}`));
            const contact = agent.getContacts().find((c) => c.getContactId() === contactId);
            contact.transfer(endpoint, { success: () => resolve(true), failure: (err) => reject(new Error(`transfer failed: ${err}`)) });
          },
          failure: (err) => reject(new Error(`getEndpoints failed: ${err}`)),
        });
      }),
    eventsHeard: (contactId) => received.filter((r) => r.contactId === contactId).map((r) => r.item && r.item.ContentType),
    messagesHeard: (contactId) => received.filter((r) => r.contactId === contactId && r.kind === 'message').map((r) => r.item),
  };
})();
