// The Accord comparison as a function, shared by accord.test.mjs (the C++
// driver) and harness.test.mjs (the yjs mock driver, to prove the harness finds
// and minimizes failures).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CHECKS, ALL_FEATURES } from './features.mjs';
import { exclusions } from './accord_gate.mjs';
import { Stats, checkSession } from './accord_check.mjs';
import { REPO_ROOT, shrinkEnabled } from './config.mjs';
import { formatFailure } from './compare.mjs';
import { generateSession } from './generator.mjs';
import { formatScript, shrink } from './shrink.mjs';

/** Runs `seeds` against `driver`; returns {stats, failing: [{seed, script, failures}], summary}. */
export async function runSuite(driver, { seeds, features, checks, crossEvery = 1 }) {
  const stats = new Stats();
  const failing = [];
  const t0 = Date.now();
  for (const [i, seed] of seeds.entries()) {
    const { script, reference } = generateSession(seed, features, { v2: driver.has('update_v2') });
    const failures = await checkSession(driver, script, reference, checks, stats, { cross: i % crossEvery === 0 });
    if (failures.length > 0) failing.push({ seed, script, failures });
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const lines = [`interop vs Accord ${driver.version} (${driver.binary}): ${stats.sessions} sessions, ${stats.steps} steps, ` +
    `${stats.ops} ops, ${stats.bytesCompared} bytes compared, ${stats.viewsCompared} views compared, ` +
    `cross-loading checks on ${stats.crossSessions} sessions, ` +
    `${failing.length} failing sessions, ${seconds} s`];
  const exF = exclusions(ALL_FEATURES, features);
  const exC = exclusions(ALL_CHECKS, checks);
  if (exF.length) lines.push(`  features excluded by the gate: ${exF.join(', ')}`);
  if (exC.length) lines.push(`  checks excluded by the gate: ${exC.join(', ')}`);
  for (const [reason, n] of stats.skipped) lines.push(`  skipped in ${n} sessions: ${reason}`);
  return { stats, failing, summary: lines.join('\n') };
}

/** Failing seeds grouped by check, one line per check. */
export function failureCounts(failing) {
  const byCheck = {};
  for (const f of failing) for (const x of f.failures) (byCheck[x.check] ??= []).push(f.seed);
  return Object.entries(byCheck).map(([c, s]) => `${c}: ${s.length} (seeds ${s.slice(0, 8).join(' ')}${s.length > 8 ? ' ...' : ''})`);
}

/**
 * Minimizes up to `max` failing sessions with distinct first checks, writes each to
 * build/test-artifacts/interop/seed-<n>.json, returns [{seed, text, minimal}].
 */
export async function reportFailures(driver, failing, { features, checks, max = 3 }) {
  const out = [];
  const seen = new Set();
  for (const f of failing) {
    const key = f.failures[0].check;
    if (seen.has(key) || out.length >= max) continue;
    seen.add(key);
    out.push(await reportOne(driver, f, features, checks));
  }
  return out;
}

async function reportOne(driver, { seed, script, failures }, features, checks) {
  const featureList = [...features].sort().join(',');
  const replay = `ACCORD_INTEROP_SEED=${seed} ACCORD_INTEROP_FEATURES=${featureList}`;
  let minimal = { script, failure: failures[0], trials: 0 };
  if (shrinkEnabled()) {
    minimal = await shrink(script, failures[0], async (candidate, reference) => {
      const fs = await checkSession(driver, candidate, reference, checks, new Stats());
      return fs.find((x) => x.check === failures[0].check) ?? null;
    }, { v2: driver.has('update_v2') });
  }
  const dir = path.join(REPO_ROOT, 'build/test-artifacts/interop');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `seed-${seed}.json`);
  writeFileSync(file, JSON.stringify({
    produced_by: `${script.produced_by}; minimized by tests/interop/shrink.mjs in ${minimal.trials} trials`,
    driver: driver.version,
    replay,
    failures,
    minimal_failure: minimal.failure,
    minimal_script: minimal.script,
  }, null, 1));
  const text = `seed ${seed} (replay: ${replay}):\n${failures.map(formatFailure).join('\n')}\n` +
    `  minimal session (${minimal.trials} trials, saved to ${path.relative(REPO_ROOT, file)}):\n` +
    `${formatScript(minimal.script).replace(/^/gm, '    ')}\n  ${formatFailure(minimal.failure)}`;
  return { seed, text, minimal };
}
