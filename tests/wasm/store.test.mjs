// The SQLite document store inside the wasm module (SQLite's amalgamation compiled in, files
// through the module's VFS): fed with updates made by yjs, in memory and in files on disk
// (Node's fs back end, the same VFS interface OPFS serves in the browser), reopened by a new
// module instance with nothing lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { AccordError, createCore } from '../../wasm/js/accord.mjs';
import { memoryFiles, nodeFiles } from '../../wasm/js/files.mjs';

// yjs's toJSON only lists root types that were instantiated: read them by name.
const content = (doc) => ({
  profile: doc.getMap('profile').toJSON(),
  notes: doc.getText('notes').toString(),
});

function authorUpdates() {
  const author = new Y.Doc();
  author.clientID = 42;
  const updates = [];
  author.on('update', (update) => updates.push(update));
  author.getMap('profile').set('name', 'Acme 株式会社');
  author.getText('notes').insert(0, 'met the CFO 🙂');
  author.getMap('profile').set('tier', 'A');
  return { author, updates };
}

for (const [label, path_] of [
  ['in memory', ':memory:'],
  ['in a file of the VFS', '/store.db'],
]) {
  test(`a store ${label} round-trips yjs updates, outbox and compaction`, async () => {
    const core = await createCore({ files: memoryFiles() });
    const store = core.storeOpen(path_);
    const { author, updates } = authorUpdates();
    const seqs = updates.map((u) => core.storeAppend(store, 'team/account/1', u, true).outboxSeq);
    core.storeAppend(store, 'team/index', Y.encodeStateAsUpdate(new Y.Doc()), false);
    assert.deepEqual(core.storeListDocuments(store), ['team/account/1', 'team/index']);

    const loaded = core.storeLoad(store, 'team/account/1');
    assert.equal(loaded.exists, true);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, loaded.state);
    assert.deepEqual(content(reader), content(author));

    const outbox = core.storeOutbox(store, 'team/account/1');
    assert.deepEqual(outbox.map((e) => e.seq), seqs);
    assert.deepEqual(Array.from(outbox[0].update), Array.from(updates[0]));
    assert.equal(core.storeAcknowledge(store, 'team/account/1', seqs[1]), 2);
    assert.equal(core.storeOutbox(store, 'team/account/1').length, 1);

    const compacted = core.storeCompact(store, 'team/account/1');
    assert.equal(compacted.compacted, true);
    assert.equal(compacted.rowsMerged, 3);
    const again = new Y.Doc();
    Y.applyUpdate(again, core.storeLoad(store, 'team/account/1').state);
    assert.deepEqual(content(again), content(author));

    const truncated = updates[0].slice(0, updates[0].length - 3);
    assert.throws(
      () => core.storeAppend(store, 'team/account/1', truncated, false),
      (e) => e instanceof AccordError && e.code === 'corrupt' && /team\/account\/1/.test(e.message),
    );
    assert.equal(core.storeIntegrityCheck(store), 'ok');
    core.storeClose(store);
  });
}

test('a store in files survives a new module instance, and edits are durable when they return', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-wasm-store-'));
  try {
    const actor = { user: 'alice', device: 'd1', now: Date.parse('2026-11-23T08:00:00Z') };
    const first = await createCore({ files: nodeFiles(fs, dir) });
    const store = first.storeOpen('/accord.db');
    const index = first.docOpen(store, 't1/index');
    first.teamIndexEnsure(index, 't1', 'Alice', actor);
    const member = first.recordWrite(index, 'members', '', { name: '王芳', email: 'wang@example.com' }, actor);
    // The edit is in the file now: a second instance reads it while the first is still open
    // (what a crash right after the call would leave behind).
    const copy = path.join(dir, 'copy');
    fs.mkdirSync(copy);
    for (const f of fs.readdirSync(dir)) if (f.startsWith('accord.db')) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
    const second = await createCore({ files: nodeFiles(fs, copy) });
    const store2 = second.storeOpen('/accord.db');
    const index2 = second.docOpen(store2, 't1/index');
    assert.equal(second.recordGet(index2, 'members', member.id).name, '王芳');
    assert.ok(second.docOutboxCount(index2) > 0);
    assert.equal(second.storeIntegrityCheck(store2), 'ok');
    second.storeClose(store2);
    first.storeClose(store);

    // A file that is not a database is refused with an error, not overwritten.
    fs.writeFileSync(path.join(dir, 'junk.db'), Buffer.alloc(8192, 0x41));
    assert.throws(() => first.storeOpen('/junk.db'), (e) => e instanceof AccordError && e.code !== 'ok');
    assert.equal(fs.readFileSync(path.join(dir, 'junk.db'))[0], 0x41);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
