#!/usr/bin/env node
// Makes sure a Chromium for the end-to-end tests exists: CHROMIUM_PATH if set, else
// Debian's /usr/bin/chromium, installed with apt-get when missing and we are root.
// (Playwright cannot download its own browsers on these machines.)
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${wanted} does not exist.`);
  process.exit(1);
}
if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  console.error('Chromium is missing: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests (apt-get)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync('apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit', env });
if (!existsSync(wanted)) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
