// Every binding of the wasm core, called from Node: the declared types (wasm/js/accord.d.mts),
// the wrapper's list (BINDINGS) and the C++ registrations (wasm/src/*.cc) name the same
// functions; records go through the model's validation and errors arrive as AccordError with
// the core's code, field and message; analytics, history, export/import and the store work;
// two cores sync through a real accord-server with the core's SyncSession. The last test
// checks that every binding was called.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { AccordError, BINDINGS } from '../../wasm/js/accord.mjs';
import { called, login, recordedCore, waitFor, wsHost } from './support/core.mjs';
import { startServer } from './support/server.mjs';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const actor = (user = 'alice') => ({ user, device: 'node-test', now: Date.parse('2026-11-20T10:00:00Z') });

let server;
const hosts = [];
before(async () => {
  server = await startServer();
  server.addUser('t1', 'alice', 'alice-password-1', 'owner');
  server.addUser('t1', 'bob', 'bob-password-1', 'member');
});
after(async () => {
  for (const host of hosts) host.dispose(); // after a failure, no timer keeps Node alive
  await server?.stop();
});

test('the declared types, BINDINGS and the C++ registrations name the same functions', () => {
  const cc = readdirSync(path.join(root, 'wasm/src'))
    .filter((f) => f.startsWith('bindings_') && f !== 'bindings_bench.cc')
    .flatMap((f) => [...readFileSync(path.join(root, 'wasm/src', f), 'utf8').matchAll(/emscripten::function\("(\w+)"/g)].map((m) => m[1]));
  const dts = readFileSync(path.join(root, 'wasm/js/accord.d.mts'), 'utf8');
  const body = dts.slice(dts.indexOf('export interface AccordCore'), dts.indexOf('export const BINDINGS'));
  const declared = [...body.matchAll(/^  (\w+)\(/gm)].map((m) => m[1]);
  assert.deepEqual([...cc].sort(), [...BINDINGS].sort());
  assert.deepEqual([...declared].sort(), [...BINDINGS].sort());
});

test('records, validation, text, history, exchange, analytics and the store', async () => {
  const core = await recordedCore();
  assert.match(core.version(), /^\d+\.\d+\.\d+$/);
  assert.equal(core.buildTarget(), 'wasm');
  const store = core.storeOpen('/records.db');
  const index = core.docOpen(store, 't1/index');
  core.teamIndexEnsure(index, 't1', 'Alice', actor());
  assert.deepEqual(core.docMeta(index), { kind: 'team_index', schemaVersion: 1, id: 't1' });

  const schema = core.schema();
  const contacts = schema.collections.find((c) => c.collection === 'contacts');
  const stance = contacts.fields.find((f) => f.key === 'stance');
  assert.equal(stance.kind, 'enum');
  assert.equal(stance.zh, '立场');
  assert.deepEqual(schema.enums.stance.values.map((v) => v.code), ['champion', 'supporter', 'neutral', 'skeptic', 'opponent']);
  assert.equal(contacts.fields.find((f) => f.key === 'hidden_rank').min, 1);
  assert.equal(contacts.fields.find((f) => f.key === 'faction').target, 'factions');
  assert.ok(schema.enums.strategy && schema.enums.follow_up_state);

  const id = core.newId(Date.now());
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  const account = core.docOpen(store, `t1/account/${id}`);
  const visits = core.docOpen(store, `t1/visits/${id}`);
  // A bad value in a new account is refused before anything is written.
  assert.throws(
    () => core.accountCreate(index, account, visits, id, { name: 'Acme', tier: 'z' }, actor()),
    (e) => e instanceof AccordError && e.code === 'invalid_argument' && e.field === 'tier',
  );
  assert.equal(core.docMeta(account), null);
  const created = core.accountCreate(
    index,
    account,
    visits,
    id,
    { name: 'Acme 精密', tier: 'a', attractiveness: 'high', relationship: 'good', our_sales: 500000, funnel_stage: 'key' },
    actor(),
  );
  assert.equal(created.name, 'Acme 精密');
  assert.deepEqual(core.recordsList(index, 'accounts', false).map((a) => [a.id, a.name, a.tier]), [[id, 'Acme 精密', 'a']]);

  let changes = 0;
  core.docObserve(account, () => changes++);
  const li = core.recordWrite(account, 'contacts', '', { name: '李伟', stance: 'champion', buying_roles: ['decider', 'user'], influence: 'high' }, actor());
  assert.equal(changes, 1);
  assert.deepEqual(li.buying_roles, ['decider', 'user']);
  // One field: a single validated set. Several: all or nothing.
  assert.throws(
    () => core.recordWrite(account, 'contacts', li.id, { stance: 'enemy' }, actor()),
    (e) => e.code === 'invalid_argument' && e.field === 'stance' && e.record === `contacts/${li.id}` && /enemy/.test(e.message),
  );
  assert.throws(
    () => core.recordWrite(account, 'contacts', li.id, { title: 'CFO', hidden_rank: 0 }, actor()),
    (e) => e.code === 'invalid_argument' && e.field === 'hidden_rank' && /range/.test(e.message),
  );
  assert.equal(core.recordGet(account, 'contacts', li.id).title, undefined);
  assert.throws(() => core.recordWrite(account, 'contacts', 'nope', { name: 'x' }, actor()), (e) => e.code === 'not_found');
  assert.throws(() => core.recordWrite(account, 'no_such', '', {}, actor()), (e) => e.code === 'invalid_argument');
  assert.throws(() => core.recordWrite(account, 'contacts', li.id, { name: 'x' }, { user: 'a' }), (e) => e.code === 'invalid_argument');
  const updated = core.recordWrite(account, 'contacts', li.id, { title: 'CFO', hidden_rank: 2, name: null }, actor());
  assert.equal(updated.title, 'CFO');
  assert.equal(updated.name, undefined);

  assert.equal(core.textEdit(account, 'contacts', li.id, 'notes', 0, 0, 'met at 展会 🙂', actor()), 'met at 展会 🙂');
  assert.equal(core.textEdit(account, 'contacts', li.id, 'notes', 7, 2, 'the fair', actor()), 'met at the fair 🙂');
  assert.throws(() => core.textEdit(account, 'contacts', li.id, 'notes', 100, 1, '', actor()), (e) => e.code === 'invalid_argument');
  assert.throws(() => core.textEdit(account, 'contacts', li.id, 'title', 0, 0, 'x', actor()), (e) => e.code === 'invalid_argument');

  const history = core.history(account, `contacts/${li.id}`);
  assert.ok(history.some((c) => c.field === 'title' && c.newValue === 'CFO' && c.user === 'alice'));
  assert.ok(history.some((c) => c.field === 'name' && c.oldValue === '李伟'));

  const visit = core.recordWrite(visits, 'visits', '', { at: '2026-11-18T09:00:00+08:00', rep: 'alice', contacts: [li.id], result: 'reached' }, actor());
  const reviewed = core.visitReview(visits, visit.id, 'good call', actor('bob'));
  assert.equal(reviewed.reviewed, true);
  assert.equal(reviewed.reviewed_by, 'bob');
  assert.throws(() => core.visitReview(visits, 'missing', '', actor()), (e) => e.code === 'not_found');

  core.recordWrite(account, 'account', 'account', { name: 'Acme Precision' }, actor());
  core.accountRefreshEntry(index, account, actor());
  assert.equal(core.recordGet(index, 'accounts', id).name, 'Acme Precision');

  const now = Date.parse('2026-11-23T12:00:00Z');
  const health = core.powerMapHealth(index, account, visits, now);
  assert.ok(health.score >= 0 && health.score < 100);
  assert.ok(health.reasons.some((r) => r.code === 'unknown_role'));
  assert.ok(health.unknownRoles.includes('payer'));
  const follow = core.followUps(index, [[account, visits]], now);
  assert.equal(follow.accounts[0].accountId, id);
  assert.equal(follow.accounts[0].lastTouch, '2026-11-18');
  const digest = core.digest([[account, visits]], now);
  assert.deepEqual(digest.pendingReviews, []);
  const funnel = core.funnel([[account, 0]], Date.parse('2026-11-01T00:00:00Z'), now);
  assert.equal(funnel.stages.length, 6);
  assert.throws(() => core.funnel([[account, 0]], now, now), (e) => e.code === 'invalid_argument');
  const tiering = core.tiering([account]);
  assert.equal(tiering.placed[0].strategy, 'invest');
  assert.throws(() => core.tiering([index]), (e) => e.code === 'failed_precondition');

  const exported = core.exportDocument(account, false, true);
  assert.equal(exported.format, 'accord.account');
  assert.equal(exported.records.contacts.length, 1);
  const copyId = core.newId(Date.now());
  const copy = core.docOpen(store, `t1/account/${copyId}`);
  assert.throws(() => core.importDocument(copy, exported, true, actor()), (e) => e.code === 'not_found');
  core.recordsList(copy, 'contacts', true);
  const bad = structuredClone(exported);
  bad.records.contacts[0].stance = 'enemy';
  assert.throws(() => core.importDocument(account, bad, true, actor()), (e) => e.field === 'stance');
  const report = core.importDocument(account, exported, true, actor());
  assert.equal(report.created, 0);

  core.recordArchive(account, 'contacts', li.id, true, actor());
  assert.equal(core.recordsList(account, 'contacts', false).length, 0);
  assert.equal(core.recordsList(account, 'contacts', true).length, 1);

  // Documents and the store underneath.
  assert.ok(core.docOutboxCount(account) > 0);
  const state = core.docEncodeState(account, null);
  const yjs = new Y.Doc();
  Y.applyUpdate(yjs, state);
  assert.equal(yjs.getMap('meta').get('kind'), 'account');
  assert.deepEqual(core.docStateVector(account), Y.encodeStateVector(yjs));
  assert.equal(core.docEncodeState(account, Y.encodeStateVector(yjs)).length < state.length, true);
  const fromYjs = new Y.Doc();
  fromYjs.getMap('extra').set('k', 'v');
  core.docApplyUpdate(account, Y.encodeStateAsUpdate(fromYjs));
  assert.deepEqual(core.docToJson(account).extra, { k: 'v' });
  assert.throws(() => core.docApplyUpdate(account, new Uint8Array([1, 2, 3])), (e) => e.code === 'corrupt');
  assert.ok(core.docAcknowledgeAll(account) > 0);
  assert.equal(core.docOutboxCount(account), 0);
  assert.throws(() => core.docMeta(9999), (e) => e.code === 'invalid_argument');

  assert.equal(core.storeIntegrityCheck(store), 'ok');
  assert.ok(core.storeListDocuments(store).includes(`t1/account/${id}`));
  const raw = core.storeAppend(store, 'other/doc', Y.encodeStateAsUpdate(fromYjs), true);
  assert.ok(raw.outboxSeq > 0);
  assert.equal(core.storeOutbox(store, 'other/doc').length, 1);
  assert.equal(core.storeAcknowledge(store, 'other/doc', raw.outboxSeq), 1);
  assert.equal(core.storeLoad(store, 'other/doc').exists, true);
  assert.equal(core.storeCompact(store, 'other/doc').compacted, true);
  core.docClose(copy);
  core.docClose(visits);
  core.docClose(account);
  core.storeClose(store);
  assert.throws(() => core.docClose(index), (e) => e.code === 'invalid_argument'); // closed with its store
});

test('two cores sync through a real accord-server with the core SyncSession', async () => {
  const a = await recordedCore();
  const b = await recordedCore();
  const { token: tokenA } = await login(server.url, 'alice', 'alice-password-1');
  const { token: tokenB } = await login(server.url, 'bob', 'bob-password-1');
  const wsUrl = `${server.url.replace('http', 'ws')}/sync`;
  const start = (core, token) => {
    const store = core.storeOpen(':memory:');
    const doc = core.docOpen(store, 't1/index');
    const host = wsHost(core, wsUrl);
    hosts.push(host);
    host.session = core.sessionCreate(host, { token, seed: 7 });
    core.sessionAttach(host.session, 't1/index', doc);
    core.sessionStart(host.session);
    return { core, store, doc, host };
  };
  const A = start(a, tokenA);
  const B = start(b, tokenB);
  assert.throws(() => a.sessionCreate(A.host, {}), (e) => e.code === 'invalid_argument');
  assert.throws(() => a.sessionAttach(A.host.session, 't1/index', A.doc), (e) => e.code === 'already_exists');

  await waitFor(() => a.sessionDocumentStatus(A.host.session, 't1/index').synced, 'A synced');
  a.teamIndexEnsure(A.doc, 't1', 'Alice', actor());
  a.recordWrite(A.doc, 'settings', 'settings', { team_name: 'Team One', cadence_a_days: 10 }, actor());
  await waitFor(() => b.recordGet(B.doc, 'settings', 'settings')?.team_name === 'Team One', 'B sees A');
  await waitFor(() => a.sessionDocumentStatus(A.host.session, 't1/index').synced && A.host.acknowledged.length > 0, 'A acknowledged');
  assert.equal(a.sessionStatus(A.host.session).state, 'connected');
  assert.equal(a.sessionStatus(A.host.session).outboxTotal, 0);
  assert.equal(a.docAcknowledgeAll(A.doc) > 0, true);

  b.recordWrite(B.doc, 'members', '', { name: 'Bob', email: 'bob@example.com' }, actor('bob'));
  await waitFor(() => a.recordsList(A.doc, 'members', false).some((m) => m.name === 'Bob'), 'A sees B');

  // A dropped connection: the edit made meanwhile waits in the outbox, the session reconnects
  // after its backoff timer and resends it.
  A.host.drop();
  await waitFor(() => a.sessionStatus(A.host.session).state === 'waiting', 'A notices the drop');
  assert.equal(a.sessionStatus(A.host.session).lastClose.code, 1006);
  a.recordWrite(A.doc, 'settings', 'settings', { cadence_b_days: 21 }, actor());
  assert.ok(a.sessionStatus(A.host.session).outboxTotal > 0);
  await waitFor(() => a.sessionStatus(A.host.session).connections === 2, 'A reconnects');
  await waitFor(() => b.recordGet(B.doc, 'settings', 'settings')?.cadence_b_days === 21, 'B sees the resent edit');

  // Awareness travels through the server.
  a.sessionSetAwareness(A.host.session, 't1/index', JSON.stringify({ user: 'alice', account: 'x' }));
  await waitFor(
    () => (b.sessionAwareness(B.host.session, 't1/index')?.states ?? []).some((s) => JSON.parse(s.state).user === 'alice'),
    'B sees A present',
  );
  assert.equal(b.sessionAwareness(B.host.session, 'nope'), null);

  // Garbage from the network is an error value, never an abort.
  assert.throws(() => a.sessionOnMessage(A.host.session, new Uint8Array([0xff, 0xff, 0xff])), (e) => e instanceof AccordError);

  // A document in use by a session cannot be closed under it (nor its store).
  assert.throws(() => a.docClose(A.doc), (e) => e.code === 'failed_precondition');
  assert.throws(() => a.storeClose(A.store), (e) => e.code === 'failed_precondition');
  for (const { core, host, store } of [A, B]) {
    core.sessionStop(host.session);
    assert.equal(core.sessionDetach(host.session, 't1/index'), true);
    core.sessionDestroy(host.session);
    host.dispose();
    core.storeClose(store);
  }
});

test('projection and search over documents written through docOpen', async () => {
  const core = await recordedCore();
  const store = core.storeOpen(':memory:');
  const index = core.docOpen(store, 't9/index');
  core.teamIndexEnsure(index, 't9', 'Alice', actor());
  const id = core.newId(Date.now());
  const account = core.docOpen(store, `t9/account/${id}`);
  const visits = core.docOpen(store, `t9/visits/${id}`);
  core.accountCreate(index, account, visits, id, { name: '华信钢铁 Huaxin Steel', tier: 'a' }, actor());
  const wang = core.recordWrite(account, 'contacts', '', { name: '王丽', title: '采购总监' }, actor());
  core.recordWrite(account, 'contacts', '', { name: 'Hans Müller', title: 'Einkäufer' }, actor());

  // Before the first projectionUpdate the search says what to do.
  assert.throws(() => core.search(store, 't9', '王', {}), (e) => e.code === 'failed_precondition');
  assert.equal(core.projectionUpdate(store, 't9'), 1);
  assert.deepEqual(
    core.search(store, 't9', '王', {}).map((h) => [h.kind, h.accountId, h.recordId, h.label]),
    [['contact', id, wang.id, '王丽 · 华信钢铁 Huaxin Steel']],
  );
  assert.deepEqual(core.search(store, 't9', '采购', {}).map((h) => h.recordId), [wang.id]);
  assert.deepEqual(core.search(store, 't9', '钢铁', {}).map((h) => h.kind), ['account']);
  assert.deepEqual(core.search(store, 't9', 'MULLER', {}).map((h) => h.label), ['Hans Müller · 华信钢铁 Huaxin Steel']);
  assert.deepEqual(core.search(store, 't9', 'stee', { kinds: ['contact'] }), []);
  assert.equal(core.search(store, 't9', 'huaxin', { limit: 1 })[0].recordId, id);
  assert.ok(core.search(store, 't9', 'huaxin', {})[0].score > 0);
  // Edits show after the next projectionUpdate.
  core.recordWrite(account, 'contacts', wang.id, { name: '王总' }, actor());
  assert.equal(core.projectionUpdate(store, 't9'), 1);
  assert.deepEqual(core.search(store, 't9', '王总', {}).map((h) => h.recordId), [wang.id]);
  // Queries are text, never syntax; bad options are refused with a clear message.
  assert.throws(() => core.search(store, 't9', '"*', {}), (e) => e.code === 'invalid_argument' && /no letter, digit/.test(e.message));
  assert.throws(() => core.search(store, 't9', '', {}), (e) => e.code === 'invalid_argument' && /empty/.test(e.message));
  assert.deepEqual(core.search(store, 't9', 'AND OR NEAR', {}), []);
  assert.throws(() => core.search(store, 't9', 'x', { limit: 0 }), (e) => e.code === 'invalid_argument');
  assert.throws(() => core.search(store, 't9', 'x', { kinds: ['needs'] }), (e) => /unknown record kind/.test(e.message));
  assert.throws(() => core.projectionUpdate(store, 'nobody'), (e) => e.code === 'not_found');
  for (const doc of [index, account, visits]) core.docClose(doc);
  core.storeClose(store);
});

test('every binding was called', () => {
  const missing = BINDINGS.filter((name) => !called.has(name));
  assert.deepEqual(missing, [], `bindings never called: ${missing.join(', ')}`);
});
