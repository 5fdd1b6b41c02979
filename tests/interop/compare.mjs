// Comparison of artifacts: hex byte strings and tagged JSON views. A failure is
// a plain object {check, where, detail, expected, actual} that the tests print
// and the shrinker matches on (same check = same failure).
import { canonical } from './values.mjs';

/** Views with adjacent string inserts of equal attributes merged (item boundaries do not show). */
export function normalizeView(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(normalizeView);
  if (Array.isArray(v.$text) && Object.keys(v).length === 1) {
    const out = [];
    for (const d of v.$text) {
      const attrs = d.attributes && Object.keys(d.attributes).length > 0 ? canonical(d.attributes) : undefined;
      const prev = out[out.length - 1];
      if (typeof d.insert === 'string' && prev && typeof prev.insert === 'string' &&
          JSON.stringify(prev.attributes) === JSON.stringify(attrs)) {
        prev.insert += d.insert;
        continue;
      }
      const e = { insert: typeof d.insert === 'string' ? d.insert : normalizeView(d.insert) };
      if (attrs) e.attributes = attrs;
      out.push(e);
    }
    return { $text: out.filter((d) => d.insert !== '') };
  }
  const out = {};
  for (const k of Object.keys(v).sort()) out[k] = normalizeView(v[k]);
  return out;
}

/** First differing byte offset of two hex strings, or -1. */
function firstDiff(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 2) if (a.substr(i, 2) !== b.substr(i, 2)) return i / 2;
  return a.length === b.length ? -1 : n / 2;
}

function clip(s, n = 400) {
  return s.length > n ? `${s.slice(0, n)}... (${s.length} chars)` : s;
}

/** A failure when two hex byte strings differ, else null. */
export function compareHex(check, where, expected, actual) {
  if (expected === actual) return null;
  if (typeof actual !== 'string') return { check, where, detail: 'missing', expected: clip(String(expected)), actual: String(actual) };
  const at = firstDiff(expected, actual);
  return {
    check, where,
    detail: `${expected.length / 2} vs ${actual.length / 2} bytes, first difference at byte ${at}`,
    expected: clip(expected), actual: clip(actual),
  };
}

/** First path where two JSON values differ, as a string, or null. */
function diffPath(a, b, path = '$') {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object' || Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = diffPath(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = diffPath(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

/** A failure when two views (or JSON values) differ after normalization, else null. */
export function compareView(check, where, expected, actual) {
  const e = normalizeView(expected);
  const a = normalizeView(actual);
  const es = JSON.stringify(e);
  const as = JSON.stringify(a);
  if (es === as) return null;
  return { check, where, detail: `differs at ${diffPath(e, a)}`, expected: clip(es), actual: clip(as ?? 'undefined') };
}

/** One line per failure, for test output. */
export function formatFailure(f) {
  return `[${f.check}] ${f.where}: ${f.detail}\n    expected ${f.expected}\n    actual   ${f.actual}`;
}
