// The gate of the committed Accord run: which features the generator may use
// and which checks run when scripts/test.sh compares Accord with yjs/ywasm.
// Everything not listed here is excluded because the engine does not pass it
// yet; the run prints the exclusions, so nothing excluded counts as passed.
// Widen these lists as the engine improves (the lead owns them); run
// everything with ACCORD_INTEROP_FEATURES=all ACCORD_INTEROP_CHECKS=all.
import { ALL_CHECKS, ALL_FEATURES } from './features.mjs';

/** Features of the sessions the committed run generates. */
export const ACCORD_FEATURES = new Set(ALL_FEATURES);

/** Checks the committed run performs. */
export const ACCORD_CHECKS = new Set(ALL_CHECKS);

/** Why each excluded feature or check is out (printed with the summary). */
export const EXCLUSION_REASONS = {};

/** The excluded names of `all` given `enabled`, with reasons. */
export function exclusions(all, enabled) {
  return all.filter((n) => !enabled.has(n)).map((n) => `${n}${EXCLUSION_REASONS[n] ? ` (${EXCLUSION_REASONS[n]})` : ''}`);
}
