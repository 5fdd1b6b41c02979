// node tests/fuzz/corpus_gen/make_yjs_corpus.mjs [corpus dir]
// Writes the yjs-made half of the libFuzzer seed corpus (default tests/fuzz/corpus) from short
// seeded sessions of the pinned yjs in node_modules: three docs (client ids 0..2, gc on or off)
// edit Map, Array, Text (formatting, embeds), nested types, XML and subdocuments, exchanging
// updates. Files, all produced by yjs itself:
//   apply_update/yjs-<seed>-state|txn|diff  v1 updates (full state, one transaction, a diff)
//   sequence/yjs-<seed>                     up to 4 updates, newest first, each framed as a
//                                           big-endian u16 length then the bytes
//   state_vector/yjs-<seed>                 an encoded state vector
//   update_v2/yjs-<seed>                    the v2 encoding of the full state (for a v2 target)
// Deterministic for a given yjs version: rerun after upgrading yjs and commit the result.
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as Y from 'yjs'
import * as prng from 'lib0/prng'

const root = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'corpus')
for (const d of ['apply_update', 'sequence', 'state_vector', 'update_v2']) {
  fs.mkdirSync(path.join(root, d), { recursive: true })
}
const write = (dir, name, bytes) => fs.writeFileSync(path.join(root, dir, name), bytes)

const frame = (parts) => {
  const out = []
  for (const p of parts) {
    out.push(p.length >> 8, p.length & 0xff, ...p)
  }
  return Uint8Array.from(out)
}

const pieces = ['a', 'b', 'z', ' ', '\n', 'é', '中', '😀']
const text = (gen) => {
  let s = ''
  for (let i = prng.int32(gen, 1, 4); i > 0; i--) s += prng.oneOf(gen, pieces)
  return s
}
const value = (gen) => prng.oneOf(gen, [
  () => prng.int32(gen, -100, 100),
  () => prng.real53(gen),
  () => text(gen),
  () => prng.bool(gen),
  () => null,
  () => ({ a: prng.int32(gen, 0, 9), b: [text(gen), true] }),
  () => [1, 'two', { three: 3 }],
  () => new Uint8Array([1, 2, prng.int32(gen, 0, 255)])
])()

const edit = (doc, gen) => {
  const map = doc.getMap('map')
  const arr = doc.getArray('array')
  const txt = doc.getText('text')
  const xml = doc.getXmlFragment('xml')
  const op = prng.int32(gen, 0, 13)
  const len = txt.length
  switch (op) {
    case 0: map.set(prng.oneOf(gen, ['k0', 'k1', 'k2']), value(gen)); break
    case 1: map.delete(prng.oneOf(gen, ['k0', 'k1', 'k2'])); break
    case 2: arr.insert(prng.int32(gen, 0, arr.length), [value(gen), value(gen)]); break
    case 3: if (arr.length > 0) arr.delete(prng.int32(gen, 0, arr.length - 1), 1); break
    case 4: txt.insert(prng.int32(gen, 0, len), text(gen)); break
    case 5: txt.insert(prng.int32(gen, 0, len), text(gen), { bold: true, color: '#f00' }); break
    case 6: if (len > 0) { const i = prng.int32(gen, 0, len - 1); txt.format(i, prng.int32(gen, 1, len - i), { italic: prng.bool(gen) ? true : null }) } break
    case 7: if (len > 0) { const i = prng.int32(gen, 0, len - 1); txt.delete(i, prng.int32(gen, 1, Math.min(3, len - i))) } break
    case 8: txt.insertEmbed(prng.int32(gen, 0, len), { image: 'a.png' }); break
    case 9: {
      const inner = new Y.Map()
      map.set('nested', inner)
      const list = new Y.Array()
      inner.set('list', list)
      list.insert(0, [new Y.Text('inner'), 5])
      break
    }
    case 10: {
      const el = new Y.XmlElement('p')
      el.setAttribute('class', 'x')
      el.insert(0, [new Y.XmlText('hi')])
      xml.insert(prng.int32(gen, 0, xml.length), [el])
      break
    }
    case 11: arr.insert(0, [new Y.Doc({ guid: 'sub-' + prng.int32(gen, 0, 9) })]); break
    case 12: { const t = new Y.Text(); arr.insert(0, [t]); t.insert(0, text(gen), { bold: true }); break }
    default: if (xml.length > 0) xml.delete(0, 1)
  }
}

const kSessions = 24
for (let seed = 1; seed <= kSessions; seed++) {
  const gen = prng.create(seed)
  const gc = seed % 3 !== 0
  const docs = [0, 1, 2].map((id) => { const d = new Y.Doc({ gc }); d.clientID = id; return d })
  const emitted = []
  docs[1].on('update', (u) => emitted.push(u))
  let midSv = null
  const steps = 4 + seed % 9
  for (let step = 0; step < steps; step++) {
    const d = prng.oneOf(gen, docs)
    d.transact(() => { for (let k = prng.int32(gen, 1, 3); k > 0; k--) edit(d, gen) })
    if (prng.bool(gen)) {
      const to = prng.oneOf(gen, docs)
      Y.applyUpdate(to, Y.encodeStateAsUpdate(d, Y.encodeStateVector(to)))
    }
    if (step === Math.floor(steps / 2)) midSv = Y.encodeStateVector(docs[0])
  }
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const tag = 'yjs-' + seed
  write('apply_update', tag + '-state', Y.encodeStateAsUpdate(docs[0]))
  write('apply_update', tag + '-diff', Y.encodeStateAsUpdate(docs[0], midSv))
  if (emitted.length > 0) write('apply_update', tag + '-txn', prng.oneOf(gen, emitted))
  const parts = emitted.slice(-4).reverse()
  if (parts.length > 0) write('sequence', tag, frame(parts))
  write('state_vector', tag, Y.encodeStateVector(docs[0]))
  write('update_v2', tag, Y.encodeStateAsUpdateV2(docs[0]))
}
console.log('wrote the yjs seed corpus under ' + root)
