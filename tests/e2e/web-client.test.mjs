// The web client end to end: the built app (web/dist) served by a real accord-server started
// here, driven in Debian's Chromium. Users are made with `accord-server admin`: mike and nina
// (members, reps), olga (owner, the manager) and vera (viewer). Screenshots of every screen in
// both languages and at 390 px go to build/test-artifacts/web/.
import { after, before, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/browser.mjs';
import { startAccordServer } from './support/accord-server.mjs';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const webDir = path.join(root, 'web', 'dist');
const shots = path.join(root, 'build', 'test-artifacts', 'web');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const WAIT = 30000;

let server;
let browser;
const state = { account: '', accountName: '华东电力设备集团股份有限公司（上海浦东新区张江高科技园区分公司）' };

before(async () => {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`web/dist is not built: run node_modules/.bin/vite build --config web/vite.config.ts`);
  }
  await mkdir(shots, { recursive: true });
  server = await startAccordServer({
    root,
    webDir,
    users: [
      { name: 'mike', role: 'member' },
      { name: 'nina', role: 'member' },
      { name: 'olga', role: 'owner' },
      { name: 'vera', role: 'viewer' },
    ],
  });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Pages still open; on a failure each is saved as failed-<test>-<n>.png to see what it showed. */
const openPages = new Set();
/** Uncaught errors of each page, for failure messages. */
const pageErrors = new WeakMap();
function test(name, fn) {
  nodeTest(name, async () => {
    try {
      await fn();
    } catch (e) {
      let n = 0;
      for (const page of openPages) {
        if (!page.isClosed()) {
          await page.screenshot({ path: path.join(shots, `failed-${name.slice(0, 40).replace(/\W+/g, '-')}-${++n}.png`) });
        }
      }
      throw e;
    } finally {
      openPages.clear();
    }
  });
}

/** A signed-in page of its own browser context (own storage, like another device). */
async function signedIn(user, { viewport = DESKTOP, language = 'en' } = {}) {
  const context = await browser.newContext({ viewport, locale: language === 'zh' ? 'zh-CN' : 'en-GB' });
  const page = await context.newPage();
  openPages.add(page);
  page.setDefaultTimeout(WAIT);
  const errors = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${user} console] ${m.text()}`));
  await page.goto(server.url + '/');
  await page.evaluate((l) => localStorage.setItem('accord.language', l), language);
  await page.reload();
  await page.fill('input[name=user]', user);
  await page.fill('input[name=password]', server.passwords[user]);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=who]', { timeout: WAIT });
  return { context, page, errors };
}

/** Saves a screenshot, after checking that nothing makes the page wider than the viewport. */
async function shot(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the viewport`);
}

async function openTab(page, tab) {
  await page.goto(`${server.url}/#/account/${encodeURIComponent(state.account)}/${tab}`);
  await page.waitForSelector(`[data-testid=tab-${tab}][aria-current=page]`, { timeout: WAIT });
}

/** Waits until the status bar says every local change reached the server. */
async function synced(page, timeout = WAIT) {
  try {
    await page.waitForSelector('[data-testid=pending][data-count="0"]', { timeout });
    await page.waitForSelector('[data-testid=sync-state][data-state=synced]', { timeout });
  } catch (e) {
    throw new Error(`not synced; the status bar says: ${await page.textContent('[data-testid=status-bar]')}`, { cause: e });
  }
}

async function addContact(page, name) {
  await page.click('[data-testid=add-contact]');
  await page.fill('[data-testid=add-contact-form] input[name=contact-name]', name);
  await page.click('[data-testid=add-contact-form] button[type=submit]');
  try {
    await page.waitForSelector(`[data-testid=contact-card][data-name="${name}"]`, { timeout: WAIT });
  } catch (e) {
    throw new Error(`contact ${name} did not appear; page errors: ${JSON.stringify(pageErrors.get(page) ?? [])}`, { cause: e });
  }
}

test('a wrong password is refused with a clear message', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.fill('input[name=user]', 'mike');
  await page.fill('input[name=password]', 'not-the-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('.form-error', { timeout: WAIT });
  assert.match(await page.textContent('.form-error'), /wrong user name or password/i);
  await shot(page, 'sign-in-en');
  await context.close();
});

test('a rep signs in, creates an account and a power map of 10 contacts', async () => {
  const { context, page, errors } = await signedIn('mike');
  await page.click('text=New account');
  await page.fill('input[name=account-name]', state.accountName);
  await page.click('button:has-text("Create")');
  await page.waitForURL(/#\/account\/.+\/map/, { timeout: WAIT });
  state.account = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  const names = ['王建国', '李明', '欧阳诸葛·长名字测试工程师', '张伟', 'Zhao Lei', '陈静', '刘洋', '黄磊', 'Anna Berg', '周杰'];
  for (const name of names) await addContact(page, name);
  assert.equal(await page.locator('[data-testid=contact-card]').count(), 10);
  // A reporting line, added in place: 李明 reports to 王建国.
  await page.click('[data-testid=add-link]');
  const form = page.locator('[data-testid=add-link-form]');
  await form.locator('select[name=link-from]').selectOption({ label: '李明' });
  await form.locator('select[name=link-kind]').selectOption('reports_to');
  await form.locator('select[name=link-to]').selectOption({ label: '王建国' });
  await form.locator('button[type=submit]').click();
  await page.waitForSelector('.react-flow__edge.link-reports_to', { state: 'attached', timeout: WAIT });
  // Edit in place: 王建国 is the decider and a champion.
  await page.click('[data-testid=contact-card][data-name="王建国"]');
  const editor = page.locator('[data-testid=contact-editor]');
  await editor.locator('[data-field=stance] select').selectOption('champion');
  await editor.locator('[data-field=buying_roles] button', { hasText: 'Decider' }).click();
  await page.waitForSelector('[data-testid=contact-card][data-name="王建国"] .role-decider', { timeout: WAIT });
  await page.waitForSelector('[data-testid=health-score]', { timeout: WAIT });
  await shot(page, 'power-map-en');
  // The account is in the list and found by a Chinese search.
  await page.goto(server.url + '/#/accounts');
  await page.fill('[data-testid=account-search]', '张江');
  await page.waitForSelector(`[data-testid=account-list] >> text=${state.accountName}`, { timeout: WAIT });
  await shot(page, 'accounts-en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two reps co-edit the same map and each sees the other', async () => {
  const mike = await signedIn('mike');
  const nina = await signedIn('nina', { language: 'zh' });
  await openTab(mike.page, 'map');
  await openTab(nina.page, 'map');
  await nina.page.waitForSelector('[data-testid=contact-card][data-name="王建国"]', { timeout: WAIT });
  await addContact(nina.page, '宋佳（新）');
  await mike.page.waitForSelector('[data-testid=contact-card][data-name="宋佳（新）"]', { timeout: WAIT });
  await mike.page.click('[data-testid=contact-card][data-name="张伟"]');
  await mike.page.locator('[data-testid=contact-editor] [data-field=stance] select').selectOption('opponent');
  await nina.page.waitForSelector('[data-testid=contact-card][data-name="张伟"] >> text=反对者', { timeout: WAIT });
  // Presence: each sees that the other is on this map and which card the other has selected
  // (mike has 张伟 selected; nina selects 李明), as a name tag in the user's colour.
  await nina.page.waitForSelector('[data-testid=presence] >> text=mike', { timeout: WAIT });
  await nina.page.waitForSelector('[data-testid=contact-card][data-name="张伟"] [data-testid=peer-marker][data-user=mike]', {
    timeout: WAIT,
  });
  await nina.page.click('[data-testid=contact-card][data-name="李明"]');
  await mike.page.waitForSelector('[data-testid=presence] >> text=nina', { timeout: WAIT });
  await mike.page.waitForSelector('[data-testid=contact-card][data-name="李明"] [data-testid=peer-marker][data-user=nina]', {
    timeout: WAIT,
  });
  assert.equal(await mike.page.locator('[data-testid=peer-marker][data-user=nina]').count(), 1, 'nina has one card selected');
  // The same in the plain list of contacts (keyboard and screen readers).
  await mike.page.waitForSelector('.contact-list li:has-text("李明") >> text=nina has selected this contact', { timeout: WAIT });
  await shot(nina.page, 'power-map-zh');
  await shot(mike.page, 'power-map-presence-en');
  await mike.context.close();
  await nina.context.close();
});

test('offline edits survive a reload while offline and converge after reconnecting', async () => {
  const mike = await signedIn('mike');
  const nina = await signedIn('nina');
  await openTab(mike.page, 'map');
  await openTab(nina.page, 'map');
  // The app shell is cached by the service worker before going offline.
  await mike.page.evaluate(() => navigator.serviceWorker.ready);
  await mike.page.reload();
  await mike.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT });
  await mike.page.waitForSelector('[data-testid=contact-card][data-name="王建国"]', { timeout: WAIT });

  await mike.context.setOffline(true);
  await mike.page.waitForSelector('[data-testid=online-state] >> text=Offline', { timeout: WAIT });
  await addContact(mike.page, '离线联系人');
  await mike.page.waitForSelector('[data-testid=pending]:not([data-count="0"])', { timeout: WAIT });
  // Meanwhile nina edits the same map online.
  await addContact(nina.page, 'Online Olsen');
  // Reloaded while offline: the service worker serves the app, OPFS still holds the edit.
  await mike.page.reload();
  await mike.page.waitForSelector('[data-testid=contact-card][data-name="离线联系人"]', { timeout: WAIT });
  await mike.page.waitForSelector('[data-testid=pending]:not([data-count="0"])', { timeout: WAIT });
  // More offline edits after the reload: a contact, and a field of an existing one.
  await addContact(mike.page, '离线二号');
  await mike.page.click('[data-testid=contact-card][data-name="陈静"]');
  await mike.page.locator('[data-testid=contact-editor] [data-field=stance] select').selectOption('skeptic');
  await mike.page.waitForSelector('[data-testid=contact-card][data-name="陈静"] .stance-label >> text=Skeptic', {
    timeout: WAIT,
  });
  await shot(mike.page, 'offline-reloaded-en');

  // Online again, without a reload: the worker reconnects at once (the page's online event
  // resets the session's backoff) and sends what it kept.
  const online = Date.now();
  await mike.context.setOffline(false);
  await synced(mike.page);
  console.log(`offline -> online: synced ${Date.now() - online} ms after setOffline(false)`);
  await mike.page.waitForSelector('[data-testid=contact-card][data-name="Online Olsen"]', { timeout: WAIT });
  for (const name of ['离线联系人', '离线二号']) {
    await nina.page.waitForSelector(`[data-testid=contact-card][data-name="${name}"]`, { timeout: WAIT });
  }
  await nina.page.waitForSelector('[data-testid=contact-card][data-name="陈静"] .stance-label >> text=Skeptic', {
    timeout: WAIT,
  });
  const names = async (page) =>
    (await page.locator('[data-testid=contact-card]').evaluateAll((els) => els.map((e) => e.dataset.name))).sort();
  assert.deepEqual(await names(mike.page), await names(nina.page));
  assert.equal((await names(mike.page)).length, 14);
  await mike.context.close();
  await nina.context.close();
});

test('a rep exports the account as JSON and imports it back, errors by row and field', async () => {
  const { context, page, errors } = await signedIn('mike');
  await openTab(page, 'overview');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  assert.match(download.suggestedFilename(), /^accord-.*\.json$/);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(bundle.format, 'accord.account');
  const contacts = bundle.records.contacts;
  assert.ok(contacts.some((c) => c.name === '王建国'), 'the export holds the map');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'accord-e2e-bundle-'));
  try {
    // A bad stance code in the second contact: nothing is imported, and the error says where.
    const bad = structuredClone(bundle);
    bad.records.contacts[1].stance = 'friend';
    bad.records.contacts.push({ name: '不该出现' });
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
    await page.setInputFiles('[data-testid=import-json]', path.join(dir, 'bad.json'));
    const error = page.locator('[data-testid=import-error]');
    await error.waitFor({ timeout: WAIT });
    const text = await error.textContent();
    assert.match(text, /Nothing was imported from bad\.json:.*row 2 of Contact\b.*field Stance toward us: unknown stance code 'friend'/s);
    assert.deepEqual([await error.getAttribute('data-row'), await error.getAttribute('data-field')], ['2', 'stance'], text);
    // Not JSON at all: the line and column.
    await writeFile(path.join(dir, 'broken.json'), '{\n  "format": "accord.account",\n  "records": {,}\n}');
    await page.setInputFiles('[data-testid=import-json]', path.join(dir, 'broken.json'));
    await page.waitForSelector('[data-testid=import-error] >> text=/line 3, column 15/', { timeout: WAIT });
    // A valid bundle with one new contact: created, and on the map.
    const good = structuredClone(bundle);
    good.records.contacts.push({ name: '导入联系人', stance: 'supporter' });
    await writeFile(path.join(dir, 'good.json'), JSON.stringify(good));
    await page.setInputFiles('[data-testid=import-json]', path.join(dir, 'good.json'));
    await page.waitForSelector('[data-testid=import-report] >> text=/1 created/', { timeout: WAIT });
    await shot(page, 'overview-import-en');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await openTab(page, 'map');
  await page.waitForSelector('[data-testid=contact-card][data-name="导入联系人"]', { timeout: WAIT });
  assert.equal(await page.locator('[data-testid=contact-card][data-name="不该出现"]').count(), 0);
  assert.equal(await page.locator('[data-testid=contact-card]').count(), contacts.length + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a viewer sees the map but cannot edit it', async () => {
  const vera = await signedIn('vera');
  await openTab(vera.page, 'map');
  await vera.page.waitForSelector('[data-testid=contact-card][data-name="王建国"]', { timeout: WAIT });
  assert.equal(await vera.page.locator('[data-testid=add-contact]').count(), 0);
  await vera.page.click('[data-testid=contact-card][data-name="王建国"]');
  assert.equal(await vera.page.locator('[data-testid=contact-editor] [data-field=stance] select').isDisabled(), true);
  await openTab(vera.page, 'visits');
  assert.equal(await vera.page.locator('[data-testid=quick-log]').count(), 0);
  await vera.context.close();
});

test('a rep logs a visit on a phone and the manager reviews it', async () => {
  const mike = await signedIn('mike', { viewport: PHONE, language: 'zh' });
  await openTab(mike.page, 'visits');
  const started = Date.now();
  const form = mike.page.locator('[data-testid=quick-log]');
  await form.locator('button', { hasText: '拜访' }).first().click();
  await form.locator('button', { hasText: '王建国' }).click();
  await form.locator('textarea[name=outcome]').fill('试用方案获认可，需要提交报价');
  await form.locator('input[name=next-step]').fill('提交报价单');
  await form.locator('[data-testid=log-visit]').click();
  await mike.page.waitForSelector('[data-testid=visit-timeline] >> text=试用方案获认可', { timeout: WAIT });
  // Reported, not asserted (no timed tests): the scripted taps take far less than a person.
  console.log(`quick visit log on a 390 px phone: ${Date.now() - started} ms from the visits tab to the saved entry`);
  await shot(mike.page, 'visits-zh-390');

  const olga = await signedIn('olga');
  await olga.page.goto(server.url + '/#/review');
  const item = olga.page.locator('[data-testid=review-item]', { hasText: '试用方案获认可' });
  await item.waitFor({ timeout: WAIT });
  await shot(olga.page, 'review-en');
  await item.locator('input[name=review-comment]').fill('Good, send the quote this week');
  await item.locator('[data-testid=approve]').click();
  await item.waitFor({ state: 'detached', timeout: WAIT });
  await mike.page.waitForSelector('[data-testid=visit-timeline] >> text=Good, send the quote this week', { timeout: WAIT });
  await olga.page.goto(server.url + '/#/dashboard');
  await olga.page.waitForSelector('[data-testid=funnel]', { timeout: WAIT });
  await shot(olga.page, 'dashboard-en');
  await mike.context.close();
  await olga.context.close();
});

test('screenshots of every screen in both languages, desktop and 390 px', async () => {
  for (const language of ['en', 'zh']) {
    for (const [label, viewport] of [['desktop', DESKTOP], ['390', PHONE]]) {
      const { context, page, errors } = await signedIn('olga', { viewport, language });
      await page.goto(server.url + '/#/accounts');
      await page.waitForSelector('[data-testid=account-list]', { timeout: WAIT });
      await shot(page, `accounts-${language}-${label}`);
      for (const tab of ['overview', 'map', 'needs', 'visits', 'plan']) {
        await openTab(page, tab);
        if (tab === 'map') {
          await page.waitForSelector('[data-testid=health-score]', { timeout: WAIT });
          await page.waitForSelector('[data-testid=power-map][data-layout=ready]', { timeout: WAIT });
          // The zoom buttons sit in the toolbar, never over a card, and they zoom.
          const zoomBox = await page.getByTestId('zoom-in').boundingBox();
          for (const card of await page.locator('.react-flow__node').all()) {
            const box = await card.boundingBox();
            if (!box || !zoomBox) continue;
            const apart = box.x + box.width <= zoomBox.x || zoomBox.x + zoomBox.width <= box.x ||
              box.y + box.height <= zoomBox.y || zoomBox.y + zoomBox.height <= box.y;
            assert.ok(apart, `a card lies under the zoom buttons at ${label}`);
          }
          const scale = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
          const before = await scale();
          await page.getByTestId('zoom-in').click();
          await page.waitForFunction((b) => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a > b, before, { timeout: WAIT });
          await page.getByTestId('zoom-fit').click();
          await page.waitForFunction((b) => Math.abs(new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a - b) < 0.01, before, { timeout: WAIT });
        }
        await shot(page, `${tab}-${language}-${label}`);
      }
      for (const screen of ['review', 'dashboard']) {
        await page.goto(`${server.url}/#/${screen}`);
        await page.waitForSelector(`h1#${screen}-title`, { timeout: WAIT });
        await shot(page, `${screen}-${language}-${label}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
