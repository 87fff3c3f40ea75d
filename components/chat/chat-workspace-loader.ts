// Loads the chat workspace's chunk (the chat views with markdown-it and DOMPurify) once, and as early as the panel
// can tell it will be needed: at start when the panel last closed with chats open, or as soon as a snapshot with a
// chat arrives, instead of when the panel first renders one (it was a 50 ms fetch and compile on that path).

import { loadOnce } from '@/lib/load-once';

/** The workspace module; one fetch however often it is asked for, tried again after a failed one. */
export const loadChatWorkspace = loadOnce(() => import('./ChatWorkspace.vue'));

const HAD_CHATS_KEY = 'switchboard.panel.hadChats';

/** Remembers whether the agent has chats, for the next panel to start loading the workspace at once. */
export function rememberWhetherChatsOpen(hasChats: boolean): void {
  try {
    if (hasChats) localStorage.setItem(HAD_CHATS_KEY, '1');
    else localStorage.removeItem(HAD_CHATS_KEY);
  } catch {
    // Storage can be unavailable (a locked-down profile): the workspace then loads when first shown.
  }
}

/** Starts loading the workspace now if the last panel had chats; a wrong guess costs one unused chunk. */
export function preloadChatWorkspaceIfLikely(): void {
  try {
    if (localStorage.getItem(HAD_CHATS_KEY) === null) return;
  } catch {
    return;
  }
  loadChatWorkspace().catch(() => undefined); // shown as the async component's error if it fails again then
}
