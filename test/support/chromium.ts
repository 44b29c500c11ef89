import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

function findChromium(): string | undefined {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Debian's chromium, if installed (.ci/run installs it with apt). */
export const chromiumPath = findChromium();
export const NO_CHROMIUM = 'skipped, no `chromium` on PATH (.ci/run installs it with apt)';

/** A fresh browser profile: its own storage, cookies and network (setOffline) state. */
export function launchContext(viewport = { width: 1100, height: 720 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chat-chromium-')), {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
