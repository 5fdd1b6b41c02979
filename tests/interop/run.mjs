#!/usr/bin/env node
// Command-line companion of the interop suite, for looking at one session.
//   node tests/interop/run.mjs <seed> [--features all|a,b] [--script] [--yjs] [--check] [--shrink]
// prints the session (compact), and with --script its JSON, with --yjs a
// standalone yjs program that performs it, with --check the comparison with the
// driver (ACCORD_INTEROP_DRIVER or the asan build), --shrink minimizes a failure.
import { ALL_CHECKS, ALL_FEATURES, parseList } from './features.mjs';
import { ACCORD_FEATURES } from './accord_gate.mjs';
import { Stats, checkSession } from './accord_check.mjs';
import { driverPath } from './config.mjs';
import { formatFailure } from './compare.mjs';
import { Driver } from './driver_client.mjs';
import { generateSession } from './generator.mjs';
import { formatScript, shrink } from './shrink.mjs';
import { isTypeTag } from './values.mjs';

const args = process.argv.slice(2);
const seed = Number(args[0]);
if (!Number.isFinite(seed)) {
  console.error('usage: node tests/interop/run.mjs <seed> [--features all|a,b] [--script] [--yjs] [--check] [--shrink]');
  process.exit(2);
}
const fi = args.indexOf('--features');
const features = fi >= 0 ? parseList(args[fi + 1], ALL_FEATURES) : ACCORD_FEATURES;
const wantsDriver = args.includes('--check') || args.includes('--shrink');
const driver = wantsDriver ? await new Driver(driverPath()).start() : null;
const v2 = driver?.has('update_v2') ?? false;
const { script, reference } = generateSession(seed, features, { v2 });

console.log(`# ${script.produced_by}`);
console.log(formatScript(script));
if (args.includes('--script')) console.log(JSON.stringify(script, null, 1));
if (args.includes('--yjs')) console.log(yjsProgram(script));
if (driver) {
  const checks = new Set(ALL_CHECKS);
  const failures = await checkSession(driver, script, reference, checks, new Stats());
  console.log(failures.length === 0 ? 'all checks pass' : failures.map(formatFailure).join('\n'));
  if (failures.length > 0 && args.includes('--shrink')) {
    const m = await shrink(script, failures[0], async (c, r) => (await checkSession(driver, c, r, checks, new Stats())).find((x) => x.check === failures[0].check) ?? null, { v2 });
    console.log(`minimal (${m.trials} trials):\n${formatScript(m.script)}\n${formatFailure(m.failure)}`);
    if (args.includes('--yjs')) console.log(yjsProgram(m.script));
  }
  await driver.close();
}

/** A standalone yjs program performing `script` and printing each peer's state. */
function yjsProgram(s) {
  const js = (v) => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(js).join(', ')}]`;
    if (isTypeTag(v)) return `new Y.${{ map: 'Map', array: 'Array', text: 'Text' }[v.$type]}()`;
    if (typeof v.$bigint === 'string') return `${v.$bigint}n`;
    if (typeof v.$bytes === 'string') return `Uint8Array.from(Buffer.from('${v.$bytes}', 'hex'))`;
    return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${js(x)}`).join(', ')} }`;
  };
  const getter = { map: 'getMap', array: 'getArray', text: 'getText' };
  const target = (p, path) => path.slice(1).reduce((acc, seg) => `${acc}.get(${JSON.stringify(seg)})`, `d[${p}].${getter[s.roots.find((r) => r.name === path[0]).kind]}(${JSON.stringify(path[0])})`);
  const lines = [
    "import * as Y from 'yjs';",
    `// ${s.produced_by}`,
    'const d = [];',
    'const emitted = [];',
  ];
  s.peers.forEach((p, i) => {
    lines.push(`d[${i}] = new Y.Doc({ gc: ${p.gc} }); d[${i}].clientID = ${p.client};`);
    lines.push(`d[${i}].on('update', (u) => { emitted.at(-1).push(u); });`);
  });
  s.steps.forEach((st, n) => {
    lines.push(`emitted.push([]); // step ${n}`);
    if (st.txn !== undefined) {
      lines.push(`d[${st.txn}].transact(() => {`);
      for (const o of st.ops) {
        const t = target(st.txn, o.path);
        const attrs = o.attrs === null || o.attrs === undefined ? '' : `, ${js(o.attrs)}`;
        const call = {
          map_set: () => `${t}.set(${JSON.stringify(o.key)}, ${js(o.value)})`,
          map_delete: () => `${t}.delete(${JSON.stringify(o.key)})`,
          array_insert: () => `${t}.insert(${o.index}, ${js(o.values)})`,
          array_push: () => `${t}.push(${js(o.values)})`,
          array_delete: () => `${t}.delete(${o.index}, ${o.length})`,
          text_insert: () => `${t}.insert(${o.index}, ${JSON.stringify(o.text)}${attrs})`,
          text_embed: () => `${t}.insertEmbed(${o.index}, ${js(o.embed)}${attrs})`,
          text_format: () => `${t}.format(${o.index}, ${o.length}, ${js(o.attrs)})`,
          text_delete: () => `${t}.delete(${o.index}, ${o.length})`,
        }[o.op]();
        lines.push(`  ${call};`);
      }
      lines.push('});');
    } else if (st.sync === 'full') {
      lines.push(`Y.applyUpdate(d[${st.to}], Y.encodeStateAsUpdate(d[${st.from}]));`);
    } else if (st.sync === 'diff') {
      lines.push(`Y.applyUpdate(d[${st.to}], Y.encodeStateAsUpdate(d[${st.from}], Y.encodeStateVector(d[${st.to}])));`);
    } else {
      lines.push(`for (const [s, k] of ${JSON.stringify(st.ids)}) Y.applyUpdate(d[${st.to}], emitted[s][k]);`);
    }
  });
  lines.push("d.forEach((doc, i) => console.log(i, Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex'), JSON.stringify(doc.toJSON())));");
  return lines.join('\n');
}
