// Which Chromium the tests drive and with which flags; `scripts/setup.mjs` finds one and records it in .data.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where `scripts/setup.mjs` writes the Chromium it found. */
export const recordedChromiumPathFile = `${repoRoot}.data/chromium-path`;

function recordedChromiumPath(): string | undefined {
  if (!existsSync(recordedChromiumPathFile)) return undefined;
  return readFileSync(recordedChromiumPathFile, 'utf8').trim() || undefined;
}

/** The Chromium executable: $CHROME_PATH, then the one setup recorded, then Debian's, then Playwright's own. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, recordedChromiumPath(), '/usr/bin/chromium', chromium.executablePath()];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (tried ${candidates.filter(Boolean).join(', ')}). ` +
        'Run `node scripts/setup.mjs`, or set CHROME_PATH to a Chromium or Chrome executable.',
    );
  }
  return found;
}

/** Flags for a quiet, deterministic browser: no background traffic, updates, first-run UI or GPU. */
export function chromiumArgs(): string[] {
  return [
    // Chromium refuses to start its sandbox as root (containers, CI).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
    '--disable-sync',
  ];
}
