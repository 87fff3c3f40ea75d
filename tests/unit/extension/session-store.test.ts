// Unit tests of the side panel's session store.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from '@/stores/session';

describe('session store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('starts signed out', () => {
    const session = useSessionStore();
    expect(session.connection).toBe('signed-out');
    expect(session.signedIn).toBe(false);
  });

  it('counts as signed in only when the connection is ready', () => {
    const session = useSessionStore();
    session.connection = 'connecting';
    expect(session.signedIn).toBe(false);
    session.connection = 'ready';
    expect(session.signedIn).toBe(true);
  });
});
