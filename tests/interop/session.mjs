// Session scripts and their execution.
//
// A session script is JSON (so the C++ driver reads the very same thing):
//   { "format": "accord-interop-session/1",
//     "produced_by": "tests/interop/generator.mjs seed=42 features=...",
//     "seed": 42,
//     "peers": [ {"client": 9007199254740991, "gc": true}, ... ],
//     "roots": [ {"name": "m", "kind": "map"}, {"name": "t", "kind": "text"}, ... ],
//     "steps": [ step, ... ] }
// and a step is one of
//   {"txn": p, "ops": [op, ...]}           one transaction on peer p
//   {"sync": "full", "from": p, "to": q}    q applies encodeStateAsUpdate(p)
//   {"sync": "diff", "from": p, "to": q}    q applies encodeStateAsUpdate(p, encodeStateVector(q))
//   {"sync": "updates", "to": q, "ids": [[s, k], ...]}
//                                           q applies, in this order, the k-th update emitted
//                                           at step s (by that step's peer); ids may repeat
//                                           and come out of order (pending structs).
// An op addresses a shared type by path: [root name, then map keys (strings) and
// array indexes (numbers)] down to a nested type, and is one of
//   map_set {key, value}       map_delete {key}
//   array_insert {index, values}   array_push {values}   array_delete {index, length}
//   text_insert {index, text, attrs}   text_embed {index, embed, attrs}
//   text_format {index, length, attrs} text_delete {index, length}
// with values in the tagged form of values.mjs; `attrs: null` means "no attributes
// given" (yjs then inherits the formatting at the position), `{}` means "none".
// Text indexes and lengths are UTF-16 code units.
//
// Executing a script yields artifacts, compared byte for byte across implementations:
//   steps[i] = {peer, updates: [hex...], sent: [hex...], sv, state, view}
//     peer: the peer the step changed (txn peer or sync target); updates: every update
//     it emitted during the step (a transaction can emit more than one, e.g. yjs's
//     formatting cleanup); sent: the full/diff payload of a sync step; sv, state: its
//     encodeStateVector and encodeStateAsUpdate afterwards; view: see yjs_peer.mjs.
//   final[p] = {sv, state, view, json} for every peer after the last step.
// With {v2: true} (yjs peers), also updates_v2 per step and state_v2 per peer.
import { bytesToHex, hexToBytes } from './values.mjs';

export const SCRIPT_FORMAT = 'accord-interop-session/1';

/** Executes `script` with peers made by `makePeer(spec, roots)`; returns artifacts. */
export function runScript(script, makePeer, { checkpoints = true, v2 = false } = {}) {
  const runner = new SessionRunner(script, makePeer, { checkpoints, v2 });
  try {
    for (const step of script.steps) runner.runStep(step);
    return runner.finish();
  } finally {
    runner.destroy();
  }
}

/** Step-by-step execution; the generator uses it to choose ops against live peers. */
export class SessionRunner {
  constructor(script, makePeer, { checkpoints = true, v2 = false } = {}) {
    this.script = script;
    this.peers = script.peers.map((spec) => makePeer(spec, script.roots));
    this.checkpoints = checkpoints;
    this.v2 = v2; // also record update format v2 (yjs peers only): updates_v2, state_v2
    this.emitted = []; // emitted[s] = Uint8Array[] of step s
    this.steps = [];
  }

  /** Runs one step. For a txn, `step.ops` may be a function(applyOp) that picks ops live. */
  runStep(step) {
    const s = this.emitted.length;
    let peer;
    let updates;
    let sent = [];
    if (step.txn !== undefined) {
      peer = step.txn;
      updates = this.peers[peer].transact((applyOp) => {
        if (typeof step.ops === 'function') step.ops(applyOp);
        else for (const op of step.ops) applyOp(op);
      });
    } else if (step.sync === 'full' || step.sync === 'diff') {
      peer = step.to;
      const payload = step.sync === 'full'
        ? this.peers[step.from].stateAsUpdate()
        : this.peers[step.from].stateAsUpdate(this.peers[step.to].stateVector());
      sent = [payload];
      updates = this.peers[peer].applyUpdate(payload);
    } else if (step.sync === 'updates') {
      peer = step.to;
      updates = [];
      for (const [us, k] of step.ids) {
        const u = this.emitted[us]?.[k];
        if (!u) throw new Error(`step ${s}: update [${us},${k}] was never emitted`);
        updates.push(...this.peers[peer].applyUpdate(u));
      }
    } else {
      throw new Error(`step ${s}: unknown step ${JSON.stringify(step)}`);
    }
    this.emitted.push(updates);
    const rec = { peer, updates: updates.map(bytesToHex), sent: sent.map(bytesToHex) };
    if (this.v2) rec.updates_v2 = this.peers[peer].emittedV2.map(bytesToHex);
    if (this.checkpoints) {
      const p = this.peers[peer];
      rec.sv = bytesToHex(p.stateVector());
      rec.state = bytesToHex(p.stateAsUpdate());
      rec.view = p.view();
    }
    this.steps.push(rec);
    return rec;
  }

  finish() {
    return {
      steps: this.steps,
      final: this.peers.map((p) => ({
        sv: bytesToHex(p.stateVector()),
        state: bytesToHex(p.stateAsUpdate()),
        ...(this.v2 ? { state_v2: bytesToHex(p.stateAsUpdateV2()) } : {}),
        view: p.view(),
        json: p.json(),
      })),
    };
  }

  destroy() {
    for (const p of this.peers) p.destroy();
  }
}

/**
 * Every update emitted in the session, in step order, as bytes: those of local
 * transactions and those peers emitted while applying remote updates (yjs's
 * formatting cleanup creates deletions there, so local ones alone are not the
 * whole history). Loading all of them, in any order, gives the converged state.
 */
export function allEmittedUpdates(artifacts) {
  const out = [];
  for (const rec of artifacts.steps) for (const h of rec.updates) out.push(hexToBytes(h));
  return out;
}

/** A copy of `script` without step `i`; update ids pointing at later steps are renumbered. */
export function withoutStep(script, i) {
  const steps = [];
  script.steps.forEach((step, s) => {
    if (s === i) return;
    if (step.sync === 'updates') {
      const ids = step.ids.filter(([us]) => us !== i).map(([us, k]) => [us > i ? us - 1 : us, k]);
      return steps.push({ ...step, ids });
    }
    steps.push(step);
  });
  return { ...script, steps };
}

/** A copy of `script` without op `j` of step `i`. */
export function withoutOp(script, i, j) {
  const steps = script.steps.slice();
  steps[i] = { ...steps[i], ops: steps[i].ops.filter((_, k) => k !== j) };
  return { ...script, steps };
}

/** A copy of `script` without peer `p`, or null when a step still involves it. */
export function withoutPeer(script, p) {
  const uses = (st) => st.txn === p || st.from === p || st.to === p;
  if (script.peers.length <= 1 || script.steps.some(uses)) return null;
  const re = (i) => (i > p ? i - 1 : i);
  const steps = script.steps.map((st) => {
    const out = { ...st };
    for (const k of ['txn', 'from', 'to']) if (out[k] !== undefined) out[k] = re(out[k]);
    return out;
  });
  return { ...script, peers: script.peers.filter((_, i) => i !== p), steps };
}
