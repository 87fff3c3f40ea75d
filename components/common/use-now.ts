// A clock for timers on screen (time in status, call duration, ring countdown): one shared ref, updated every
// second while at least one mounted component uses it, so every timer on the panel ticks together.

import { onScopeDispose, readonly, ref, type Ref } from 'vue';

const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;

/** The current time in epoch ms, refreshed every second while the calling component is mounted. */
export function useNow(): Readonly<Ref<number>> {
  users += 1;
  now.value = Date.now();
  if (timer === null) {
    timer = setInterval(() => {
      now.value = Date.now();
    }, 1_000);
  }
  onScopeDispose(() => {
    users -= 1;
    if (users === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  });
  return readonly(now);
}

/** "4:07", "1:02:03": elapsed time the way call timers show it. Negative spans show as 0:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${String(minutes).padStart(2, '0')}:${ss}`;
}
