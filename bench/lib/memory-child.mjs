// Child process of node-bench.mjs: measures the memory one implementation holds for a document
// loaded from an encoded state, in a fresh process so that nothing else lives in its heap.
// Usage: node --expose-gc memory-child.mjs <impl> <update.bin> <trace-name>
// Prints one JSON line: {jsHeapBytes, nativeBytes, wasmMemoryGrowth}
//   jsHeapBytes       growth of V8's heapUsed after full GCs (yjs: its whole document)
//   nativeBytes       growth of the implementation's own allocator: Accord wasm's malloc bytes in
//                     use; for ywasm the growth of its wasm memory (its allocator's use is not
//                     exposed, so this is an upper bound rounded to 64 KiB pages)
//   wasmMemoryGrowth  growth of the wasm linear memory (0 for yjs)
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { loadImpl } from './adapters.mjs'
import { loadTrace } from './trace.mjs'

const [implName, file, traceName] = process.argv.slice(2)
if (typeof global.gc !== 'function') throw new Error('run with --expose-gc')
const fullGc = () => { for (let i = 0; i < 4; i++) global.gc() }

const expected = loadTrace(traceName).endContent
const update = new Uint8Array(readFileSync(file))
const impl = await loadImpl(implName)
// Warm the code paths on a small document first so that lazily compiled code and caches do not
// count as document memory.
{
  const warm = impl.createDoc(9)
  warm.transact(() => warm.textInsert(0, 'warm up'))
  const copy = impl.createDoc(10)
  copy.apply(warm.encode())
  copy.destroy()
  warm.destroy()
}
fullGc()
const heap0 = process.memoryUsage().heapUsed
const native0 = impl.heapBytes()
const wasm0 = impl.memoryBytes ? impl.memoryBytes() : impl.heapBytes()
const doc = impl.createDoc(2)
doc.apply(update)
fullGc()
const heap1 = process.memoryUsage().heapUsed
const native1 = impl.heapBytes()
const wasm1 = impl.memoryBytes ? impl.memoryBytes() : impl.heapBytes()
assert.equal(doc.text(), expected, 'loaded document differs from the trace')
console.log(JSON.stringify({
  jsHeapBytes: heap1 - heap0,
  nativeBytes: native1 - native0,
  wasmMemoryGrowth: wasm1 - wasm0
}))
doc.destroy()
