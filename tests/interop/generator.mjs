// The seeded random session generator. generateSession(seed, features) builds a
// session script (see session.mjs) by driving yjs peers: each op is chosen
// against the live state of the peer that performs it (valid indexes, existing
// keys, nested types reachable by path), executed in yjs at once, and recorded.
// The yjs run that chose the ops is the reference; its artifacts come back with
// the script. Same seed and features, same script, byte for byte.
import * as Y from 'yjs';
import { Prng } from './prng.mjs';
import { SCRIPT_FORMAT, SessionRunner } from './session.mjs';
import { YjsPeer, yjsKind } from './yjs_peer.mjs';
import { bytesToHex, genAny, genKey, genString, isTypeTag } from './values.mjs';

const MAX_DEPTH = 4; // path length beyond which no new nested type is created

/** Distinct client ids: small, 32-bit and large 53-bit-safe ones. */
function genClients(rng, n, large) {
  const ids = new Set();
  while (ids.size < n) {
    const kind = rng.weighted({ small: 2, u32: 3, large: large ? 3 : 0 });
    let id;
    if (kind === 'small') id = rng.int(0, 1000);
    else if (kind === 'u32') id = rng.next();
    else {
      const form = rng.int(0, 2);
      if (form === 0) id = Number.MAX_SAFE_INTEGER - rng.int(0, 1000);
      else if (form === 1) id = 2 ** 32 + rng.int(0, 2 ** 20);
      else id = rng.int(0, 2 ** 21 - 1) * 2 ** 32 + rng.next();
    }
    ids.add(id);
  }
  return [...ids];
}

const ROOT_NAMES = { map: ['m', 'account', '客户'], array: ['a', 'contacts', '😀list'], text: ['t', 'notes', '备注'] };

/** The text of a Y.Text as UTF-16 units, embeds as U+FFFC, for index choice. */
function textUnits(t) {
  let s = '';
  for (const d of t.toDelta()) s += typeof d.insert === 'string' ? d.insert : '\ufffc';
  return s;
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
/** True when index i of s does not fall between the halves of a surrogate pair. */
function isBoundary(s, i) {
  return i <= 0 || i >= s.length || !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));
}

function genBoundary(rng, s, lo = 0) {
  for (let tries = 0; tries < 16; tries++) {
    const i = rng.int(lo, s.length);
    if (isBoundary(s, i)) return i;
  }
  return s.length;
}

/** A [index, length] range of length >= 1 with both ends on boundaries, or null. */
function genRange(rng, s, maxLen = 6) {
  if (s.length === 0) return null;
  for (let tries = 0; tries < 16; tries++) {
    const i = rng.int(0, s.length - 1);
    const len = rng.int(1, Math.min(maxLen, s.length - i));
    if (isBoundary(s, i) && isBoundary(s, i + len)) return [i, len];
  }
  return null;
}

const ATTR_KEYS = ['bold', 'italic', 'color', 'link', '标记'];

/** Formatting attributes (JSON-safe values; null removes). */
function genAttrs(rng, { allowNull, allowEmpty }) {
  const out = {};
  const n = allowEmpty ? rng.int(0, 2) : rng.int(1, 2);
  for (let i = 0; i < n; i++) {
    const k = rng.pick(ATTR_KEYS);
    const kind = rng.weighted({ bool: 3, str: 2, num: 1, obj: 1, null: allowNull ? 2 : 0 });
    if (kind === 'bool') out[k] = true;
    else if (kind === 'str') out[k] = rng.pick(['red', '#00ff00', 'https://example.com/a?b=c', '蓝色']);
    else if (kind === 'num') out[k] = rng.pick([1, 2, 0.5, 12, -3, 1e21, 2.5e-8]);
    else if (kind === 'obj') out[k] = { href: rng.pick(['x', '链接']), n: rng.int(0, 9) };
    else out[k] = null;
  }
  return out;
}

export class Generator {
  constructor(seed, features) {
    this.seed = seed;
    this.f = features;
    this.rng = new Prng(seed);
  }

  anyWeights() {
    return {
      bytes: this.f.has('value_bytes') && !this.plainValues ? 1 : 0,
      bigint: this.f.has('value_bigint') && !this.plainValues ? 1 : 0,
      array: this.f.has('value_nested') ? 1 : 0,
      object: this.f.has('value_nested') ? 1 : 0,
    };
  }

  /** Formatting attributes, JSON-safe for the session's features. */
  attrs(opts) {
    return this.jsonSafe(genAttrs(this.rng, opts));
  }

  /**
   * Embeds and format attributes travel as JSON text (JSON.stringify), so their
   * numbers must print exactly as JS prints them. Without json_number_forms,
   * numbers whose JS form has an exponent or more than 12 characters become 7.
   */
  jsonSafe(v) {
    if (this.f.has('json_number_forms')) return v;
    if (typeof v === 'number') return /e/.test(String(v)) || String(v).length > 12 ? 7 : v;
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => this.jsonSafe(x));
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = this.jsonSafe(x);
    return out;
  }

  /** A value for a map entry or array element: Any, top-level bytes or a new type. */
  genContent(depth) {
    const rng = this.rng;
    const nested = ['map', 'array', 'text'].filter((k) => this.f.has(`nested_${k}`));
    if (nested.length > 0 && depth < MAX_DEPTH && rng.chance(0.18)) return { $type: rng.pick(nested) };
    return this.genPlainContent();
  }

  /** A value for a map entry or array element that is not a nested type. */
  genPlainContent() {
    const rng = this.rng;
    if (this.f.has('value_bytes') && !this.plainValues && rng.chance(0.06)) {
      const b = new Uint8Array(rng.int(0, 5)).map(() => rng.int(0, 255));
      return { $bytes: bytesToHex(b) };
    }
    const v = genAny(rng, 2, this.anyWeights());
    // yjs refuses a BigInt as a direct map value or array element; only nested.
    return v !== null && typeof v === 'object' && '$bigint' in v ? [v] : v;
  }

  /** All shared types of a yjs peer: [{path, t, kind}]. */
  targets(peer) {
    const out = [];
    const walk = (t, path) => {
      const kind = yjsKind(t);
      out.push({ path, t, kind });
      if (kind === 'map') {
        for (const [k, v] of [...t.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
          if (v instanceof Y.AbstractType) walk(v, [...path, k]);
        }
      } else if (kind === 'array') {
        t.toArray().forEach((v, i) => {
          if (v instanceof Y.AbstractType) walk(v, [...path, i]);
        });
      }
    };
    for (const [name, t] of peer.roots) walk(t, [name]);
    return out;
  }

  /** Chooses one op valid on `peer` now, or null when nothing enabled applies. */
  chooseOp(peer) {
    const rng = this.rng;
    const f = this.f;
    const enabledFor = {
      map: ['map_set', 'map_delete'].filter((o) => f.has(o)),
      array: ['array_insert', 'array_push', 'array_delete'].filter((o) => f.has(o)),
      text: ['text_insert', 'text_delete', 'text_format', 'text_embed'].filter((o) => f.has(o) || (o === 'text_insert' && f.has('text_insert_attrs'))),
    };
    const targets = this.targets(peer).filter((x) => enabledFor[x.kind].length > 0);
    if (targets.length === 0) return null;
    const { path, t, kind } = rng.pick(targets);
    const weights = {
      map_set: 5, map_delete: 2, array_insert: 4, array_push: 2, array_delete: 2,
      text_insert: 5, text_delete: 3, text_format: 2, text_embed: 1,
    };
    const w = {};
    for (const o of enabledFor[kind]) w[o] = weights[o];
    const op = rng.weighted(w);
    const depth = path.length;
    switch (op) {
      case 'map_set': {
        const keys = [...t.keys()];
        const key = keys.length > 0 && rng.chance(0.4) ? rng.pick(keys.sort()) : genKey(rng);
        return { op, path, key, value: this.genContent(depth) };
      }
      case 'map_delete': {
        const keys = [...t.keys()].sort();
        const key = keys.length > 0 && rng.chance(0.9) ? rng.pick(keys) : genKey(rng);
        return { op, path, key };
      }
      case 'array_insert':
      case 'array_push': {
        const n = rng.int(1, 3);
        const values = [];
        for (let i = 0; i < n; i++) values.push(this.genContent(depth));
        if (op === 'array_insert') return { op, path, index: rng.int(0, t.length), values };
        // A push starting with a nested type goes after the very last item, deleted or
        // not; without array_push_type a plain value leads.
        if (isTypeTag(values[0]) && !f.has('array_push_type')) values.unshift(this.genPlainContent());
        return { op, path, values };
      }
      case 'array_delete': {
        if (t.length === 0) return this.fallback(path, kind);
        const index = rng.int(0, t.length - 1);
        return { op, path, index, length: rng.int(1, Math.min(3, t.length - index)) };
      }
      case 'text_insert': {
        const s = textUnits(t);
        const withAttrs = f.has('text_insert_attrs') && (!f.has('text_insert') || rng.chance(0.4));
        const attrs = withAttrs ? this.attrs({ allowNull: true, allowEmpty: true }) : null;
        return { op, path, index: genBoundary(rng, s), text: genString(rng, 4), attrs };
      }
      case 'text_embed': {
        const s = textUnits(t);
        const embed = this.jsonSafe({ [rng.pick(['image', 'mention', '图'])]: genAny(rng, 1, { bytes: 0, bigint: 0, array: 1, object: 0 }) });
        // Always explicit attributes: yjs's insertEmbed defaults to {} while ywasm's
        // inherits the formatting at the position.
        const attrs = f.has('text_insert_attrs') && rng.chance(0.4) ? this.attrs({ allowNull: false, allowEmpty: true }) : {};
        return { op, path, index: genBoundary(rng, s), embed, attrs };
      }
      case 'text_format':
      case 'text_delete': {
        const r = genRange(rng, textUnits(t), op === 'text_format' ? 12 : 6);
        if (!r) return this.fallback(path, kind);
        if (op === 'text_delete') return { op, path, index: r[0], length: r[1] };
        return { op, path, index: r[0], length: r[1], attrs: this.attrs({ allowNull: true, allowEmpty: false }) };
      }
    }
    throw new Error(`unreachable ${op}`);
  }

  /** An insert for an empty array/text when a delete/format was drawn; null if not enabled. */
  fallback(path, kind) {
    const rng = this.rng;
    if (kind === 'array' && this.f.has('array_insert')) return { op: 'array_insert', path, index: 0, values: [this.genContent(path.length)] };
    if (kind === 'text' && this.f.has('text_insert')) return { op: 'text_insert', path, index: 0, text: genString(rng, 3), attrs: null };
    return null;
  }

  /** Builds a whole session; returns {script, reference}. */
  generate({ minSteps = 4, maxSteps = 28, v2 = false } = {}) {
    const rng = this.rng;
    const f = this.f;
    const nPeers = rng.int(2, 5);
    // Half the sessions keep every client id below 2^32 and every value plain (no
    // bytes, no BigInt): ywasm can replay only those (see ywasm_peer.mjs).
    const plain = rng.chance(0.5);
    this.plainValues = plain && rng.chance(0.5);
    const clients = genClients(rng, nPeers, !plain);
    const peers = clients.map((client) => ({ client, gc: f.has('gc_off') ? rng.chance(0.6) : true }));
    const kinds = ['map', 'array', 'text'].filter((k) => [...f].some((x) => x.startsWith(`${k}_`)));
    if (kinds.length === 0) throw new Error('no operation feature enabled');
    const roots = [];
    const nRoots = rng.int(1, 3);
    for (let i = 0; i < nRoots; i++) {
      const kind = rng.pick(kinds);
      const name = rng.pick(ROOT_NAMES[kind]);
      if (!roots.some((r) => r.name === name)) roots.push({ name, kind });
    }
    const script = {
      format: SCRIPT_FORMAT,
      produced_by: `tests/interop/generator.mjs seed=${this.seed} features=${[...f].sort().join(',')}`,
      seed: this.seed,
      peers,
      roots,
      steps: [],
    };
    const runner = new SessionRunner(script, (spec, r) => new YjsPeer(spec, r), { v2 });
    try {
      const syncModes = ['full', 'diff', 'updates'].filter((m) => f.has(`sync_${m}`));
      const nSteps = rng.int(minSteps, maxSteps);
      for (let i = 0; i < nSteps; i++) {
        const doSync = syncModes.length > 0 && rng.chance(0.4);
        if (!doSync) {
          const p = rng.int(0, nPeers - 1);
          const ops = [];
          const nOps = f.has('multi_op_txn') ? rng.weighted({ 1: 4, 2: 3, 3: 2, 5: 1 }) : 1;
          runner.runStep({
            txn: p,
            ops: (applyOp) => {
              for (let k = 0; k < Number(nOps); k++) {
                const op = this.chooseOp(runner.peers[p]);
                if (!op) break;
                applyOp(op);
                ops.push(op);
              }
            },
          });
          script.steps.push({ txn: p, ops });
          continue;
        }
        const mode = rng.pick(syncModes);
        const to = rng.int(0, nPeers - 1);
        const from = (to + rng.int(1, nPeers - 1)) % nPeers;
        let step;
        if (mode !== 'updates') step = { sync: mode, from, to };
        else {
          const candidates = [];
          runner.steps.forEach((rec, s) => rec.updates.forEach((_, k) => rec.peer === from && candidates.push([s, k])));
          if (candidates.length === 0) continue;
          const n = rng.int(1, Math.min(4, candidates.length));
          const start = rng.chance(0.6) ? candidates.length - n : rng.int(0, candidates.length - n);
          let ids = candidates.slice(start, start + n);
          if (f.has('sync_shuffled')) {
            if (rng.chance(0.5)) ids = rng.shuffle(ids);
            if (rng.chance(0.3)) ids.splice(rng.int(0, ids.length), 0, rng.pick(ids));
          }
          step = { sync: 'updates', to, ids };
        }
        runner.runStep(step);
        script.steps.push(step);
      }
      // Converge: everyone to peer 0, then peer 0 to everyone.
      const mode = f.has('sync_diff') && (!f.has('sync_full') || rng.chance(0.5)) ? 'diff' : 'full';
      if (f.has('sync_full') || f.has('sync_diff')) {
        for (let p = 1; p < nPeers; p++) script.steps.push(runner.runStep({ sync: mode, from: p, to: 0 }) && { sync: mode, from: p, to: 0 });
        for (let p = 1; p < nPeers; p++) script.steps.push(runner.runStep({ sync: mode, from: 0, to: p }) && { sync: mode, from: 0, to: p });
        script.converges = true;
      }
      return { script, reference: runner.finish() };
    } finally {
      runner.destroy();
    }
  }
}

/** One session: {script, reference}. */
export function generateSession(seed, features, opts) {
  return new Generator(seed, features).generate(opts);
}
