// Accord against yjs and ywasm: seeded random sessions run in yjs (the
// reference) and in Accord through the C++ driver; every update, state vector,
// encoded state and document view must match, and each implementation's bytes
// must load in the others with the same content (accord_check.mjs). What the
// committed run generates and checks is gated in accord_gate.mjs.
//
// Replay one session:   ACCORD_INTEROP_SEED=<n> node --test tests/interop/accord.test.mjs
// More sessions:        ACCORD_INTEROP_SESSIONS=<n>  (default 2000)
// Everything, ungated:  ACCORD_INTEROP_FEATURES=all ACCORD_INTEROP_CHECKS=all
// Driver binary:        ACCORD_INTEROP_DRIVER (default build/asan/tests/interop/accord_interop_driver)
// Cross-loading checks: every 4th session (ACCORD_INTEROP_CROSS_EVERY=1 for all)
// Failing sessions are minimized (ACCORD_INTEROP_SHRINK=0 turns that off) and
// written to build/test-artifacts/interop/seed-<n>.json with how they were made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCORD_CHECKS, ACCORD_FEATURES } from './accord_gate.mjs';
import { failureCounts, reportFailures, runSuite } from './accord_suite.mjs';
import * as config from './config.mjs';
import { Driver } from './driver_client.mjs';

const BINARY = config.driverPath();

test('Accord matches yjs byte for byte and interoperates with yjs and ywasm', {
  skip: Driver.exists(BINARY) ? false : `the driver is not built (${BINARY}); build target accord_interop_driver`,
  timeout: 20 * 60 * 1000,
}, async () => {
  const features = config.features(ACCORD_FEATURES);
  const checks = config.checks(ACCORD_CHECKS);
  const driver = await new Driver(BINARY).start();
  try {
    const { stats, failing, summary } = await runSuite(driver, {
      seeds: config.seeds(2000), features, checks, crossEvery: config.crossEvery(),
    });
    console.log(summary);
    if (failing.length === 0) return;
    const reports = await reportFailures(driver, failing, { features, checks });
    assert.fail(`${failing.length} of ${stats.sessions} sessions fail.\n  ${failureCounts(failing).join('\n  ')}\n\n` +
      reports.map((r) => r.text).join('\n\n'));
  } finally {
    await driver.close();
  }
});
