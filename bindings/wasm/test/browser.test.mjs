// Real-browser tests in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// the demo page lints as you type, and the extension annotates a compose box on a local page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const extension = path.join(root, 'examples/extension');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CROWDED_FF = '#FF @ann @bob @cat @dan @eve';

let server;
before(async () => {
  server = await serve(root);
});
after(() => server.close());

/** Types a crowded #FF post into `selector` and returns what the panel next to it shows. */
async function typeAndRead(page, selector) {
  await page.click(selector);
  await page.keyboard.type(CROWDED_FF, { delay: 5 });
  const panel = page.locator(`${selector} + [data-postlint-panel]`);
  await panel.locator('li[data-rule="crowded-followfriday"]').waitFor({ timeout: 10_000 });
  return {
    count: Number(await panel.locator('[data-postlint-count]').getAttribute('data-postlint-count')),
    items: await panel.locator('li').allInnerTexts(),
    marked: await panel.locator('mark[data-rule="crowded-followfriday"]').innerText(),
  };
}

test('the demo page lints a crowded #FF post as it is typed', async () => {
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.url}/examples/demo/index.html`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 10_000 });
    const shown = await typeAndRead(page, '#compose');
    assert.ok(shown.count >= 1, `badge shows ${shown.count}`);
    assert.ok(shown.items.some((item) => item.includes('crowded-followfriday') && item.includes('5 mentions')), shown.items.join('\n'));
    assert.equal(shown.marked, '@ann @bob @cat @dan @eve');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('the extension annotates compose boxes on a page', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'postlint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/examples/extension/test-page.html`);
    await page.locator('#compose + [data-postlint-panel]').waitFor({ timeout: 15_000 });
    const shown = await typeAndRead(page, '#compose');
    assert.ok(shown.count >= 1);
    assert.equal(shown.marked, '@ann @bob @cat @dan @eve');
    // The contenteditable box gets its own panel too.
    await page.locator('#rich + [data-postlint-panel]').waitFor({ timeout: 5_000 });
  } finally {
    await context.close();
  }
});
