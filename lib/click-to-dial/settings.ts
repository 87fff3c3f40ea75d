// Click-to-dial settings kept in storage.local until the settings schema and policy (F32) take them over: the
// country national numbers on pages belong to, whether `tel:` links dial through Switchboard, and the sites
// where click-to-dial is switched off.
import { storage } from 'wxt/utils/storage';
import type { CountryCode } from './find-numbers';

/** The country of numbers written without a country code ('03-1234-5678' is Tokyo when this is 'JP'). */
export const defaultCountryItem = storage.defineItem<CountryCode>('local:settings.defaultCountry', { fallback: 'JP' });

/** Whether clicking a `tel:` link dials through Switchboard instead of the system's phone app. */
export const telLinksItem = storage.defineItem<boolean>('local:settings.clickToDial.telLinks', { fallback: true });

/** Origins ('https://crm.example.com') where click-to-dial does nothing. */
export const disabledSitesItem = storage.defineItem<string[]>('local:settings.clickToDial.disabledSites', { fallback: [] });
