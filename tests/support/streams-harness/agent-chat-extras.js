// Agent-side additions to the chat harness (chat.html) for the customer contract suite, added to the page with
// Playwright's addScriptTag: `window.agentChat` reaches the agent's ChatJS session that streams made (the media
// controller of the agent connection) for what chat-harness.js does not cover: message receipts both ways,
// attachments up and down, and the transcript with item ids.
/* global window, connect */
'use strict';

(() => {
  const receipts = []; // {contactId, kind, item} for every receipt an agent session was shown
  const watched = new Set();

  async function controller(contactId) {
    const contact = new connect.Agent().getContacts().find((c) => c.getContactId() === contactId);
    if (!contact) throw new Error(`no contact ${contactId}`);
    return contact.getAgentConnection().getMediaController();
  }

  const plain = (value) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

  window.agentChat = {
    receipts,
    /** chatHarness.session (messages, typing, ended) plus the receipt handlers; call it while the contact rings. */
    watch: async (contactId) => {
      const details = await window.chatHarness.session(contactId);
      if (!watched.has(contactId)) {
        watched.add(contactId);
        const chat = await controller(contactId);
        chat.onReadReceipt((event) => receipts.push({ contactId, kind: 'read', item: plain(event.data) }));
        chat.onDeliveredReceipt((event) => receipts.push({ contactId, kind: 'delivered', item: plain(event.data) }));
      }
      return details;
    },
    /** Every item the agent's session heard for the contact, in order, as ChatJS handed them over. */
    heard: (contactId) => window.chatHarness.received.filter((r) => r.contactId === contactId).map((r) => ({ kind: r.kind, item: r.item })),
    receiptsHeard: (contactId) => receipts.filter((r) => r.contactId === contactId).map((r) => ({ kind: r.kind, item: r.item })),
    sendReceipt: async (contactId, messageId, kind) => {
      const contentType = `application/vnd.amazonaws.connect.event.message.${kind}`;
      await (await controller(contactId)).sendEvent({ contentType, content: JSON.stringify({ messageId }) });
      return true;
    },
    sendAttachment: async (contactId, name, contentType, bytes) => {
      const file = new File([new Uint8Array(bytes)], name, { type: contentType });
      await (await controller(contactId)).sendAttachment({ attachment: file });
      return true;
    },
    downloadAttachment: async (contactId, attachmentId) => {
      const blob = await (await controller(contactId)).downloadAttachment({ attachmentId });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    transcript: async (contactId) => {
      const response = await (await controller(contactId)).getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
      return plain(response.data.Transcript);
    },
  };
})();
