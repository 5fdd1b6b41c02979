// Writes the synthetic cases (lib/cases.mjs) as JSON for the native benchmark, so that Accord
// native replays exactly the operations the Node runner gives yjs, ywasm and Accord wasm.
// Usage: node bench/write-inputs.mjs [out.json]   (default build/bench/inputs.json)
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { N, B3_CLIENTS, buildCases } from './lib/cases.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = process.argv[2] || path.join(root, 'build/bench/inputs.json')
mkdirSync(path.dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ N, b3Clients: B3_CLIENTS, cases: buildCases() }))
console.error(`wrote ${out}`)
