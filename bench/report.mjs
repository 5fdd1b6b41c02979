// Combines the runners' JSON (build/bench/{yjs,ywasm,accord-wasm,accord-native}.json) into the
// benchmark table: absolute figures, ratios against yjs and the targets of issue 3. Prints it as
// text and writes build/bench/results.json and build/bench/results.md (for the README).
// An implementation whose file is missing shows "not available"; no figure is ever made up.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dir = path.join(root, 'build/bench')
const IMPLS = ['yjs', 'ywasm', 'accord-wasm', 'accord-native']
const NA = 'not available'

const load = name => {
  const file = path.join(dir, `${name}.json`)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}
const data = Object.fromEntries(IMPLS.map(n => [n, load(n)]))
const get = (impl, id) => data[impl]?.cases?.[id] ?? null

const sameBytes = (impl, id) => {
  const a = path.join(dir, 'encoded', 'yjs', `${id}.bin`)
  const b = path.join(dir, 'encoded', impl, `${id}.bin`)
  if (!existsSync(a) || !existsSync(b) || !get(impl, id)) return null
  return Buffer.compare(readFileSync(a), readFileSync(b)) === 0
}

const fmtMs = ms => (ms == null ? NA : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(3)} ms`)
const fmtBytes = b => {
  if (b == null) return NA
  if (Math.abs(b) >= 1 << 20) return `${(b / (1 << 20)).toFixed(2)} MiB`
  if (Math.abs(b) >= 1 << 10) return `${(b / (1 << 10)).toFixed(1)} KiB`
  return `${b} B`
}
/** a/b as "1/N" (or "N x" when a is larger), null when either is missing. */
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b)
const fmtRatio = r => {
  if (r == null) return NA
  if (r <= 0) return '-'
  if (r >= 1) return `${r.toFixed(2)}x`
  const inv = 1 / r
  return `1/${inv >= 10 ? inv.toFixed(0) : inv.toFixed(1).replace(/\.0$/, '')}`
}
const verdict = (r, target) => (r == null ? '' : r <= target ? 'met' : 'NOT met')

// --- Headline: the targets of issue 3 (automerge-paper, B4) -------------------------------
const b4 = impl => get(impl, 'B4')
const yjsB4 = b4('yjs')
const memOf = impl => {
  const m = b4(impl)?.memory
  if (!m) return null
  if (impl === 'accord-native') return m.heapBytes
  if (impl === 'yjs') return m.jsHeapBytes
  return m.nativeBytes + Math.max(0, m.jsHeapBytes)
}
const targets = [
  { what: 'B4 apply, Accord native vs yjs', a: b4('accord-native')?.timeMs, b: yjsB4?.timeMs, target: 1 / 50, fmt: fmtMs },
  { what: 'reference: B4 apply, Accord native (v1 observer) vs yjs with v2 observer (crdt-benchmarks setup)', a: b4('accord-native')?.timeMs, b: get('yjs', 'B4.v2obs')?.timeMs, target: 1 / 50, fmt: fmtMs },
  { what: 'B4 apply, Accord wasm vs yjs', a: b4('accord-wasm')?.timeMs, b: yjsB4?.timeMs, target: 1 / 5, fmt: fmtMs },
  { what: 'B4 apply without observer, Accord wasm (loop in wasm) vs yjs', a: get('accord-wasm', 'B4.inwasm')?.timeMs, b: get('yjs', 'B4.noobs')?.timeMs, target: 1 / 5, fmt: fmtMs },
  { what: 'B4 decode final doc, Accord native vs yjs', a: b4('accord-native')?.decodeMs, b: yjsB4?.decodeMs, target: 1 / 5, fmt: fmtMs },
  { what: 'B4 memory of loaded doc, Accord native vs yjs heap', a: memOf('accord-native'), b: memOf('yjs'), target: 1 / 3, fmt: fmtBytes }
].map(t => ({ ...t, ratio: ratio(t.a, t.b) }))

// --- Every case ------------------------------------------------------------------------------
const caseIds = []
for (const impl of IMPLS) for (const id of Object.keys(data[impl]?.cases ?? {})) if (!caseIds.includes(id)) caseIds.push(id)
const order = id => (id.startsWith('B4') ? 0 : 1)
caseIds.sort((x, y) => order(x) - order(y) || x.localeCompare(y, 'en', { numeric: true }))
const titleOf = id => IMPLS.map(i => get(i, id)?.title).find(Boolean) || id

const rows = caseIds.map(id => {
  const row = { id, title: titleOf(id) }
  for (const impl of IMPLS) {
    const c = get(impl, id)
    row[impl] = c ? { timeMs: c.timeMs, encodeMs: c.encodeMs, decodeMs: c.decodeMs, docSize: c.docSize, updateBytes: c.updateBytes, runs: c.runs, memory: c.memory ?? null, sameBytesAsYjs: impl === 'yjs' ? true : sameBytes(impl, id) } : null
  }
  // The in-wasm replay has no observer: it compares with yjs's replay without one.
  const y = get('yjs', id === 'B4.inwasm' ? 'B4.noobs' : id)
  row.nativeVsYjs = ratio(get('accord-native', id)?.timeMs, y?.timeMs)
  row.wasmVsYjs = ratio(get('accord-wasm', id)?.timeMs, y?.timeMs)
  row.nativeDecodeVsYjs = ratio(get('accord-native', id)?.decodeMs, get('yjs', id)?.decodeMs)
  return row
})

// --- Output ----------------------------------------------------------------------------------
const table = (header, body) => {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map(r => String(r[i]).length)))
  const line = r => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |'
  return [line(header), '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n')
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`
const headline = table(['target (issue 3)', 'Accord', 'yjs', 'ratio', 'target', 'verdict'],
  targets.map(t => [t.what, t.fmt(t.a), t.fmt(t.b), fmtRatio(t.ratio), fmtRatio(t.target), verdict(t.ratio, t.target)]))
const timeTable = table(['case', 'yjs', 'ywasm', 'Accord wasm', 'Accord native', 'native/yjs', 'wasm/yjs'],
  rows.map(r => [`${r.id} ${r.title}`, ...IMPLS.map(i => fmtMs(r[i]?.timeMs)), fmtRatio(r.nativeVsYjs), fmtRatio(r.wasmVsYjs)]))
const codecTable = table(['case', 'doc size (yjs)', 'encode yjs', 'encode native', 'decode yjs', 'decode ywasm', 'decode wasm', 'decode native', 'native/yjs decode', 'same bytes as yjs (native, wasm)'],
  rows.map(r => [r.id, fmtBytes(r.yjs?.docSize), fmtMs(r.yjs?.encodeMs), fmtMs(r['accord-native']?.encodeMs), fmtMs(r.yjs?.decodeMs), fmtMs(r.ywasm?.decodeMs), fmtMs(r['accord-wasm']?.decodeMs), fmtMs(r['accord-native']?.decodeMs), fmtRatio(r.nativeDecodeVsYjs),
    [r['accord-native']?.sameBytesAsYjs, r['accord-wasm']?.sameBytesAsYjs].map(v => (v == null ? 'n/a' : v ? 'yes' : 'NO')).join(', ')]))
const memRows = caseIds.filter(id => IMPLS.some(i => get(i, id)?.memory)).map(id => [id,
  fmtBytes(get('yjs', id)?.memory?.jsHeapBytes),
  get('ywasm', id)?.memory ? `${fmtBytes(get('ywasm', id).memory.nativeBytes)} wasm + ${fmtBytes(get('ywasm', id).memory.jsHeapBytes)} JS` : NA,
  get('accord-wasm', id)?.memory ? `${fmtBytes(get('accord-wasm', id).memory.nativeBytes)} malloc + ${fmtBytes(get('accord-wasm', id).memory.jsHeapBytes)} JS` : NA,
  get('accord-native', id)?.memory ? `${fmtBytes(get('accord-native', id).memory.heapBytes)} heap (RSS +${fmtBytes(get('accord-native', id).memory.residentBytes)})` : NA])
const memTable = table(['case', 'yjs (JS heap)', 'ywasm', 'Accord wasm', 'Accord native'], memRows)

const text = [
  `Accord benchmarks (${new Date().toISOString()}; ${machine})`,
  'Times are medians of the runs shown in results.json; memory is the median of 3 fresh processes.',
  '', 'Targets', headline, '', 'Time of each case (see bench/README.md for what is timed)', timeTable,
  '', 'Encode / decode of the final document', codecTable, '', 'Memory of the document loaded from its encoded state', memTable, ''
].join('\n')
console.log(text)
writeFileSync(path.join(dir, 'results.md'), text.replace(/^(Targets|Time of each case.*|Encode \/ decode.*|Memory of the.*)$/gm, '### $1'))
writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, targets, cases: rows }, null, 2))
console.error(`wrote ${path.join(dir, 'results.md')} and results.json`)
