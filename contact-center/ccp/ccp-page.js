// CCP emulator page of the Switchboard local contact center: relays Amazon Connect Streams' conduit (the
// postMessage protocol `connect.core.initCCP` speaks with its CCP iframe) to the contact-center server over the
// WebSocket /ccp-v2/socket (server end: ccp-socket.ts). Plain browser JavaScript, no build step; the conduit
// protocol is described in ccp-protocol.md.
//
// Parent window <-> this page: {event, data} messages (the real CCP's conduit). This page <-> server: JSON frames,
//   server -> page  hello {signedIn, agentId} | conduit {event, data} (agent::update, webSocket::all_message for
//                   chat items) | api_response {requestId, data, err} | terminated
//   page -> server  parent_ready | api_request {requestId, method, params} | reload_agent_configuration | mute {muted}
// Dates travel over the socket as {"$date": <epoch ms>}; streams needs real Date objects.
'use strict';

(() => {
  const parentWindow = window.parent;
  const statusLine = document.getElementById('status');
  /** Broadcasts the real shared worker would echo too, but that nobody needs back: they are only noise. */
  const NOT_ECHOED = new Set(['log', 'server_bound_internal_log', 'client_metric']);
  /** What the parent sends before it has processed our ACK (log broadcasts, the iframe style after 10 s). */
  const SENT_BEFORE_ACK = new Set(['broadcast', 'iframe_style']);
  const ACK_REPEAT_MS = 300;
  const RETRY_MIN_MS = 250;
  const RETRY_MAX_MS = 5000;

  const pageId = randomId(); // our ACK's id (streams keeps it as portStreamId) and our masterId
  let socket = null;
  let retryDelay = RETRY_MIN_MS;
  let signedIn = false; // as the last hello said
  let helloSeen = false;
  let acknowledged = false; // we have sent the parent our ACK (we never send another id)
  let ackTimer = null;
  let parentReady = false; // the parent has shown it processed our ACK
  let signedOut = false; // after `terminated`: silent until streams reloads this page
  let pendingMute = null; // a mute change made while the socket was down
  const inFlight = new Set(); // api_request ids sent to the server and not answered yet

  function setStatus(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function randomId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** JSON.parse reviver: {"$date": ms} -> Date (the reviver runs bottom-up, so nested values are revived too). */
  function reviveDates(_key, value) {
    if (value && typeof value === 'object' && typeof value.$date === 'number' && Object.keys(value).length === 1) {
      return new Date(value.$date);
    }
    return value;
  }

  /** JSON.stringify replacer: Date -> {"$date": ms} (`this[key]` is the value before Date.prototype.toJSON ran). */
  function encodeDates(key, value) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : value;
  }

  function post(event, data) {
    parentWindow.postMessage({ event, data }, '*');
  }

  function send(message) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message, encodeDates));
    return true;
  }

  function answerWithError(requestId, type, message) {
    post('api_response', { requestId, data: null, err: JSON.stringify({ type, message }) });
  }

  function failInFlight(message) {
    for (const requestId of inFlight) answerWithError(requestId, 'ConnectionLost', message);
    inFlight.clear();
  }

  // ---- the socket to the contact-center server ----

  /** Like the real CCP (which trades its sign-in cookie for a token at /auth/authorize), the page trades the
   *  session cookie for a one-time socket ticket: Chrome sends the cookie on this fetch when the page is
   *  framed by an extension with host permission, but not on the WebSocket handshake. */
  function connectSocket() {
    fetch('/ccp-v2/authorize', { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => response.json())
      .then(
        (body) => openSocket(body && typeof body.ticket === 'string' ? body.ticket : null),
        () => {
          setStatus('Cannot reach the local contact center; retrying…');
          setTimeout(connectSocket, retryDelay);
          retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
        },
      );
  }

  function openSocket(ticket) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = ticket ? `?ticket=${encodeURIComponent(ticket)}` : '';
    const ws = new WebSocket(`${scheme}//${location.host}/ccp-v2/socket${query}`);
    socket = ws;
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      let message;
      try {
        message = JSON.parse(event.data, reviveDates);
      } catch {
        return;
      }
      onServerMessage(message);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failInFlight('The connection to the local contact center was lost.');
      // Not signed in: streams reloads this page every few seconds, which connects again.
      if (signedOut || (helloSeen && !signedIn)) return;
      setStatus('Connection to the local contact center lost; reconnecting…');
      setTimeout(connectSocket, retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    };
  }

  function onServerMessage(message) {
    switch (message && message.type) {
      case 'hello':
        onHello(message);
        break;
      case 'conduit':
        // Anything posted after our ACK reaches the parent after it (postMessage keeps order).
        if (acknowledged && !signedOut && message.event) post(message.event, message.data);
        break;
      case 'api_response':
        if (!inFlight.delete(message.requestId)) break; // already answered (e.g. with ConnectionLost)
        post('api_response', { requestId: message.requestId, data: message.data ?? null, err: message.err ?? null });
        break;
      case 'terminated':
        signOut(message.data);
        break;
      default:
        break;
    }
  }

  function onHello({ signedIn: isSignedIn, agentId }) {
    helloSeen = true;
    signedIn = Boolean(isSignedIn);
    if (!signedIn) {
      // Signed out while we were away: tell streams, as the real CCP does when its session ends.
      if (acknowledged) signOut(undefined);
      else setStatus('Not signed in to the local contact center. Sign in there; Streams then reloads this page.');
      return;
    }
    retryDelay = RETRY_MIN_MS;
    setStatus(`Signed in as ${agentId}. Relaying Amazon Connect Streams to the local contact center.`);
    if (!acknowledged) {
      startAcknowledging();
    } else if (parentReady) {
      send({ type: 'parent_ready' }); // after a reconnect: the server answers with a fresh agent::update
      if (pendingMute !== null && send({ type: 'mute', muted: pendingMute })) pendingMute = null;
    }
  }

  function signOut(data) {
    const wasAcknowledged = acknowledged;
    signedOut = true;
    clearInterval(ackTimer);
    failInFlight('Signed out of the local contact center.');
    if (wasAcknowledged) post('terminated', data);
    setStatus('Signed out. Amazon Connect Streams reloads this page to sign in again.');
    if (socket) socket.close(1000, 'signed out');
  }

  // ---- the conduit with the parent (streams' IFrameConduit) ----

  function startAcknowledging() {
    acknowledged = true;
    const ack = () => post('acknowledge', { id: pageId });
    ack();
    ackTimer = setInterval(ack, ACK_REPEAT_MS);
  }

  function onParentReady() {
    parentReady = true;
    clearInterval(ackTimer);
    // The real CCP's shared worker tells streams when its agent WebSocket is up; chat (ChatJS) waits for it.
    post('webSocket::connection_gain');
    send({ type: 'parent_ready' }); // if the socket is down, the hello after the reconnect sends it
  }

  window.addEventListener('message', (event) => {
    if (event.source !== parentWindow || parentWindow === window) return;
    const message = event.data;
    if (!message || typeof message.event !== 'string') return;
    if (message.event === 'api_request') {
      onApiRequest(message.data);
      return;
    }
    // A CCP that is not signed in stays silent: an ACK (even for a keepalive) would tell streams it is.
    if (!signedIn || !acknowledged || signedOut) return;
    if (!parentReady && !SENT_BEFORE_ACK.has(message.event)) onParentReady();
    onParentMessage(message.event, message.data);
  });

  function onParentMessage(event, data) {
    switch (event) {
      case 'synchronize':
        post('acknowledge'); // keepalive (the real worker's answer carries no data)
        break;
      case 'master_request':
        post('master_response', {
          requestId: data && data.requestId,
          data: { masterId: pageId, isMaster: false, topic: data && data.params ? data.params.topic : undefined },
          err: null,
        });
        break;
      case 'broadcast':
        onBroadcast(data);
        break;
      case 'media_device_request':
        post('media_device_response', []);
        break;
      case 'configure':
        post('configuration::configure', data);
        break;
      case 'reload_agent_configuration':
        send({ type: 'reload_agent_configuration' });
        break;
      case 'webSocket::subscribe':
        // Topics (aws/chat, aws/task) are always delivered here: every item the server pushes is the agent's own.
        post('webSocket::subscription_update', { topic: 'aws/subscribe', content: { status: 'success', topics: Array.isArray(data) ? data : [] } });
        break;
      default:
        break; // outer_context_info, iframe_style, tab_id, send_logs, …: nothing to do
    }
  }

  /** Every api_request gets an answer: from the server, or at once with an error when it cannot be sent. */
  function onApiRequest(request) {
    if (!request || !request.requestId) return;
    const { requestId, method, params } = request;
    if (signedIn && !signedOut && send({ type: 'api_request', requestId, method, params })) {
      inFlight.add(requestId);
    } else {
      answerWithError(requestId, 'ConnectionLost', 'The CCP emulator is not connected to the local contact center.');
    }
  }

  /** The shared worker echoes broadcasts to every tab; the CCP's softphone answers `mute` with agent::mute_toggle. */
  function onBroadcast(broadcast) {
    if (!broadcast || typeof broadcast.event !== 'string' || NOT_ECHOED.has(broadcast.event)) return;
    post(broadcast.event, broadcast.data);
    if (broadcast.event === 'mute' && broadcast.data && broadcast.data.mute !== undefined) {
      const muted = Boolean(broadcast.data.mute);
      post('agent::mute_toggle', { muted });
      pendingMute = send({ type: 'mute', muted }) ? null : muted;
    }
  }

  // ---- the @amazon-connect SDK channel (streams' AmazonConnectStreamsSite) ----
  // initCCP's SDK provider waits for this iframe to offer a MessagePort. We accept its connection and answer every
  // request with an error at once; unanswered, SDK calls (contact.getInstanceDetails, used by chat; voice
  // enhancement; canResumeParticipant; …) would each hang 30 s before failing.

  function openSdkChannel() {
    const channel = new MessageChannel();
    let healthChecks = 0;
    channel.port1.onmessage = ({ data: message }) => {
      const port = channel.port1;
      switch (message && message.type) {
        case 'cross-domain-site-ready':
          port.postMessage({ type: 'acknowledge', connectionId: randomId(), status: 'ready', healthCheckInterval: 0 });
          break;
        case 'request':
          port.postMessage({
            type: 'response',
            namespace: message.namespace,
            requestId: message.requestId,
            isError: true,
            errorKey: 'handlerNotFound',
            reason: 'No handler for command',
            details: { command: message.command, requestData: message.data },
          });
          break;
        case 'healthCheck':
          port.postMessage({ type: 'healthCheckResponse', time: Date.now(), counter: ++healthChecks });
          break;
        default:
          break; // subscribe, unsubscribe, log, metric: nothing is ever published
      }
    };
    parentWindow.postMessage({ type: 'cross-domain-adapter-init' }, '*', [channel.port2]);
  }

  if (parentWindow === window) {
    setStatus('Not embedded: open it through Amazon Connect Streams (connect.core.initCCP with this URL).');
    return;
  }
  openSdkChannel();
  setStatus('Connecting to the local contact center…');
  connectSocket();
})();
