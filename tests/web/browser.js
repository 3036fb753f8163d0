// browser.js -- launch Debian's headless Chromium through playwright-core,
// offline, with a fresh profile (used by the browser tests and demo-web).
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Returns { browser, page }; browser.close() also removes the profile.
async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lagebild-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const browser = {
    close: async () => { await ctx.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
  return { browser, page, ctx };
}
module.exports = { launch };
