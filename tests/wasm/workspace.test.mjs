// The worker's Workspace (web/src/worker/workspace.ts, compiled here with tsc) in Node, with
// the real wasm core, real stores (a file-backed one for the device that reloads), a real
// accord-server started by the test and real WebSockets (`ws`): sign in, create an account
// and contacts, a second user sees them, validation errors reach the caller with their field,
// a viewer cannot write, edits made offline are durable, survive a restart of the worker and
// reach the other user once the network is back, presence travels, analytics and review work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { createCore } from '../../wasm/js/accord.mjs';
import { memoryFiles, nodeFiles } from '../../wasm/js/files.mjs';
import { waitFor } from './support/core.mjs';
import { startServer } from './support/server.mjs';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const out = path.join(root, 'build', 'wasm-tests', 'ts');

let server;
let Workspace;
let dir;
const devices = [];

before(async () => {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const compiled = spawnSync(
    tsc,
    ['-p', path.join(root, 'web/src/worker/tsconfig.json'), '--noEmit', 'false', '--outDir', out, '--rootDir', root],
    { encoding: 'utf8' },
  );
  assert.equal(compiled.status, 0, compiled.stdout + compiled.stderr);
  ({ Workspace } = await import(pathToFileURL(path.join(out, 'web/src/worker/workspace.js')).href));
  server = await startServer();
  server.addUser('acme-team', 'alice', 'alice-password-1', 'owner');
  server.addUser('acme-team', 'bob', 'bob-password-1', 'member');
  server.addUser('acme-team', 'vic', 'vic-password-1', 'viewer');
  dir = mkdtempSync(path.join(tmpdir(), 'accord-workspace-'));
});
after(async () => {
  for (const d of devices) {
    try {
      d.workspace.shutdown();
    } catch {
      // already shut down
    }
  }
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A device: a core, a store and a Workspace whose network can be cut. */
async function device(name, files) {
  const core = await createCore({ files });
  const store = core.storeOpen('/accord.db');
  const d = { name, core, store, notices: [], sockets: [], reachable: true, saved: null };
  d.workspace = new Workspace({
    core,
    store,
    storage: files.kind === 'memory' ? 'memory' : 'opfs',
    device: `${name}-device`,
    makeSocket: (url) => {
      // "Offline": connections go to a port nobody listens on.
      const ws = new WebSocket(d.reachable ? url : 'ws://127.0.0.1:9/sync');
      ws.on('error', () => {});
      d.sockets.push(ws);
      return ws;
    },
    fetch: (url, init) => fetch(url, init),
    online: () => d.reachable,
    persisted: async () => false,
    notify: (notice) => {
      d.notices.push(notice);
      if (notice.type === 'session') d.saved = notice.session;
    },
  });
  d.status = () => d.workspace.status();
  devices.push(d);
  d.goOffline = () => {
    d.reachable = false;
    for (const ws of d.sockets) ws.terminate();
    d.workspace.networkChanged();
  };
  d.goOnline = () => {
    d.reachable = true;
    d.workspace.networkChanged();
  };
  return d;
}

const synced = (d) => () => {
  const s = d.status();
  if (process.env.ACCORD_TEST_DEBUG) console.log(d.name, JSON.stringify(s));
  return s.state === 'synced' && s.pendingChanges === 0;
};

test('two users co-edit, a viewer reads, offline edits survive a restart and converge', async () => {
  const aliceFiles = nodeFiles(fs, dir);
  let alice = await device('alice', aliceFiles);
  const bob = await device('bob', memoryFiles());
  const vic = await device('vic', memoryFiles());

  await assert.rejects(alice.workspace.signIn(server.url, 'alice', 'wrong-password'), (e) => e.code === 'permission_denied');
  await assert.rejects(alice.workspace.signIn('http://127.0.0.1:9', 'alice', 'x'), (e) => e.code === 'unavailable');
  const session = await alice.workspace.signIn(server.url, 'alice', 'alice-password-1');
  assert.deepEqual(session, { user: 'alice', team: 'acme-team', role: 'owner', serverUrl: server.url });
  assert.equal(alice.saved.token.length > 10, true);
  await waitFor(synced(alice), 'alice synced');
  assert.equal(alice.status().online, true);
  await waitFor(() => alice.status().lastSyncedAt > 0, 'alice has a last synced time');

  const schema = await alice.workspace.schema();
  assert.ok(schema.collections.some((c) => c.collection === 'contacts'));

  const account = await alice.workspace.create('accounts', null, { name: '华东精密', tier: 'a', funnel_stage: 'regular' });
  const contacts = [];
  for (const [name, stance] of [['Li Wei', 'champion'], ['王芳', 'skeptic'], ['Chen Jie', 'neutral']]) {
    contacts.push(await alice.workspace.create('contacts', account.id, { name, stance }));
  }
  await assert.rejects(
    alice.workspace.update('contacts', contacts[0].id, account.id, { stance: 'enemy' }),
    (e) => e.code === 'invalid_argument' && e.field === 'stance' && /enemy/.test(e.message),
  );
  await assert.rejects(alice.workspace.list('contacts', null), (e) => e.code === 'invalid_argument');
  await alice.workspace.update('account', 'account', account.id, { name: '华东精密 East' });
  assert.equal((await alice.workspace.get('accounts', account.id, null)).name, '华东精密 East');
  await waitFor(synced(alice), 'alice synced after edits');

  await bob.workspace.signIn(server.url, 'bob', 'bob-password-1');
  await waitFor(
    () => bob.notices.some((n) => n.type === 'change' && n.event.remote && n.event.document === 'account'),
    'bob gets the account',
  );
  await waitFor(synced(bob), 'bob synced');
  assert.deepEqual((await bob.workspace.list('accounts', null)).map((a) => a.name), ['华东精密 East']);
  assert.deepEqual((await bob.workspace.list('contacts', account.id)).map((c) => c.name).sort(), ['Chen Jie', 'Li Wei', '王芳']);

  await vic.workspace.signIn(server.url, 'vic', 'vic-password-1');
  await waitFor(synced(vic), 'vic synced');
  assert.equal((await vic.workspace.list('contacts', account.id)).length, 3);
  await assert.rejects(vic.workspace.create('contacts', account.id, { name: 'x' }), (e) => e.code === 'permission_denied');

  // Presence: alice looks at a contact; bob sees it.
  alice.workspace.setPresence({ account: account.id, contact: contacts[1].id });
  await waitFor(
    () => bob.workspace.peers().some((p) => p.user === 'alice' && p.contact === contacts[1].id),
    'bob sees alice on the map',
  );

  // Offline: alice's edit is durable at once and waits; bob edits meanwhile.
  alice.goOffline();
  await waitFor(() => ['offline', 'connecting'].includes(alice.status().state), 'alice offline');
  await alice.workspace.update('contacts', contacts[0].id, account.id, { title: 'CTO' });
  assert.ok(alice.status().pendingChanges > 0);
  await bob.workspace.update('contacts', contacts[1].id, account.id, { stance: 'supporter' });

  // Restart alice's worker while offline: the edit is still there and still pending.
  alice.workspace.shutdown();
  alice.core.storeClose(alice.store);
  const saved = alice.saved;
  alice = await device('alice', nodeFiles(fs, dir));
  alice.reachable = false;
  await alice.workspace.resume(saved);
  assert.equal((await alice.workspace.get('contacts', contacts[0].id, account.id)).title, 'CTO');
  assert.ok(alice.status().pendingChanges > 0);
  assert.notEqual(alice.status().state, 'synced');

  alice.goOnline();
  await waitFor(synced(alice), 'alice synced after reconnecting');
  await waitFor(
    async () => (await bob.workspace.get('contacts', contacts[0].id, account.id)).title === 'CTO',
    'bob sees the offline edit',
  );
  assert.equal((await alice.workspace.get('contacts', contacts[1].id, account.id)).stance, 'supporter');

  // A visit logged by bob, reviewed by alice; analytics over the team.
  const visit = await bob.workspace.create('visits', account.id, {
    at: '2026-11-20T09:30:00+08:00',
    rep: 'bob',
    contacts: [contacts[0].id],
    result: 'appointment',
  });
  await waitFor(async () => (await alice.workspace.get('visits', visit.id, account.id)) !== null, 'alice gets the visit');
  const digest = await alice.workspace.digest();
  assert.ok(digest.pendingReviews.some((r) => r.visitId === visit.id));
  const reviewed = await alice.workspace.reviewVisit(account.id, visit.id, '下一步: demo');
  assert.equal(reviewed.reviewed_by, 'alice');
  const history = await alice.workspace.history('contacts', contacts[0].id, account.id);
  assert.ok(history.some((c) => c.field === 'title' && c.newValue === 'CTO' && c.device === 'alice-device'));
  const health = await alice.workspace.powerMapHealth(account.id);
  assert.ok(health.score < 100 && health.reasons.length > 0);
  assert.equal((await alice.workspace.followUps()).accounts[0].accountId, account.id);
  assert.equal((await alice.workspace.funnel({ from: '2026-01-01', to: '2027-01-01' })).stages.length, 6);
  assert.ok(Array.isArray((await alice.workspace.tiering()).unplaced));
  const exported = await alice.workspace.exportDocument(account.id);
  assert.equal(exported.records.contacts.length, 3);

  for (const d of [alice, bob, vic]) {
    await d.workspace.signOut();
    assert.equal(d.saved, null);
    assert.equal(await d.workspace.sessionInfo(), null);
    d.core.storeClose(d.store);
  }
});
