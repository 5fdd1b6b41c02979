// The SQLite document store inside the wasm module (SQLite's amalgamation compiled in): an
// in-memory store opened from Node, fed with updates made by yjs. The module is built without
// the store when the amalgamation (npm better-sqlite3, sources only) is not installed; the
// test then fails rather than pass silently, unless ACCORD_WASM_STORE_OPTIONAL=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { loadAccordCore } from '../../wasm/js/load.mjs';

// yjs's toJSON only lists root types that were instantiated: read them by name.
const content = (doc) => ({
  profile: doc.getMap('profile').toJSON(),
  notes: doc.getText('notes').toString(),
});

const unwrap = (result) => {
  assert.equal(result.ok, true, `${result.code}: ${result.message}`);
  return result;
};

test('an in-memory store in wasm round-trips yjs updates, outbox and compaction', async (t) => {
  const core = await loadAccordCore();
  if (typeof core.storeOpen !== 'function') {
    if (process.env.ACCORD_WASM_STORE_OPTIONAL === '1') {
      t.skip('wasm module built without the store');
      return;
    }
    assert.fail('wasm module built without the store (node_modules/better-sqlite3 missing?)');
  }
  const { handle } = unwrap(core.storeOpen(':memory:'));

  const author = new Y.Doc();
  author.clientID = 42;
  const updates = [];
  author.on('update', (update) => updates.push(update));
  author.getMap('profile').set('name', 'Acme 株式会社');
  author.getText('notes').insert(0, 'met the CFO 🙂');
  author.getMap('profile').set('tier', 'A');

  const seqs = [];
  for (const update of updates) {
    seqs.push(unwrap(core.storeAppend(handle, 'team/account/1', update, true)).outboxSeq);
  }
  unwrap(core.storeAppend(handle, 'team/index', Y.encodeStateAsUpdate(new Y.Doc()), false));
  assert.deepEqual(unwrap(core.storeListDocuments(handle)).names, ['team/account/1', 'team/index']);

  const loaded = unwrap(core.storeLoad(handle, 'team/account/1'));
  assert.equal(loaded.exists, true);
  const reader = new Y.Doc();
  Y.applyUpdate(reader, loaded.state);
  assert.deepEqual(content(reader), content(author));

  const outbox = unwrap(core.storeOutbox(handle, 'team/account/1')).entries;
  assert.deepEqual(outbox.map((e) => e.seq), seqs);
  assert.deepEqual(Array.from(outbox[0].update), Array.from(updates[0]));
  assert.equal(unwrap(core.storeAcknowledge(handle, 'team/account/1', seqs[1])).removed, 2);
  assert.equal(unwrap(core.storeOutbox(handle, 'team/account/1')).entries.length, 1);

  const compacted = unwrap(core.storeCompact(handle, 'team/account/1'));
  assert.equal(compacted.compacted, true);
  assert.equal(compacted.rowsMerged, 3);
  const again = new Y.Doc();
  Y.applyUpdate(again, unwrap(core.storeLoad(handle, 'team/account/1')).state);
  assert.deepEqual(content(again), content(author));

  const truncated = updates[0].slice(0, updates[0].length - 3);
  const garbage = core.storeAppend(handle, 'team/account/1', truncated, false);
  assert.equal(garbage.ok, false);
  assert.equal(garbage.code, 'corrupt');
  assert.match(garbage.message, /team\/account\/1/);
  // No persistent VFS in the module yet: file paths are refused, not attempted.
  assert.equal(core.storeOpen('/data/x.db').code, 'unsupported');
  unwrap(core.storeClose(handle));
});
