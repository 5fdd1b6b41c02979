// Launches Debian's Chromium through playwright-core. No browser is downloaded:
// the executable is the system one, and the flags keep it off the network.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
