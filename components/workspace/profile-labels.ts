// How the workspace names a profile in a list (the chooser, search results): its name in the agent's language's
// order, or "Profile without a name"; and a line of its number, email and account number.
import { useI18n } from 'vue-i18n';
import type { CustomerProfile } from '@/lib/workspace/customer-profiles-client';
import { profileDisplayName } from '@/lib/workspace/profile-display';

export function useProfileLabels() {
  const { t, locale } = useI18n();
  return {
    nameOf: (profile: CustomerProfile) => profileDisplayName(profile, locale.value) ?? t('workspace.unnamedProfile'),
    detailsOf: (profile: CustomerProfile) =>
      [profile.PhoneNumber ?? profile.MobilePhoneNumber, profile.EmailAddress, profile.AccountNumber ? t('crm.account', { number: profile.AccountNumber }) : null]
        .filter(Boolean)
        .join(' · '),
  };
}
