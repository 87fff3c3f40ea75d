// A contact's guide run in storage.session: written and read back whole, a malformed stored value read as none,
// and removed for contacts that left (the worker's part).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startGuide } from '../../../lib/guides/guide-interpreter';
import { browserGuideProgress, dropGuideProgress } from '../../../lib/guides/guide-progress';
import { seededGuide } from './guide-fixtures';

const guide = seededGuide('router-keeps-dropping.en.json');

describe('guide progress', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a run per contact until the contact leaves', async () => {
    const progress = browserGuideProgress();
    const run = startGuide(guide, 'c-1', {}, 1).run;
    await progress.write('c-1', { run, collapsed: true });
    await progress.write('c-2', { run: { ...run, contactId: 'c-2' }, collapsed: false });
    expect(await progress.read('c-1')).toEqual({ run, collapsed: true });
    await dropGuideProgress(['c-1'], progress);
    expect(await progress.read('c-1')).toBeNull();
    expect((await progress.read('c-2'))?.run.contactId).toBe('c-2');
  });

  it('reads a stored value it cannot resume as none', async () => {
    const run = startGuide(guide, 'c-9', {}, 1).run;
    await fakeBrowser.storage.session.set({ 'guides.progress.c-9': { run, collapsed: false } });
    expect(await browserGuideProgress().read('c-9')).toEqual({ run, collapsed: false });
    await fakeBrowser.storage.session.set({ 'guides.progress.c-9': { run: { guideId: 'x' }, collapsed: false } });
    expect(await browserGuideProgress().read('c-9')).toBeNull();
  });
});
