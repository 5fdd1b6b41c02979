// The TypeScript side is checked against the module's declared types: the worker, the UI
// client and the API (web/src/worker, web/src/core) compile under `strict` with
// wasm/js/accord.d.mts, whose names bindings.test.mjs checks against the C++ registrations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');

test('web/src/worker and web/src/core type-check against wasm/js/accord.d.mts', () => {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const result = spawnSync(tsc, ['-p', path.join(root, 'web/src/worker/tsconfig.json')], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
});
