/**
 * Where Debian's Chromium lives. /usr/bin/chromium* are shell wrappers that do not `exec`, so the
 * process Puppeteer launches would be `sh`, not the browser: crash detection and killing by pid
 * would act on the wrong process. Use the real binaries below.
 */
import { accessSync, constants } from 'node:fs';

export type ChromiumFlavour = 'headless-shell' | 'chromium';

const DEBIAN_BINARIES: Record<ChromiumFlavour, string> = {
  // Markedly faster at printing than full Chromium (see PERFORMANCE.md): the default.
  'headless-shell': '/usr/lib/chromium/chromium-headless-shell',
  chromium: '/usr/lib/chromium/chromium',
};

export function isChromiumFlavour(value: string): value is ChromiumFlavour {
  return value in DEBIAN_BINARIES;
}

/** Path of the Debian binary for a flavour; throws a readable error when it is not installed. */
export function debianChromiumPath(flavour: ChromiumFlavour = 'headless-shell'): string {
  const path = DEBIAN_BINARIES[flavour];
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`Chromium (${flavour}) not found at ${path}: apt-get install chromium-headless-shell`);
  }
  return path;
}
