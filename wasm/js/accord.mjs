// The Accord core as a JS API: loads the WebAssembly module (load.mjs) with a file back end
// for its SQLite (files.mjs) and wraps every binding so that an error of the core becomes a
// thrown AccordError with the core's code and message (the bindings return envelopes, see
// wasm/src/js_values.h). Types: accord.d.ts. Works in Node, in a worker and in a page.
import { loadAccordCore } from './load.mjs';
import { memoryFiles } from './files.mjs';

/** An error of the core: `code` (e.g. 'invalid_argument'), `field` and `record` when known. */
export class AccordError extends Error {
  constructor({ code, message, field, record }) {
    super(message);
    this.name = 'AccordError';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (record !== undefined) this.record = record;
  }
}

/** Every binding of the module, by area (wasm/src/bindings_*.cc). */
export const BINDINGS = Object.freeze([
  // bindings_version.cc
  'version',
  'buildTarget',
  // bindings_store.cc
  'storeOpen',
  'storeClose',
  'storeAppend',
  'storeLoad',
  'storeOutbox',
  'storeAcknowledge',
  'storeCompact',
  'storeListDocuments',
  'storeIntegrityCheck',
  // bindings_search.cc
  'projectionUpdate',
  'search',
  // bindings_documents.cc
  'docOpen',
  'docClose',
  'docMeta',
  'docEncodeState',
  'docStateVector',
  'docApplyUpdate',
  'docToJson',
  'docObserve',
  'docOutboxCount',
  'docAcknowledgeAll',
  // bindings_records.cc
  'recordsList',
  'recordGet',
  'recordWrite',
  'recordArchive',
  'textEdit',
  'visitReview',
  'newId',
  'teamIndexEnsure',
  'accountCreate',
  'accountRefreshEntry',
  // bindings_schema.cc
  'schema',
  // bindings_exchange.cc
  'history',
  'exportDocument',
  'importDocument',
  // bindings_analytics.cc
  'powerMapHealth',
  'followUps',
  'digest',
  'funnel',
  'tiering',
  // bindings_sync.cc
  'sessionCreate',
  'sessionDestroy',
  'sessionAttach',
  'sessionDetach',
  'sessionStart',
  'sessionStop',
  'sessionOnOpen',
  'sessionOnMessage',
  'sessionOnClosed',
  'sessionFire',
  'sessionSetAwareness',
  'sessionAwareness',
  'sessionStatus',
  'sessionDocumentStatus',
]);

function unwrap(result) {
  if (result !== null && typeof result === 'object' && typeof result.ok === 'boolean') {
    if (result.ok) return result.value;
    throw new AccordError(result);
  }
  return result;
}

/**
 * Loads the module. options.files: the VFS back end (default memoryFiles()); other options go
 * to the Emscripten module (wasmBinary, locateFile).
 */
export async function createCore(options = {}) {
  const { files = memoryFiles(), ...rest } = options;
  const module = await loadAccordCore({ ...rest, accordFiles: files });
  const core = { files };
  for (const name of BINDINGS) {
    const fn = module[name];
    if (typeof fn !== 'function') throw new Error(`accord core: binding '${name}' is missing`);
    core[name] = (...args) => unwrap(fn(...args));
  }
  return core;
}
