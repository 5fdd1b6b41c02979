// Checking one session against Accord: the C++ driver executes the script and
// every artifact is compared with the yjs reference (byte for byte where the
// artifact is bytes), then the cross directions run: Accord's bytes loaded in
// yjs and ywasm, yjs's and ywasm's bytes loaded in Accord. Each comparison
// belongs to a named check (features.mjs ALL_CHECKS); only enabled checks run.
//
// Capability-gated checks (run only when the driver reports the capability,
// otherwise counted as skipped, never as passed):
//   update_v2: {cmd: "run", v2: true} must add updates_v2 per step and state_v2 per
//     peer, compared with yjs's updateV2 events and encodeStateAsUpdateV2; and
//     {cmd: "load", updates_v2: [...]} loads v2 updates.
//   merge_updates: {cmd: "merge_updates", updates: [hex]} -> {ok, update} vs Y.mergeUpdates
//   diff_update: {cmd: "diff_update", update, sv} -> {ok, update} vs Y.diffUpdate
//   state_vector_from_update: {cmd: "state_vector_from_update", update} -> {ok, sv}
//     vs Y.encodeStateVectorFromUpdate
import * as Y from 'yjs';
import { compareHex, compareView } from './compare.mjs';
import { Prng } from './prng.mjs';
import { allEmittedUpdates, runScript } from './session.mjs';
import { bytesToHex, hexToBytes } from './values.mjs';
import { yjsLoad, yjsLoadV2 } from './yjs_peer.mjs';
import { YwasmPeer, canReplay, clientsFit, ywasmLoad } from './ywasm_peer.mjs';

export const CAPABILITY_CHECKS = Object.freeze(['update_v2', 'merge_updates', 'diff_update', 'state_vector_from_update']);

/** Mutable totals over a run, printed as the suite's summary. */
export class Stats {
  constructor() {
    this.sessions = 0;
    this.steps = 0;
    this.ops = 0;
    this.bytesCompared = 0;
    this.viewsCompared = 0;
    this.crossSessions = 0; // sessions that also ran the cross-loading and capability checks
    this.skipped = new Map(); // reason -> count
  }

  skip(reason) {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }
}

const stepLabel = (script, s) => {
  const step = script.steps[s];
  if (!step) return `step ${s}`;
  if (step.txn !== undefined) return `step ${s} (txn on peer ${step.txn}, ${step.ops.length} ops)`;
  if (step.sync === 'updates') return `step ${s} (peer ${step.to} applies updates ${JSON.stringify(step.ids)})`;
  return `step ${s} (${step.sync} sync ${step.from} -> ${step.to})`;
};

/** ywasm panics leave its module unusable: after the first one, ywasm checks stop. */
let ywasmBroken = null;

function guardYwasm(failures, where, fn) {
  if (ywasmBroken) return null;
  try {
    return fn();
  } catch (e) {
    ywasmBroken = `${where}: ${e.message}`;
    failures.push({ check: 'ywasm', where, detail: `ywasm threw; ywasm checks are off for the rest of the run: ${e.message}`, expected: '', actual: '' });
    return null;
  }
}

/**
 * Runs every enabled check of one session. Returns the failures (the first one
 * per check and place, in order). With cross: false only the driver's own
 * artifacts are compared (the cross-loading and capability checks are skipped). `reference` must come from the generator with
 * the same script (and {v2: true} when update_v2 is checked).
 */
export async function checkSession(driver, script, reference, checks, stats, { cross = true } = {}) {
  const failures = [];
  const on = (c) => checks.has(c);
  const seen = new Set();
  const add = (f) => {
    if (!f) return;
    if (seen.has(f.check)) return; // the first difference per check tells the story
    seen.add(f.check);
    failures.push(f);
  };
  const hex = (check, where, e, a) => {
    if (!on(check)) return;
    stats.bytesCompared += e.length / 2;
    add(compareHex(check, where, e, a));
  };
  const view = (check, where, e, a) => {
    if (!on(check)) return;
    stats.viewsCompared++;
    add(compareView(check, where, e, a));
  };
  const v2 = driver.has('update_v2') && on('state');

  const res = await driver.call({ cmd: 'run', script, v2 });
  stats.sessions++;
  stats.steps += script.steps.length;
  stats.ops += script.steps.reduce((n, s) => n + (s.ops?.length ?? 0), 0);
  if (!res.ok) {
    add({ check: res.crash ? 'crash' : 'run', where: res.step !== undefined ? stepLabel(script, res.step) : 'run', detail: res.error, expected: '', actual: '' });
  }
  const steps = res.steps ?? [];
  for (let s = 0; s < steps.length; s++) {
    const e = reference.steps[s];
    const a = steps[s];
    const where = stepLabel(script, s);
    const isTxn = script.steps[s].txn !== undefined;
    const updCheck = isTxn ? 'txn_updates' : 'remote_updates';
    if (on(updCheck)) {
      if (e.updates.length !== a.updates.length) {
        add({ check: updCheck, where, detail: `${e.updates.length} updates emitted by yjs, ${a.updates.length} by Accord`, expected: e.updates.join(' | ').slice(0, 400), actual: a.updates.join(' | ').slice(0, 400) });
      } else {
        e.updates.forEach((u, k) => hex(updCheck, `${where}, update ${k}`, u, a.updates[k]));
      }
    }
    e.sent.forEach((u, k) => hex('sent', where, u, a.sent?.[k]));
    hex('state_vector', where, e.sv, a.sv);
    hex('state', where, e.state, a.state);
    view('view', where, e.view, a.view);
    if (v2) {
      (e.updates_v2 ?? []).forEach((u, k) => hex(`${updCheck}_v2`, `${where}, v2 update ${k}`, u, a.updates_v2?.[k]));
    }
  }
  if (!res.ok) return failures;

  reference.final.forEach((e, p) => {
    const a = res.final[p];
    const where = `final, peer ${p}`;
    hex('state_vector', where, e.sv, a.sv);
    hex('state', where, e.state, a.state);
    if (v2) hex('state', `${where} (v2)`, e.state_v2, a.state_v2);
    view('view', where, e.view, a.view);
    view('json', where, e.json, a.json);
  });
  if (!driver.has('update_v2')) stats.skip('update_v2 (driver lacks the capability)');
  if (!cross) {
    stats.skip('cross-loading and capability checks (sampled: see ACCORD_INTEROP_CROSS_EVERY)');
    return failures;
  }
  stats.crossSessions++;

  const rng = new Prng(script.seed ^ 0x5eed);
  const converged = script.converges ? reference.final[0].view : null;
  const accordAll = steps.flatMap((st) => st.updates.map(hexToBytes));
  const yjsAll = allEmittedUpdates(reference);

  // Loading updates runs yjs's formatting cleanup in the loading doc, which can
  // delete format items the session's peers kept, and what it deletes depends on
  // the order of arrival. So loaded bytes are compared with yjs loading the same
  // bytes (or the same permutation of yjs's own), never with the session's view.
  const perm = rng.shuffle(yjsAll.map((_, i) => i));
  const permuted = (list) => perm.map((i) => list[i]);

  // Accord -> yjs: final states and every emitted update, shuffled.
  if (on('accord_to_yjs')) {
    res.final.forEach((a, p) => {
      const gc = script.peers[p].gc;
      const fromAccord = yjsLoad(script.roots, [hexToBytes(a.state)], gc);
      const fromYjs = yjsLoad(script.roots, [hexToBytes(reference.final[p].state)], gc);
      view('accord_to_yjs', `final state of peer ${p} loaded in yjs: from Accord vs from yjs`, fromYjs.view(), fromAccord.view());
      fromAccord.destroy();
      fromYjs.destroy();
    });
    if (converged && accordAll.length === yjsAll.length) {
      const fromAccord = yjsLoad(script.roots, permuted(accordAll));
      const fromYjs = yjsLoad(script.roots, permuted(yjsAll));
      view('accord_to_yjs', 'all emitted updates, shuffled, loaded in yjs: from Accord vs from yjs', fromYjs.view(), fromAccord.view());
      fromAccord.destroy();
      fromYjs.destroy();
    }
  }

  // Accord -> ywasm: what ywasm makes of Accord's bytes equals what it makes of yjs's.
  if (on('accord_to_ywasm')) {
    if (!clientsFit(script)) stats.skip('accord_to_ywasm (client ids above 2^32)');
    else if (ywasmBroken) stats.skip('accord_to_ywasm (ywasm broken earlier in the run)');
    else {
      guardYwasm(failures, 'accord_to_ywasm', () => {
        res.final.forEach((a, p) => {
          const gc = script.peers[p].gc;
          const fromAccord = ywasmLoad(script.roots, [hexToBytes(a.state)], gc);
          const fromYjs = ywasmLoad(script.roots, [hexToBytes(reference.final[p].state)], gc);
          view('accord_to_ywasm', `final state of peer ${p} in ywasm: from Accord vs from yjs`, fromYjs.view(), fromAccord.view());
          fromAccord.destroy();
          fromYjs.destroy();
        });
        if (converged) {
          const fromAccord = ywasmLoad(script.roots, accordAll);
          const fromYjs = ywasmLoad(script.roots, yjsAll);
          view('accord_to_ywasm', 'all emitted updates in order, in ywasm: from Accord vs from yjs', fromYjs.view(), fromAccord.view());
        }
      });
    }
  }

  // yjs -> Accord: yjs's final states and every emitted update, shuffled; Accord
  // must end where yjs ends after loading the same bytes (content and re-encoding).
  if (on('yjs_to_accord')) {
    const inputs = reference.final.map((e, p) => [`yjs's final state of peer ${p}`, [e.state], script.peers[p].gc]);
    if (converged) inputs.push(["all of yjs's emitted updates, shuffled", permuted(yjsAll).map(bytesToHex), true]);
    for (const [what, updates, gc] of inputs) {
      const where = `${what}, loaded in Accord`;
      const r = await driver.call({ cmd: 'load', roots: script.roots, gc, updates });
      if (!r.ok) {
        add({ check: r.crash ? 'crash' : 'yjs_to_accord', where, detail: r.error, expected: '', actual: '' });
        continue;
      }
      const doc = yjsLoad(script.roots, updates.map(hexToBytes), gc);
      view('yjs_to_accord', `${where} (vs yjs loading the same)`, doc.view(), r.view);
      hex('yjs_to_accord', `${where}, re-encoded (vs yjs loading the same)`, bytesToHex(doc.stateAsUpdate()), r.state);
      doc.destroy();
    }
  }

  // Update format v2 both ways: Accord's v2 states in yjs, yjs's v2 states in Accord.
  if (v2) {
    for (let p = 0; p < reference.final.length; p++) {
      const e = reference.final[p];
      const gc = script.peers[p].gc;
      if (on('accord_to_yjs') && res.final[p].state_v2) {
        const fromAccord = yjsLoadV2(script.roots, [hexToBytes(res.final[p].state_v2)], gc);
        const fromYjs = yjsLoadV2(script.roots, [hexToBytes(e.state_v2)], gc);
        view('accord_to_yjs', `v2 final state of peer ${p} loaded in yjs: from Accord vs from yjs`, fromYjs.view(), fromAccord.view());
        fromAccord.destroy();
        fromYjs.destroy();
      }
      if (on('yjs_to_accord')) {
        const where = `yjs's v2 final state of peer ${p}, loaded in Accord`;
        const r = await driver.call({ cmd: 'load', roots: script.roots, gc, updates_v2: [e.state_v2] });
        if (!r.ok) {
          add({ check: r.crash ? 'crash' : 'yjs_to_accord', where, detail: r.error, expected: '', actual: '' });
          continue;
        }
        const doc = yjsLoadV2(script.roots, [hexToBytes(e.state_v2)], gc);
        view('yjs_to_accord', `${where} (vs yjs loading the same)`, doc.view(), r.view);
        hex('yjs_to_accord', `${where}, re-encoded as v1 (vs yjs loading the same)`, bytesToHex(doc.stateAsUpdate()), r.state);
        doc.destroy();
      }
    }
  }

  // ywasm -> Accord: a ywasm replay's bytes (ywasm encodes some numbers differently)
  // loaded in Accord and in yjs give the same content.
  if (on('ywasm_to_accord')) {
    if (!canReplay(script)) stats.skip('ywasm_to_accord (session has large client ids or bytes/BigInt values)');
    else if (ywasmBroken) stats.skip('ywasm_to_accord (ywasm broken earlier in the run)');
    else {
      const w = guardYwasm(failures, 'ywasm replay', () => {
        try {
          return runScript(script, (spec, r) => new YwasmPeer(spec, r));
        } catch (e) {
          if (/path .* broken/.test(e.message)) return null; // ywasm diverged from yjs: nothing to load
          throw e;
        }
      });
      if (!w) stats.skip('ywasm_to_accord (ywasm replay diverged from yjs)');
      else {
        const inputs = [
          ['the final state of peer 0 of a ywasm replay', [w.final[0].state], script.peers[0].gc],
          ['all updates a ywasm replay emitted, in order', w.steps.flatMap((st) => st.updates), true],
        ];
        for (const [what, updates, gc] of inputs) {
          const r = await driver.call({ cmd: 'load', roots: script.roots, gc, updates });
          if (!r.ok) {
            add({ check: r.crash ? 'crash' : 'ywasm_to_accord', where: what, detail: r.error, expected: '', actual: '' });
            continue;
          }
          const doc = yjsLoad(script.roots, updates.map(hexToBytes), gc);
          view('ywasm_to_accord', `${what}: Accord vs yjs`, doc.view(), r.view);
          doc.destroy();
        }
      }
    }
  }

  await capabilityChecks(driver, reference, on, add, hex, stats);
  return failures;
}

/**
 * merge_updates, diff_update, state_vector_from_update (v1, and v2 when the driver
 * has update_v2): run when the driver has them, on all updates the session emitted.
 */
async function capabilityChecks(driver, reference, on, add, hex, stats) {
  const formats = [{ v2: false, field: 'updates', merge: Y.mergeUpdates, diff: Y.diffUpdate, sv: Y.encodeStateVectorFromUpdate }];
  if (driver.has('update_v2')) {
    formats.push({ v2: true, field: 'updates_v2', merge: Y.mergeUpdatesV2, diff: Y.diffUpdateV2, sv: Y.encodeStateVectorFromUpdateV2 });
  }
  for (const fmt of formats) {
    const all = reference.steps.flatMap((st) => st[fmt.field] ?? []);
    if (all.length === 0) continue;
    const label = fmt.v2 ? ' (v2)' : '';
    const name = (base) => (fmt.v2 ? `${base}_v2` : base);
    if (!on(name('merge_updates')) && !on(name('diff_update')) && !on(name('state_vector_from_update'))) continue;
    const merged = fmt.merge(all.map(hexToBytes));
    if (!driver.has('merge_updates')) stats.skip('merge_updates (driver lacks the capability)');
    else {
      const r = await driver.call({ cmd: 'merge_updates', updates: all, v2: fmt.v2 });
      if (!r.ok) add({ check: r.crash ? 'crash' : name('merge_updates'), where: `merge_updates${label} of all emitted updates`, detail: r.error, expected: '', actual: '' });
      else hex(name('merge_updates'), `merge_updates${label} of all emitted updates`, bytesToHex(merged), r.update);
    }
    const sv = hexToBytes(reference.steps[Math.floor(reference.steps.length / 2)].sv);
    if (!driver.has('diff_update')) stats.skip('diff_update (driver lacks the capability)');
    else {
      const r = await driver.call({ cmd: 'diff_update', update: bytesToHex(merged), sv: bytesToHex(sv), v2: fmt.v2 });
      if (!r.ok) add({ check: r.crash ? 'crash' : name('diff_update'), where: `diff_update${label}(merged, mid-session sv)`, detail: r.error, expected: '', actual: '' });
      else hex(name('diff_update'), `diff_update${label}(merged, mid-session sv)`, bytesToHex(fmt.diff(merged, sv)), r.update);
    }
    if (!driver.has('state_vector_from_update')) stats.skip('state_vector_from_update (driver lacks the capability)');
    else {
      const r = await driver.call({ cmd: 'state_vector_from_update', update: bytesToHex(merged), v2: fmt.v2 });
      if (!r.ok) add({ check: r.crash ? 'crash' : name('state_vector_from_update'), where: `state_vector_from_update${label}(merged)`, detail: r.error, expected: '', actual: '' });
      else hex(name('state_vector_from_update'), `state_vector_from_update${label}(merged)`, bytesToHex(fmt.sv(merged)), r.sv);
    }
  }
}
