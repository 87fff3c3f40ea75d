// Customer side of the chat contract tests (customer-chat.html): the real amazon-connect-chatjs as a CUSTOMER, as a
// chat widget runs it, pointed at the contact center in `?cc=` (its participant routes and ws://127.0.0.1 socket),
// with CSM telemetry off. `window.customerHarness` holds any number of sessions, each keyed by the contact id
// StartChatContact answered, and records every event each one heard, for Playwright's page.evaluate.
// Optional query parameter: receiptThrottle (ms, ChatJS's message receipt throttle; ChatJS's default is 5000).
/* global window, location, connect */
'use strict';

(() => {
  const query = new URLSearchParams(location.search);
  const ccUrl = query.get('cc');
  if (!ccUrl) throw new Error('missing ?cc=<contact center URL>');
  const region = query.get('region') || 'ap-northeast-1';
  const receiptThrottle = query.has('receiptThrottle') ? Number(query.get('receiptThrottle')) : undefined;
  connect.ChatSession.setGlobalConfig({
    endpoint: new URL(ccUrl).origin,
    region,
    loggerConfig: { useDefaultLogger: false },
    features: { messageReceipts: { shouldSendMessageReceipts: true, ...(receiptThrottle ? { throttleTime: receiptThrottle } : {}) } },
  });

  const sessions = new Map(); // contact id → ChatJS customer session
  const heard = []; // {key, kind, item, t} for every event a session heard

  function session(key) {
    const found = sessions.get(key);
    if (!found) throw new Error(`no customer session ${key}`);
    return found;
  }

  const plain = (value) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

  window.customerHarness = {
    heard,
    /** ChatSession.create + connect() for what StartChatContact answered; resolves once connected. */
    connect: async ({ ContactId, ParticipantId, ParticipantToken }) => {
      const chat = connect.ChatSession.create({
        chatDetails: { ContactId, ParticipantId, ParticipantToken },
        type: connect.ChatSession.SessionTypes.CUSTOMER,
        options: { region },
        disableCSM: true,
      });
      const record = (kind) => (event) => heard.push({ key: ContactId, kind, t: Date.now(), item: plain(event && event.data) });
      chat.onMessage(record('message'));
      chat.onTyping(record('typing'));
      chat.onReadReceipt(record('read'));
      chat.onDeliveredReceipt(record('delivered'));
      chat.onEnded(record('ended'));
      chat.onConnectionEstablished(record('established'));
      chat.onConnectionBroken(record('broken'));
      chat.onConnectionLost(record('lost'));
      sessions.set(ContactId, chat);
      const result = await chat.connect();
      return { connected: Boolean(result && result.connectSuccess), details: plain(chat.getChatDetails()) };
    },
    /** clientToken is optional (the bundled SDK makes one); pass one to replay a send as a retry would. */
    sendMessage: async (key, text, contentType = 'text/plain', clientToken = undefined) => {
      const response = await session(key).sendMessage({ message: text, contentType, ...(clientToken ? { clientToken } : {}) });
      return { Id: response.data.Id, AbsoluteTime: response.data.AbsoluteTime };
    },
    sendTyping: async (key) => {
      await session(key).sendEvent({ contentType: 'application/vnd.amazonaws.connect.event.typing' });
      return true;
    },
    /** kind: 'delivered' or 'read'; ChatJS throttles receipts and sends at most one read per message. */
    sendReceipt: async (key, messageId, kind) => {
      const contentType = `application/vnd.amazonaws.connect.event.message.${kind}`;
      await session(key).sendEvent({ contentType, content: JSON.stringify({ messageId }) });
      return true;
    },
    /** Uploads a file made from `bytes` (an array of numbers) through ChatJS's sendAttachment (start, PUT, complete). */
    sendAttachment: async (key, name, contentType, bytes) => {
      const file = new File([new Uint8Array(bytes)], name, { type: contentType });
      await session(key).sendAttachment({ attachment: file });
      return true;
    },
    /** ChatJS's downloadAttachment (GetAttachment, then fetch of its URL): the bytes as an array of numbers. */
    downloadAttachment: async (key, attachmentId) => Array.from(new Uint8Array(await (await session(key).downloadAttachment({ attachmentId })).arrayBuffer())),
    getTranscript: async (key, maxResults = 100) => {
      const response = await session(key).getTranscript({ maxResults, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
      return plain(response.data);
    },
    disconnect: async (key) => {
      await session(key).disconnectParticipant();
      return true;
    },
    /** What a session heard, in order: {kind, item} (kind: message, typing, read, delivered, ended, …). */
    log: (key) => heard.filter((h) => h.key === key).map(({ kind, item }) => ({ kind, item })),
    keys: () => [...sessions.keys()],
  };
})();
