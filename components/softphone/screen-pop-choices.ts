// The screen pop's chooser for a call several customers match, in the call views only while the agent workspace
// is off: with it on, the workspace's Profile tab offers the same profiles, and choosing there opens the record too.
import { computed, type ComputedRef } from 'vue';
import type { ProfileChoices } from '@/lib/session/snapshot';
import { useSessionStore } from '@/stores/session';
import { useSettingsStore } from '@/stores/settings';

export function useScreenPopChoices(contactId: () => string): ComputedRef<ProfileChoices | null> {
  const session = useSessionStore();
  const settings = useSettingsStore();
  return computed(() => (settings.value('features.workspace') ? null : session.profileChoicesOf(contactId())));
}
