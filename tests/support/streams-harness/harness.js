// Streams harness for the contract tests: runs the real amazon-connect-streams `initCCP` against the CCP URL in
// `?ccp=` and exposes `window.harness`, a small promise-based API over streams' PUBLIC API for Playwright to drive
// (page.evaluate(() => harness.accept(id))). Every agent/contact event is recorded in `harness.events`.
// Optional query parameters: loadTimeout (ccpLoadTimeout, also streams' iframe-refresh interval), ackTimeout,
// synTimeout (ms), manual=1 (do not call initCCP until harness.start(extraParams)).
/* global window, document, location, connect */
'use strict';

(() => {
  const query = new URLSearchParams(location.search);
  const events = [];
  const waiters = [];
  let seq = 0;
  let muted = false;
  let resolveReady;
  let rejectReady;
  const timings = { start: null, initialized: null, agent: null };
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  /** A JSON-safe copy: Dates become epoch ms, functions and cycles are dropped. */
  function toPlain(value) {
    if (value === undefined) return null;
    const seen = new WeakSet();
    const json = JSON.stringify(value, function replacer(key, v) {
      const raw = this[key];
      if (raw instanceof Date) return raw.getTime();
      if (typeof v === 'function') return undefined;
      if (v && typeof v === 'object') {
        if (seen.has(v)) return undefined;
        seen.add(v);
      }
      return v;
    });
    return json === undefined ? null : JSON.parse(json);
  }

  function record(name, contactId, data) {
    const event = { seq: ++seq, t: Date.now(), name, contactId: contactId ?? null, data: toPlain(data) };
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.matches(event)) waiter.resolve(event);
    }
  }

  /** Resolves with the first event named `name` (after seq `since`, for `contactId` if given). */
  function waitFor(name, { contactId, since = 0, timeout = 10000, where } = {}) {
    const matches = (e) =>
      e.seq > since && e.name === name && (contactId === undefined || e.contactId === contactId) && (!where || where(e));
    const found = events.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        matches,
        resolve: (event) => {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(waiter), 1);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeout} ms waiting for ${name}${contactId ? ` (${contactId})` : ''}`));
      }, timeout);
      waiters.push(waiter);
    });
  }

  function describe(err) {
    return typeof err === 'string' ? err : JSON.stringify(toPlain(err));
  }

  /** Runs a streams call taking {success, failure}; rejects with an Error carrying streams' failure value. */
  function call(operation, invoke) {
    return new Promise((resolve, reject) => {
      invoke({
        success: (data) => resolve(toPlain(data)),
        failure: (err, data) => {
          const error = new Error(`${operation} failed: ${describe(err)}`);
          error.streamsError = toPlain(err);
          error.streamsData = toPlain(data);
          reject(error);
        },
      });
    });
  }

  function agent() {
    if (!connect.agent.initialized) throw new Error('the agent is not initialized yet (await harness.ready)');
    return new connect.Agent();
  }

  function contact(contactId) {
    const found = agent().getContacts().find((c) => c.getContactId() === contactId);
    if (!found) throw new Error(`no contact ${contactId}`);
    return found;
  }

  function connection(contactId, connectionId) {
    const c = contact(contactId);
    if (connectionId === undefined) return c.getInitialConnection();
    const found = c.getConnections().find((conn) => conn.getConnectionId() === connectionId);
    if (!found) throw new Error(`no connection ${connectionId} on contact ${contactId}`);
    return found;
  }

  function summarizeConnection(conn) {
    const endpoint = conn.getEndpoint();
    return {
      id: conn.getConnectionId(),
      type: conn.getType(),
      state: conn.getStatus().type,
      initial: conn.isInitialConnection(),
      endpoint: { type: endpoint.type, phoneNumber: endpoint.phoneNumber, name: endpoint.name },
      isOnHold: conn.isOnHold(),
      isConnected: conn.isConnected(),
      isActive: conn.isActive(),
      mute: typeof conn.isMute === 'function' ? conn.isMute() : null,
      quickConnectName: typeof conn.getQuickConnectName === 'function' ? conn.getQuickConnectName() : null,
    };
  }

  function summarizeContact(c) {
    const queue = c.getQueue();
    const agentConnection = c.getAgentConnection();
    return {
      id: c.getContactId(),
      type: c.getType(),
      state: c.getStatus().type,
      initiationMethod: c.getInitiationMethod(),
      queue: queue ? queue.name : null,
      attributes: toPlain(c.getAttributes()),
      isSoftphoneCall: c.isSoftphoneCall(),
      agentConnectionId: agentConnection ? agentConnection.getConnectionId() : null,
      connections: c.getConnections().map(summarizeConnection),
    };
  }

  function summaryOrNull(c) {
    try {
      return summarizeContact(c);
    } catch {
      return null; // already removed from the snapshot
    }
  }

  function toEndpoint(target) {
    return typeof target === 'string' ? connect.Endpoint.byPhoneNumber(target) : target;
  }

  function rawQuickConnects() {
    const a = agent();
    return new Promise((resolve, reject) => {
      a.getEndpoints(a.getAllQueueARNs(), {
        success: (data) => resolve(data.endpoints),
        failure: (err) => reject(new Error(`getEndpoints failed: ${describe(err)}`)),
      });
    });
  }

  function waitForMute(wanted) {
    const since = seq;
    agent()[wanted ? 'mute' : 'unmute']();
    return waitFor('agent::mute_toggle', { since, timeout: 5000, where: (e) => e.data && e.data.muted === wanted }).then(
      () => undefined,
    );
  }

  function subscribeContact(c) {
    const id = c.getContactId();
    record('contact::init', id, summaryOrNull(c));
    const names = connect.ContactEvents;
    const on = (subscribe, name) => subscribe.call(c, () => record(name, id, summaryOrNull(c)));
    on(c.onIncoming, names.INCOMING);
    on(c.onPending, names.PENDING);
    on(c.onConnecting, names.CONNECTING);
    on(c.onAccepted, names.ACCEPTED);
    on(c.onMissed, names.MISSED);
    on(c.onConnected, names.CONNECTED);
    on(c.onEnded, names.ENDED);
    on(c.onACW, names.ACW);
    on(c.onError, names.ERROR);
    c.onDestroy(() => record(names.DESTROYED, id, null));
  }

  function subscribeAgent(a) {
    const names = connect.AgentEvents;
    a.onStateChange((e) => record(names.STATE_CHANGE, null, { oldState: e.oldState, newState: e.newState }));
    a.onRoutable(() => record(names.ROUTABLE, null, a.getState()));
    a.onNotRoutable(() => record(names.NOT_ROUTABLE, null, a.getState()));
    a.onOffline(() => record(names.OFFLINE, null, a.getState()));
    a.onAfterCallWork(() => record(names.ACW, null, a.getState()));
    a.onError(() => record(names.ERROR, null, a.getState()));
    a.onEnqueuedNextState(() => record(names.ENQUEUED_NEXT_STATE, null, a.getNextState()));
    a.onClearedNextState(() => record(names.CLEARED_NEXT_STATE, null, null));
    a.onMuteToggle((e) => {
      muted = Boolean(e && e.muted);
      record(names.MUTE_TOGGLE, null, { muted });
    });
  }

  function start(extraParams = {}) {
    const ccpUrl = query.get('ccp');
    if (!ccpUrl) throw new Error('missing ?ccp=<CCP URL>');
    const number = (name) => (query.has(name) ? Number(query.get(name)) : undefined);
    const params = {
      ccpUrl,
      loginPopup: false,
      softphone: { allowFramedSoftphone: true },
      ccpLoadTimeout: number('loadTimeout'),
      ccpAckTimeout: number('ackTimeout'),
      ccpSynTimeout: number('synTimeout'),
      ...extraParams,
    };
    for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
    timings.start = Date.now();
    try {
      connect.core.initCCP(document.getElementById('ccp'), params);
    } catch (e) {
      rejectReady(e);
      throw e;
    }
    connect.core.onInitialized(() => {
      timings.initialized = Date.now();
      record('init', null, null);
    });
    const bus = connect.core.getEventBus();
    const types = connect.EventType;
    for (const type of [types.TERMINATED, types.ACK_TIMEOUT, types.AUTH_FAIL, types.ACCESS_DENIED, types.IFRAME_RETRIES_EXHAUSTED]) {
      bus.subscribe(type, () => record(type, null, null));
    }
    connect.agent((a) => {
      timings.agent = Date.now();
      record('agent::init', null, a.getState());
      subscribeAgent(a);
      resolveReady({ initMs: timings.initialized - timings.start, agentMs: timings.agent - timings.start });
    });
    connect.contact(subscribeContact);
  }

  window.harness = {
    ready,
    events,
    timings,
    start,
    waitFor,
    /** The seq of the last recorded event: pass it as `since` to waitFor to ignore what already happened. */
    mark: () => seq,
    agentState: () => {
      const a = agent();
      return toPlain({ state: a.getState(), availability: a.getAvailabilityState(), nextState: a.getNextState(), name: a.getName() });
    },
    agentStates: () => toPlain(agent().getAgentStates()),
    setState: (name, { enqueueNextState = false } = {}) => {
      const state = agent().getAgentStates().find((s) => s.name === name);
      if (!state) return Promise.reject(new Error(`no agent state named ${name}`));
      return call('setState', (cb) => agent().setState(state, cb, { enqueueNextState }));
    },
    contacts: () => agent().getContacts().map(summarizeContact),
    accept: (contactId) => call('accept', (cb) => contact(contactId).accept(cb)),
    reject: (contactId) => call('reject', (cb) => contact(contactId).reject(cb)),
    clear: (contactId) => call('clear', (cb) => contact(contactId).clear(cb)),
    complete: (contactId) => call('complete', (cb) => contact(contactId).complete(cb)),
    hangUpAgent: (contactId) => call('hangUpAgent', (cb) => contact(contactId).getAgentConnection().destroy(cb)),
    hold: (contactId, connectionId) => call('hold', (cb) => connection(contactId, connectionId).hold(cb)),
    resume: (contactId, connectionId) => call('resume', (cb) => connection(contactId, connectionId).resume(cb)),
    sendDigits: (contactId, digits, connectionId) =>
      call('sendDigits', (cb) =>
        (connectionId ? connection(contactId, connectionId) : contact(contactId).getAgentConnection()).sendDigits(digits, cb),
      ),
    destroyConnection: (contactId, connectionId) =>
      call('destroyConnection', (cb) => connection(contactId, connectionId).destroy(cb)),
    mute: () => waitForMute(true),
    unmute: () => waitForMute(false),
    isMuted: () => muted,
    quickConnects: () => rawQuickConnects().then((endpoints) => toPlain(endpoints)),
    dial: (target, { queueARN } = {}) =>
      call('dial', (cb) => agent().connect(toEndpoint(target), { ...cb, ...(queueARN ? { queueARN } : {}) })),
    /** target: an index into quickConnects(), a phone number, or an endpoint object. */
    addConnection: async (contactId, target) => {
      const endpoint = typeof target === 'number' ? (await rawQuickConnects())[target] : toEndpoint(target);
      if (!endpoint) throw new Error(`no quick connect #${target}`);
      return call('addConnection', (cb) => contact(contactId).addConnection(endpoint, cb));
    },
    conference: (contactId) => call('conference', (cb) => contact(contactId).conferenceConnections(cb)),
    toggle: (contactId) => call('toggle', (cb) => contact(contactId).toggleActiveConnections(cb)),
    getConfiguration: () => toPlain(agent().getConfiguration()),
    setConfiguration: (patch) =>
      call('setConfiguration', (cb) => agent().setConfiguration({ ...agent().getConfiguration(), ...patch }, cb)),
  };

  if (query.get('manual') !== '1') start();
})();
