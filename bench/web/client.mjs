// The web client's start-up and power map in Debian's Chromium, with the demo workspace, against
// a real accord-server started here (the built client in web/dist, served with --web):
//
//  (a) cached app shell to interactive, offline: the page is signed in and synced, the service
//      worker's cache is warm, the context goes offline and the page is reloaded; measured from
//      navigation start to the accounts list showing every account (the worker has loaded the
//      core and opened the store). Beside it, the same navigation's DOMContentLoaded (the shell
//      itself, served by the service worker): the anchor.
//  (b) the power map of an account of 150 contacts (added to the demo with `accord import`):
//      from the route change to every card on screen at its laid-out position (the map sets
//      data-layout=ready), then two frames for the paint; with the layout computed by ELK, then
//      with positions stored in the document ("Arrange automatically"). The anchor: opening
//      the same account's needs screen (same routing, worker calls and React commit, no map).
//
// The demo comes from the CLI (`accord demo --seed 1`, 12 accounts), the 150-contact account
// from CSV files (`accord import`), and reaches the server with `accord sync`; the browser
// signs in as the demo manager and syncs it all down. BENCH_WEB_RUNS (default 7) runs of each;
// medians printed and written to build/bench/web-client.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tests/e2e/support/browser.mjs';
import { startAccordServer } from '../../tests/e2e/support/accord-server.mjs';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const webDir = path.join(root, 'web', 'dist');
const runs = Number(process.env.BENCH_WEB_RUNS ?? 7);
const CONTACTS = 150;
const BIG = 'bench-150';
const WAIT = 60000;

function findCli() {
  const candidates = [
    process.env.ACCORD_CLI,
    ...['release', 'debug', 'asan'].map((p) => path.join(root, 'build', p, 'cli', 'accord')),
  ].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`no accord CLI binary (tried ${candidates.join(', ')}); build one or set ACCORD_CLI`);
  return found;
}

/** A buying organisation of n people: a head, directors, their staff, and some side links. */
function organisationCsv(n) {
  const stances = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'];
  const grades = ['high', 'medium', 'low'];
  const contacts = ['account,id,name,title,stance,influence,disc,buying_roles'];
  const links = ['account,id,from,to,kind'];
  for (let i = 0; i < n; i++) {
    const roles = i % 7 === 0 ? 'decider;payer' : 'user';
    contacts.push(`${BIG},p${i},联系人 ${i} 号,${i === 0 ? '董事长' : '部门经理'},${stances[i % 5]},${grades[i % 3]},${'disc'[i % 4]},${roles}`);
    if (i > 0) {
      const boss = i <= 7 ? 0 : 1 + ((i - 8) % 7) + (i > 60 ? 7 * Math.floor((i - 8) / 49) : 0);
      links.push(`${BIG},r${i},p${i},p${Math.min(boss, i - 1)},reports_to`);
    }
  }
  for (let i = 0; i < n / 5; i++) {
    links.push(`${BIG},s${i},p${(i * 13) % n},p${(i * 29 + 3) % n},${i % 2 ? 'ally' : 'rival'}`);
  }
  return { contacts: contacts.join('\n') + '\n', links: links.join('\n') + '\n' };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(path.join(webDir, 'index.html'))) {
  throw new Error('web/dist is not built: run node_modules/.bin/vite build --config web/vite.config.ts');
}
const cli = findCli();
const server = await startAccordServer({ root, webDir, team: 'demo-team', users: [{ name: 'demo', role: 'owner' }] });
const work = await mkdtemp(path.join(os.tmpdir(), 'accord-bench-web-'));
const browser = await launchChromium();
const report = { runs, cli, accounts: 0 };
try {
  // The demo workspace plus one account of 150 contacts, synced up to the server.
  const ws = path.join(work, 'demo');
  const accord = (...args) => execFileSync(cli, args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  accord('demo', ws, '--seed', '1');
  const csv = organisationCsv(CONTACTS);
  await writeFile(path.join(work, 'accounts.csv'), `id,name,tier\n${BIG},华东重工集团（150 人）,a\n`);
  await writeFile(path.join(work, 'contacts.csv'), csv.contacts);
  await writeFile(path.join(work, 'links.csv'), csv.links);
  for (const file of ['accounts.csv', 'contacts.csv', 'links.csv']) accord('-w', ws, 'import', path.join(work, file));
  const token = server.admin('create-token', 'demo').trim();
  accord('-w', ws, 'sync', '--server', server.url.replace(/^http/, 'ws'), '--token', token);

  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  await page.goto(server.url + '/');
  await page.fill('input[name=user]', 'demo');
  await page.fill('input[name=password]', server.passwords.demo);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=who]');
  await page.waitForSelector('[data-testid=pending][data-count="0"]');
  await page.waitForSelector('[data-testid=sync-state][data-state=synced]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto(server.url + '/#/accounts');
  await page.waitForSelector('[data-testid=sync-state][data-state=synced]');
  const accounts = await page.evaluate(async () => {
    for (;;) {
      const n = document.querySelectorAll('[data-testid=account-list] .account-row').length;
      if (n >= 13) return n;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  report.accounts = accounts;

  // (a) Offline reloads of the accounts list, served by the service worker from its cache.
  await context.setOffline(true);
  const shell = [];
  for (let i = 0; i < runs; i++) {
    await page.reload({ waitUntil: 'commit' });
    shell.push(
      await page.evaluate(async (count) => {
        const seen = () => document.querySelectorAll('[data-testid=account-list] .account-row').length >= count;
        await new Promise((resolve) => {
          if (seen()) return resolve();
          const observer = new MutationObserver(() => {
            if (seen()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document, { childList: true, subtree: true });
        });
        const interactive = performance.now();
        const nav = performance.getEntriesByType('navigation')[0];
        return { interactiveMs: interactive, domContentLoadedMs: nav.domContentLoadedEventEnd, fromServiceWorker: nav.workerStart > 0 };
      }, accounts),
    );
  }
  await context.setOffline(false);
  report.appShellOffline = {
    firstInteractiveMs: shell[0].interactiveMs,
    interactiveMs: median(shell.slice(1).map((r) => r.interactiveMs)),
    domContentLoadedMs: median(shell.slice(1).map((r) => r.domContentLoadedMs)),
    servedByServiceWorker: shell.every((r) => r.fromServiceWorker),
  };
  report.appShellOffline.ratioToAnchor = report.appShellOffline.interactiveMs / report.appShellOffline.domContentLoadedMs;

  // (b) The power map of 150 contacts, against the needs screen of the same account.
  const open = (tab, ready, forget = false) =>
    page.evaluate(
      async ({ hash, ready, forget }) => {
        const done = () => document.querySelector(ready) !== null;
        // The device's layout cache (web/src/powermap/layoutCache.ts) emptied: ELK runs.
        if (forget) for (const key of Object.keys(localStorage)) if (key.startsWith('accord.layout.')) localStorage.removeItem(key);
        performance.clearMarks();
        const t0 = performance.now();
        location.hash = hash;
        await new Promise((resolve) => {
          if (done()) return resolve();
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true });
        });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime - t0;
        return { ms: performance.now() - t0, dataMs: mark('accord:map-data'), layoutMs: mark('accord:map-layout') };
      },
      { hash: `#/account/${BIG}/${tab}`, ready, forget },
    );
  const MAP_READY = `[data-testid=power-map][data-layout=ready][data-count="${CONTACTS}"]`;
  const NEEDS_READY = 'section[aria-labelledby=objections-title] ul.records';
  const measureMaps = async (forget) => {
    const map = [];
    const needs = [];
    for (let i = 0; i < runs; i++) {
      needs.push(await open('needs', NEEDS_READY));
      map.push(await open('map', MAP_READY, forget));
    }
    return { map, needs };
  };
  await page.goto(server.url + '/#/accounts');
  await page.waitForSelector('[data-testid=account-list]');
  // First open after start: the layout engine has been loading in its worker meanwhile.
  await page.waitForTimeout(2000);
  const first = await open('map', MAP_READY, true);
  const computed = await measureMaps(true);
  const cached = await measureMaps(false);
  // Positions stored in the document: "Arrange automatically", then every contact has x/y.
  await page.click('button:has-text("Arrange automatically")');
  await page.waitForSelector('[data-testid=power-map][data-placed=true]');
  await page.waitForSelector('[data-testid=pending][data-count="0"]');
  const stored = await measureMaps(false);
  const row = (m) => {
    const mapMs = median(m.map.map((r) => r.ms));
    const needsAnchorMs = median(m.needs.map((r) => r.ms));
    const out = { mapMs, dataMs: median(m.map.map((r) => r.dataMs)), needsAnchorMs, ratioToAnchor: mapMs / needsAnchorMs };
    const layouts = m.map.map((r) => r.layoutMs).filter((x) => !Number.isNaN(x));
    if (layouts.length) out.layoutDoneMs = median(layouts);
    return out;
  };
  report.powerMap = { contacts: CONTACTS, firstOpenMs: first.ms, computedLayout: row(computed), cachedLayout: row(cached), storedPositions: row(stored) };

  const a = report.appShellOffline;
  console.log(
    `(a) offline app shell to an interactive accounts list of ${accounts} accounts: ${a.interactiveMs.toFixed(0)} ms ` +
      `(first reload ${a.firstInteractiveMs.toFixed(0)} ms; DOMContentLoaded ${a.domContentLoadedMs.toFixed(0)} ms, ` +
      `ratio ${a.ratioToAnchor.toFixed(2)}; served by the service worker: ${a.servedByServiceWorker})`,
  );
  const p = report.powerMap;
  console.log(
    `(b) power map of ${CONTACTS} contacts: ELK layout ${p.computedLayout.mapMs.toFixed(0)} ms, ` +
      `(data at ${p.computedLayout.dataMs.toFixed(0)} ms, layout back at ${p.computedLayout.layoutDoneMs.toFixed(0)} ms), ` +
      `layout cached on the device ${p.cachedLayout.mapMs.toFixed(0)} ms, ` +
      `stored positions ${p.storedPositions.mapMs.toFixed(0)} ms (data at ${p.storedPositions.dataMs.toFixed(0)} ms); ` +
      `first open ${p.firstOpenMs.toFixed(0)} ms; anchor (needs screen) ` +
      `${[p.computedLayout, p.cachedLayout, p.storedPositions].map((x) => x.needsAnchorMs.toFixed(0)).join(' / ')} ms; ratios ` +
      `${[p.computedLayout, p.cachedLayout, p.storedPositions].map((x) => x.ratioToAnchor.toFixed(2)).join(' / ')}`,
  );
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
await mkdir(path.join(root, 'build', 'bench'), { recursive: true });
await writeFile(path.join(root, 'build', 'bench', 'web-client.json'), JSON.stringify(report, null, 2) + '\n');
