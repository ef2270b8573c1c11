// Chromium launch settings shared by the Playwright config and the bench driver.
// Without these flags Chromium keeps trying to reach Google's services on a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium unless CHROMIUM_PATH names another one. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';
