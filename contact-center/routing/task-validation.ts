// Amazon Connect's rules for a new task (StartTaskContact, and an agent's createTask): name and description
// lengths, references by type (URL, EMAIL, NUMBER, STRING, DATE, ATTACHMENT) and their size, attributes, a
// scheduled time not in the past and at most 6 days ahead, the expiry. Each refusal an InvalidParameterException
// that names the field, in plain English.

import type { TaskReference, TaskReferenceType } from '../model';
import { validateAttributes } from './engine-state';
import { invalidParameter } from './errors';

const MINUTE = 60_000;

export const TASK_LIMITS = {
  nameLength: 512,
  descriptionLength: 4096,
  /** A reference's name and value (Connect's Reference and ReferenceKey). */
  referenceNameLength: 4096,
  referenceValueLength: 4096,
  /** "Up to 4,096 UTF-8 bytes across all references for a contact" (Connect's Reference data type). */
  referencesBytes: 4096,
  /** Attributes: keys of letters, digits, dash and underscore; 32,768 UTF-8 bytes across every key and value. */
  attributesBytes: 32_768,
  /** ScheduledTime: at most 6 days ahead, and not in the past (a minute of clock skew is let through). */
  scheduledAheadMs: 6 * 24 * 60 * MINUTE,
  scheduledPastToleranceMs: MINUTE,
  /** A task ends by itself when not completed within this (Connect: 7 days); the connect:ContactExpiry
   *  segment attribute and a template's EXPIRY_DURATION field may set 1 minute to 90 days. */
  defaultExpiryMinutes: 7 * 24 * 60,
  expiryMinutesMin: 1,
  expiryMinutesMax: 90 * 24 * 60,
  /** TaskJS's onTaskExpiring comes this long before the expiry. */
  expiryWarningMs: 2 * 60 * MINUTE,
  /** At most 12 tasks may share one PreviousContactId. */
  tasksPerPreviousContact: 12,
} as const;

export const TASK_REFERENCE_TYPES: readonly TaskReferenceType[] = ['URL', 'EMAIL', 'NUMBER', 'STRING', 'DATE', 'ATTACHMENT'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const EPOCH_SECONDS = /^\d{1,12}(\.\d+)?$/;
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export function checkTaskName(name: unknown): string {
  if (typeof name !== 'string' || name.trim().length === 0) throw invalidParameter('Name is required: the task name the agent sees');
  if (name.length > TASK_LIMITS.nameLength) throw invalidParameter(`Name must be at most ${TASK_LIMITS.nameLength} characters (it has ${name.length})`);
  return name;
}

export function checkTaskDescription(description: unknown): string {
  if (description === undefined || description === null) return '';
  if (typeof description !== 'string') throw invalidParameter('Description must be a string');
  if (description.length > TASK_LIMITS.descriptionLength) {
    throw invalidParameter(`Description must be at most ${TASK_LIMITS.descriptionLength} characters (it has ${description.length})`);
  }
  return description;
}

function isAbsoluteUrl(value: string, schemes?: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return schemes === undefined || schemes.includes(url.protocol);
  } catch {
    return false;
  }
}

/** Why a reference value is not of its type, or null when it is. */
function referenceValueProblem(type: TaskReferenceType, value: string): string | null {
  switch (type) {
    case 'URL':
      return isAbsoluteUrl(value) ? null : 'must be an absolute URL';
    case 'ATTACHMENT':
      return isAbsoluteUrl(value, ['http:', 'https:']) ? null : 'must be the http(s) URL of the file';
    case 'EMAIL':
      return EMAIL.test(value) ? null : 'must be an email address';
    case 'NUMBER':
      return NUMBER.test(value) ? null : 'must be a number';
    case 'DATE':
      return EPOCH_SECONDS.test(value) ? null : 'must be a date as epoch seconds';
    case 'STRING':
      return null;
  }
}

/** References as `{name: {type, value}}`; the types and values as Connect checks them. */
export function checkTaskReferences(references: unknown): Record<string, TaskReference> {
  if (references === undefined || references === null) return {};
  if (typeof references !== 'object' || Array.isArray(references)) throw invalidParameter('References must be an object of {Type, Value} by name');
  const out: Record<string, TaskReference> = {};
  let bytes = 0;
  for (const [name, reference] of Object.entries(references as Record<string, unknown>)) {
    if (name.length === 0 || name.length > TASK_LIMITS.referenceNameLength) {
      throw invalidParameter(`a reference name must be 1 to ${TASK_LIMITS.referenceNameLength} characters`);
    }
    const { type, value } = (reference ?? {}) as { type?: unknown; value?: unknown };
    if (typeof type !== 'string' || !TASK_REFERENCE_TYPES.includes(type as TaskReferenceType)) {
      throw invalidParameter(`reference "${name}" has type ${String(type)}; the types are ${TASK_REFERENCE_TYPES.join(', ')}`);
    }
    if (typeof value !== 'string') throw invalidParameter(`reference "${name}" needs a string Value`);
    if (value.length > TASK_LIMITS.referenceValueLength) {
      throw invalidParameter(`reference "${name}" must be at most ${TASK_LIMITS.referenceValueLength} characters (it has ${value.length})`);
    }
    const problem = referenceValueProblem(type as TaskReferenceType, value);
    if (problem) throw invalidParameter(`reference "${name}" of type ${type} ${problem}`);
    bytes += utf8Bytes(value);
    out[name] = { type: type as TaskReferenceType, value };
  }
  if (bytes > TASK_LIMITS.referencesBytes) {
    throw invalidParameter(`the references' values must be at most ${TASK_LIMITS.referencesBytes} UTF-8 bytes together (they are ${bytes})`);
  }
  return out;
}

export function checkTaskAttributes(attributes: unknown): Record<string, string> {
  const checked = validateAttributes(attributes);
  let bytes = 0;
  for (const [key, value] of Object.entries(checked)) {
    if (!ATTRIBUTE_KEY.test(key)) throw invalidParameter(`attribute name "${key}" may have only letters, digits, dashes and underscores`);
    bytes += utf8Bytes(key) + utf8Bytes(value);
  }
  if (bytes > TASK_LIMITS.attributesBytes) throw invalidParameter(`the attributes must be at most ${TASK_LIMITS.attributesBytes} UTF-8 bytes together (they are ${bytes})`);
  return checked;
}

/** The scheduled time (epoch ms) when it is later than now, null when the task is to be routed now. */
export function checkScheduledTime(scheduledTime: unknown, now: number): number | null {
  if (scheduledTime === undefined || scheduledTime === null) return null;
  if (typeof scheduledTime !== 'number' || !Number.isFinite(scheduledTime)) throw invalidParameter('ScheduledTime must be a time (epoch seconds)');
  if (scheduledTime < now - TASK_LIMITS.scheduledPastToleranceMs) {
    throw invalidParameter(`ScheduledTime ${new Date(scheduledTime).toISOString()} is in the past`);
  }
  if (scheduledTime > now + TASK_LIMITS.scheduledAheadMs) {
    throw invalidParameter(`ScheduledTime ${new Date(scheduledTime).toISOString()} is more than 6 days ahead`);
  }
  return scheduledTime > now ? scheduledTime : null;
}

export function checkExpiryMinutes(minutes: unknown, fallback: number): number {
  if (minutes === undefined || minutes === null) return fallback;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < TASK_LIMITS.expiryMinutesMin || minutes > TASK_LIMITS.expiryMinutesMax) {
    throw invalidParameter(`the task expiry must be a whole number of minutes from ${TASK_LIMITS.expiryMinutesMin} to ${TASK_LIMITS.expiryMinutesMax}`);
  }
  return minutes;
}
