// The task channel's shapes, shared by the routing engine, the store and the HTTP routes: what starts a task, the
// task as the store keeps it (to route it again after a restart), and the events the engine tells observers.

import type { ContactRecord, TaskReference } from '../model';

export interface StartTaskInput {
  name: string;
  description?: string;
  references?: Record<string, TaskReference>;
  attributes?: Record<string, string>;
  /** Where it is routed: a queue, or a queue or agent quick connect (exactly one of the two). */
  queueId?: string;
  quickConnectId?: string;
  /** Epoch ms; later than now, the task waits until then (at most 6 days ahead). */
  scheduledTime?: number;
  /** Stored on the task (its channel context); the template's own rules are the caller's to apply. */
  taskTemplateId?: string;
  previousContactId?: string;
  relatedContactId?: string;
  /** StartTaskContact's ClientToken, kept with the task so the store can answer a retry with it. */
  clientToken?: string;
  /** Minutes until it expires (default: the engine's taskExpiryMinutes, 7 days). */
  expiryMinutes?: number;
}

export interface StartedTask {
  contactId: string;
  /** Epoch ms when the task waits for its time, else null. */
  scheduledTime: number | null;
}

/** A task as the store keeps it: everything needed to route it again after a restart. */
export interface PersistedTask {
  contactId: string;
  initialContactId: string;
  /** scheduled: waiting for its time; routed: a contact in flight; ended: done (ACW, expired or cleared). */
  status: 'scheduled' | 'routed' | 'ended';
  clientToken: string | null;
  createdAt: number;
  scheduledTime: number | null;
  expiresAt: number;
  initiationMethod: ContactRecord['initiationMethod'];
  name: string;
  description: string;
  references: Record<string, TaskReference>;
  attributes: Record<string, string>;
  templateId: string | null;
  previousContactId: string | null;
  relatedContactId: string | null;
  /** The queue it waits in, or null when it waits in an agent's own queue. */
  queueId: string | null;
  agentId: string | null;
}

/** Heard after the operation that caused it: `stored` for the store; the others are TaskJS's aws/task events. */
export type TaskEngineEvent =
  | { type: 'stored'; task: PersistedTask }
  | { type: 'transfer-initiated' | 'transfer-succeeded'; contactId: string; initialContactId: string; toContactId: string; agentId: string }
  | { type: 'expiring'; contactId: string; initialContactId: string; agentId: string | null; expiresAt: number }
  | { type: 'expired'; contactId: string; initialContactId: string; agentId: string | null };
