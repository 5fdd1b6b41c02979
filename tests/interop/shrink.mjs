// Minimizing a failing session: remove steps and ops one at a time while the
// same check still fails, so a report shows a handful of ops instead of thirty.
// A candidate must still execute in yjs (paths resolve, indexes in bounds, see
// YjsPeer's bounds checks); its reference is recomputed from yjs each time.
import { runScript, withoutOp, withoutPeer, withoutStep } from './session.mjs';
import { YjsPeer } from './yjs_peer.mjs';

/** The yjs reference of a script, or null when yjs cannot execute it. */
export function referenceOf(script, { v2 = false } = {}) {
  let reference;
  try {
    reference = runScript(script, (spec, roots) => new YjsPeer(spec, roots), { v2 });
  } catch {
    return null;
  }
  // Checks against the converged content only make sense when the peers still converge.
  const first = JSON.stringify(reference.final[0].view);
  script.converges = reference.final.every((p) => JSON.stringify(p.view) === first);
  return reference;
}

/**
 * Shrinks `script` while `stillFails(candidate, reference)` resolves to a failure
 * with check `check`. Returns {script, failure, trials}.
 */
export async function shrink(script, failure, stillFails, { maxTrials = 400, maxMillis = 30000, v2 = false } = {}) {
  const t0 = Date.now();
  let best = script;
  let bestFailure = failure;
  let trials = 0;
  const budgetLeft = () => trials < maxTrials && Date.now() - t0 < maxMillis;

  const attempt = async (candidate) => {
    trials++;
    const reference = referenceOf(candidate, { v2 });
    if (!reference) return false;
    const f = await stillFails(candidate, reference);
    if (f && f.check === failure.check) {
      best = candidate;
      bestFailure = f;
      return true;
    }
    return false;
  };

  // Cut everything after the failing step when we know it.
  const m = /^step (\d+)/.exec(failure.where ?? '');
  if (m && Number(m[1]) + 1 < best.steps.length) {
    await attempt({ ...best, steps: best.steps.slice(0, Number(m[1]) + 1) });
  }
  let changed = true;
  while (changed && budgetLeft()) {
    changed = false;
    for (let i = best.steps.length - 1; i >= 0 && budgetLeft(); i--) {
      if (await attempt(withoutStep(best, i))) changed = true;
    }
    for (let i = best.steps.length - 1; i >= 0 && budgetLeft(); i--) {
      const step = best.steps[i];
      if (step.txn === undefined) continue;
      for (let j = step.ops.length - 1; j >= 0 && budgetLeft(); j--) {
        if (await attempt(withoutOp(best, i, j))) changed = true;
      }
      if (best.steps[i].ops?.length === 0 && await attempt(withoutStep(best, i))) changed = true;
    }
  }
  // Peers no step involves any more (their client ids still order concurrent
  // inserts only through the structs they made, and they made none).
  for (let p = best.peers.length - 1; p >= 0 && budgetLeft(); p--) {
    const candidate = withoutPeer(best, p);
    if (candidate) await attempt(candidate);
  }
  return { script: best, failure: bestFailure, trials };
}

/** A script as compact text: one line per step, for reports. */
export function formatScript(script) {
  const lines = [
    `peers ${JSON.stringify(script.peers)}`,
    `roots ${JSON.stringify(script.roots)}`,
  ];
  script.steps.forEach((step, s) => {
    if (step.txn !== undefined) {
      lines.push(`${s}: txn on peer ${step.txn}`);
      for (const op of step.ops) {
        const { op: name, path, ...rest } = op;
        lines.push(`     ${name} ${JSON.stringify(path)} ${JSON.stringify(rest)}`);
      }
    } else if (step.sync === 'updates') {
      lines.push(`${s}: peer ${step.to} applies updates ${JSON.stringify(step.ids)}`);
    } else {
      lines.push(`${s}: ${step.sync} sync ${step.from} -> ${step.to}`);
    }
  });
  return lines.join('\n');
}
