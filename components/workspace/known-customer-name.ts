// The name of a contact's customer once the workspace knows it (the profile chosen for the contact), for the call,
// chat and task views to show instead of a bare number; null until then, or when the workspace is off.
import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { profileDisplayName } from '@/lib/workspace/profile-display';
import { useWorkspaceStore } from '@/stores/workspace';

export function useKnownCustomerName(contactId: () => string): ComputedRef<string | null> {
  const workspace = useWorkspaceStore();
  const { locale } = useI18n();
  return computed(() => {
    const customer = workspace.customers[contactId()];
    if (!customer?.chosenProfileId || customer.profiles.status !== 'ready') return null;
    const profile = customer.profiles.value.found.find((p) => p.ProfileId === customer.chosenProfileId);
    return profileDisplayName(profile, locale.value);
  });
}
