// The click-to-dial scanner and highlighter bundled with esbuild as the content script has them, to run in a plain
// page (the bench, and the overlay-marks spec): `window.__c2d` exposes PageScanner and createHighlighter.
import { build } from 'esbuild';
import { repoRoot } from './chromium';

export async function clickToDialBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { PageScanner } from './lib/click-to-dial/page-scanner'; export { createHighlighter } from './lib/click-to-dial/highlighter';`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__c2d',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0].text;
}
