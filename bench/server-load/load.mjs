// Load generator of the server benchmark: N WebSocket clients on loopback speak the Hocuspocus
// protocol on /sync (both accord-server and @hocuspocus/server speak it), in rooms of R clients
// per document. Every client edits (a Yjs map entry of its own, one transaction per update) and
// observes (receives the other room members' updates). The generator sends updates at a fixed
// aggregate rate in steps of rising rates (open loop: sends do not wait for anything), and per
// step measures
//   - fan-out throughput: updates delivered to other room members per second,
//   - delivery latency: from the send of an update to its arrival at each other member
//     (p50/p99/max; the (client, clock) of its struct identifies it, also inside the merged
//     updates Hocuspocus broadcasts),
//   - acknowledgement latency: from a send to the server's SyncStatus for it (accord-server
//     acknowledges once the update is durable in SQLite; Hocuspocus once it is applied in
//     memory, its store being debounced),
//   - undelivered: deliveries still missing 5 s after the step's last send,
//   - the server's CPU seconds in the step (from /proc/<pid>/stat).
// Prints one JSON object per step on stdout.
//
//   node load.mjs --url ws://127.0.0.1:PORT/sync --token T --server-pid PID --label NAME
//                 [--clients 1000] [--room 10] [--rates 250,500,1000] [--step-seconds 5]
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string', default: '' },
    'server-pid': { type: 'string', default: '0' },
    label: { type: 'string', default: 'server' },
    clients: { type: 'string', default: '1000' },
    room: { type: 'string', default: '10' },
    rates: { type: 'string', default: '250,500,1000,2000' },
    'step-seconds': { type: 'string', default: '5' },
    'max-p99-ms': { type: 'string', default: '1000' },
  },
})
const clients = Number(args.clients)
const room = Number(args.room)
const rates = args.rates.split(',').map(Number)
const stepMs = Number(args['step-seconds']) * 1000
const serverPid = Number(args['server-pid'])
const maxP99 = Number(args['max-p99-ms'])

const MSG_SYNC = 0
const MSG_AUTH = 2
const MSG_SYNC_STATUS = 8
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

const frame = (documentName, write) => {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, documentName)
  write(e)
  return encoding.toUint8Array(e)
}

/** (client, clock) of an update's first struct: what identifies it on arrival. */
const updateKey = (update) => {
  const d = decoding.createDecoder(update)
  decoding.readVarUint(d) // struct groups (one: a local edit)
  decoding.readVarUint(d) // structs in the group
  const client = decoding.readVarUint(d)
  const clock = decoding.readVarUint(d)
  return client * 2 ** 21 + clock
}

const cpuSeconds = () => {
  if (!serverPid) return 0
  const fields = fs.readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, in clock ticks
}

const pending = new Map() // update key -> { sentAt, remaining }
let stats = null
const newStats = () => ({ delivered: 0, unmatched: 0, echoes: 0, latencies: [], acks: [], lastDelivery: 0 })

class Client {
  constructor (index) {
    this.index = index
    this.documentName = `bench/room-${Math.floor(index / room)}`
    this.doc = new Y.Doc()
    this.doc.clientID = 1000 + index
    this.map = this.doc.getMap('m')
    this.counter = 0
    this.unacked = [] // send times awaiting SyncStatus, in order
    this.synced = false
    this.lastUpdate = null
    this.doc.on('update', (update) => { this.lastUpdate = update })
  }

  connect () {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(args.url, { perMessageDeflate: false })
      this.ws.binaryType = 'nodebuffer'
      this.ws.on('error', reject)
      this.ws.on('close', () => { if (!this.closing) console.error(`client ${this.index} closed`) })
      this.ws.on('open', () => {
        this.ws.send(frame(this.documentName, (e) => {
          encoding.writeVarUint(e, MSG_AUTH)
          encoding.writeVarUint(e, 0)
          encoding.writeVarString(e, args.token)
          encoding.writeVarString(e, 'accord-bench')
        }))
        this.ws.send(frame(this.documentName, (e) => {
          encoding.writeVarUint(e, MSG_SYNC)
          encoding.writeVarUint(e, STEP1)
          encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc))
        }))
      })
      this.ws.on('message', (data) => {
        this.receive(data)
        if (this.synced && resolve) { resolve(); resolve = null }
      })
    })
  }

  receive (data) {
    if (data.length === 1 && data[0] === 9) { this.ws.send(Uint8Array.of(10)); return }
    const d = decoding.createDecoder(data)
    decoding.readVarString(d)
    const type = decoding.readVarUint(d)
    if (type === MSG_SYNC || type === 4) {
      const step = decoding.readVarUint(d)
      const payload = decoding.readVarUint8Array(d)
      if (step === STEP1) {
        this.ws.send(frame(this.documentName, (e) => {
          encoding.writeVarUint(e, MSG_SYNC)
          encoding.writeVarUint(e, STEP2)
          encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, payload))
        }))
      } else if (step === STEP2) {
        this.synced = true
      } else if (step === UPDATE) {
        // Hocuspocus merges the updates of one flush window into one message (and sends it
        // to their senders too): every struct is looked up.
        const now = performance.now()
        const keys = []
        for (const struct of Y.decodeUpdate(payload).structs) {
          // Merging may join one client's consecutive updates into one struct.
          for (let i = 0; i < struct.length; i++) keys.push(struct.id.client * 2 ** 21 + struct.id.clock + i)
        }
        for (const key of keys) {
          const entry = pending.get(key)
          if (entry === undefined) {
            if (stats) stats.unmatched++
            continue
          }
          if (entry.sender === this.index) {
            if (stats) stats.echoes++
            continue
          }
          if (stats) {
            stats.delivered++
            stats.latencies.push(now - entry.sentAt)
            stats.lastDelivery = now
          }
          if (--entry.remaining === 0) pending.delete(key)
        }
      }
    } else if (type === MSG_SYNC_STATUS) {
      const sentAt = this.unacked.shift()
      if (sentAt !== undefined && sentAt !== null && stats) stats.acks.push(performance.now() - sentAt)
    }
  }

  edit () {
    this.map.set(`c${this.index}`, this.counter++)
    const update = this.lastUpdate
    const sentAt = performance.now()
    pending.set(updateKey(update), { sentAt, sender: this.index, remaining: Math.min(room, clients - Math.floor(this.index / room) * room) - 1 })
    this.unacked.push(sentAt)
    this.ws.send(frame(this.documentName, (e) => {
      encoding.writeVarUint(e, MSG_SYNC)
      encoding.writeVarUint(e, UPDATE)
      encoding.writeVarUint8Array(e, update)
    }))
  }
}

const percentile = (sorted, p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
const round = (x) => (x === null ? null : Math.round(x * 10) / 10)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const all = []
for (let i = 0; i < clients; i++) all.push(new Client(i))
const connectStart = performance.now()
for (let i = 0; i < clients; i += 50) {
  await Promise.all(all.slice(i, i + 50).map((c) => c.connect()))
}
console.error(`${args.label}: ${clients} clients connected and synced in ${Math.round(performance.now() - connectStart)} ms`)

let next = 0
for (const rate of rates) {
  pending.clear()
  for (const c of all) c.unacked.fill(null)
  stats = newStats()
  const cpu0 = cpuSeconds()
  const start = performance.now()
  let sent = 0
  let expected = 0
  while (performance.now() - start < stepMs) {
    const due = Math.floor(((performance.now() - start) * rate) / 1000)
    for (; sent < due; sent++) {
      const c = all[next]
      next = (next + 1) % clients
      c.edit()
      expected += Math.min(room, clients - Math.floor(c.index / room) * room) - 1
    }
    await sleep(2)
  }
  const sendEnd = performance.now()
  const drainUntil = sendEnd + 5000
  while (stats.delivered < expected && performance.now() < drainUntil) await sleep(10)
  const cpu = cpuSeconds() - cpu0
  const latencies = stats.latencies.sort((a, b) => a - b)
  const acks = stats.acks.sort((a, b) => a - b)
  const seconds = (Math.max(stats.lastDelivery, sendEnd) - start) / 1000
  const result = {
    server: args.label,
    clients,
    room,
    rate,
    sent,
    send_rate: round(sent / ((sendEnd - start) / 1000)),
    expected_deliveries: expected,
    delivered: stats.delivered,
    undelivered: expected - stats.delivered,
    unmatched: stats.unmatched, // updates received that this step did not send
    echoes: stats.echoes,
    deliveries_per_s: round(stats.delivered / seconds),
    p50_ms: round(percentile(latencies, 0.5)),
    p99_ms: round(percentile(latencies, 0.99)),
    max_ms: round(latencies.at(-1) ?? null),
    ack_p50_ms: round(percentile(acks, 0.5)),
    ack_p99_ms: round(percentile(acks, 0.99)),
    server_cpu_s: round(cpu),
  }
  result.sustained = result.undelivered === 0 && result.p99_ms !== null && result.p99_ms <= maxP99
  console.log(JSON.stringify(result))
  if (!result.sustained) break // saturated: higher rates only queue more
  await sleep(500)
}
for (const c of all) { c.closing = true; c.ws.close() }
await sleep(200)
process.exit(0)
