// Screen-pop settings and memory, kept in storage until the settings schema and policy (F32) take them over:
// when to pop (on ring, on accept, off), extra CRM template values, and the contacts already popped.
import { storage } from 'wxt/utils/storage';

export type ScreenPopMode = 'ring' | 'accept' | 'off';

/** When the card pops and the CRM record opens: as the contact rings, once it is accepted, or never. */
export const screenPopModeItem = storage.defineItem<ScreenPopMode>('local:settings.screenPop.mode', { fallback: 'ring' });

/** Extra values for the site rules' URL templates, over the rules' own ({ crmPort: '8081' } names the demo
 *  CRM's port when it does not run on the contact center's port + 1). */
export const screenPopTemplateValuesItem = storage.defineItem<Record<string, string>>('local:settings.screenPop.templateValues', { fallback: {} });

/** Contact ids already popped (newest last, bounded): one pop per contact, even across worker restarts. */
export const poppedContactsItem = storage.defineItem<string[]>('session:screenPop.popped', { fallback: [] });

