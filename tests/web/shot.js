// shot.js -- save a screenshot of the page: node tests/web/shot.js URL OUT.png [#hash]
'use strict';
const { launch } = require('./browser');
(async () => {
  const [url, out, hash] = process.argv.slice(2);
  const { browser, page } = await launch();
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(url + (hash || ''));
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: out });
    console.log(`screenshot: ${out}`);
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
