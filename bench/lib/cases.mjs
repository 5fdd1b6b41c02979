// The synthetic cases of crdt-benchmarks (dmonad/crdt-benchmarks, js-lib/b1.js, b2.js, b3.js),
// re-expressed as plain data so that every implementation (yjs, ywasm, Accord native, Accord
// wasm) replays exactly the same operations. Inputs come from lib0's seeded PRNG (seed 42) and
// are written once to build/bench/inputs.json; bench/README.md describes each case.
//
// Operation shapes (one operation = one transaction unless the case says otherwise):
//   text:  [pos, deleteCount, insertText]   delete first, then insert, at pos (UTF-16 units)
//   array: [pos, [values...]]               insert values at pos
//   map:   [key, value]                     set key to a JSON value
import * as prng from 'lib0/prng'

/** Number of operations per case, as in crdt-benchmarks. */
export const N = 6000
/** Number of clients in the B3 cases: 20 * floor(sqrt(N)), as in crdt-benchmarks. */
export const B3_CLIENTS = 20 * Math.floor(Math.sqrt(N))

const insertAt = (s, i, ins) => s.slice(0, i) + ins + s.slice(i)

/** Random edits on a string that starts as `start`: `count` inserts of words of minLen..maxLen. */
const randomInserts = (gen, start, count, minLen, maxLen) => {
  let s = start
  const ops = []
  for (let i = 0; i < count; i++) {
    const pos = prng.int32(gen, 0, s.length)
    const ins = prng.word(gen, minLen, maxLen)
    s = insertAt(s, pos, ins)
    ops.push([pos, 0, ins])
  }
  return { ops, text: s }
}

/** Random word inserts and deletes of 1..9 characters, chosen by coin flip. */
const randomInsertDeletes = (gen, start, count, withInsertFirst) => {
  let s = start
  const ops = []
  for (let i = 0; i < count; i++) {
    let pos = prng.int32(gen, 0, s.length)
    if (withInsertFirst) {
      const ins = prng.word(gen, 3, 9)
      s = insertAt(s, pos, ins)
      ops.push([pos, 0, ins])
      pos = prng.int32(gen, 0, s.length)
    }
    if (pos === s.length || prng.bool(gen)) {
      const ins = prng.word(gen, 2, 10)
      s = insertAt(s, pos, ins)
      ops.push([pos, 0, ins])
    } else {
      const del = prng.int32(gen, 1, Math.min(9, s.length - pos))
      s = s.slice(0, pos) + s.slice(pos + del)
      ops.push([pos, del, ''])
    }
  }
  return { ops, text: s }
}

const randomNumbers = (gen, count) =>
  Array.from({ length: count }, () => prng.uint32(gen, 0, 0x7fffffff))

/**
 * Builds every synthetic case. Returns an array of case objects:
 *   B1: {id, group:'B1', title, type, ops, expected}         one client, then sync to a second
 *   B2: {id, group:'B2', title, type:'text', init, ops1, ops2, expectedLength}
 *   B3: {id, group:'B3', title, type, clients, ops}          ops[i] is client i's one change
 */
export const buildCases = () => {
  const gen = prng.create(42)
  const cases = []
  const b1 = (id, title, type, ops, expected) => cases.push({ id, group: 'B1', title, type, ops, expected })

  {
    const s = prng.word(gen, N, N)
    b1('B1.1', 'Append N characters', 'text', [...s].map((c, i) => [i, 0, c]), s)
  }
  {
    const s = prng.word(gen, N, N)
    b1('B1.2', 'Insert string of length N', 'text', [[0, 0, s]], s)
  }
  {
    const s = prng.word(gen, N, N)
    const reversed = [...s].reverse()
    b1('B1.3', 'Prepend N characters', 'text', reversed.map(c => [0, 0, c]), s)
  }
  {
    const r = randomInserts(gen, '', N, 1, 1)
    b1('B1.4', 'Insert N characters at random positions', 'text', r.ops, r.text)
  }
  {
    const r = randomInserts(gen, '', N, 2, 10)
    b1('B1.5', 'Insert N words at random positions', 'text', r.ops, r.text)
  }
  {
    const s = prng.word(gen, N, N)
    b1('B1.6', 'Insert string, then delete it', 'text', [[0, 0, s], [0, s.length, '']], '')
  }
  {
    const r = randomInsertDeletes(gen, '', N, false)
    b1('B1.7', 'Insert/Delete strings at random positions', 'text', r.ops, r.text)
  }
  {
    const nums = randomNumbers(gen, N)
    b1('B1.8', 'Append N numbers', 'array', nums.map((v, i) => [i, [v]]), nums)
  }
  {
    const nums = randomNumbers(gen, N)
    b1('B1.9', 'Insert Array of N numbers', 'array', [[0, nums]], nums)
  }
  {
    const nums = randomNumbers(gen, N)
    b1('B1.10', 'Prepend N numbers', 'array', nums.map(v => [0, [v]]), nums.slice().reverse())
  }
  {
    const nums = []
    const ops = []
    for (let i = 0; i < N; i++) {
      const pos = prng.int32(gen, 0, nums.length)
      const v = prng.uint32(gen, 0, 0x7fffffff)
      nums.splice(pos, 0, v)
      ops.push([pos, [v]])
    }
    b1('B1.11', 'Insert N numbers at random positions', 'array', ops, nums)
  }

  const init = prng.word(gen, 100, 100)
  const b2 = (id, title, ops1, ops2, expectedLength) =>
    cases.push({ id, group: 'B2', title, type: 'text', init, ops1, ops2, expectedLength })
  b2('B2.1', 'Concurrently insert string of length N at index 0',
    [[0, 0, prng.word(gen, N, N)]], [[0, 0, prng.word(gen, N, N)]], 2 * N + init.length)
  b2('B2.2', 'Concurrently insert N characters at random positions',
    randomInserts(gen, init, N, 1, 1).ops, randomInserts(gen, init, N, 1, 1).ops, 2 * N + init.length)
  b2('B2.3', 'Concurrently insert N words at random positions',
    randomInserts(gen, init, N, 3, 9).ops, randomInserts(gen, init, N, 3, 9).ops, null)
  b2('B2.4', 'Concurrently insert & delete',
    randomInsertDeletes(gen, init, N, true).ops, randomInsertDeletes(gen, init, N, true).ops, null)

  const b3 = (id, title, type, op) => {
    const ops = Array.from({ length: B3_CLIENTS }, (_, i) => op(i))
    cases.push({ id, group: 'B3', title, type, clients: B3_CLIENTS, ops })
  }
  b3('B3.1', '20√N clients concurrently set number in Map', 'map', i => ['v', i])
  b3('B3.2', '20√N clients concurrently set Object in Map', 'map',
    i => ['v', { name: String(i), address: 'here' }])
  b3('B3.3', '20√N clients concurrently set String in Map', 'map', i => ['v', String(i).repeat(B3_CLIENTS)])
  b3('B3.4', '20√N clients concurrently insert text in Array', 'array', i => [0, [String(i)]])
  b3('B3.5', '20√N clients concurrently insert text', 'text', i => [0, 0, String(i)])
  return cases
}
