// Turns effective settings into a policy file an admin can start from: the Linux/Chromium JSON shape
// (`3rdparty.extensions.<id>`), every value as an admin default (not locked), so the admin decides what to lock.
import { SETTING_KEYS, type Settings } from './schema';

export interface PolicyFile {
  '3rdparty': { extensions: Record<string, Record<string, { value: unknown }>> };
}

export function policyFileFor(values: Settings, extensionId: string): PolicyFile {
  const entries = Object.fromEntries(SETTING_KEYS.map((key) => [key, { value: structuredClone(values[key]) }]));
  return { '3rdparty': { extensions: { [extensionId]: entries } } };
}
