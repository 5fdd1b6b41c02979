#!/usr/bin/env node
// A stand-in for accord_interop_driver written with yjs: same line protocol
// (driver_main.cc), same artifacts. It lets the harness test itself without the
// C++ engine: with it every check must pass, and with a deliberate bug
// (ACCORD_MOCK_BUG=skip_format: text_format ops are ignored) the harness must
// find failing sessions and minimize them (harness.test.mjs).
// Usage: ACCORD_INTEROP_DRIVER=tests/interop/mock_driver.mjs node --test tests/interop/accord.test.mjs
import readline from 'node:readline';
import { runScript } from './session.mjs';
import * as Y from 'yjs';
import { YjsPeer, yjsLoad, yjsLoadV2 } from './yjs_peer.mjs';
import { bytesToHex, hexToBytes } from './values.mjs';

const BUG = process.env.ACCORD_MOCK_BUG ?? '';

class BuggyPeer extends YjsPeer {
  applyOp(op) {
    if (BUG === 'skip_format' && op.op === 'text_format') return;
    super.applyOp(op);
  }
}

const CAPABILITIES = ['update_v1', 'update_v2', 'merge_updates', 'diff_update', 'state_vector_from_update'];
const hex = (b) => bytesToHex(b);

function handle(req) {
  if (req.cmd === 'hello') return { ok: true, capabilities: CAPABILITIES, version: `mock-yjs${BUG ? `+${BUG}` : ''}` };
  if (req.cmd === 'run') {
    try {
      return { ok: true, ...runScript(req.script, (spec, roots) => new BuggyPeer(spec, roots), { v2: !!req.v2 }) };
    } catch (e) {
      return { ok: false, error: e.message, steps: [] };
    }
  }
  if (req.cmd === 'merge_updates') {
    const bytes = req.updates.map(hexToBytes);
    return { ok: true, update: hex(req.v2 ? Y.mergeUpdatesV2(bytes) : Y.mergeUpdates(bytes)) };
  }
  if (req.cmd === 'diff_update') {
    const [u, sv] = [hexToBytes(req.update), hexToBytes(req.sv)];
    return { ok: true, update: hex(req.v2 ? Y.diffUpdateV2(u, sv) : Y.diffUpdate(u, sv)) };
  }
  if (req.cmd === 'state_vector_from_update') {
    const u = hexToBytes(req.update);
    return { ok: true, sv: hex(req.v2 ? Y.encodeStateVectorFromUpdateV2(u) : Y.encodeStateVectorFromUpdate(u)) };
  }
  if (req.cmd === 'load') {
    const doc = req.updates_v2
      ? yjsLoadV2(req.roots, req.updates_v2.map(hexToBytes), req.gc ?? true)
      : yjsLoad(req.roots, req.updates.map(hexToBytes), req.gc ?? true);
    const out = { ok: true, sv: bytesToHex(doc.stateVector()), state: bytesToHex(doc.stateAsUpdate()), view: doc.view(), json: doc.json() };
    doc.destroy();
    return out;
  }
  return { ok: false, error: `unsupported command ${req.cmd}` };
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  if (!line) return;
  let out;
  try {
    out = handle(JSON.parse(line));
  } catch (e) {
    out = { ok: false, error: `exception: ${e.message}` };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
});
