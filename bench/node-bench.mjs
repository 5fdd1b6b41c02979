// Node runner: runs the B1-B3 cases and the trace cases (B4...) on yjs, ywasm or Accord's wasm
// module, and writes the medians as JSON. bench/run.sh calls it once per implementation, each in
// its own process so that one implementation's heap and JIT state never affect another's.
//
// Usage: node --expose-gc bench/node-bench.mjs --impl yjs [--cases B1,B4] [--runs 3]
//             [--trace-runs 3] [--out build/bench/yjs.json]
import { mkdirSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadImpl } from './lib/adapters.mjs'
import { buildCases } from './lib/cases.mjs'
import { runCase, runTrace, runTraceInWasm } from './lib/runners.mjs'
import { loadTrace, traceCases } from './lib/trace.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..')
const { values: args } = parseArgs({
  options: {
    impl: { type: 'string' },
    cases: { type: 'string', default: '' },
    runs: { type: 'string', default: '5' },
    'trace-runs': { type: 'string', default: '3' },
    out: { type: 'string' }
  }
})
if (!args.impl) throw new Error('--impl is required')
const outDir = path.join(root, 'build/bench')
const encodedDir = path.join(outDir, 'encoded', args.impl)
mkdirSync(encodedDir, { recursive: true })
const wanted = args.cases ? args.cases.split(',') : []
const selected = id => wanted.length === 0 || wanted.some(w => id === w || id.startsWith(`${w}.`))

const median = xs => {
  const s = xs.slice().sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const round = x => Math.round(x * 1000) / 1000

/** Runs `fn` `runs` times; returns the medians of the timed figures and the last run's sizes. */
const repeat = (runs, fn) => {
  const results = []
  for (let i = 0; i < runs; i++) {
    results.push(fn())
    if (global.gc) global.gc()
  }
  const last = results[results.length - 1]
  return {
    runs,
    timeMs: round(median(results.map(r => r.timeMs))),
    encodeMs: round(median(results.map(r => r.encodeMs))),
    decodeMs: round(median(results.map(r => r.decodeMs))),
    docSize: last.docSize,
    updates: last.updates,
    updateBytes: last.updateBytes,
    encoded: last.encoded
  }
}

/** Memory of the document loaded from `file`: the median of three fresh child processes. */
const memoryOf = (implName, file, traceName) => {
  const samples = []
  for (let i = 0; i < 3; i++) {
    const child = spawnSync(process.execPath,
      ['--expose-gc', path.join(here, 'lib/memory-child.mjs'), implName, file, traceName],
      { encoding: 'utf8' })
    if (child.status !== 0) throw new Error(`memory measurement failed: ${child.stderr}`)
    samples.push(JSON.parse(child.stdout.trim().split('\n').pop()))
  }
  const out = {}
  for (const key of Object.keys(samples[0])) out[key] = median(samples.map(s => s[key]))
  return out
}

const impl = await loadImpl(args.impl)
const results = { impl: args.impl, node: process.version, date: new Date().toISOString(), cases: {} }
const record = (id, title, r) => {
  const file = path.join(encodedDir, `${id}.bin`)
  writeFileSync(file, r.encoded)
  delete r.encoded
  results.cases[id] = { title, ...r }
  console.error(`${args.impl} ${id}: ${JSON.stringify(results.cases[id])}`)
  return file
}

const traces = new Map()
for (const t of traceCases) {
  if (!selected(t.id)) continue
  if (t.only && !t.only.includes(args.impl)) continue
  const trace = traces.get(t.file) || traces.set(t.file, loadTrace(t.file)).get(t.file)
  const r = repeat(Number(args['trace-runs']),
    () => (t.inWasm ? runTraceInWasm(impl, trace) : runTrace(impl, trace, t.observer)))
  const file = record(t.id, t.title, r)
  if (!t.memory) continue
  results.cases[t.id].memory = memoryOf(args.impl, file, t.file)
  console.error(`${args.impl} ${t.id} memory: ${JSON.stringify(results.cases[t.id].memory)}`)
}
for (const c of buildCases()) {
  if (!selected(c.id)) continue
  record(c.id, c.title, repeat(Number(args.runs), () => runCase(impl, c)))
}

const out = args.out || path.join(outDir, `${args.impl}.json`)
writeFileSync(out, JSON.stringify(results, null, 2))
console.error(`wrote ${out}`)
