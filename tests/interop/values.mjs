// Values in a session script, and their conversions.
//
// A script is JSON, so the values Yjs calls "Any" travel in a tagged form that
// the C++ driver reads with nlohmann-json:
//   null, true/false, "string"      as themselves
//   numbers                         as JSON numbers; every number is a JS number (a
//                                   double): the driver must treat 7 and 7.5 alike,
//                                   Yjs picks varint/float32/float64 from the value
//   {"$bigint": "-12"}              a BigInt (signed 64-bit, Yjs writes BigInt64)
//   {"$bytes": "00ff"}              a Uint8Array, hex
//   [ ... ]                         an array of Any
//   { "key": ... }                  an object of Any (generated keys never start with "$")
//   {"$type": "map"|"array"|"text"} a new, empty shared type (only as the direct value
//                                   of a map set or an array insert, never inside Any)
// The same tagging is used in the "view" of a document (see view.mjs), so a
// value read back from any implementation compares with what was written.

const HEX = '0123456789abcdef';

export function bytesToHex(bytes) {
  let s = '';
  for (const b of bytes) s += HEX[b >> 4] + HEX[b & 15];
  return s;
}

export function hexToBytes(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

/** True for the tagged form of a new shared type. */
export function isTypeTag(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.$type === 'string';
}

/** Script value -> plain JS value as yjs takes it (types are not handled here). */
export function scriptToJs(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(scriptToJs);
  if (typeof v.$bigint === 'string') return BigInt(v.$bigint);
  if (typeof v.$bytes === 'string') return hexToBytes(v.$bytes);
  if (isTypeTag(v)) throw new Error('a shared type cannot be nested inside an Any value');
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = scriptToJs(x);
  return out;
}

/** Plain JS value read from yjs/ywasm -> tagged JSON form with sorted object keys. */
export function jsToTagged(v) {
  if (v === undefined) return { $undefined: true };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (typeof v === 'bigint') return { $bigint: v.toString() };
  if (v instanceof Uint8Array) return { $bytes: bytesToHex(v) };
  if (Array.isArray(v)) return v.map(jsToTagged);
  if (v instanceof Map) return sortedObject([...v.entries()], jsToTagged);
  if (typeof v === 'object') return sortedObject(Object.entries(v), jsToTagged);
  throw new Error(`unexpected value of type ${typeof v}`);
}

/** Canonical form of an already tagged JSON value: object keys sorted, -0 as 0. */
export function canonical(v) {
  if (v === null || typeof v !== 'object') return typeof v === 'number' && Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map(canonical);
  return sortedObject(Object.entries(v), canonical);
}

function sortedObject(entries, f) {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = {};
  for (const [k, x] of entries) out[k] = f(x);
  return out;
}

// ---------------------------------------------------------------- generation

const ASCII_WORDS = ['a', 'b', 'acme', 'visit', 'plan', 'CFO', 'x', 'power map', 'Q3', ' ', '\n', 'z-9'];
const CJK_WORDS = ['客户', '拜访', '计划', '关键决策人', '中', '需求', '竞争对手', '採購'];
const EMOJI = ['😀', '👍🏽', '🚀', '🇨🇳', '👩‍💻', '𝄞', '🀄'];
const OTHER = ['é', 'ß', 'Ω', 'ñ', '\u0301', 'ä', '€', '\t', '"', '\\'];

/** A short string mixing ASCII, CJK, emoji (surrogate pairs) and other BMP text. */
export function genString(rng, maxParts = 3) {
  const n = rng.int(1, maxParts);
  let s = '';
  for (let i = 0; i < n; i++) {
    const kind = rng.weighted({ ascii: 4, cjk: 3, emoji: 2, other: 1 });
    if (kind === 'ascii') s += rng.pick(ASCII_WORDS);
    else if (kind === 'cjk') s += rng.pick(CJK_WORDS);
    else if (kind === 'emoji') s += rng.pick(EMOJI);
    else s += rng.pick(OTHER);
  }
  return s;
}

/** A map key or object key: never empty? Yjs allows "", so sometimes it is. Never starts with "$". */
export function genKey(rng) {
  const kind = rng.weighted({ small: 6, cjk: 2, emoji: 1, empty: 0.2 });
  if (kind === 'small') return rng.pick(['a', 'b', 'c', 'd', 'name', 'tier', 'owner', 'k1', 'k2']);
  if (kind === 'cjk') return rng.pick(['名称', '等级', '联系人']);
  if (kind === 'emoji') return rng.pick(['🔑', 'k😀']);
  return '';
}

const INT_EDGES = [0, 1, -1, 63, 64, -64, 127, 128, 2 ** 31 - 1, -(2 ** 31 - 1), 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 40, 1e15];
const FLOATS = [0.5, -1.25, 0.1, 3.141592653589793, 1e300, -1e-300, 2.5e-8, 1 / 3, 123456.789, 16777217.5, 65504, 1.1754943508222875e-38];
const BIGINTS = ['0', '1', '-1', '9007199254740993', '-9223372036854775808', '9223372036854775807', '4294967296'];

/** A number as JS has it: small and edge integers, float32- and float64-only values. */
export function genNumber(rng) {
  const kind = rng.weighted({ small: 5, edge: 3, float32: 2, float: 2, random: 1 });
  if (kind === 'small') return rng.int(-300, 300);
  if (kind === 'edge') return rng.pick(INT_EDGES);
  if (kind === 'float32') return rng.int(-4000, 4000) / 8;
  if (kind === 'float') return rng.pick(FLOATS);
  return (rng.next() - 2 ** 31) * rng.float();
}

/** An Any value in script form. `depth` bounds nesting of arrays/objects. */
export function genAny(rng, depth = 2, weights = {}) {
  const w = {
    null: 1, bool: 1, number: 4, string: 4, bytes: 1, bigint: 1,
    array: depth > 0 ? 1 : 0, object: depth > 0 ? 1 : 0, ...weights,
  };
  switch (rng.weighted(w)) {
    case 'null': return null;
    case 'bool': return rng.chance(0.5);
    case 'number': return genNumber(rng);
    case 'string': return rng.chance(0.05) ? '' : genString(rng);
    case 'bytes': {
      const n = rng.int(0, 6);
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = rng.int(0, 255);
      return { $bytes: bytesToHex(b) };
    }
    case 'bigint': return { $bigint: rng.pick(BIGINTS) };
    case 'array': {
      const n = rng.int(0, 3);
      const out = [];
      for (let i = 0; i < n; i++) out.push(genAny(rng, depth - 1, weights));
      return out;
    }
    case 'object': {
      const n = rng.int(0, 3);
      const out = {};
      for (let i = 0; i < n; i++) out[genKey(rng)] = genAny(rng, depth - 1, weights);
      return out;
    }
  }
  throw new Error('unreachable');
}

/** Does a script value contain a value of the given tag ("$bigint", "$bytes") anywhere? */
export function containsTag(v, tag) {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((x) => containsTag(x, tag));
  if (tag in v) return true;
  return Object.values(v).some((x) => containsTag(x, tag));
}
