// Turning snapshot values into what the agent reads, in the panel's language: status and system-state names,
// connection states, parties on a call, phone numbers in the agent's country, and command errors.

import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { countryName } from '@/lib/phone/dialable-countries';
import { formatForAgent } from '@/lib/phone/phone-number';
import type { CommandError } from '@/lib/session/commands';
import type { ConnectionView } from '@/lib/session/snapshot';
import { usePreferencesStore } from '@/stores/preferences';
import { useSessionStore } from '@/stores/session';

/** Status names Amazon Connect instances commonly use (and the local contact center seeds) -> message keys. */
const KNOWN_STATUSES: Record<string, string> = {
  Available: 'available',
  Offline: 'offline',
  Break: 'break',
  Meeting: 'meeting',
  Paperwork: 'paperwork',
  'Outbound work': 'outboundWork',
  Feedback: 'feedback',
  Lunch: 'lunch',
  Training: 'training',
};

/** System and error states streams reports as the agent's state. */
const KNOWN_SYSTEM_STATES = new Set([
  'PendingBusy',
  'Busy',
  'CallingCustomer',
  'AfterCallWork',
  'MissedCallAgent',
  'FailedConnectAgent',
  'FailedConnectCustomer',
  'LineEngagedAgent',
  'LineEngagedCustomer',
  'AgentHungUp',
  'BadAddressAgent',
  'BadAddressCustomer',
  'RealtimeCommunicationError',
  'Default',
  'Error',
]);

const KNOWN_CONNECTION_STATES = new Set(['init', 'connecting', 'connected', 'hold', 'disconnected', 'silent_monitor', 'barge']);

export function useSoftphoneLabels() {
  const { t, te, locale } = useI18n();
  const session = useSessionStore();
  const preferences = usePreferencesStore();

  const browserLanguage = () => (typeof navigator === 'undefined' ? 'en-US' : navigator.language);

  /** The country the agent dials in and reads numbers for (ISO code). */
  const agentCountry = computed(() =>
    preferences.effectiveDialCountry(session.agent?.dialableCountries, browserLanguage()),
  );

  /** A status as the instance names it, localized when the panel knows the name. */
  function statusName(name: string): string {
    const key = KNOWN_STATUSES[name];
    return key ? t(`status.names.${key}`) : name;
  }

  function systemStateName(name: string): string {
    return KNOWN_SYSTEM_STATES.has(name) ? t(`status.system.${name}`) : name;
  }

  function connectionStateName(state: string): string {
    return KNOWN_CONNECTION_STATES.has(state) ? t(`call.connectionState.${state}`) : state;
  }

  function formatNumber(number: string): string {
    return formatForAgent(number, agentCountry.value);
  }

  /** Who a connection is: a name, else a quick connect's name, else the formatted number, else the role. */
  function partyName(connection: ConnectionView): string {
    if (connection.name) return connection.name;
    if (connection.quickConnectName) return connection.quickConnectName;
    if (connection.phoneNumber) return formatNumber(connection.phoneNumber);
    return connection.role === 'customer' ? t('call.role.customer') : t('call.role.thirdParty');
  }

  function countryLabel(code: string): string {
    return countryName(code, locale.value);
  }

  /** The translated, actionable message for a command error. */
  function errorMessage(error: CommandError): string {
    const params = error.params ?? {};
    switch (error.code) {
      case 'invalid-number':
        return t('errors.invalid-number', {
          number: params.number ?? '',
          country: countryLabel(params.country ?? agentCountry.value),
        });
      case 'rejected':
        return params.detail || error.detail
          ? t('errors.rejected', { detail: params.detail ?? error.detail ?? '' })
          : t('errors.rejected-no-detail');
      case 'workspace-source-failed': {
        const source = params.source ?? '';
        return t('errors.workspace-source-failed', { source: te(`errors.workspaceSources.${source}`, 'en') ? t(`errors.workspaceSources.${source}`) : source });
      }
      default:
        // A code a newer worker sends that this panel does not know yet still gets a readable message.
        return te(`errors.${error.code}`, 'en') ? t(`errors.${error.code}`, params) : t('errors.unknown', { code: error.code });
    }
  }

  return { agentCountry, statusName, systemStateName, connectionStateName, formatNumber, partyName, countryLabel, errorMessage };
}
