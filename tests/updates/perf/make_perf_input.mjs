// Perf input for the update-ops measurement (not a test): replays the automerge-paper trace in
// yjs, one transaction per edit as crdt-benchmarks' B4, and writes every update (v1 and v2) to
// build/updates-perf/ as length-prefixed files; then times yjs's mergeUpdates(V2) of the first
// 10,000 updates (yjs re-sorts every update's reader per struct: quadratic in the count), and
// convertUpdateFormat, diffUpdate and encodeStateVectorFromUpdate on the final state.
// Run from the repo root: node tests/updates/perf/make_perf_input.mjs
import * as Y from 'yjs'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

const trace = JSON.parse(gunzipSync(readFileSync('../shared/traces/automerge-paper.json.gz')))
const doc = new Y.Doc()
doc.clientID = 1
const v1 = []
const v2 = []
doc.on('update', (u) => v1.push(u))
doc.on('updateV2', (u) => v2.push(u))
const text = doc.getText('text')
for (const txn of trace.txns) {
  doc.transact(() => {
    for (const [pos, del, ins] of txn.patches) {
      if (del > 0) text.delete(pos, del)
      if (ins.length > 0) text.insert(pos, ins)
    }
  })
}
const pack = (list) => {
  const total = list.reduce((n, u) => n + 4 + u.length, 0)
  const out = Buffer.alloc(total)
  let o = 0
  for (const u of list) { out.writeUInt32LE(u.length, o); o += 4; out.set(u, o); o += u.length }
  return out
}
mkdirSync('build/updates-perf', { recursive: true })
const N = 10000
const some1 = v1.slice(0, N)
const some2 = v2.slice(0, N)
writeFileSync('build/updates-perf/updates_v1.bin', pack(some1))
writeFileSync('build/updates-perf/updates_v2.bin', pack(some2))
const time = (name, fn, reps = 3) => {
  let best = Infinity
  let r
  for (let i = 0; i < reps; i++) { const t = performance.now(); r = fn(); best = Math.min(best, performance.now() - t) }
  console.log(`yjs ${name}: ${best.toFixed(1)} ms`)
  return r
}
const merged = time(`mergeUpdates(${N} v1 updates)`, () => Y.mergeUpdates(some1))
const merged2 = time(`mergeUpdatesV2(${N} v2 updates)`, () => Y.mergeUpdatesV2(some2))
const state = Y.encodeStateAsUpdate(doc)
writeFileSync('build/updates-perf/state_v1.bin', pack([state, merged, merged2]))
time('convertUpdateFormatV1ToV2(state)', () => Y.convertUpdateFormatV1ToV2(state))
const s2 = Y.convertUpdateFormatV1ToV2(state)
time('convertUpdateFormatV2ToV1(state)', () => Y.convertUpdateFormatV2ToV1(s2))
time('diffUpdate(state, sv at half)', () => Y.diffUpdate(state, Y.encodeStateVector(new Map([[1, 100000]]))))
time('encodeStateVectorFromUpdate(state)', () => Y.encodeStateVectorFromUpdate(state))
console.log(`updates: ${v1.length} (${N} merged), state v1 ${state.length} bytes, v2 ${s2.length} bytes`)
