// One small adapter per implementation so that the case runners drive yjs, ywasm and Accord's
// wasm module through the same calls. Every adapter document:
//   onUpdate(cb, format) cb(Uint8Array) with the update ('v1' or 'v2') of each transaction that
//                        changed it; adapters without v2 have supportsV2 false
//   transact(fn)         runs fn in one transaction (nested calls join the outer one)
//   textInsert(pos, s) / textDelete(pos, n) on the root Y.Text "text"
//   arrayInsert(pos, values) on the root Y.Array "array"; mapSet(key, value) on Y.Map "map"
//   text() / array() / map()  current content as JS values
//   encode()             encodeStateAsUpdate (v1) of the whole document
//   apply(update)        applyUpdate (v1); joins the current transaction if one is open
//   destroy()            releases the document
//   heapBytes()          bytes of memory the implementation holds outside the JS heap (wasm)
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

const yjsAdapter = async () => {
  const Y = await import('yjs')
  return {
    name: 'yjs',
    supportsV2: true,
    createDoc (clientId) {
      const doc = new Y.Doc()
      doc.clientID = clientId
      const text = doc.getText('text')
      const array = doc.getArray('array')
      const map = doc.getMap('map')
      return {
        onUpdate (cb, format = 'v1') { doc.on(format === 'v2' ? 'updateV2' : 'update', update => cb(update)) },
        transact (fn) { doc.transact(fn) },
        textInsert (pos, s) { text.insert(pos, s) },
        textDelete (pos, n) { text.delete(pos, n) },
        arrayInsert (pos, values) { array.insert(pos, values) },
        mapSet (key, value) { map.set(key, value) },
        text: () => text.toString(),
        array: () => array.toArray(),
        map: () => map.toJSON(),
        encode: () => Y.encodeStateAsUpdate(doc),
        apply (update) { Y.applyUpdate(doc, update) },
        destroy () { doc.destroy() }
      }
    },
    heapBytes: () => 0
  }
}

const ywasmAdapter = async () => {
  const Y = require('ywasm')
  return {
    name: 'ywasm',
    supportsV2: true,
    createDoc (clientId) {
      const doc = new Y.YDoc({ clientID: clientId })
      const text = doc.getText('text')
      const array = doc.getArray('array')
      const map = doc.getMap('map')
      let txn
      let observer = null
      const transact = fn => {
        if (txn !== undefined) return fn()
        txn = doc.beginTransaction(null)
        try {
          return fn()
        } finally {
          const t = txn
          txn = undefined
          t.free()
        }
      }
      return {
        onUpdate (cb, format = 'v1') {
          observer = format === 'v2' ? doc.onUpdateV2(update => cb(update)) : doc.onUpdate(update => cb(update))
        },
        transact,
        textInsert (pos, s) { text.insert(pos, s, undefined, txn) },
        textDelete (pos, n) { text.delete(pos, n, txn) },
        arrayInsert (pos, values) { array.insert(pos, values, txn) },
        mapSet (key, value) { map.set(key, value, txn) },
        text: () => text.toString(txn),
        array: () => array.toJson(txn),
        map: () => map.toJson(txn),
        encode: () => Y.encodeStateAsUpdate(doc),
        apply (update) {
          if (txn !== undefined) txn.applyV1(update)
          else Y.applyUpdate(doc, update, null)
        },
        destroy () {
          if (observer) observer.free()
          text.free()
          array.free()
          map.free()
          doc.free()
        }
      }
    },
    heapBytes: () => Y.__wasm.memory.buffer.byteLength
  }
}

/** Path of Accord's benchmark wasm module (built by bench/run.sh into build/bench-wasm). */
export const accordWasmPath = () =>
  process.env.ACCORD_BENCH_WASM ||
  path.resolve(here, '../../build/bench-wasm/wasm/accord-bench.cjs')

const accordWasmAdapter = async () => {
  const file = accordWasmPath()
  if (!existsSync(file)) throw new Error(`not built: ${file}`)
  const factory = require(file)
  // Emscripten 3.1.6 would fetch() the .wasm, which Node cannot do for a file path: hand the
  // bytes over instead.
  const M = await factory({ wasmBinary: readFileSync(file.replace(/\.cjs$/, '.wasm')) })
  return {
    name: 'accord-wasm',
    supportsV2: false,
    module: M,
    createDoc (clientId) {
      const doc = new M.BenchDoc(clientId)
      let depth = 0
      return {
        onUpdate (cb, format = 'v1') {
          if (format !== 'v1') throw new Error('accord-wasm bench binding emits v1 updates only')
          doc.onUpdate(update => cb(update))
        },
        transact (fn) {
          if (depth++ === 0) doc.begin()
          try {
            return fn()
          } finally {
            if (--depth === 0) doc.commit()
          }
        },
        textInsert (pos, s) { doc.textInsert(pos, s) },
        textDelete (pos, n) { doc.textDelete(pos, n) },
        arrayInsert (pos, values) { doc.arrayInsert(pos, values) },
        mapSet (key, value) { doc.mapSet(key, value) },
        text: () => doc.text(),
        array: () => doc.array(),
        map: () => doc.map(),
        encode: () => doc.encode(),
        apply (update) { doc.apply(update) },
        /** Runs a flattened trace inside wasm: see BenchDoc::replay_trace. */
        replayTrace (positions, dels, texts, lengths) { doc.replayTrace(positions, dels, texts, lengths) },
        destroy () { doc.delete() }
      }
    },
    /** Bytes in use by the module's malloc (not the size of the wasm memory, which only grows). */
    heapBytes: () => M.mallocInUse(),
    memoryBytes: () => M.wasmMemoryBytes()
  }
}

const factories = { yjs: yjsAdapter, ywasm: ywasmAdapter, 'accord-wasm': accordWasmAdapter }

/** Names of the implementations the Node runner knows. */
export const implNames = Object.keys(factories)

/** Loads the adapter of implementation `name`; throws if it is not available. */
export const loadImpl = name => {
  const f = factories[name]
  if (!f) throw new Error(`unknown implementation ${name}`)
  return f()
}
