// The wasm core in headless Chromium: the browser end of the toolchain slice.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchChromium } from './support/browser.mjs';
import { startStaticServer } from './support/static-server.mjs';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const artifacts = path.join(root, 'build', 'test-artifacts');
let server;
let browser;

before(async () => {
  server = await startStaticServer(root);
  browser = await launchChromium();
  await mkdir(artifacts, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the wasm core runs in Chromium', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/tests/e2e/pages/wasm-slice.html`);
  await page.waitForFunction(() => !document.getElementById('target').textContent.includes('loading'), null, {
    timeout: 15000,
  });
  assert.deepEqual(errors, []);
  assert.match(await page.textContent('#version'), /^\d+\.\d+\.\d+$/);
  assert.equal(await page.textContent('#target'), 'wasm');
  await page.screenshot({ path: path.join(artifacts, 'wasm-slice.png') });
});
