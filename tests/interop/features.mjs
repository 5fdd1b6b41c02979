// The names of what a session may contain (features) and what a comparison may
// check (checks). The generator only emits enabled features, so a gate list
// (accord_gate.mjs) can keep the committed Accord run to what the engine
// supports while the yjs/ywasm self-test exercises everything.

/** Everything the generator can put into a session. */
export const ALL_FEATURES = Object.freeze([
  // operations
  'map_set', // Y.Map set of an Any value
  'map_delete', // Y.Map delete (also of missing keys)
  'array_insert', // Y.Array insert of one or more values at an index
  'array_push', // Y.Array push
  'array_delete', // Y.Array delete of a range
  'text_insert', // Y.Text insert without attributes (inherits formatting)
  'text_delete', // Y.Text delete of a range
  'text_insert_attrs', // Y.Text insert with explicit attributes ({} included)
  'text_format', // Y.Text format of a range, null removes an attribute
  'text_embed', // Y.Text insertEmbed of an object
  'nested_map', // a new Y.Map as a map value or array element
  'nested_array', // a new Y.Array as a map value or array element
  'nested_text', // a new Y.Text as a map value or array element
  'array_push_type', // a push whose first value is a new nested type (yjs: after the very last item)
  'multi_op_txn', // several ops in one transaction
  // values
  'value_nested', // arrays and objects inside Any values
  'value_bytes', // Uint8Array: as a map value/array element (ContentBinary) and inside Any
  'value_bigint', // BigInt inside Any
  'json_number_forms', // numbers in embeds/format attributes (JSON text) like 1e+21, 2.5e-8, 1e15, 1/3
  // delivery
  'sync_full', // apply encodeStateAsUpdate(from)
  'sync_diff', // apply encodeStateAsUpdate(from, stateVector(to))
  'sync_updates', // apply single emitted updates, in emission order (may leave pending structs)
  'sync_shuffled', // single updates out of order and duplicated
  // documents
  'gc_off', // peers created with gc: false (otherwise every peer has gc: true)
]);

/** Everything a comparison with the C++ driver can check. */
export const ALL_CHECKS = Object.freeze([
  'txn_updates', // per local transaction: the update bytes emitted
  'remote_updates', // per sync step: the update bytes the receiving peer emitted
  'txn_updates_v2', // the same in update format v2 (yjs's 'updateV2' event; capability update_v2)
  'remote_updates_v2',
  'sent', // the full/diff payload bytes of a sync step
  'state_vector', // encodeStateVector after each step and at the end
  'state', // encodeStateAsUpdate after each step and at the end
  'view', // the document content (types, values, text deltas with formats)
  'json', // toJSON of every root at the end
  'accord_to_yjs', // Accord's final states and txn updates (shuffled) load in yjs, equal view
  'accord_to_ywasm', // the same into ywasm (lossy view: ywasm turns bytes/bigint into numbers)
  'yjs_to_accord', // yjs's final states and txn updates (shuffled) load in Accord, equal view
  'ywasm_to_accord', // a ywasm replay's final state and txn updates load in Accord, equal view
  // capability checks (run when the driver reports the capability, see accord_check.mjs)
  'merge_updates', // merge_updates(all emitted updates) byte for byte with Y.mergeUpdates
  'diff_update', // diff_update(merged, a state vector) with Y.diffUpdate
  'state_vector_from_update', // encode_state_vector_from_update(merged) with yjs's
  'merge_updates_v2', // the same three on the session's v2 updates (driver capability update_v2)
  'diff_update_v2',
  'state_vector_from_update_v2',
]);

/** Parses a comma-separated list ("all" = every name); throws on an unknown name. */
export function parseList(text, all) {
  if (text === 'all') return new Set(all);
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!all.includes(n)) throw new Error(`unknown name ${n} (known: ${all.join(', ')})`);
  return new Set(names);
}
