// The WebAssembly module's download size: the .wasm and the .mjs glue, gzipped (level 9, what
// a server or CDN typically serves). Budget (issue 6): at most 1.5 MB gzipped. Printed for the
// README.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 1.5 * 1000 * 1000;

test('the module is within its size budget (1.5 MB gzipped)', () => {
  const wasm = readFileSync(new URL('../../build/wasm/wasm/accord-core.wasm', import.meta.url));
  const glue = readFileSync(new URL('../../build/wasm/wasm/accord-core.mjs', import.meta.url));
  const wasmGz = gzipSync(wasm, { level: 9 }).length;
  const glueGz = gzipSync(glue, { level: 9 }).length;
  const total = wasmGz + glueGz;
  console.log(
    `accord-core: wasm ${wasm.length} B (${wasmGz} B gzipped), glue ${glue.length} B (${glueGz} B gzipped), total ${total} B gzipped = ${(total / 1e6).toFixed(2)} MB of the 1.5 MB budget`,
  );
  assert.ok(total <= BUDGET, `${total} B gzipped is over the 1.5 MB budget`);
});
