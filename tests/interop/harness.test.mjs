// The harness tests itself with mock_driver.mjs (yjs behind the driver
// protocol): a faithful driver passes every check, and a driver with a
// deliberate bug (text_format ignored) fails, and the failure is minimized to a
// session that still contains the op the bug is about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ALL_CHECKS, ALL_FEATURES } from './features.mjs';
import { reportFailures, runSuite } from './accord_suite.mjs';
import { Driver } from './driver_client.mjs';

const MOCK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mock_driver.mjs');
const FEATURES = new Set(ALL_FEATURES);
const CHECKS = new Set(ALL_CHECKS);

async function withMock(bug, fn) {
  const saved = process.env.ACCORD_MOCK_BUG;
  process.env.ACCORD_MOCK_BUG = bug;
  const driver = await new Driver(MOCK).start();
  if (saved === undefined) delete process.env.ACCORD_MOCK_BUG;
  else process.env.ACCORD_MOCK_BUG = saved;
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

const seeds = (n, base) => Array.from({ length: n }, (_, i) => base + i);

test('a driver that behaves like yjs passes every check', async () => {
  await withMock('', async (driver) => {
    const { failing, stats, summary } = await runSuite(driver, { seeds: seeds(25, 9001), features: FEATURES, checks: CHECKS });
    console.log(summary);
    assert.equal(stats.sessions, 25);
    assert.ok(stats.bytesCompared > 0);
    assert.deepEqual(failing.map((f) => f.seed), []);
  });
});

test('a driver that ignores text_format is caught and minimized', async () => {
  await withMock('skip_format', async (driver) => {
    const { failing } = await runSuite(driver, { seeds: seeds(25, 9001), features: FEATURES, checks: CHECKS });
    assert.ok(failing.length > 0, 'the bug went unnoticed');
    const [report] = await reportFailures(driver, failing, { features: FEATURES, checks: CHECKS, max: 1 });
    const ops = report.minimal.script.steps.flatMap((s) => s.ops ?? []);
    assert.ok(ops.some((o) => o.op === 'text_format'), `minimal session lost the format op:\n${report.text}`);
    assert.ok(report.minimal.script.steps.length <= 6, `not minimized:\n${report.text}`);
  });
});
