// Runs one case on one implementation (an adapter of adapters.mjs) and returns its figures.
// What is timed follows crdt-benchmarks (see bench/README.md), except that the correctness
// checks (reading the content back and comparing it) run after the clock stops, so the times
// measure CRDT work only:
//   time        B1: the ops on doc1, one transaction each, then doc2 applies doc1's updates
//               B2: doc1 runs its ops in one transaction, its update syncs to doc2; then doc2's
//               B3: client 1 applies the updates of all clients in one transaction
//               trace: every transaction of the trace, in order, with an update observer
//   encode      encodeStateAsUpdate (v1) of the final document
//   decode      a new document applies that update
// Every check throws on a mismatch: a wrong result is never reported as a figure.
import assert from 'node:assert/strict'
import { performance } from 'node:perf_hooks'

const timed = fn => {
  const t0 = performance.now()
  const value = fn()
  return { ms: performance.now() - t0, value }
}

const applyTextOp = (doc, [pos, del, ins]) => {
  if (del > 0) doc.textDelete(pos, del)
  if (ins.length > 0) doc.textInsert(pos, ins)
}

const applyOp = (doc, type, op) => {
  if (type === 'text') applyTextOp(doc, op)
  else if (type === 'array') doc.arrayInsert(op[0], op[1])
  else doc.mapSet(op[0], op[1])
}

const content = (doc, type) => (type === 'text' ? doc.text() : type === 'array' ? doc.array() : doc.map())

/** Encodes `doc`, loads the bytes into a fresh document and checks it equals `expected`. */
const encodeAndDecode = (impl, doc, type, expected, loadClientId) => {
  const enc = timed(() => doc.encode())
  const loaded = impl.createDoc(loadClientId)
  const dec = timed(() => loaded.apply(enc.value))
  assert.deepEqual(content(loaded, type), expected, 'document loaded from the encoded state differs')
  loaded.destroy()
  return { encodeMs: enc.ms, decodeMs: dec.ms, docSize: enc.value.length, encoded: enc.value }
}

const runB1 = (impl, c) => {
  const doc1 = impl.createDoc(1)
  const doc2 = impl.createDoc(2)
  const updates = []
  doc1.onUpdate(u => updates.push(u))
  const run = timed(() => {
    for (const op of c.ops) doc1.transact(() => applyOp(doc1, c.type, op))
    for (const u of updates) doc2.apply(u)
  })
  assert.deepEqual(content(doc1, c.type), c.expected, `${c.id}: doc1 content`)
  assert.deepEqual(content(doc2, c.type), c.expected, `${c.id}: doc2 content`)
  const updateBytes = updates.reduce((n, u) => n + u.length, 0)
  const ed = encodeAndDecode(impl, doc1, c.type, c.expected, 3)
  doc1.destroy()
  doc2.destroy()
  return { timeMs: run.ms, updates: updates.length, updateBytes, ...ed }
}

const runB2 = (impl, c) => {
  const doc1 = impl.createDoc(1)
  const doc2 = impl.createDoc(2)
  let syncing = false
  let updateBytes = 0
  const forward = (to, measure) => u => {
    if (syncing) return
    syncing = true
    try {
      if (measure) updateBytes += u.length
      to.apply(u)
    } finally {
      syncing = false
    }
  }
  let measure = false
  doc1.onUpdate(u => forward(doc2, measure)(u))
  doc2.onUpdate(u => forward(doc1, measure)(u))
  doc1.transact(() => doc1.textInsert(0, c.init))
  measure = true
  const run = timed(() => {
    doc1.transact(() => { for (const op of c.ops1) applyTextOp(doc1, op) })
    doc2.transact(() => { for (const op of c.ops2) applyTextOp(doc2, op) })
  })
  const text = doc1.text()
  assert.equal(doc2.text(), text, `${c.id}: clients diverged`)
  if (c.expectedLength !== null) assert.equal(text.length, c.expectedLength, `${c.id}: length`)
  const ed = encodeAndDecode(impl, doc1, 'text', text, 3)
  doc1.destroy()
  doc2.destroy()
  return { timeMs: run.ms, updates: 2, updateBytes, ...ed, result: text }
}

const runB3 = (impl, c) => {
  const docs = []
  const updates = []
  for (let i = 0; i < c.clients; i++) {
    const doc = impl.createDoc(i + 1)
    doc.onUpdate(u => updates.push(u))
    doc.transact(() => applyOp(doc, c.type, c.ops[i]))
    docs.push(doc)
  }
  assert.equal(updates.length, c.clients, `${c.id}: one update per client`)
  const all = updates.slice()
  updates.length = 0
  const [doc0, doc1] = docs
  doc0.transact(() => { for (const u of all) doc0.apply(u) })
  const run = timed(() => doc1.transact(() => { for (const u of all) doc1.apply(u) }))
  const expected = content(doc0, c.type)
  assert.deepEqual(content(doc1, c.type), expected, `${c.id}: clients diverged`)
  const updateBytes = all.reduce((n, u) => n + u.length, 0)
  const ed = encodeAndDecode(impl, doc0, c.type, expected, c.clients + 1)
  for (const d of docs) d.destroy()
  return { timeMs: run.ms, updates: all.length, updateBytes, ...ed, result: expected }
}

/**
 * Replays a sequential trace, one transaction per trace transaction; with `observer` ('v1', 'v2')
 * an update observer receives each transaction's update, as in crdt-benchmarks.
 */
export const runTrace = (impl, trace, observer) => {
  const doc = impl.createDoc(1)
  let updates = 0
  let updateBytes = 0
  if (observer) doc.onUpdate(u => { updates++; updateBytes += u.length }, observer)
  if (trace.startContent.length > 0) doc.transact(() => doc.textInsert(0, trace.startContent))
  const run = timed(() => {
    for (const patches of trace.txns) {
      doc.transact(() => { for (const p of patches) applyTextOp(doc, p) })
    }
  })
  assert.equal(doc.text(), trace.endContent, `${trace.name}: replay does not produce endContent`)
  const ed = encodeAndDecode(impl, doc, 'text', trace.endContent, 2)
  doc.destroy()
  return { timeMs: run.ms, updates, updateBytes, ...ed }
}

/**
 * Replays a trace of one-patch transactions by a loop inside Accord's wasm module: the patches
 * are flattened into typed arrays and one string first (not timed), then handed over in one call.
 */
export const runTraceInWasm = (impl, trace) => {
  const n = trace.txns.length
  const positions = new Uint32Array(n)
  const dels = new Uint32Array(n)
  const lengths = new Uint32Array(n)
  const texts = []
  trace.txns.forEach((patches, i) => {
    assert.equal(patches.length, 1, `${trace.name}: in-wasm replay needs one patch per transaction`)
    const [pos, del, ins] = patches[0]
    positions[i] = pos
    dels[i] = del
    lengths[i] = Buffer.byteLength(ins, 'utf8')
    texts.push(ins)
  })
  const joined = texts.join('')
  const doc = impl.createDoc(1)
  const run = timed(() => doc.replayTrace(positions, dels, joined, lengths))
  assert.equal(doc.text(), trace.endContent, `${trace.name}: replay does not produce endContent`)
  const ed = encodeAndDecode(impl, doc, 'text', trace.endContent, 2)
  doc.destroy()
  return { timeMs: run.ms, updates: 0, updateBytes: 0, ...ed }
}

/** Runs one synthetic case (B1, B2 or B3). */
export const runCase = (impl, c) =>
  c.group === 'B1' ? runB1(impl, c) : c.group === 'B2' ? runB2(impl, c) : runB3(impl, c)
