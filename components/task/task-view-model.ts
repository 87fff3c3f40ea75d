// The shapes the task components take (plain copies of the session snapshot's task contacts), the ids that tie a
// task's tab to its panel, and the injection key through which a call or chat view asks the panel for a
// follow-up task form. Small and free of the task views themselves, so a voice-only panel can import it.

import type { InjectionKey } from 'vue';
import type { TaskReferenceView } from '@/lib/session/snapshot';

/** Where a task contact is: offered, being worked, set aside, or ended and in After Contact Work. */
export type TaskContactState = 'incoming' | 'connected' | 'paused' | 'acw';

/** One task contact as the task views show it. */
export interface TaskContactViewModel {
  contactId: string;
  name: string;
  description: string;
  references: TaskReferenceView[];
  state: TaskContactState;
  queueName: string | null;
  /** Since when the contact is in its state (epoch ms): offered since, worked since, paused since. */
  since: number;
  /** When the task was scheduled to arrive (epoch ms), or null. */
  scheduledTime: number | null;
  relatedContactId: string | null;
  /** A transfer: who transferred it, when the contact center says so. */
  transferredBy: string | null;
}

/** What a follow-up task is created from: the call or chat and what the panel knows of its customer. */
export interface FollowUpSource {
  contactId: string;
  channel: 'voice' | 'chat' | 'task';
  customerName: string | null;
  phoneNumber: string | null;
  email: string | null;
}

/** Provided by the softphone panel: opens the Create task form pre-filled from this contact. */
export const REQUEST_FOLLOW_UP_TASK: InjectionKey<(contactId: string) => void> = Symbol('request-follow-up-task');

/** The id of a task's tab (TaskTabs) and of the panel it controls (TaskContactView). */
export const taskTabId = (contactId: string) => `task-tab-${contactId}`;
export const taskPanelId = (contactId: string) => `task-panel-${contactId}`;
