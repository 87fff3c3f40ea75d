// Pinia store mirroring the session snapshot the background worker owns (only the connection state so far).
import { defineStore } from 'pinia';

export type Connection = 'signed-out' | 'connecting' | 'ready' | 'failed';

export const useSessionStore = defineStore('session', {
  state: (): { connection: Connection } => ({ connection: 'signed-out' }),
  getters: {
    signedIn: (state): boolean => state.connection === 'ready',
  },
});
