// Screen pop's memory and the type of its mode setting (the settings themselves — mode, template values, CRM
// rules — come from the settings schema, lib/settings).
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../settings/schema';

/** When the card pops and the CRM record opens: as the contact rings, once it is accepted, or never. */
export type ScreenPopMode = Settings['screenPop.mode'];

/** Contact ids already popped (newest last, bounded): one pop per contact, even across worker restarts. */
export const poppedContactsItem = storage.defineItem<string[]>('session:screenPop.popped', { fallback: [] });
