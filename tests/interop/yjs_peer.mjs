// One peer of a session executed in yjs, the reference implementation. The
// session runner (session.mjs) drives peers of this class and of ywasm_peer.mjs
// through the same small interface: transact(ops), applyUpdate(bytes),
// stateVector(), stateAsUpdate(sv), view(), json(), destroy().
import * as Y from 'yjs';
import { isTypeTag, jsToTagged, scriptToJs } from './values.mjs';

/**
 * The client id of docs that only load updates: no session uses it (the generator's
 * small ids stop at 1000), so yjs never sees "its own" structs arrive and renames it.
 */
export const LOADER_CLIENT = 1001;

const PRELIM = { map: () => new Y.Map(), array: () => new Y.Array(), text: () => new Y.Text() };

/** Script value -> what yjs takes as the content of a map entry or array element. */
function contentValue(v) {
  if (isTypeTag(v)) return PRELIM[v.$type]();
  return scriptToJs(v);
}

/** The kind ("map" | "array" | "text") of a yjs shared type, or null. */
export function yjsKind(t) {
  if (t instanceof Y.Map) return 'map';
  if (t instanceof Y.Array) return 'array';
  if (t instanceof Y.Text) return 'text';
  return null;
}

/** The tagged "view" of a value: shared types spelled out, text as a delta with formats. */
export function yjsView(v) {
  const kind = yjsKind(v);
  if (kind === 'map') {
    const keys = [...v.keys()].sort();
    const out = {};
    for (const k of keys) out[k] = yjsView(v.get(k));
    return { $map: out };
  }
  if (kind === 'array') return { $array: v.toArray().map(yjsView) };
  if (kind === 'text') return { $text: deltaView(v.toDelta()) };
  if (v instanceof Y.AbstractType) throw new Error('unexpected shared type in view');
  return jsToTagged(v);
}

/** A delta in tagged form: string inserts as strings, embeds as {"$embed": any}. */
export function deltaView(delta) {
  return delta.map((d) => {
    const out = { insert: typeof d.insert === 'string' ? d.insert : { $embed: jsToTagged(d.insert) } };
    if (d.attributes && Object.keys(d.attributes).length > 0) out.attributes = jsToTagged(d.attributes);
    return out;
  });
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Throws when an op's index or range is out of bounds or splits a surrogate pair.
 * yjs is lenient with some of these; scripts must not be, so that a script the
 * shrinker cut down is still one every implementation can execute the same way.
 */
function checkBounds(t, kind, op) {
  if (kind === 'map' || op.index === undefined) return;
  let units = null;
  let length = t.length;
  if (kind === 'text') {
    units = '';
    for (const d of t.toDelta()) units += typeof d.insert === 'string' ? d.insert : '\ufffc';
    length = units.length;
  }
  const end = op.length === undefined ? op.index : op.index + op.length;
  if (op.index < 0 || end > length || (op.length !== undefined && op.length < 1)) {
    throw new Error(`${op.op} [${op.index}, ${end}) out of bounds (length ${length})`);
  }
  for (const i of [op.index, end]) {
    if (units && i > 0 && i < units.length && isHigh(units.charCodeAt(i - 1)) && isLow(units.charCodeAt(i))) {
      throw new Error(`${op.op} at ${i} splits a surrogate pair`);
    }
  }
}

export class YjsPeer {
  /**
   * @param {{client:number, gc:boolean}} spec
   * @param {{name:string, kind:string}[]} roots
   */
  constructor(spec, roots) {
    this.doc = new Y.Doc({ gc: spec.gc });
    this.doc.clientID = spec.client;
    this.roots = new Map();
    for (const r of roots) {
      const t = r.kind === 'map' ? this.doc.getMap(r.name) : r.kind === 'array' ? this.doc.getArray(r.name) : this.doc.getText(r.name);
      this.roots.set(r.name, t);
    }
    this.emitted = [];
    this.emittedV2 = [];
    this.doc.on('update', (u) => this.emitted.push(u));
    this.doc.on('updateV2', (u) => this.emittedV2.push(u));
  }

  /** Runs `body(applyOp)` in one transaction; returns the updates yjs emitted. */
  transact(body) {
    this.emitted = [];
    this.emittedV2 = [];
    this.doc.transact(() => body((op) => this.applyOp(op)));
    return this.emitted;
  }

  /** The shared type at `path` ([root, key-or-index...]), or throws. */
  resolve(path) {
    let t = this.roots.get(path[0]);
    if (!t) throw new Error(`no root ${path[0]}`);
    for (let i = 1; i < path.length; i++) {
      const seg = path[i];
      const next = yjsKind(t) === 'map' ? t.get(seg) : yjsKind(t) === 'array' ? t.get(seg) : undefined;
      if (!(next instanceof Y.AbstractType)) throw new Error(`path ${JSON.stringify(path)} broken at ${i}`);
      t = next;
    }
    return t;
  }

  applyOp(op) {
    const t = this.resolve(op.path);
    const kind = yjsKind(t);
    const want = op.op.split('_')[0];
    if (kind !== want) throw new Error(`op ${op.op} on a ${kind} at ${JSON.stringify(op.path)}`);
    checkBounds(t, kind, op);
    switch (op.op) {
      case 'map_set': t.set(op.key, contentValue(op.value)); break;
      case 'map_delete': t.delete(op.key); break;
      case 'array_insert': t.insert(op.index, op.values.map(contentValue)); break;
      case 'array_push': t.push(op.values.map(contentValue)); break;
      case 'array_delete': t.delete(op.index, op.length); break;
      case 'text_insert': t.insert(op.index, op.text, op.attrs === null ? undefined : scriptToJs(op.attrs)); break;
      case 'text_embed': t.insertEmbed(op.index, scriptToJs(op.embed), op.attrs === null ? undefined : scriptToJs(op.attrs)); break;
      case 'text_format': t.format(op.index, op.length, scriptToJs(op.attrs)); break;
      case 'text_delete': t.delete(op.index, op.length); break;
      default: throw new Error(`unknown op ${op.op}`);
    }
  }

  /** Applies a v1 update; returns the updates the peer emitted while integrating it. */
  applyUpdate(bytes) {
    this.emitted = [];
    this.emittedV2 = [];
    Y.applyUpdate(this.doc, bytes);
    return this.emitted;
  }

  stateVector() {
    return Y.encodeStateVector(this.doc);
  }

  stateAsUpdate(sv) {
    return sv ? Y.encodeStateAsUpdate(this.doc, sv) : Y.encodeStateAsUpdate(this.doc);
  }

  /** encodeStateAsUpdateV2 (update format v2). */
  stateAsUpdateV2() {
    return Y.encodeStateAsUpdateV2(this.doc);
  }

  view() {
    const out = {};
    for (const [name, t] of this.roots) out[name] = yjsView(t);
    return out;
  }

  /** Plain toJSON of every root, tagged (bytes and bigint kept). */
  json() {
    const out = {};
    for (const [name, t] of this.roots) out[name] = jsToTagged(t.toJSON());
    return out;
  }

  destroy() {
    this.doc.destroy();
  }
}

/** A fresh yjs doc with `roots`, loaded from v1 updates in order; returns its peer. */
export function yjsLoad(roots, updates, gc = true) {
  const p = new YjsPeer({ client: LOADER_CLIENT, gc }, roots);
  for (const u of updates) Y.applyUpdate(p.doc, u);
  return p;
}

/** As yjsLoad, for v2 updates. */
export function yjsLoadV2(roots, updates, gc = true) {
  const p = new YjsPeer({ client: LOADER_CLIENT, gc }, roots);
  for (const u of updates) Y.applyUpdateV2(p.doc, u);
  return p;
}
