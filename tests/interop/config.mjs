// Run configuration of the interop suites, from the environment:
//   ACCORD_INTEROP_SEED=<n>        run only the session with seed n (replay a failure)
//   ACCORD_INTEROP_SESSIONS=<n>    number of sessions (seeds base..base+n-1)
//   ACCORD_INTEROP_BASE_SEED=<n>   first seed (default 1; "random" picks one and prints it)
//   ACCORD_INTEROP_FEATURES=<list> comma-separated features, or "all" (see features.mjs)
//   ACCORD_INTEROP_CHECKS=<list>   comma-separated checks, or "all" (Accord suite only)
//   ACCORD_INTEROP_DRIVER=<path>   the C++ driver (default build/asan/tests/interop/accord_interop_driver)
//   ACCORD_INTEROP_SHRINK=0        do not minimize failing sessions
//   ACCORD_INTEROP_CROSS_EVERY=<n> run the cross-loading checks on every n-th session (default 4;
//                                  1 = all); the byte-for-byte checks run on every session
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ALL_CHECKS, ALL_FEATURES, parseList } from './features.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The seeds to run: [n] when replaying, else base..base+count-1. */
export function seeds(defaultCount) {
  const env = process.env;
  if (env.ACCORD_INTEROP_SEED) return [Number(env.ACCORD_INTEROP_SEED)];
  const count = env.ACCORD_INTEROP_SESSIONS ? Number(env.ACCORD_INTEROP_SESSIONS) : defaultCount;
  let base = 1;
  if (env.ACCORD_INTEROP_BASE_SEED === 'random') {
    base = Math.floor(Math.random() * 2 ** 31);
    console.log(`interop: ACCORD_INTEROP_BASE_SEED=${base}`);
  } else if (env.ACCORD_INTEROP_BASE_SEED) {
    base = Number(env.ACCORD_INTEROP_BASE_SEED);
  }
  return Array.from({ length: count }, (_, i) => base + i);
}

/** Features from ACCORD_INTEROP_FEATURES, else `fallback` (a Set). */
export function features(fallback) {
  const text = process.env.ACCORD_INTEROP_FEATURES;
  return text ? parseList(text, ALL_FEATURES) : fallback;
}

/** Checks from ACCORD_INTEROP_CHECKS, else `fallback` (a Set). */
export function checks(fallback) {
  const text = process.env.ACCORD_INTEROP_CHECKS;
  return text ? parseList(text, ALL_CHECKS) : fallback;
}

export function driverPath() {
  return process.env.ACCORD_INTEROP_DRIVER || path.join(REPO_ROOT, 'build/asan/tests/interop/accord_interop_driver');
}

export function shrinkEnabled() {
  return process.env.ACCORD_INTEROP_SHRINK !== '0';
}

/** Every how many sessions the cross-loading checks run (1 when replaying one seed). */
export function crossEvery() {
  if (process.env.ACCORD_INTEROP_SEED) return 1;
  return Math.max(1, Number(process.env.ACCORD_INTEROP_CROSS_EVERY ?? 4));
}
