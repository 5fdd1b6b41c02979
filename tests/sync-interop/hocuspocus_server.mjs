// A stock @hocuspocus/server (in memory, no extensions) for the test that runs Accord's C++ sync
// session against it (tests/integration/sync_interop_test.cc). Listens on 127.0.0.1 on a free
// port and prints {"port":N} on stdout. Its document "acme/seeded" starts with the text
// "seeded-by-hocuspocus ". Runs until stdin closes (the test ends), then prints the JSON of
// every document it holds and exits.
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  async onLoadDocument ({ documentName, document }) {
    if (documentName === 'acme/seeded' && document.getText('t').length === 0) {
      document.getText('t').insert(0, 'seeded-by-hocuspocus ')
    }
    return document
  },
})
await server.listen()
process.stdout.write(JSON.stringify({ port: server.address.port }) + '\n')
process.stdin.resume()
process.stdin.on('end', async () => {
  const out = {}
  for (const [name, document] of server.hocuspocus.documents) {
    out[name] = { t: document.getText('t').toString(), m: document.getMap('m').toJSON() }
  }
  process.stdout.write(JSON.stringify(out) + '\n')
  await server.destroy()
  process.exit(0)
})
