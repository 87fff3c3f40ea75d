// Keeps keyboard users oriented when the control they used disappears (Accept call, End call, Close contact
// each replace their own card): a newly shown card takes the focus, but only if it was lost to the page body,
// so the panel never steals focus from a field the agent is typing in.

import { onMounted, type Ref } from 'vue';

export function useFocusIfLost(target: Ref<HTMLElement | null>): void {
  onMounted(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    target.value?.focus({ preventScroll: true });
  });
}
