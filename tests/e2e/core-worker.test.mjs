// The core's worker in headless Chromium against a real accord-server: the UI client
// (web/src/core/client.ts) talks to the worker (web/src/worker/main.ts), which runs the wasm
// core with its SQLite store in OPFS. Signs in, edits, checks the store is OPFS and durable
// across a reload made while offline, and that a second tab gets the "other tab" state.
// The TypeScript is compiled with tsc (no bundler) into build/e2e-core, which accord-server
// serves with --web, so the page, /api and /sync share one origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/browser.mjs';
import { startServer } from '../wasm/support/server.mjs';
import { waitFor } from '../wasm/support/core.mjs';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const site = path.join(root, 'build', 'e2e-core');
const artifacts = path.join(root, 'build', 'test-artifacts');
let server;
let browser;

before(async () => {
  rmSync(site, { recursive: true, force: true });
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const compiled = spawnSync(
    tsc,
    ['-p', path.join(root, 'web/src/worker/tsconfig.json'), '--noEmit', 'false', '--outDir', site, '--rootDir', root],
    { encoding: 'utf8' },
  );
  assert.equal(compiled.status, 0, compiled.stdout + compiled.stderr);
  cpSync(path.join(root, 'wasm/js'), path.join(site, 'wasm/js'), { recursive: true });
  mkdirSync(path.join(site, 'build/wasm/wasm'), { recursive: true });
  for (const f of ['accord-core.mjs', 'accord-core.wasm']) {
    cpSync(path.join(root, 'build/wasm/wasm', f), path.join(site, 'build/wasm/wasm', f));
  }
  cpSync(path.join(root, 'tests/e2e/pages/core-client.html'), path.join(site, 'index.html'));
  mkdirSync(artifacts, { recursive: true });
  server = await startServer({ web: site });
  server.addUser('e2e-team', 'alice', 'alice-password-1', 'owner');
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const until = (page, fn, arg, timeout = 20000) => page.waitForFunction(fn, arg, { timeout });

test('the worker runs the core over OPFS, syncs, survives an offline reload and owns the store alone', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/index.html`);
  await until(page, () => window.lastStatus() !== null);

  const session = await page.evaluate(
    (url) => window.accord.signIn(url, 'alice', 'alice-password-1'),
    server.url,
  );
  assert.deepEqual(session, { user: 'alice', team: 'e2e-team', role: 'owner', serverUrl: server.url });
  const ids = await page.evaluate(async () => {
    const account = await window.accord.create('accounts', null, { name: '上海电机', tier: 'b' });
    const contact = await window.accord.create('contacts', account.id, { name: '张伟', stance: 'supporter' });
    return { account: account.id, contact: contact.id };
  });
  const invalid = await page.evaluate(
    (ids) => window.accord.update('contacts', ids.contact, ids.account, { influence: 'huge' }).catch((e) => ({ code: e.code, field: e.field, message: e.message })),
    ids,
  );
  assert.equal(invalid.code, 'invalid_argument');
  assert.equal(invalid.field, 'influence');
  await until(page, () => {
    const s = window.lastStatus();
    return s && s.state === 'synced' && s.pendingChanges === 0;
  });
  const status = await page.evaluate(() => window.lastStatus());
  assert.equal(status.storage, 'opfs');
  assert.equal(status.online, true);
  assert.equal(typeof status.persisted, 'boolean');

  // A second tab of the same browser: the store is owned by the first.
  const second = await context.newPage();
  await second.goto(`${server.url}/index.html`);
  await until(second, () => window.lastStatus()?.state === 'other-tab');
  const locked = await second.evaluate(() => window.accord.list('accounts', null).catch((e) => e.code));
  assert.equal(locked, 'locked');
  await second.close();

  // Offline: an edit is saved locally; the tab closes before it reaches the server. The next
  // tab loads while /sync is refused: the edit is there, read from OPFS, still pending.
  await context.setOffline(true);
  await page.evaluate((ids) => window.accord.update('contacts', ids.contact, ids.account, { title: '总经理' }), ids);
  await until(page, () => window.lastStatus()?.pendingChanges > 0);
  let blocked = true;
  await context.routeWebSocket(/\/sync$/, (ws) => {
    if (blocked) ws.close();
    else ws.connectToServer();
  });
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  again.on('pageerror', (e) => errors.push(e.message));
  await again.goto(`${server.url}/index.html`);
  await until(again, () => window.lastStatus() !== null && window.lastStatus().state !== 'other-tab');
  const restored = await again.evaluate((ids) => window.accord.get('contacts', ids.contact, ids.account), ids);
  assert.equal(restored.title, '总经理');
  assert.ok((await again.evaluate(() => window.lastStatus().pendingChanges)) > 0);
  assert.equal(await again.evaluate(() => window.lastStatus().storage), 'opfs');
  await again.screenshot({ path: path.join(artifacts, 'core-worker-restored.png') });

  // The session retries with exponential backoff (at most 30 s apart): allow two rounds.
  blocked = false;
  await until(again, () => {
    const s = window.lastStatus();
    return s && s.state === 'synced' && s.pendingChanges === 0;
  }, undefined, 65000);

  // Another browser profile signs in and gets the edit from the server.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(`${server.url}/index.html`);
  await until(fresh, () => window.lastStatus() !== null);
  await fresh.evaluate((url) => window.accord.signIn(url, 'alice', 'alice-password-1'), server.url);
  await until(fresh, () => window.lastStatus()?.state === 'synced');
  await waitFor(
    async () => (await fresh.evaluate((ids) => window.accord.get('contacts', ids.contact, ids.account), ids))?.title === '总经理',
    'the other profile gets the edit',
  );
  await other.close();
  assert.deepEqual(errors, []);
  await context.close();
});
