// The wasm build of the core, loaded in Node: the toolchain's vertical slice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAccordCore } from '../../wasm/js/load.mjs';

test('the wasm core reports its version and target', async () => {
  const core = await loadAccordCore();
  assert.match(core.version(), /^\d+\.\d+\.\d+$/);
  assert.equal(core.buildTarget(), 'wasm');
});
