// One peer of a session executed in ywasm (yrs compiled to WebAssembly), the
// second implementation the harness compares with. Same interface as YjsPeer.
//
// ywasm cannot take every value yjs takes: a JS BigInt panics the module and a
// Uint8Array becomes an object, so sessions whose ops carry those values are not
// replayed in ywasm (canReplay says so). Its toJson() turns bytes into arrays
// and BigInts into numbers, so views read from ywasm go through lossyView()
// before comparison; lossless checks go through yjs (see session checks).
// ywasm 0.18.3 also panics (and is unusable afterwards) on some out-of-order
// deliveries that yjs handles, so the harness gives it updates in order only.
import * as Y from 'ywasm';
import { containsTag, isTypeTag, jsToTagged, scriptToJs } from './values.mjs';
import { LOADER_CLIENT } from './yjs_peer.mjs';

const PRELIM = { map: () => new Y.YMap(), array: () => new Y.YArray(), text: () => new Y.YText() };

function contentValue(v) {
  if (isTypeTag(v)) return PRELIM[v.$type]();
  return scriptToJs(v);
}

export function ywasmKind(t) {
  if (t instanceof Y.YMap) return 'map';
  if (t instanceof Y.YArray) return 'array';
  if (t instanceof Y.YText) return 'text';
  return null;
}

/**
 * True when ywasm handles every client id of the script: ywasm 0.18.3 truncates
 * client ids to 32 bits (when encoding and when decoding), so larger ids break it.
 */
export function clientsFit(script) {
  return script.peers.every((p) => p.client < 2 ** 32);
}

/** True when ywasm can execute the script: client ids fit, no bytes or BigInt in values. */
export function canReplay(script) {
  if (!clientsFit(script)) return false;
  for (const step of script.steps) {
    if (!step.ops) continue;
    for (const op of step.ops) {
      for (const v of [op.value, op.values, op.embed, op.attrs]) {
        if (v !== undefined && (containsTag(v, '$bytes') || containsTag(v, '$bigint'))) return false;
      }
    }
  }
  return true;
}

/**
 * A tagged view with what ywasm's JS conversion loses also lost: bytes become
 * arrays of numbers, BigInts become numbers. Apply to both sides of a comparison.
 */
export function lossyView(v) {
  // ywasm parses the JSON of embeds and format attributes imprecisely (a double
  // may lose its last digit, 2^53-1 becomes 2^53-2): numbers compare at 12 digits.
  if (typeof v === 'number') return Number(v.toPrecision(12));
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(lossyView);
  if (typeof v.$bytes === 'string') {
    const out = [];
    for (let i = 0; i < v.$bytes.length; i += 2) out.push(parseInt(v.$bytes.substr(i, 2), 16));
    return out;
  }
  if (typeof v.$bigint === 'string') return lossyView(Number(BigInt(v.$bigint)));
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = lossyView(x);
  return out;
}

export class YwasmPeer {
  constructor(spec, roots) {
    this.doc = new Y.YDoc({ clientID: spec.client, gc: spec.gc });
    this.roots = new Map();
    for (const r of roots) {
      const t = r.kind === 'map' ? this.doc.getMap(r.name) : r.kind === 'array' ? this.doc.getArray(r.name) : this.doc.getText(r.name);
      this.roots.set(r.name, t);
    }
    this.emitted = [];
    this.observer = this.doc.onUpdate((u) => this.emitted.push(u));
    this.txn = null;
  }

  transact(body) {
    this.emitted = [];
    this.txn = this.doc.beginTransaction(null);
    try {
      body((op) => this.applyOp(op));
    } finally {
      const txn = this.txn;
      this.txn = null;
      txn.free();
    }
    return this.emitted;
  }

  resolve(path) {
    let t = this.roots.get(path[0]);
    if (!t) throw new Error(`no root ${path[0]}`);
    for (let i = 1; i < path.length; i++) {
      const kind = ywasmKind(t);
      const next = kind === 'map' || kind === 'array' ? t.get(path[i], this.txn ?? undefined) : undefined;
      if (ywasmKind(next) === null) throw new Error(`path ${JSON.stringify(path)} broken at ${i}`);
      t = next;
    }
    return t;
  }

  applyOp(op) {
    const t = this.resolve(op.path);
    const tx = this.txn;
    const attrs = op.attrs === null || op.attrs === undefined ? undefined : scriptToJs(op.attrs);
    switch (op.op) {
      case 'map_set': t.set(op.key, contentValue(op.value), tx); break;
      case 'map_delete': t.delete(op.key, tx); break;
      case 'array_insert': t.insert(op.index, op.values.map(contentValue), tx); break;
      case 'array_push': t.push(op.values.map(contentValue), tx); break;
      case 'array_delete': t.delete(op.index, op.length, tx); break;
      case 'text_insert': t.insert(op.index, op.text, attrs, tx); break;
      case 'text_embed': t.insertEmbed(op.index, scriptToJs(op.embed), attrs, tx); break;
      case 'text_format': t.format(op.index, op.length, attrs, tx); break;
      case 'text_delete': t.delete(op.index, op.length, tx); break;
      default: throw new Error(`unknown op ${op.op}`);
    }
  }

  applyUpdate(bytes) {
    this.emitted = [];
    Y.applyUpdate(this.doc, bytes, null);
    return this.emitted;
  }

  stateVector() {
    return Y.encodeStateVector(this.doc);
  }

  stateAsUpdate(sv) {
    return sv ? Y.encodeStateAsUpdate(this.doc, sv) : Y.encodeStateAsUpdate(this.doc);
  }

  /** View in the lossy form (see lossyView). */
  view() {
    const txn = this.doc.beginTransaction(null);
    try {
      const out = {};
      for (const [name, t] of this.roots) out[name] = this.viewOf(t, txn);
      return lossyView(out);
    } finally {
      txn.free();
    }
  }

  viewOf(v, txn) {
    const kind = ywasmKind(v);
    if (kind === 'map') {
      const entries = v.entries(txn);
      const out = {};
      for (const k of Object.keys(entries).sort()) out[k] = this.viewOf(entries[k], txn);
      return { $map: out };
    }
    if (kind === 'array') return { $array: v.values(txn).map((x) => this.viewOf(x, txn)) };
    if (kind === 'text') {
      const delta = v.toDelta(undefined, undefined, undefined, txn);
      return {
        $text: delta.map((d) => {
          const out = { insert: typeof d.insert === 'string' ? d.insert : { $embed: jsToTagged(d.insert) } };
          if (d.attributes && Object.keys(d.attributes).length > 0) out.attributes = jsToTagged(d.attributes);
          return out;
        }),
      };
    }
    return jsToTagged(v);
  }

  json() {
    const out = {};
    for (const [name, t] of this.roots) out[name] = jsToTagged(t.toJson());
    return lossyView(out);
  }

  destroy() {
    // Freeing the doc while JS wrappers of its types are alive makes their
    // finalizers throw later ("recursive use of an object"); leave it to the GC.
    this.observer.free();
  }
}

/** A fresh ywasm doc with `roots`, loaded from v1 updates in order. */
export function ywasmLoad(roots, updates, gc = true) {
  const p = new YwasmPeer({ client: LOADER_CLIENT, gc }, roots);
  for (const u of updates) Y.applyUpdate(p.doc, u, null);
  return p;
}
