// A stock Yjs peer for accord-server's sync tests, run by tests/integration/sync_interop_test.cc:
// a y-websocket WebsocketProvider (on /y/<doc>) or an @hocuspocus/provider HocuspocusProvider
// (on /sync), with `ws` as the WebSocket. It waits for the first sync, inserts its text at the
// end of the Y.Text "t" and sets "m".<its name>, waits until the document holds every expected
// text (and, for Hocuspocus, until the server acknowledged all its changes), prints the
// document's JSON on stdout and exits 0; after --timeout ms it prints the JSON and exits 1.
//
//   node tests/sync-interop/peer.mjs --kind y-websocket|hocuspocus --url ws://127.0.0.1:PORT
//        --doc acme/x --token TOKEN --name node1 --insert TEXT --expect A,B --timeout 20000
import * as Y from 'yjs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider } from '@hocuspocus/provider'

const args = {}
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
const expected = (args.expect ?? '').split(',').filter(Boolean)
const doc = new Y.Doc()
const text = doc.getText('t')
const token = args.token

/** A `ws` WebSocket that authenticates with a bearer header (Node can set headers). */
class BearerWebSocket extends WebSocket {
  constructor (url, protocols) {
    super(url, protocols, { headers: { Authorization: `Bearer ${token}` } })
  }
}

let provider
let acknowledged = () => true
if (args.kind === 'y-websocket') {
  provider = new WebsocketProvider(`${args.url}/y`, args.doc, doc, { WebSocketPolyfill: BearerWebSocket, disableBc: true })
} else {
  provider = new HocuspocusProvider({ url: `${args.url}/sync`, WebSocketPolyfill: WebSocket, name: args.doc, document: doc, token })
  acknowledged = () => provider.unsyncedChanges === 0
}

const json = () => JSON.stringify({ t: text.toString(), m: doc.getMap('m').toJSON() })
const done = () => expected.every(s => text.toString().includes(s)) && acknowledged()

const finish = (code) => {
  process.stdout.write(json() + '\n')
  provider.destroy()
  process.exit(code)
}

const timer = setTimeout(() => {
  process.stderr.write(`timeout: synced=${provider.synced} unsynced=${provider.unsyncedChanges}\n`)
  finish(1)
}, Number(args.timeout ?? 20000))

let inserted = false
const check = () => {
  if (!inserted && provider.synced) {
    inserted = true
    doc.transact(() => {
      text.insert(text.length, args.insert ?? '')
      doc.getMap('m').set(args.name ?? 'node', args.insert ?? '')
    })
  }
  if (inserted && done()) {
    clearTimeout(timer)
    // Let a final acknowledgement or broadcast leave before closing.
    setTimeout(() => finish(0), 50)
  }
}
doc.on('update', check)
provider.on('synced', check)
provider.on('sync', check)
provider.on('unsyncedChanges', check)
const poll = setInterval(check, 25)
poll.unref()
