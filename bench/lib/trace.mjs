// Loads the sequential editing traces of ../shared/traces (josephg/editing-traces format):
// {startContent, endContent, txns: [{time, patches: [[pos, delCount, insText], ...]}]}.
// Positions in the files count Unicode code points; Yjs counts UTF-16 code units. The traces
// used here contain no character outside the BMP, where both counts agree; a trace that does
// is rejected instead of being replayed at wrong positions.
import { readFileSync, existsSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Directory of the traces: $ACCORD_TRACES, else ../shared/traces beside the repository. */
export const tracesDir = () =>
  process.env.ACCORD_TRACES || path.resolve(here, '../../../shared/traces')

/** The sequential traces the benchmarks replay, by case id. */
// inWasm: the edits are handed over at once and replayed by a loop inside the wasm module.
// only: the implementations that run the case (all when absent).
// observer: the format of the update every transaction emits to an observer (null: none).
export const traceCases = [
  { id: 'B4', file: 'automerge-paper', observer: 'v1', memory: true,
    title: 'automerge-paper: 259,778 edits, one transaction each, v1 update observer' },
  { id: 'B4.noobs', file: 'automerge-paper', observer: null, memory: false,
    title: 'automerge-paper without an update observer' },
  { id: 'B4.v2obs', file: 'automerge-paper', observer: 'v2', memory: false, only: ['yjs'],
    title: 'automerge-paper with a v2 update observer (crdt-benchmarks\' exact setup)' },
  { id: 'B4.inwasm', file: 'automerge-paper', observer: null, memory: false, only: ['accord-wasm'],
    inWasm: true, title: 'automerge-paper replayed by a loop inside wasm (no JS call per edit)' },
  { id: 'B4.seph', file: 'seph-blog1', observer: 'v1', memory: true,
    title: 'seph-blog1: 137,154 transactions incl. pastes, v1 update observer' }
]

const hasAstral = s => /[\uD800-\uDBFF]/.test(s)

/**
 * Reads one trace. Returns {name, startContent, endContent, txns: Array<Array<[pos, del, ins]>>,
 * patchCount}. Throws if the file is missing or has characters outside the BMP.
 */
export const loadTrace = name => {
  const file = path.join(tracesDir(), `${name}.json.gz`)
  if (!existsSync(file)) throw new Error(`trace not found: ${file}`)
  const json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))
  if (!Array.isArray(json.txns) || typeof json.endContent !== 'string') {
    throw new Error(`${file} is not a sequential trace`)
  }
  let patchCount = 0
  const txns = json.txns.map(txn => {
    for (const p of txn.patches) {
      if (hasAstral(p[2])) throw new Error(`${name}: non-BMP text; UTF-16 conversion not implemented`)
    }
    patchCount += txn.patches.length
    return txn.patches
  })
  return { name, startContent: json.startContent || '', endContent: json.endContent, txns, patchCount }
}
