// Loads the Accord core WebAssembly module in Node or a browser.
//
// The module is built for web and worker environments only: Debian's Emscripten
// 3.1.6 emits CommonJS-only code (`require`, `__dirname`) in the Node branch of an
// ES6 module, and fetches the .wasm with fetch(), which Node cannot do for file
// paths. So in Node the bytes are read here and handed over as `wasmBinary`, and
// the module never needs its Node branch. In a browser the .wasm is fetched from
// beside the .mjs.
import createAccordCore from '../../build/wasm/wasm/accord-core.mjs';

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

export async function loadAccordCore(options = {}) {
  if (isNode && !options.wasmBinary) {
    const { readFile } = await import('node:fs/promises');
    const url = new URL('../../build/wasm/wasm/accord-core.wasm', import.meta.url);
    options = { ...options, wasmBinary: await readFile(url) };
  }
  return createAccordCore(options);
}
