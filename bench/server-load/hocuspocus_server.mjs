// The comparison server of the load benchmark: a stock @hocuspocus/server 4.7.0 with its SQLite
// extension, @hocuspocus/extension-sqlite 4.7.0, storing documents in a SQLite file (the
// extension's own table and upsert of the whole document state on Hocuspocus's debounced
// onStoreDocument; SQLite's defaults). The extension uses better-sqlite3 12.11.1, which
// bench/server-load/run.sh builds from the sources npm ships against this machine's Node
// headers (`npm ci --ignore-scripts` does not build it).
//
//   node hocuspocus_server.mjs <database file>
//
// Listens on 127.0.0.1 on a free port, prints {"port":N,"pid":P} on stdout, runs until stdin
// closes, then stores every open document and exits.
import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'

const [database] = process.argv.slice(2)
if (!database) {
  process.stderr.write('usage: node hocuspocus_server.mjs <database file>\n')
  process.exit(2)
}
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database })],
})
await server.listen()
process.stdout.write(JSON.stringify({ port: server.address.port, pid: process.pid }) + '\n')
process.stdin.resume()
process.stdin.on('end', async () => {
  await server.destroy()
  process.exit(0)
})
