// Task part of the streams harness (task.html): exposes `window.taskHarness` over the real amazon-connect-taskjs's
// agent APIs (createTask, listTaskTemplates, getTaskTemplate, updateContact), streams' task contact getters and
// commands (pause, resume, transfer), and what each task's TaskSession (aws/task) hears.
/* global window, connect */
'use strict';

(() => {
  const heard = []; // {contactId, event, item} for every aws/task item a task session delivered

  const agent = () => new connect.Agent();
  function contact(contactId) {
    const found = agent().getContacts().find((c) => c.getContactId() === contactId);
    if (!found) throw new Error(`no contact ${contactId}`);
    return found;
  }

  /** One callback-style call as a promise; failures reject with what the CCP said. */
  const call = (operation, invoke) =>
    new Promise((resolve, reject) => {
      try {
        invoke({ success: (data) => resolve(JSON.parse(JSON.stringify(data ?? null))), failure: (error) => reject(new Error(`${operation} failed: ${typeof error === 'string' ? error : JSON.stringify(error)}`)) });
      } catch (error) {
        reject(error);
      }
    });

  function endpointNamed(name) {
    return new Promise((resolve, reject) => {
      const a = agent();
      a.getEndpoints(a.getAllQueueARNs(), {
        success: (data) => {
          const endpoint = data.endpoints.find((e) => e.name === name);
          if (endpoint) resolve(endpoint);
          else reject(new Error(`no quick connect ${name}`));
        },
        failure: (error) => reject(new Error(`getEndpoints failed: ${error}`)),
      });
    });
  }

  /** Subscribes to a task contact's TaskSession (streams makes it the agent connection's media controller). */
  const listened = new Set();
  async function listen(contactId) {
    if (listened.has(contactId)) return;
    listened.add(contactId);
    const session = await contact(contactId).getAgentConnection().getMediaController();
    const record = (event) => (data) => heard.push({ contactId, event, item: JSON.parse(JSON.stringify(data ?? null)) });
    session.onTransferInitiated(record('transfer-initiated'));
    session.onTransferSucceeded(record('transfer-succeeded'));
    session.onTransferFailed(record('transfer-failed'));
    session.onTaskExpiring(record('expiring'));
    session.onTaskExpired(record('expired'));
  }

  window.taskHarness = {
    heard,
    listen: (contactId) => listen(contactId).then(() => true),
    /** streams' view of a task contact, through its public getters. */
    details: (contactId) => {
      const c = contact(contactId);
      return JSON.parse(
        JSON.stringify({
          type: c.getType(),
          state: c.getStatus().type,
          name: c.getName(),
          description: c.getDescription(),
          references: c.getReferences(),
          channelContext: c.getChannelContext(),
          relatedContactId: c.getRelatedContactId(),
          initialContactId: c.getInitialContactId(),
          connections: c.getConnections().map((x) => ({ type: x.getType(), state: x.getStatus().type })),
        }),
      );
    },
    /** agent.createTask for the quick connect named `endpointName` (plain), or a templated one (`task.taskTemplateId`). */
    createTask: async (task, endpointName) => {
      const body = { ...task };
      if (endpointName) body.endpoint = await endpointNamed(endpointName);
      return call('createTask', (cb) => agent().createTask(body, cb));
    },
    listTaskTemplates: (query) => call('listTaskTemplates', (cb) => agent().listTaskTemplates(query, cb)),
    getTaskTemplate: (params) => call('getTaskTemplate', (cb) => agent().getTaskTemplate(params, cb)),
    updateContact: (update) => call('updateContact', (cb) => agent().updateContact(update, cb)),
    pause: (contactId) => call('pause', (cb) => contact(contactId).pause(cb)),
    resume: (contactId) => call('resume', (cb) => contact(contactId).resume(cb)),
    transfer: async (contactId, endpointName) => {
      const endpoint = await endpointNamed(endpointName);
      return call('transfer', (cb) => contact(contactId).transfer(endpoint, cb));
    },
    heardBy: (contactId) => heard.filter((h) => h.contactId === contactId).map((h) => h.event),
  };
})();
