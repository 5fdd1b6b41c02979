// Turns the load generator's step results (JSON lines, one file per server: accord-server
// first, then the comparison) into the Markdown table of build/bench/server-load/results.md.
//
//   node report.mjs accord.jsonl hocuspocus.jsonl
import fs from 'node:fs'

const read = (file) =>
  fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line))
const [accord, other] = process.argv.slice(2).map(read)
const fmt = (x) => (x === null || x === undefined ? '-' : x.toLocaleString('en-US'))

const lines = []
const first = accord[0] ?? other[0]
lines.push(`Load: ${first.clients} WebSocket clients on 127.0.0.1, rooms of ${first.room} per document, ` +
  'one Yjs map update per edit, open-loop steps of rising aggregate send rates.')
lines.push('')
lines.push('| server | send rate (updates/s) | deliveries/s | p50 ms | p99 ms | max ms | ack p50 ms | ack p99 ms | undelivered | server CPU s | sustained |')
lines.push('|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of [...accord, ...other]) {
  lines.push(`| ${r.server} | ${fmt(r.send_rate)} | ${fmt(r.deliveries_per_s)} | ${fmt(r.p50_ms)} | ${fmt(r.p99_ms)} | ` +
    `${fmt(r.max_ms)} | ${fmt(r.ack_p50_ms)} | ${fmt(r.ack_p99_ms)} | ${fmt(r.undelivered)} | ${fmt(r.server_cpu_s)} | ${r.sustained ? 'yes' : 'no'} |`)
}
const best = (rows) => rows.filter((r) => r.sustained).reduce((a, r) => (!a || r.deliveries_per_s > a.deliveries_per_s ? r : a), null)
const a = best(accord)
const b = best(other)
lines.push('')
if (a && b) {
  lines.push(`Highest sustained fan-out: ${a.server} ${fmt(a.deliveries_per_s)} deliveries/s (p99 ${a.p99_ms} ms), ` +
    `${b.server} ${fmt(b.deliveries_per_s)} deliveries/s (p99 ${b.p99_ms} ms): ratio ${(a.deliveries_per_s / b.deliveries_per_s).toFixed(2)}x.`)
  const common = accord.filter((r) => r.sustained && other.some((o) => o.rate === r.rate && o.sustained))
  if (common.length) {
    const top = common.at(-1)
    const o = other.find((x) => x.rate === top.rate)
    lines.push(`At ${fmt(top.rate)} updates/s, both sustained: p99 ${top.p99_ms} ms vs ${o.p99_ms} ms; ` +
      `server CPU ${top.server_cpu_s} s vs ${o.server_cpu_s} s.`)
  }
  if (!accord.some((r) => !r.sustained)) {
    lines.push(`${a.server} sustained every rate tried: its ceiling is above the highest rate.`)
  }
} else {
  lines.push('A server sustained no step; see the table.')
}
console.log(lines.join('\n'))
